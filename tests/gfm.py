"""Reading our Markdown exports as a GFM reader would (markdown-it-py)."""

from __future__ import annotations

from markdown_it import MarkdownIt


def cell_text(inline) -> str:
    """What a reader sees in a cell: escapes resolved, emphasis markers gone."""
    return "".join(child.content for child in inline.children if child.type in ("text", "code_inline"))


def tables(markdown: str) -> list[list[list[str]]]:
    """Each GFM table as rows of cell texts, the header row first."""
    found: list[list[list[str]]] = []
    row: list[str] | None = None
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type == "table_open":
            found.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline" and row is not None:
            row.append(cell_text(token))
        elif token.type == "tr_close":
            found[-1].append(row)
            row = None
    return found

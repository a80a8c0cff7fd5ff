"""The checklists as GitHub-flavoured Markdown, read back with a real parser
(markdown-it-py, CommonMark + tables + task lists): user text shows as
literal text and never opens a heading, a link, HTML, emphasis or a new item."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.tasklists import tasklists_plugin
from wcwidth import wcswidth

from opsboard import i18n
from opsboard.export.checklists import checklists_markdown
from opsboard.export.markdown import table
from opsboard.model import ChecklistItem, ItemStatus, Phase

TODAY = date(2026, 3, 2)
PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(tasklists_plugin)  # GFM's extensions
HOSTILE = "Fix | pipes *bold* _it_ [link](http://x) ![img](y) # not a heading <b>html</b> <script> `code` &amp; \\ ~~s~~ $x$"


def item(
    title: str,
    *,
    code: str = "A",
    owner: str = "",
    due: date | None = None,
    status: ItemStatus = ItemStatus.OPEN,
    department: str = "design",
    **fields,
) -> ChecklistItem:
    # model_construct: the text reaches the exporter exactly as given, even
    # what validation would fold (newlines), to test the exporter on its own.
    return ChecklistItem.model_construct(
        id=f"i-{code}",
        phase=fields.get("phase", Phase.RESEARCH),
        code=code,
        title=title,
        detail="",
        department=department,
        status=status,
        owner=owner,
        due=due,
        notes="",
        done_at=None,
        done_by="",
        order=0,
    )


def export(items: list[ChecklistItem], departments: dict[str, str] | None = None, board: str = "Spring shop", language: str = "en") -> str:
    phases = [(phase, [i for i in items if i.phase is phase], 0, 0) for phase in Phase]
    i18n.set_language(language)  # exports speak the interface language
    return checklists_markdown(board, phases, departments or {"design": "Design"}, TODAY)


def structure(markdown: str) -> dict[str, list]:
    """What the parser made of the document."""
    tokens = PARSER.parse(markdown)
    found: dict[str, list] = {"headings": [], "items": [], "other": []}
    for n, token in enumerate(tokens):
        if token.type == "heading_open":
            found["headings"].append((token.tag, text_of(tokens[n + 1].children)))
        elif token.type == "html_block":
            found["other"].append(token.type)
        elif token.type == "inline" and token.children:
            box, *rest = token.children
            if box.type == "html_inline" and "task-list-item-checkbox" in box.content:
                found["items"].append((text_of(rest), box.content))
                found["other"] += [c.type for c in rest if c.type != "text"]
    return found


def text_of(children) -> str:
    return "".join(c.content for c in children or () if c.type == "text").strip()


def test_hostile_title_owner_department_and_board_name_stay_literal_text() -> None:
    markdown = export(
        [item(HOSTILE + "\n# Injected heading\n- [x] injected item", owner="<img src=x> [me](y)")],
        departments={"design": "Design | *Art* <dept>"},
        board="Shop # 1 <b>",
    )
    found = structure(markdown)
    assert found["headings"] == [
        ("h1", "Shop # 1 <b> — checklists"),
        ("h2", "Research (0/0 done)"),
        ("h2", "Launch (0/0 done)"),
        ("h2", "Promotion (0/0 done)"),
        ("h2", "Review (0/0 done)"),
    ]
    folded = " ".join((HOSTILE + "\n# Injected heading\n- [x] injected item").split())
    assert found["items"] == [
        (
            f"A · {folded} — Design | *Art* <dept> · owner <img src=x> [me](y)",
            '<input class="task-list-item-checkbox" disabled="disabled" type="checkbox">',
        )
    ]
    assert found["other"] == []  # no link, image, html, emphasis, code or line break


def test_a_title_cannot_start_a_table_row_or_a_new_item() -> None:
    markdown = export([item("a | b | c"), item("|---|---|", code="B"), item("\n- [ ] sneaky", code="C")])
    tokens = PARSER.parse(markdown)
    assert not [t for t in tokens if t.type.startswith("table")]
    assert [text for text, _ in structure(markdown)["items"]] == [
        "A · a | b | c — Design",
        "B · |---|---| — Design",
        "C · - [ ] sneaky — Design",
    ]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 中文|*_[]()#<>!&\\`~$-+.=:/\n\t")), min_size=1, max_size=40).filter(lambda s: s.strip()))
def test_any_title_round_trips_as_one_item_of_literal_text(title: str) -> None:
    found = structure(export([item(title)]))
    assert [text for text, _ in found["items"]] == [f"A · {' '.join(title.split())} — Design"]
    assert len(found["headings"]) == 5
    assert found["other"] == []


def test_done_skipped_overdue_and_owner_are_marked() -> None:
    items = [
        item("Size the market", status=ItemStatus.DONE, owner="liu"),
        item("Pick the store type", code="B", owner="lin", due=date(2026, 2, 20)),  # overdue
        item("Resellers", code="C", status=ItemStatus.SKIPPED),
        item("Budget", code="D", due=date(2026, 3, 10)),
    ]
    markdown = export(items)
    tokens = PARSER.parse(markdown)
    found = structure(markdown)
    assert [(text, 'checked="checked"' in box) for text, box in found["items"]] == [
        ("A · Size the market — Design · owner liu", True),
        ("B · Pick the store type — Design · owner lin · due 2026-02-20 (overdue)", False),
        ("C · Resellers (skipped) — Design", False),
        ("D · Budget — Design · due 2026-03-10", False),
    ]
    inline = [t for t in tokens if t.type == "inline"]
    kinds = [[c.type for c in t.children] for t in inline if "Pick the store" in t.content or "Resellers" in t.content]
    assert "strong_open" in kinds[0]  # (overdue) in bold
    assert "s_open" in kinds[1]  # a skipped item's title struck through


def test_chinese_board_uses_chinese_words() -> None:
    markdown = export(
        [item("市场规模与前景", owner="刘", due=date(2026, 2, 1), department="data_analysis")],
        departments={"data_analysis": "数据分析部"},
        board="麻织旗舰店",
        language="zh",
    )
    found = structure(markdown)
    assert found["headings"][0] == ("h1", "麻织旗舰店 — 阶段清单")
    assert [h for _, h in found["headings"][1:]] == ["调研（0/0 已完成）", "上线（0/0 已完成）", "推广（0/0 已完成）", "复盘（0/0 已完成）"]
    assert found["items"][0][0] == "A · 市场规模与前景 — 数据分析部 · 负责人 刘 · 截止 2026-02-01（已逾期）"


def test_tables_line_up_cjk_by_display_width() -> None:
    rows = [["客服部", "lin", "12"], ["Design", "陈晨", "3"], ["数据分析部", "x", "100"]]
    lines = table(["部门", "Owner", "Tasks"], rows, align=["left", "left", "right"]).splitlines()
    assert len({wcswidth(line) for line in lines}) == 1  # every row as wide on screen
    pipes = [[wcswidth(line[:i]) for i, ch in enumerate(line) if ch == "|"] for line in lines]
    assert all(p == pipes[0] for p in pipes)  # the column borders at the same screen columns
    parsed = PARSER.parse("\n".join(lines))
    cells = [t.content for t in parsed if t.type == "inline"]
    assert cells == ["部门", "Owner", "Tasks", "客服部", "lin", "12", "Design", "陈晨", "3", "数据分析部", "x", "100"]

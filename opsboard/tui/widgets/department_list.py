"""The departments beside the board, each with its counts of open, blocked
and overdue cards; the first entry is the overview of all of them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from opsboard.services.task_board import DepartmentSummary

OVERVIEW = "overview"
NAME_WIDTH = 12


def _fit(text: str, width: int) -> str:
    """Cut or pad to `width` cells (CJK names take two cells a character)."""
    out = ""
    for ch in text:
        if cell_len(out + ch) > width - (1 if cell_len(text) > width else 0):
            return out + "…"
        out += ch
    return out + " " * (width - cell_len(out))


def department_prompt(summary: DepartmentSummary) -> Text:
    """'Design         5  1b  2!' (blocked and overdue marked without colour too)."""
    blocked = f"{summary.blocked}b" if summary.blocked else ""
    overdue = f"{summary.overdue}!" if summary.overdue else ""
    return Text.assemble(
        _fit(summary.department.name, NAME_WIDTH),
        f"{summary.open:>5}",
        (f"{blocked:>4}", "bold" if blocked else ""),
        (f"{overdue:>5}", "bold" if overdue else ""),
    )


class DepartmentList(OptionList):
    """Not focusable: `[`/`]` and the mouse choose; the board keeps the keys."""

    can_focus = False
    DEFAULT_CSS = """
    DepartmentList { width: 30; height: 1fr; border: round $panel; border-title-align: left; }
    """
    HEADER: ClassVar[str] = " " * NAME_WIDTH + " open blk late"

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.border_title = "Departments"
        self.ids: list[str] = []
        self._shown: dict[str, Text] = {}  # the prompt each department shows

    def show(self, summaries: Sequence[DepartmentSummary], current: str) -> None:
        """Redraw the counts; `current` is a department id or OVERVIEW."""
        ids = [OVERVIEW] + [s.department.id for s in summaries]
        prompts = [Text("Overview (o)", style="bold")] + [department_prompt(s) for s in summaries]
        if ids != self.ids:
            self.clear_options()
            header = Option(Text(self.HEADER, style="dim"), id="-header", disabled=True)
            self.add_options([header] + [Option(prompt, id=key) for prompt, key in zip(prompts, ids, strict=True)])
            self.ids = ids
        else:  # only the counts that changed (each key typed in the filter redraws this)
            for key, prompt in zip(ids, prompts, strict=True):
                if self._shown.get(key) != prompt:
                    self.replace_option_prompt(key, prompt)
        self._shown = dict(zip(ids, prompts, strict=True))
        self.select(current)

    def select(self, current: str) -> None:
        """Highlight a department id or OVERVIEW (the header row is option 0)."""
        index = (self.ids.index(current) if current in self.ids else 0) + 1
        if self.highlighted != index:
            self.highlighted = index

    def chosen(self, index: int) -> str | None:
        return self.ids[index - 1] if 1 <= index <= len(self.ids) else None

    def update_one(self, summary: DepartmentSummary) -> None:
        """Redraw one department's counts, and only when they changed (a
        move between To do and Doing changes none of them)."""
        key = summary.department.id
        prompt = department_prompt(summary)
        if key in self.ids and self._shown.get(key) != prompt:
            self.replace_option_prompt(key, prompt)
            self._shown[key] = prompt

"""The departments beside the board, each with its counts of open, blocked
and overdue cards; the first entry is the overview of all of them."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from opsboard.i18n import _, pgettext
from opsboard.services.task_board import DepartmentSummary

OVERVIEW = "overview"
NAME_WIDTH = 12  # the names' room in a narrow window
NAME_WIDTH_WIDE = 20  # from WIDE columns on: "Product Development" whole
WIDE = 120
COUNTS_WIDTH = 14  # " open blk late"
FRAME_WIDTH = 4  # the border and the options' padding


def _fit(text: str, width: int) -> str:
    """Cut or pad to `width` cells (CJK names take two cells a character)."""
    out = ""
    for ch in text:
        if cell_len(out + ch) > width - (1 if cell_len(text) > width else 0):
            return out + "…"
        out += ch
    return out + " " * (width - cell_len(out))


def _right(text: str, width: int) -> str:
    """Right-aligned in `width` cells (a CJK character takes two)."""
    return " " * max(0, width - cell_len(text)) + text


def counts_header() -> str:
    """' open blk late' over the counts (14 cells)."""
    return (
        _right(pgettext("department list", "open"), 5)
        + _right(pgettext("department list", "blk"), 4)
        + _right(pgettext("department list", "late"), 5)
    )


def department_prompt(summary: DepartmentSummary, name_width: int = NAME_WIDTH) -> Text:
    """'Design         5  1b  2!' (blocked and overdue marked without colour too)."""
    blocked = pgettext("department list", "{n}b").format(n=summary.blocked) if summary.blocked else ""
    overdue = f"{summary.overdue}!" if summary.overdue else ""
    return Text.assemble(
        _fit(summary.department.name, name_width),
        f"{summary.open:>5}",
        (_right(blocked, 4), "bold" if blocked else ""),
        (f"{overdue:>5}", "bold" if overdue else ""),
    )


class DepartmentList(OptionList):
    """Not focusable: `[`/`]` and the mouse choose; the board keeps the keys."""

    can_focus = False
    DEFAULT_CSS = """
    DepartmentList { width: 30; height: 1fr; border: round $panel; border-title-align: left; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = _("Departments")
        self.ids: list[str] = []
        self._shown: dict[str, Text] = {}  # the prompt each department shows
        self.name_width = NAME_WIDTH
        self.room = NAME_WIDTH  # the widest the names may take in this window

    def fit_window(self, window_width: int) -> None:
        """Wide windows give long department names their whole width."""
        self.room = NAME_WIDTH_WIDE if window_width >= WIDE else NAME_WIDTH

    def show(self, summaries: Sequence[DepartmentSummary], current: str) -> None:
        """Redraw the counts; `current` is a department id or OVERVIEW."""
        ids = [OVERVIEW] + [s.department.id for s in summaries]
        longest = max((cell_len(s.department.name) for s in summaries), default=0)
        name_width = max(NAME_WIDTH, min(self.room, longest))
        if name_width != self.name_width:
            self.name_width, self.ids = name_width, []  # every row redrawn
        self.styles.width = name_width + COUNTS_WIDTH + FRAME_WIDTH
        prompts = [Text(_("Overview (o)"), style="bold")] + [department_prompt(s, name_width) for s in summaries]
        if ids != self.ids:
            self.clear_options()
            header = Option(Text(" " * name_width + counts_header(), style="dim"), id="-header", disabled=True)
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
        prompt = department_prompt(summary, self.name_width)
        if key in self.ids and self._shown.get(key) != prompt:
            self.replace_option_prompt(key, prompt)
            self._shown[key] = prompt

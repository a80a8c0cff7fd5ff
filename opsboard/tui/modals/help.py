"""`?`: every key of the view and of the app, what the marks on screen
mean and the filter's words, in a dialog that scrolls by keyboard.

Built from the same bindings as the footer (so a remapped key shows as
remapped), but only opsboard's own: Textual's defaults (ctrl+q, copy, focus
next) are not the product's keys. A key already named in another's display
("H" in "H/L Move") is not listed twice.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from opsboard.i18n import _, _l
from opsboard.services.task_filter import filter_words

SYMBOLS = (
    ("!", _l("overdue; beside a count: needs a look")),
    ("1b", _l("one blocked card in the department")),
    ("▌", _l("the card or row the keys act on")),
    ("┃ ━", _l("the column the keys act on")),
    ("⚠", _l("why a card is blocked")),
    ("↳", _l("the checklist item a task serves")),
    ("[x] [-]", _l("done / not applicable")),
    ("*", _l("a month or week not complete yet")),
    ("+3 older", _l("done cards folded away: z shows them")),
)
KEY_WIDTH = 12


def _ours(node: object) -> bool:
    return type(node).__module__.startswith("opsboard.")


def key_lines(screen: Screen) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(keys, description) of the view's own keys and of the app's, in the
    order they are declared; keys of one action joined ('j/↓')."""
    app = screen.app
    groups: dict[tuple[bool, str], tuple[list[str], str]] = {}
    for node, binding, enabled, _tooltip in screen.active_bindings.values():
        # opsboard's keys carry an id (a keymap can remap them); Textual's defaults do not
        if not (_ours(node) and binding.id and enabled and binding.description):
            continue
        display = app.get_key_display(binding)
        group = groups.setdefault((node is app, binding.action), ([], str(binding.description)))
        if display not in group[0]:
            group[0].append(display)
    shown: set[str] = set()
    for keys, _description in groups.values():  # keys a footer display already names together ("H/L", "[ ]")
        for key in keys:
            if "/" in key or " " in key:
                shown.update(key.replace(" ", "/").split("/"))
    view: list[tuple[str, str]] = []
    everywhere: list[tuple[str, str]] = []
    for (is_app, _action), (keys, description) in groups.items():
        keys = [k for k in keys if k not in shown or "/" in k or " " in k]
        if keys:
            (everywhere if is_app else view).append(("/".join(keys), description))
    return view, everywhere


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", _l("Close"), id="help.close"),
        Binding("j,down", "scroll(1)", _l("Down"), id="help.down", show=False),
        Binding("k,up", "scroll(-1)", _l("Up"), id="help.up", show=False),
        Binding("pagedown,space", "page(1)", _l("Page down"), id="help.page_down", show=False),
        Binding("pageup", "page(-1)", _l("Page up"), id="help.page_up", show=False),
        Binding("g,home", "jump('top')", _l("Top"), id="help.top", show=False),
        Binding("G,end", "jump('bottom')", _l("Bottom"), id="help.bottom", show=False),
    ]

    def __init__(self, view_title: str, view: list[tuple[str, str]], everywhere: list[tuple[str, str]]) -> None:
        super().__init__()
        self.view_title = view_title
        self.view_keys = view
        self.everywhere = everywhere

    def compose(self) -> ComposeResult:
        with Vertical():
            with VerticalScroll(id="help-keys"):
                yield Static(self._text(), id="help-text")
            yield Static(_("j/k ↑/↓ PgUp/PgDn Home/End scroll · esc or ? closes"), id="help-hint", markup=False)

    def _text(self) -> Text:
        text = Text()

        def section(title: str, rows: list[tuple[str, str]] | tuple[tuple[str, str], ...]) -> None:
            text.append(f"{title}\n", style="bold")
            for keys, description in rows:
                pad = " " * max(1, KEY_WIDTH - cell_len(keys))
                text.append(f"  {keys}", style="bold")
                text.append(f"{pad}{description}\n")
            text.append("\n")

        if self.view_keys:
            section(_(str(self.view_title)) if self.view_title else _("This view"), self.view_keys)
        section(_("Everywhere"), self.everywhere)
        section(_("Marks on screen"), [(mark, str(words)) for mark, words in SYMBOLS])
        section(_("Filter (/ in view 2 and in T's list)"), filter_words())
        text.rstrip()
        return text

    @property
    def _scroll(self) -> VerticalScroll:
        return self.query_one("#help-keys", VerticalScroll)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, step: int) -> None:
        self._scroll.scroll_relative(y=step, animate=False)

    def action_page(self, step: int) -> None:
        self._scroll.scroll_relative(y=step * max(1, self._scroll.size.height - 1), animate=False)

    def action_jump(self, where: str) -> None:
        if where == "top":
            self._scroll.scroll_home(animate=False)
        else:
            self._scroll.scroll_end(animate=False)

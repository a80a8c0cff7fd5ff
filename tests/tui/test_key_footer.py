"""KeyFooter: one line drawn from the screen's active bindings, whole keys
only when narrow, redrawn only when the keys change."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from checklists_fixture import checklist_app, checklist_board  # noqa: F401
from rich.style import Style
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from opsboard.tui.widgets.key_footer import KeyFooter


class Pane(Widget, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("n", "new", "New")]
    DEFAULT_CSS = "Pane { height: 3; }"


class OtherPane(Widget, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("z", "zap", "Zap"), Binding("y", "yank", "Yank", show=False)]
    DEFAULT_CSS = "OtherPane { height: 3; }"


class FooterApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "alpha", "Alpha", id="demo.alpha"),
        Binding("b", "bravo", "Bravo", show=False),
        Binding("c,C", "charlie", "Charlie"),  # one action, two keys: shown once
        Binding("enter", "go", "Go", key_display="⏎"),
        Binding("d", "delta", "Delta"),  # disabled by check_action: dimmed
        Binding("m", "mark", "[red]Mark[/]"),  # looks like markup, shown as typed
        Binding("question_mark", "help", "Help"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.ran: list[str] = []

    def compose(self) -> ComposeResult:
        yield Pane()
        yield OtherPane()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(Pane).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "delta" else True

    def action_alpha(self) -> None:
        self.ran.append("alpha")

    def action_delta(self) -> None:
        self.ran.append("delta")


def drawn_line(footer: KeyFooter) -> Strip:
    """The footer's line as the screen gets it (padded with the background)."""
    return footer.render_lines(Region(0, 0, footer.size.width, 1))[0]


def footer_line(app: App) -> str:
    return drawn_line(app.screen.query_one(KeyFooter)).text


def contrast(style: Style) -> int:
    """How far the text colour is from its background."""
    fg, bg = style.color.get_truecolor(), style.bgcolor.get_truecolor()
    return sum(abs(a - b) for a, b in zip(fg, bg, strict=True))


#                 7      9        11        6     9       16            8     2  12
LINE_80 = " n New  a Alpha  c Charlie  ⏎ Go  d Delta  m [red]Mark[/]  ? Help   ▏^p palette "


async def test_the_line_shows_shown_keys_in_order_with_the_palette_on_the_right() -> None:
    app = FooterApp()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        assert footer.region.y == 9 and footer.region.height == 1 and footer.region.width == 80
        assert footer_line(app) == LINE_80
        assert footer.shown_keys() == [
            ("n", "New"),
            ("a", "Alpha"),
            ("c", "Charlie"),
            ("⏎", "Go"),
            ("d", "Delta"),
            ("m", "[red]Mark[/]"),
            ("?", "Help"),
            ("^p", "palette"),
        ]


async def test_a_disabled_key_is_dimmed_and_a_click_on_it_runs_nothing() -> None:
    app = FooterApp()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        segments = {seg.text: seg.style for seg in drawn_line(app.screen.query_one(KeyFooter))}
        # Textual draws dim text as its colour faded toward the background
        assert contrast(segments[" d "]) < contrast(segments[" a "])
        assert contrast(segments["Delta "]) < contrast(segments["Alpha "])
        assert segments[" a "].bold and segments[" d "].bold
        app.bell = lambda: app.ran.append("bell")
        await pilot.click(KeyFooter, offset=(38, 0))  # on " d Delta "
        await pilot.click(KeyFooter, offset=(10, 0))  # on " a Alpha "
        await pilot.click(KeyFooter, offset=(67, 0))  # between ? Help and the palette
        await pilot.pause()
        assert app.ran == ["bell", "alpha"]


async def test_at_40_columns_only_whole_keys_fit_beside_the_palette() -> None:
    app = FooterApp()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        # 40 - 12 for the palette leaves 28: 7 + 9 + 11 = 27, " ⏎ Go " would need 33
        assert footer.shown_keys() == [("n", "New"), ("a", "Alpha"), ("c", "Charlie"), ("^p", "palette")]
        assert footer_line(app) == " n New  a Alpha  c Charlie  ▏^p palette "


async def test_too_narrow_for_the_palette_it_is_dropped_and_keys_still_whole() -> None:
    app = FooterApp()
    async with app.run_test(size=(11, 10)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        assert footer.shown_keys() == [("n", "New")]
        assert footer_line(app) == " n New     "


async def test_focus_on_another_widget_shows_its_keys() -> None:
    app = FooterApp()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        app.query_one(OtherPane).focus()
        await pilot.pause()
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        keys = footer.shown_keys()
        assert keys[:2] == [("z", "Zap"), ("a", "Alpha")]
        assert ("n", "New") not in keys and ("y", "Yank") not in keys
        assert footer_line(app).startswith(" z Zap  a Alpha  c Charlie ")


async def test_a_keymap_changes_the_key_shown() -> None:
    app = FooterApp()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        app.set_keymap({"demo.alpha": "ctrl+a"})
        await pilot.pause()
        await pilot.pause()
        assert ("^a", "Alpha") in app.screen.query_one(KeyFooter).shown_keys()
        assert " ^a Alpha " in footer_line(app)


async def test_it_redraws_only_when_the_shown_keys_change() -> None:
    app = FooterApp()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        refreshes: list[int] = []
        plain_refresh = footer.refresh
        footer.refresh = lambda *args, **kwargs: refreshes.append(1) or plain_refresh(*args, **kwargs)
        reads: list[int] = []
        plain_signature = footer._keys_signature
        footer._keys_signature = lambda: reads.append(1) or plain_signature()
        for _ in range(3):
            app.screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert reads == [1]  # three signals in a row: the bindings are read once
        assert refreshes == []
        app.query_one(OtherPane).focus()
        await pilot.pause()
        await pilot.pause()
        assert refreshes == [1]


async def test_the_checklists_view_footer_at_80x24(checklist_board: Path) -> None:
    app = checklist_app(checklist_board)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        assert footer.region.y == 23
        assert footer.shown_keys() == [
            ("x", "Export"),
            ("space", "Done"),
            ("s", "Skip"),
            ("e", "Edit"),
            ("t", "Task"),
            ("?", "Help"),
            ("q", "Quit"),
            ("^p", "palette"),
        ]
        # 10 + 12 + 8 * 5 = 62, the palette 12, 6 between
        assert footer_line(app) == " x Export  space Done  s Skip  e Edit  t Task  ? Help  q Quit       ▏^p palette "

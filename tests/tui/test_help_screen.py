"""Issue 18 case 1: `?` lists the view's keys and the app's, without
Textual's defaults or duplicates, explains the marks on screen, and scrolls by
keyboard (at 80×24 view 5's app keys lie below the fold)."""

from __future__ import annotations

from pathlib import Path

from boards_app import board, make_app  # noqa: F401
from textual.containers import VerticalScroll
from textual.widgets import Static

from opsboard.tui.modals.help import HelpScreen


async def open_help(pilot, *keys: str) -> HelpScreen:
    await pilot.press(*keys)
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HelpScreen)
    return pilot.app.screen


def listed(help_screen: HelpScreen) -> list[str]:
    return str(help_screen.query_one("#help-text", Static).render()).splitlines()


async def test_help_scrolls_by_keyboard_to_the_app_keys_at_80x24(board: Path) -> None:
    async with make_app(board).run_test(size=(80, 24)) as pilot:
        help_screen = await open_help(pilot, "5")
        scroll = help_screen.query_one("#help-keys", VerticalScroll)
        assert scroll.max_scroll_y > 0  # more than fits: the app's keys are below the fold
        await pilot.press("end")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("home", "pagedown")
        await pilot.pause()
        assert 0 < scroll.scroll_y
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, HelpScreen)


async def test_help_lists_our_keys_once_and_no_textual_defaults(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        lines = listed(await open_help(pilot, "2", "enter"))
        text = "\n".join(lines)
        for default in ("Copy selected text", "Focus Next", "Page Left", "^q", "^c"):
            assert default not in text
        keys = [line.split()[0] for line in lines if line.startswith("  ")]
        assert "H/L" in keys and "H" not in keys  # 'H Move left' beside 'H/L Move' was a duplicate
        for key in ("J", "K", "z", "?", "q", "u", "^r"):  # keys no footer shows are found here
            assert key in keys, key
        assert "Marks on screen" in text and "⚠" in text
        await pilot.press("question_mark")  # ? closes it again
        await pilot.pause()
        assert not isinstance(pilot.app.screen, HelpScreen)
        lines = listed(await open_help(pilot, "5"))
        keys = [line.split()[0] for line in lines if line.startswith("  ")]
        for key in ("t", "<", ">"):
            assert key in keys, key


async def test_help_explains_the_marks_and_the_filter_words(board: Path) -> None:
    async with make_app(board).run_test(size=(80, 24)) as pilot:
        lines = [line.strip() for line in listed(await open_help(pilot, "2"))]
        assert "Marks on screen" in lines and "Filter (/ in view 2 and in T's list)" in lines
        start = lines.index("Filter (/ in view 2 and in T's list)")
        assert [line.split()[0] for line in lines[start + 1 : start + 6]] == [
            "words",
            "owner:NAME",
            "due:WHEN",
            "p:1-4",
            "tag:NAME",
        ]  # the fields' order (services/task_fields.py)
        assert "whose task; owner:me is yours" in lines[start + 2]
        assert any(line.startswith("T ") and "All tasks" in line for line in lines)


async def test_the_palettes_keys_command_opens_opsboards_help(board: Path) -> None:
    """Issue 18 case 1 through ctrl+p: 'Keys' opened Textual's panel of its
    defaults (^q Quit, ^c Copy selected text…) beside the view."""
    from textual.widgets import HelpPanel

    async with make_app(board).run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        [keys] = [c for c in pilot.app.get_system_commands(pilot.app.screen) if c.title == "Keys"]
        keys.callback()
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        assert not pilot.app.screen.query(HelpPanel) and not pilot.app.screen_stack[0].query(HelpPanel)

"""View 1 with Pilot: every change made with the keyboard is checked in the
saved file (reopened with a new BoardStore)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from checklists_fixture import MARKUP_TITLE, checklist_app, checklist_board, reopened  # noqa: F401
from textual.widgets import DataTable, Input, Static

from opsboard.model import ItemStatus, Phase
from opsboard.tui.modals.form import FormScreen
from opsboard.tui.screens.checklists import ChecklistsScreen
from opsboard.tui.widgets.key_footer import KeyFooter
from opsboard.tui.widgets.phase_tabs import PhaseTabs

WIDE = (120, 40)


def rows(screen: ChecklistsScreen) -> list[str]:
    table = screen.query_one("#items", DataTable)
    return [str(key.value) for key in table.rows]


def cursor_item(screen: ChecklistsScreen) -> str | None:
    return screen.current_item_id()


def drawn_text(widget) -> str:
    """What the widget shows on screen, line by line, as plain text."""
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


async def test_space_marks_the_item_done_in_the_file_and_again_reopens_it(checklist_board: Path) -> None:
    app = checklist_app(checklist_board)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("j", "j")  # research-c
        assert cursor_item(app.screen) == "research-c"
        await pilot.press("space")
        await pilot.pause()
        item = reopened(checklist_board).item("research-c")
        assert item.status is ItemStatus.DONE
        assert item.done_by == "ana"
        assert item.done_at == datetime.fromisoformat("2026-03-02T09:30:00+08:00")
        assert cursor_item(app.screen) == "research-c"  # the cursor stays on it
        await pilot.press("space")
        await pilot.pause()
        item = reopened(checklist_board).item("research-c")
        assert (item.status, item.done_by, item.done_at) == (ItemStatus.OPEN, "", None)


async def test_s_marks_the_item_skipped_and_the_phase_total_drops(checklist_board: Path) -> None:
    app = checklist_app(checklist_board)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "j", "s")  # research-d
        await pilot.pause()
        assert reopened(checklist_board).item("research-d").status is ItemStatus.SKIPPED
        bar = app.screen.query_one(PhaseTabs)
        assert bar.labels[Phase.RESEARCH].startswith("Research 2/3 ")  # 2 done of 3 that apply
        assert drawn_text(bar).splitlines()[0].startswith("Research 2/3 ")  # and on screen


async def test_h_l_and_tab_change_phase_and_quick_presses_each_count(checklist_board: Path) -> None:
    app = checklist_app(checklist_board)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChecklistsScreen)
        assert rows(screen) == ["research-a", "research-b", "research-c", "research-d"]
        await pilot.press("l")
        await pilot.pause()
        assert screen.phase is Phase.LAUNCH
        assert rows(screen) == ["launch-a", "launch-b", "launch-c", "launch-d", "launch-e"]
        await pilot.press("tab")
        await pilot.pause()
        assert screen.phase is Phase.PROMOTION
        assert len(rows(screen)) == 9
        await pilot.press("h")
        await pilot.pause()
        assert screen.phase is Phase.LAUNCH
        await pilot.press("l", "l", "l")  # no pause between: each press moves on
        await pilot.pause()
        assert screen.phase is Phase.RESEARCH  # launch → promotion → review → research
        await pilot.press("shift+tab")
        await pilot.pause()
        assert screen.phase is Phase.REVIEW
        assert rows(screen) == ["review-1", "review-2", "review-3", "review-4"]


async def test_edit_with_a_bad_date_shows_the_message_and_saves_nothing(checklist_board: Path) -> None:
    before = checklist_board.read_bytes()
    app = checklist_app(checklist_board)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "j", "e")  # research-d: owner chen, due 2026-03-10
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-due", Input).value = "2026-02-30"
        form.query_one("#field-owner", Input).value = "wang"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # still open
        message = form.query_one("#error-due", Static)
        assert "'2026-02-30' is not a date" in str(message.render())
        assert not message.has_class("-empty")
        assert checklist_board.read_bytes() == before  # not even the good owner was saved

        form.query_one("#field-due", Input).value = "2026-03-20"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistsScreen)
        item = reopened(checklist_board).item("research-d")
        assert (item.owner, item.due, item.updated_by) == ("wang", date(2026, 3, 20), "ana")


async def test_x_exports_the_checklists_where_the_form_said(checklist_board: Path, tmp_path: Path) -> None:
    target = tmp_path / "exports" / "spring.md"
    target.parent.mkdir()
    app = checklist_app(checklist_board)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        path_input = form.query_one("#field-path", Input)
        assert path_input.value == str(checklist_board.with_name("shop-checklists-2026-03-02.md"))  # the default
        path_input.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistsScreen)
        text = target.read_text(encoding="utf-8")
        assert text.startswith("# Spring shop — checklists\n")
        assert "## Research (2/4 done)" in text
        assert [n.message for n in app._notifications][-1] == f"Exported checklists to {target}"


async def test_a_title_that_looks_like_markup_shows_literally(checklist_board: Path) -> None:
    app = checklist_app(checklist_board)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("shift+tab", "G")  # review, last item
        await pilot.pause()
        assert cursor_item(app.screen) == "review-4"
        assert MARKUP_TITLE in drawn_text(app.screen.query_one("#items", DataTable))
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert f"4 · {MARKUP_TITLE}" in drawn_text(app.screen.query_one(".form-title", Static))


async def test_at_80x24_the_footer_and_all_four_phases_are_visible(checklist_board: Path) -> None:
    app = checklist_app(checklist_board)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        footer = screen.query_one(KeyFooter)
        assert footer.region.y == 23 and footer.region.height == 1
        assert footer.region.right <= 80
        keys = set(footer.shown_keys())  # only the keys drawn whole at this width
        assert {("space", "Done"), ("s", "Skip"), ("x", "Export"), ("?", "Help"), ("q", "Quit")} <= keys
        bar = screen.query_one(PhaseTabs)
        labels, rule = drawn_text(bar).splitlines()
        assert labels.split("  ") == ["Research 2/4 ██░░░", "Launch 0/5 ░░░░░", "Promotion 0/8 ░░░░░", "Review 0/4 ░░░░░"]
        assert len(labels.rstrip()) <= 80 and rule.strip().startswith("━" * len("Research 2/4 ██░░░") + "─")
        table = screen.query_one("#items", DataTable)
        widths = {str(key.value): column.width for key, column in table.columns.items()}
        # 80 - status 3 - code 4 - department 13 - owner 5 - due 12 - padding 12 - 2
        assert widths == {"status": 3, "code": 4, "title": 29, "department": 13, "owner": 5, "due": 12}
        assert table.region.bottom <= footer.region.y
        assert "Confirm the store's priority…" in drawn_text(table)

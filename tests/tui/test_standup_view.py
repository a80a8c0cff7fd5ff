"""View 5 with Pilot: the walk through every department with notes, a block
and a done, each checked in the saved file (reopened with a new BoardStore)
and in the Markdown export; the timebox; a teammate's notes appearing."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from standup_board import MONDAY, build_board
from textual.widgets import Static

from opsboard.model import TaskStatus
from opsboard.services.standup_record import add_note, current_standup, start_standup
from opsboard.services.tasks import add_task
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.modals.form import FormScreen
from opsboard.tui.modals.standup_history import StandupHistoryScreen
from opsboard.tui.screens.standup import StandupScreen
from opsboard.tui.widgets.standup_agenda import AgendaTable
from opsboard.tui.widgets.standup_timer import StandupTimer

WALK = ["design", "marketing", "customer_service", "product_development", "hr", "bd", "data_analysis", "operations", "store_admin"]


# Design's agenda on the stand-up board (standup_board.py) on its day
DESIGN = [
    ("! Overdue", "Retouch hero images"),
    ("Due today", "Shoot detail photos"),
    ("This week", "Size chart"),
    ("Done", "Home page banner"),
    ("Checklist", "launch A · Design the store home page"),
    ("Checklist", "launch B · Shoot and retouch the product photos"),
    ("Checklist", "launch C · Lay out the product description pages"),
]


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, dict[str, str]]:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("OPSBOARD_STANDUP_MINUTES", raising=False)
    path = tmp_path / "b.json"
    return path, build_board(path, monkeypatch)


def make_app(path: Path, user: str = "lin") -> OpsboardApp:
    app = OpsboardApp(BoardStore(path, user=user))
    app.animation_level = "none"
    return app


async def open_standup(pilot) -> StandupScreen:
    await pilot.press("5")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, StandupScreen)
    return screen


async def type_text(pilot, text: str) -> None:
    await pilot.press(*["space" if ch == " " else ch for ch in text])


def rows(screen: StandupScreen) -> list[tuple[str, str]]:
    """(group shown, title shown) per row of the agenda table."""
    table = screen.query_one(AgendaTable)
    return [(str(table.get_row_at(i)[0]), str(table.get_row_at(i)[1])) for i in range(table.row_count)]


def shown(screen: StandupScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_walkthrough_saves_notes_block_done_and_exports(board, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, ids = board
    async with make_app(path).run_test(size=(120, 40)) as pilot:
        screen = await open_standup(pilot)
        assert shown(screen, "#walk-position").startswith("Stand-up 1/9 · Design")
        assert rows(screen) == DESIGN
        # Design: a note, 90 s on the clock
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, FormScreen)
        await type_text(pilot, "Hero images by Wednesday")
        await pilot.press("enter")
        await pilot.pause()
        monkeypatch.setenv("OPSBOARD_NOW", "2026-06-15T09:31:30+08:00")
        await pilot.press("n")
        await pilot.pause()
        # Marketing: block the doing task, note a decision
        assert shown(screen, "#walk-position").startswith("Stand-up 2/9 · Marketing")
        assert rows(screen)[:2] == [("! Blocked", "Book 618 ad slots"), ("Doing", "Keyword bids review")]
        assert "UV 8% under plan this month" in shown(screen, "#walk-context")
        await pilot.press("j", "b")
        assert isinstance(pilot.app.screen, FormScreen)
        await type_text(pilot, "waiting for finance")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await type_text(pilot, "Ask finance today")
        await pilot.press("tab", "down", "down", "enter")  # open the kind, pick Decision
        await pilot.press("ctrl+s")
        await pilot.pause()
        monkeypatch.setenv("OPSBOARD_NOW", "2026-06-15T09:34:00+08:00")
        await pilot.press("right")  # → is next as well as n
        await pilot.pause()
        # Customer Service: mark the doing task done
        assert rows(screen)[0] == ("Doing", "Reply templates for 618")
        await pilot.press("d")
        await pilot.pause()
        assert rows(screen)[0] == ("Done", "Reply templates for 618")
        for _ in WALK[3:]:
            await pilot.press("n")
            await pilot.pause()
        assert shown(screen, "#walk-position").startswith("Stand-up 9/9 · Store Admin")
        monkeypatch.setenv("OPSBOARD_NOW", "2026-06-15T09:40:00+08:00")
        await pilot.press("f")
        assert isinstance(pilot.app.screen, FormScreen)
        await type_text(pilot, "Friday demo moves to Monday")
        await pilot.press("ctrl+s")
        await pilot.pause()
        export = pilot.app.screen  # the Markdown export is offered
        assert isinstance(export, FormScreen)
        target = tmp_path / "standup.md"
        export.query_one("#field-path").value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, StandupScreen)
        assert "finished · took 10:00" in shown(screen, "#timer")

    store = BoardStore(path, user="reader")
    [record] = store.standups()
    assert record.run_by == "lin"
    assert record.started_at.isoformat() == MONDAY
    assert record.finished_at.isoformat() == "2026-06-15T09:40:00+08:00"
    assert record.duration_seconds == 600
    by_dept = {d.id: d for d in record.departments}
    assert by_dept["design"].notes == ["Hero images by Wednesday"]
    assert by_dept["design"].seconds == 90
    assert by_dept["marketing"].decisions == ["Ask finance today"]
    assert by_dept["marketing"].notes == []
    assert by_dept["marketing"].seconds == 150
    # 09:34 → 09:40 on the last department; the ones between walked in no time
    assert {d.id: d.seconds for d in record.departments} == {"design": 90, "marketing": 150, "store_admin": 360}
    assert record.decisions == ["Friday demo moves to Monday"]
    blocked = store.task(ids["Keyword bids review"])
    assert (blocked.status, blocked.blocked_reason) == (TaskStatus.BLOCKED, "waiting for finance")
    assert store.task(ids["Reply templates for 618"]).status is TaskStatus.DONE

    markdown = target.read_text(encoding="utf-8")
    sections = sections_of(markdown)
    assert "- **Decision:** Ask finance today — lin" in sections["Marketing (2:30)"]  # who said it (issue 18 case 16)
    assert "- **Blocked:** Keyword bids review (lin) — waiting for finance · blocked 8 min" in sections["Marketing (2:30)"]
    assert "- Note: Hero images by Wednesday — lin" in sections["Design (1:30)"]
    assert "- Done: Reply templates for 618 (wu)" in sections["Customer Service"]
    assert sections["Team decisions"] == ["- Friday demo moves to Monday"]


def sections_of(markdown: str) -> dict[str, list[str]]:
    """Level-2 heading text → the source lines of its list items (parsed, so a
    broken list or heading would not be found)."""
    lines = markdown.splitlines()
    result: dict[str, list[str]] = {}
    current = None
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.type == "heading_open" and token.tag == "h2":
            current = lines[token.map[0]].removeprefix("## ")
            result[current] = []
        elif token.type == "list_item_open" and current is not None:
            result[current].append(lines[token.map[0]])
    return result


async def test_timebox_turns_to_a_warning_and_nothing_moves(board, monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = board
    async with make_app(path).run_test(size=(80, 24)) as pilot:
        screen = await open_standup(pilot)
        timer = screen.query_one(StandupTimer)
        assert str(timer.render()) == "2:00 left · total 0:00"
        monkeypatch.setenv("OPSBOARD_NOW", "2026-06-15T09:31:59+08:00")
        timer.tick()
        assert str(timer.render()) == "0:01 left · total 1:59"
        assert not timer.has_class("-over")
        monkeypatch.setenv("OPSBOARD_NOW", "2026-06-15T09:32:12+08:00")
        timer.tick()
        await pilot.pause()
        assert str(timer.render()) == "! over by 0:12 · total 2:12"
        assert timer.has_class("-over")
        assert screen.department.id == "design"  # still here: the lead moves on
        await pilot.press("n")
        await pilot.pause()
        assert str(timer.render()) == "2:00 left · total 2:12"
        assert not timer.has_class("-over")


async def test_timebox_is_configurable(board, monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = board
    monkeypatch.setenv("OPSBOARD_STANDUP_MINUTES", "3")
    async with make_app(path).run_test(size=(80, 24)) as pilot:
        screen = await open_standup(pilot)
        timer = screen.query_one(StandupTimer)
        assert str(timer.render()) == "3:00 left · total 0:00"
        await pilot.press("t")
        form = pilot.app.screen
        form.query_one("#field-minutes").value = "1.5"
        await pilot.press("enter")
        await pilot.pause()
        assert str(timer.render()) == "1:30 left · total 0:00"


async def test_a_teammate_sees_the_notes_appear(board) -> None:
    path, _ = board
    async with make_app(path, user="chen").run_test(size=(120, 40)) as pilot:
        screen = await open_standup(pilot)
        assert "nothing noted yet" in shown(screen, "#standup-notes")
        runner = BoardStore(path, user="lin")  # another process runs the stand-up
        record = start_standup(runner)
        add_note(runner, record.id, "design", "[b]Hero images[/b] by Wednesday")
        pilot.app.check_for_changes()  # what the app's 1 s refresh tick does
        await pilot.pause()
        notes = shown(screen, "#standup-notes")
        assert "- [b]Hero images[/b] by Wednesday" in notes  # user text shown literally
        assert "run by lin" in shown(screen, "#walk-context")
        # her own note goes into the same record
        await pilot.press("enter")
        await type_text(pilot, "Photos ok")
        await pilot.press("enter")
        await pilot.pause()
    saved = current_standup(BoardStore(path, user="reader"))
    assert saved is not None and saved.id == record.id
    assert saved.departments[0].notes == ["[b]Hero images[/b] by Wednesday", "Photos ok"]


async def test_add_task_on_this_departments_board(board) -> None:
    path, _ = board
    async with make_app(path).run_test(size=(120, 40)) as pilot:
        screen = await open_standup(pilot)
        await pilot.press("n", "a")
        await pilot.pause()
        form = pilot.app.screen
        form.query_one("#field-title").value = "Ask finance for the 618 budget"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, StandupScreen)
        assert screen.department.id == "marketing"
        assert rows(screen)[2] == ("New", "Ask finance for the 618 budget")
        assert screen.query_one(AgendaTable).cursor_row == 2  # the cursor on it
    added = [t for t in BoardStore(path, user="reader").tasks() if t.title == "Ask finance for the 618 budget"]
    assert [(t.department, t.status, t.created_by) for t in added] == [("marketing", TaskStatus.TODO, "lin")]


async def test_unblock_and_reorder_the_walk(board) -> None:
    path, ids = board
    async with make_app(path).run_test(size=(120, 40)) as pilot:
        screen = await open_standup(pilot)
        await pilot.press("n", "b")  # Marketing's first row: the blocked task
        await pilot.pause()
        assert rows(screen)[0] == ("Doing", "Book 618 ad slots")
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert [d.id for d in screen.walk][:3] == ["design", "customer_service", "marketing"]
        assert screen.department.id == "marketing"
        assert shown(screen, "#walk-position").startswith("Stand-up 3/9 · Marketing")
    store = BoardStore(path, user="reader")
    task = store.task(ids["Book 618 ad slots"])
    assert (task.status, task.blocked_reason, task.blocked_since) == (TaskStatus.DOING, "", None)
    assert {d.id: d.standup_order for d in store.departments()}["marketing"] == 2


async def test_history_opens_and_exports_a_past_standup(board, tmp_path: Path) -> None:
    path, _ = board
    async with make_app(path).run_test(size=(80, 24)) as pilot:
        await open_standup(pilot)
        await pilot.press("enter")
        await type_text(pilot, "Shoot on Tuesday")
        await pilot.press("enter", "f", "ctrl+s")
        await pilot.pause()
        await pilot.press("escape")  # no export now
        await pilot.pause()
        await pilot.press("H")
        await pilot.pause()
        history = pilot.app.screen
        assert isinstance(history, StandupHistoryScreen)
        preview = str(history.query_one("#history-record", Static).render())
        assert "Design" in preview and "- Shoot on Tuesday" in preview
        await pilot.press("x")
        await pilot.pause()
        export = pilot.app.screen
        assert isinstance(export, FormScreen)
        assert export.query_one("#field-path").value == str(tmp_path / "b-standup-2026-06-15.md")
        await pilot.press("enter")
        await pilot.pause()
    assert "- Note: Shoot on Tuesday" in (tmp_path / "b-standup-2026-06-15.md").read_text(encoding="utf-8")


async def test_x_before_a_standup_exports_the_agenda(board, tmp_path: Path) -> None:
    path, _ = board
    async with make_app(path).run_test(size=(80, 24)) as pilot:
        await open_standup(pilot)
        await pilot.press("x")
        await pilot.pause()
        export = pilot.app.screen
        assert isinstance(export, FormScreen)
        await pilot.press("enter")
        await pilot.pause()
    text = (tmp_path / "b-standup-2026-06-15.md").read_text(encoding="utf-8")
    assert text.startswith(r"# Stand-up agenda · Linen \& Loom · Mon 15 Jun 2026")


async def test_no_color_keeps_the_markers(board, monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = board
    monkeypatch.setenv("NO_COLOR", "1")
    async with make_app(path).run_test(size=(80, 24)) as pilot:
        screen = await open_standup(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert rows(screen)[0] == ("! Blocked", "Book 618 ad slots")
        monkeypatch.setenv("OPSBOARD_NOW", "2026-06-15T09:33:00+08:00")
        screen.query_one(StandupTimer).tick()
        assert str(screen.query_one(StandupTimer).render()).startswith("! over by")


async def test_walk_stops_at_both_ends_and_shows_a_quiet_department(board) -> None:
    path, _ = board
    async with make_app(path).run_test(size=(80, 24)) as pilot:
        screen = await open_standup(pilot)
        await pilot.press("p", "left")
        await pilot.pause()
        assert screen.department.id == "design"
        await pilot.press("n", "n", "n")
        await pilot.pause()
        assert screen.department.id == "product_development"  # no tasks, no checklist items
        assert rows(screen) == [("", "Nothing on this board today")]
        await pilot.press("d", "b")  # nothing selected: nothing happens
        await pilot.press(*["n"] * 9)
        await pilot.pause()
        assert screen.department.id == "store_admin"
        assert shown(screen, "#walk-position") == "Stand-up 9/9 · Store Admin"
    assert BoardStore(path, user="reader").standups() == []  # walking alone records nothing


async def test_a_long_group_shows_forty_rows_and_a_count(board) -> None:
    path, _ = board
    store = BoardStore(path, user="he")
    for n in range(45):
        add_task(store, department="hr", title=f"Interview {n:02}", due="2026-06-15")
    async with make_app(path).run_test(size=(80, 24)) as pilot:
        screen = await open_standup(pilot)
        await pilot.press("n", "n", "n", "n")
        await pilot.pause()
        assert screen.department.id == "hr"
        shown_rows = rows(screen)
        assert shown_rows[:2] == [("Due today", "Interview 00"), ("Due today", "Interview 01")]
        assert shown_rows[40] == ("Due today", "… 5 more in view 2")
        assert shown_rows[41][0] == "Checklist"
        screen.query_one(AgendaTable).move_cursor(row=40)
        await pilot.press("d", "b")  # on the count: nothing to mark
        await pilot.pause()
        assert isinstance(pilot.app.screen, StandupScreen)
    assert all(t.status is TaskStatus.TODO for t in BoardStore(path, user="reader").tasks() if t.department == "hr")


async def test_the_line_under_the_agenda_has_the_task_last_comment(board) -> None:
    from opsboard.services.comments import add_comment

    path, ids = board
    store = BoardStore(path, user="mei")
    hero = next(t for t in store.tasks() if t.title == "Retouch hero images")
    add_comment(store, hero.id, "first")
    add_comment(store, hero.id, "Needs the\nnew logo")
    async with make_app(path).run_test(size=(120, 40)) as pilot:
        screen = await open_standup(pilot)
        table = screen.query_one(AgendaTable)
        assert table.current_key() == f"task:{hero.id}"
        assert str(table.current_detail()).endswith("last comment, mei: Needs the new logo (+1 more)")


async def test_the_agenda_fits_a_window_made_narrower(board) -> None:
    """Resized from 120 to 80 columns, the agenda's columns are those of a
    stand-up opened at 80: none past the edge."""
    path, _ = board

    def widths(screen: StandupScreen) -> list[int]:
        table = screen.query_one(AgendaTable)
        return [column.get_render_width(table) for column in table.ordered_columns]

    async with make_app(path).run_test(size=(80, 24)) as pilot:
        narrow = widths(await open_standup(pilot))
    async with make_app(path).run_test(size=(120, 40)) as pilot:
        screen = await open_standup(pilot)
        assert sum(widths(screen)) > 80
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert widths(screen) == narrow and sum(narrow) <= 80

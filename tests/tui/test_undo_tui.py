"""`u` undo and `ctrl+r` redo at app level, across a restart, never over
someone else's change; `A` the activity view."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from live_helpers import FROZEN, SIZE, checklist_rows, cursor_item, make_board, record_notes
from textual.widgets import DataTable, Select

from opsboard.services.checklists import toggle_item
from opsboard.services.tasks import add_task
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.screens.activity import ActivityScreen

ITEM = "B · Choose the business model, marketplace and store type"


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", FROZEN)
    return make_board(tmp_path / "b.json")


def status_on_disk(board: Path, item_id: str) -> str:
    return orjson.loads(board.read_bytes())["checklist"][item_id]["status"]


async def test_u_undoes_the_last_change_and_ctrl_r_redoes_it(board: Path) -> None:
    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        await pilot.press("j", "space")
        assert status_on_disk(board, "research-b") == "done"
        await pilot.press("u")
        await pilot.pause()
        assert status_on_disk(board, "research-b") == "open"
        assert checklist_rows(app)["research-b"] == "[ ]"
        assert notes[-1] == (f"Undid: lin marked '{ITEM}' done", "information")
        assert cursor_item(app) == "research-b"
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert status_on_disk(board, "research-b") == "done"
        assert checklist_rows(app)["research-b"] == "[x]"
        assert notes[-1][0] == f"Redid: lin marked '{ITEM}' done"  # the change as it was made, not the undo's words
        assert app.sub_title == "lin · saved 09:30"  # the frozen clock


async def test_undo_survives_a_restart(board: Path) -> None:
    first = OpsboardApp(BoardStore(board, user="lin"))
    async with first.run_test(size=SIZE) as pilot:
        await pilot.press("space")  # research-a done
    assert status_on_disk(board, "research-a") == "done"
    second = OpsboardApp(BoardStore(board, user="lin"))  # a new session on the same file
    async with second.run_test(size=SIZE) as pilot:
        await pilot.press("u")
        await pilot.pause()
        assert status_on_disk(board, "research-a") == "open"
        assert checklist_rows(second)["research-a"] == "[ ]"
    third = OpsboardApp(BoardStore(board, user="lin"))
    async with third.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert status_on_disk(board, "research-a") == "done"


async def test_undo_stops_and_says_who_when_someone_else_changed_it_since(board: Path) -> None:
    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        await pilot.press("j", "space")
        toggle_item(BoardStore(board, user="chen"), "research-b")  # chen reopens it
        before = board.read_bytes()
        await pilot.press("u")
        await pilot.pause()
        assert board.read_bytes() == before
        message, severity = notes[-1]
        assert severity == "warning"
        assert message == (
            f"Not undone: chen reopened '{ITEM}' after your change (lin marked '{ITEM}' done)"
            " — the next undo goes on with your earlier changes"
        )


async def test_after_a_refused_undo_the_next_u_undoes_the_earlier_change(board: Path) -> None:
    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        await pilot.press("space", "j", "space")  # lin: research-a done, then research-b done
        toggle_item(BoardStore(board, user="chen"), "research-b")  # chen reopens research-b
        await pilot.press("u")
        await pilot.pause()
        assert notes[-1][0].startswith("Not undone: chen reopened") and status_on_disk(board, "research-a") == "done"
        await pilot.press("u")
        await pilot.pause()
        assert [note for note in notes if note[0].startswith("Undid: ")] == [
            ("Undid: lin marked 'A · Size the market and its outlook' done", "information")
        ]
        assert (status_on_disk(board, "research-a"), status_on_disk(board, "research-b")) == ("open", "open")


async def test_undo_with_nothing_of_yours_says_so(board: Path) -> None:
    toggle_item(BoardStore(board, user="chen"), "research-a")
    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        await pilot.press("u")
        await pilot.pause()
        assert notes[-1] == ("Nothing of yours to undo on this board", "warning")
        assert status_on_disk(board, "research-a") == "done"


async def test_undo_redo_and_activity_are_in_the_command_palette(board: Path) -> None:
    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        from opsboard.tui.palette import ViewActions

        titles = {label for label, _, _ in ViewActions(app.screen)._commands()}  # the palette's actions
        assert {"Undo", "Redo", "Activity"} <= titles
        ids = {binding.id for binding in OpsboardApp.BINDINGS}
        assert {"app.undo", "app.redo", "app.activity"} <= ids


async def test_A_shows_the_activity_filtered_by_person_and_department(board: Path) -> None:
    chen = BoardStore(board, user="chen")
    add_task(chen, department="marketing", title="Book 618 ad slots")
    toggle_item(chen, "launch-b")  # Design
    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")  # lin: research-a (Data Analysis) done
        await pilot.press("A")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ActivityScreen)

        def rows() -> list[tuple[str, str]]:
            table = screen.query_one("#activity", DataTable)
            return [(str(table.get_row(r.key)[1]), str(table.get_row(r.key)[2])) for r in table.ordered_rows]

        # the title is cut in the middle so what tells the rows apart ("done") stays (issue 18 case 17)
        assert rows() == [
            ("lin", "marked 'A · Size the market and its outlo…' done"),
            ("chen", "marked 'B · Shoot and retouch the product…' done"),
            ("chen", "added 'Book 618 ad slots' to Marketing"),
        ]
        first = screen.query_one("#activity", DataTable)
        assert str(first.get_row(first.ordered_rows[0].key)[3]) == "status: open → done"
        screen.query_one("#person", Select).value = "chen"
        await pilot.pause()
        assert [who for who, _ in rows()] == ["chen", "chen"]
        screen.query_one("#department", Select).value = "design"
        await pilot.pause()
        assert rows() == [("chen", "marked 'B · Shoot and retouch the product…' done")]
        await pilot.press("c")
        await pilot.pause()
        assert len(rows()) == 3
        # undo works here too, and the list follows
        await pilot.press("u")
        await pilot.pause()
        assert rows()[0] == ("lin", "reopened 'A · Size the market and its o…' (undo)")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ActivityScreen)
        assert checklist_rows(app)["research-a"] == "[ ]"


async def test_u_does_nothing_under_an_open_dialog(board: Path) -> None:
    """A dialog is about the board as it is: Textual keeps app keys out of modals."""
    from opsboard.tui.modals.conflict import ConflictDialog, ConflictView

    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")  # research-a done
        dialog = ConflictDialog(ConflictView("'X'", "owner", "—", "chen", "chen", "lin"))
        app.push_screen(dialog)
        await pilot.pause()
        await pilot.press("u", "A")
        await pilot.pause()
        assert app.screen is dialog
        assert status_on_disk(board, "research-a") == "done"


async def test_u_after_the_undone_change_moved_to_the_archive_does_not_apply_it_again(board: Path, monkeypatch) -> None:
    from opsboard.store import board_store as board_store_module

    monkeypatch.setattr(board_store_module, "ACTIVITY_CAP", 3)
    monkeypatch.setattr(board_store_module, "ACTIVITY_TRIM", 1)
    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        await pilot.press("space", "j", "space")  # lin: research-a done, research-b done
        await pilot.press("u")  # research-b open again
        await pilot.pause()
        chen = BoardStore(board, user="chen")
        for title in ("A", "B", "C"):
            add_task(chen, department="design", title=title)  # lin's change of research-b moves to the archive
        assert "research-b" in board.with_name("b.json.activity.jsonl").read_text(encoding="utf-8")
        await pilot.press("u")
        await pilot.pause()
        assert (status_on_disk(board, "research-a"), status_on_disk(board, "research-b")) == ("open", "open")
        assert [note for note in notes if note[0].startswith("Undid: ")][-1][
            0
        ] == "Undid: lin marked 'A · Size the market and its outlook' done"

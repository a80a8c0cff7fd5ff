"""Issue 18 case 8: view 1's detail pane grows to what it shows and keeps who
closed the item and its tasks in view; skipping says who skipped; marking an
item done while its tasks are open says so."""

from __future__ import annotations

from pathlib import Path

from checklists_fixture import checklist_app, checklist_board, reopened  # noqa: F401
from textual.widgets import Static

from opsboard.services.checklists import edit_item
from opsboard.services.tasks import add_task
from opsboard.store import BoardStore

LONG_NOTE = " ".join(["Ask the supplier for the linen swatches before the photo day, then compare them."] * 6)


def detail(app) -> str:
    return str(app.screen.query_one("#item-detail", Static).render())


def visible_detail(app) -> list[str]:
    pane = app.screen.query_one("#item-detail", Static)
    return [pane.render_line(y).text.strip() for y in range(pane.size.height)]


async def test_done_by_and_tasks_stay_in_view_above_a_long_note(checklist_board: Path) -> None:
    store = BoardStore(checklist_board, user="lin")
    edit_item(store, "research-a", notes=LONG_NOTE)
    add_task(store, department="data_analysis", title="Market size sheet", checklist_item="research-a")
    app = checklist_app(checklist_board)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = visible_detail(app)
        assert any(line.startswith("Done by lin") for line in shown), shown
        assert any(line.startswith("Tasks on the ") and "0 of 1 done" in line for line in shown), shown
        assert app.screen.query_one("#item-detail", Static).size.height > 4  # it grew with the note


async def test_skip_says_who_skipped(checklist_board: Path) -> None:
    app = checklist_app(checklist_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "s")  # research-c
        await pilot.pause()
        assert detail(app).startswith("Skipped by ana on 2026-03-02")
        assert reopened(checklist_board).item("research-c").done_by == "ana"


async def test_done_while_its_task_is_open_says_so(checklist_board: Path) -> None:
    add_task(BoardStore(checklist_board, user="lin"), department="data_analysis", title="Competitor list", checklist_item="research-c")
    app = checklist_app(checklist_board)
    notes: list[str] = []
    app.notify = lambda message, **kw: notes.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "space")  # research-c: done, its task still to do
        await pilot.pause()
        assert reopened(checklist_board).item("research-c").status.value == "done"  # allowed
        assert any(n.startswith("Marked C done; 1 of its tasks is still open on the ") for n in notes), notes

"""Issue 18 case 4 in view 1: the checklist item's form takes the date forms
the card form takes, says so in its label, and warns of a due date before the
plan year (1999 for 2026 is more often a typo than a plan)."""

from __future__ import annotations

from pathlib import Path

from checklists_fixture import checklist_app, checklist_board, reopened  # noqa: F401
from textual.widgets import Input, Label

from opsboard.tui.modals.form import FormScreen


async def edit_due(pilot, typed: str) -> list[str]:
    """The form's labels, then `typed` saved as the due date of research-a."""
    await pilot.press("e")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, FormScreen)
    labels = [str(label.render()) for label in form.query(Label)]
    form.query_one("#field-due", Input).value = typed
    await pilot.press("ctrl+s")
    await pilot.pause()
    return labels


async def test_the_item_form_reads_typed_dates_and_warns_before_the_plan_year(checklist_board: Path) -> None:
    app = checklist_app(checklist_board)
    notes: list[tuple[str, str]] = []
    app.notify = lambda message, severity="information", **kw: notes.append((message, severity))  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        labels = await edit_due(pilot, "3月9日")
        assert "Due (2026-12-01, 12-1, tomorrow, 明天, +3d…; empty for none)" in labels
        assert reopened(checklist_board).item("research-a").due.isoformat() == "2026-03-09"
        assert not [n for n in notes if n[1] == "warning"]
        await edit_due(pilot, "1999/3/9")
    assert reopened(checklist_board).item("research-a").due.isoformat() == "1999-03-09"  # kept as typed…
    assert ("Due 1999-03-09 is before the plan year 2026: saved as typed, check it", "warning") in notes  # …with a word

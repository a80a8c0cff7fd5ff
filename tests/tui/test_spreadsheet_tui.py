"""`x` in view 2 writes the boards as an .xlsx (or csv) and asks before
replacing a file that is there."""

from __future__ import annotations

from pathlib import Path

import pytest
from boards_fixture import NOW, make_board
from test_task_list import make_app


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    path = tmp_path / "b.json"
    make_board(path)
    return path


async def test_x_writes_an_xlsx_and_asks_before_replacing_it(board: Path) -> None:
    import pandas as pd
    from textual.widgets import Input, Select, Static

    from opsboard.tui.modals.form import FormScreen

    async with make_app(board).run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        written = board.with_name("b-boards-2026-03-02.xlsx")
        for attempt in range(2):
            await pilot.press("x")
            await pilot.pause()
            form = pilot.app.screen
            assert isinstance(form, FormScreen)
            assert form.query_one("#field-path", Input).value == str(board.with_name("b-boards-2026-03-02.md"))
            form.query_one("#field-format", Select).value = "xlsx"
            await pilot.pause()
            assert form.query_one("#field-path", Input).value == str(written)  # the chosen format's suffix
            await pilot.press("ctrl+s")
            await pilot.pause()
            if attempt == 0:
                assert pilot.app.screen is not form and written.is_file()
                written.write_bytes(b"not yours to replace")
        # it is there: said, and kept until saved again
        assert pilot.app.screen is form
        assert "already exists: save again to replace it" in str(form.query_one("#error-path", Static).render())
        assert written.read_bytes() == b"not yours to replace"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is not form
        sheets = pd.read_excel(written, sheet_name=None)
        assert list(sheets)[0] == "department boards" and "Design" in set(sheets["department boards"]["Department"])


async def test_the_dialog_offers_the_registry_formats_of_the_view(board: Path) -> None:
    from textual.widgets import Select

    from opsboard.services.export_formats import formats_for
    from opsboard.tui.modals.form import FormScreen

    async with make_app(board).run_test(size=(120, 40)) as pilot:
        await pilot.press("x")  # view 1: a list, Markdown only
        await pilot.pause()
        assert isinstance(pilot.app.screen, FormScreen) and not pilot.app.screen.query("#field-format")
        await pilot.press("escape", "2", "x")
        await pilot.pause()
        options = pilot.app.screen.query_one("#field-format", Select)._options
        assert [(str(label), value) for label, value in options] == [(str(f.label), f.name) for f in formats_for("boards")]
        assert [label for label, _ in options] == ["Markdown (.md)", "Excel (.xlsx)", "CSV (.csv)"]


async def test_the_folder_exported_to_is_the_next_default_and_remembered(board: Path, tmp_path: Path, monkeypatch) -> None:
    from textual.widgets import Input

    from opsboard.services.settings import PersonalSettings, load_settings
    from opsboard.store import BoardStore
    from opsboard.tui.app import OpsboardApp

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    reports = tmp_path / "home" / "reports"
    reports.mkdir(parents=True)
    app = OpsboardApp(BoardStore(board, user="ana"), personal=PersonalSettings())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "x")
        await pilot.pause()
        pilot.app.screen.query_one("#field-path", Input).value = "~/reports"  # a folder: the default name in it
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (reports / "b-boards-2026-03-02.md").is_file()
        await pilot.press("5", "x")
        await pilot.pause()
        assert pilot.app.screen.query_one("#field-path", Input).value == str(reports / "b-standup-2026-03-02.md")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (reports / "b-standup-2026-03-02.md").is_file()
        await pilot.press("x", "ctrl+s")  # the same name again: said, kept
        await pilot.pause()
        assert "already exists: save again to replace it" in str(pilot.app.screen.query_one("#error-path").render())
    assert load_settings().export_folder == str(reports)

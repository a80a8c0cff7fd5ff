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

"""The team's text is never markup, anywhere in the app: the sample board
with every name, title, owner and note written as markup ('[/]' closes a
tag that was never opened: Textual stops the app on it when it reads a
string as markup) is walked through every view and the dialogs and lists
over them. Each walk must end with the app running and the text shown as
typed.

Found this way: view 5's notes box title, a form's select (a checklist
item, a department), the command palette (departments, tasks, owners), the
filter boxes' error line, and the T list's filter hint.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_chinese_standup import screen_text

from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp

DEMO = Path(__file__).resolve().parents[2] / "sample_data" / "demo_board.json"
NOW = "2026-11-30T09:30:00+08:00"
# the fields people type, in every table; ids, dates and kinds stay as they are
TYPED = {
    "name",
    "display_name",
    "title",
    "notes",
    "detail",
    "owner",
    "done_by",
    "updated_by",
    "created_by",
    "by",
    "saved_by",
    "blocked_reason",
}


def as_markup(value: object) -> object:
    if isinstance(value, dict):
        return {k: (f"[/]{v} [b]x[link=y]" if k in TYPED and isinstance(v, str) and v else as_markup(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [as_markup(v) for v in value]
    return value


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    path = tmp_path / "markup.json"
    shutil.copy(DEMO, path)
    tables = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(
        json.dumps({name: table if name == "actuals" else as_markup(table) for name, table in tables.items()}), encoding="utf-8"
    )
    return path


WALKS = {
    "view 1, an item's details and its form": ["1", "j", "enter", "escape", "l", "l", "l"],
    "view 2, cards, forms and the overview": ["2", "enter", "escape", "a", "escape", "e", "escape", "]", "0", "R", "escape"],
    "view 2's filter, refused": ["2", "slash", *"due:[/]", "enter"],
    "view 3, every tab, the forms and versions": ["3", "e", "escape", "c", "escape", *"llllll", "v"],
    "view 4 and its dialogs": ["4", "w", "m", "c", "x", "escape", "i", "escape"],
    "view 5, every department and its dialogs": ["5", "n", "n", "p", "enter", "escape", "f", "escape", "H", "escape"],
    "the palette: actions, departments, tasks": ["ctrl+p", *"design", "backspace", "backspace", *"linen", "escape"],
    "the T list and its filter": ["2", "T", "slash", *"due:[/]", "enter", "escape"],
    "the activity, by person": ["A", "tab", "enter", "down", "enter", "escape"],
    "help": ["question_mark", "escape"],
}


@pytest.mark.parametrize("keys", list(WALKS.values()), ids=list(WALKS))
async def test_text_written_as_markup_is_shown_as_written(board: Path, keys: list[str]) -> None:
    app = OpsboardApp(BoardStore(board, user="[/]ana"))
    async with app.run_test(size=(120, 40)) as pilot:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        assert "[/]" in screen_text(app)  # a name as written, on whatever the walk ended on

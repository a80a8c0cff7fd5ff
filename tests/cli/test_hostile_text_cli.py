"""Bidi controls, zero-width characters and BOMs in user text are replaced at
validation, so the screen (view 1's rows and the models), the Markdown
exports and `--json` never carry them raw (issue 11, case 12)."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from opsboard.cli import main
from opsboard.model import Task
from opsboard.model.cleaning import REPLACEMENT, clean_line, clean_text
from opsboard.services.board_files import init_board
from opsboard.store import BoardStore, rows

HIDDEN = [
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",  # embeddings and overrides
    "\u2066", "\u2067", "\u2068", "\u2069",  # isolates
    "\u200e", "\u200f", "\u061c",  # marks
    "\u200b", "\u200c", "\u200d", "\u2060",  # zero-width
    "\ufeff",  # BOM
]  # fmt: skip


@pytest.mark.parametrize("char", HIDDEN)
def test_each_hidden_character_is_replaced_in_lines_and_in_notes(char: str) -> None:
    assert clean_line(f"a{char}b") == f"a{REPLACEMENT}b"
    assert clean_text(f"line{char}\nnext") == f"line{REPLACEMENT}\nnext"
    assert Task(id="t-1", department="design", title=f"x{char}y").title == f"x{REPLACEMENT}y"


def test_a_reversed_title_reaches_neither_view_1_nor_the_export_nor_json(tmp_path: Path, capsys) -> None:
    board = tmp_path / "b.json"
    init_board(board, user="ana", year=2026)
    code = main(["task", "add", str(board), "--dept", "design", "--title", "\u202egnp.exe\u202c photos"])
    assert code == 0
    data = orjson.loads(board.read_bytes())
    data["checklist"]["research-a"]["title"] = "Size\u200b the\ufeff market\u2066"  # hand-edited
    board.write_bytes(orjson.dumps(data))
    capsys.readouterr()
    store = BoardStore(board, user="ana")
    assert rows.checklist_rows(store)[0].title == store.item("research-a").title == "Size\ufffd the\ufffd market\ufffd"
    main(["export", str(board), "--view", "all"])
    main(["task", "list", str(board), "--json"])
    out = capsys.readouterr().out
    assert "\ufffdgnp.exe\ufffd photos" in out
    assert not any(char in out for char in HIDDEN)
    assert not any(char in board.read_text(encoding="utf-8") for char in ["\u202e", "\u202c"])

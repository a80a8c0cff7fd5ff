"""A fixed board for view 1's tests and snapshots: the English template on a
frozen clock (2026-03-02 09:30 +08:00), research partly done, one item
skipped, owners and due dates (one overdue), and an item whose title looks
like Rich markup.

Import the fixture into a test module: `from checklists_fixture import checklist_board`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from opsboard.model import Operation, OpKind, Table
from opsboard.services.board_files import init_board
from opsboard.services.checklists import edit_item, skip_item, toggle_item
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp

NOW = "2026-03-02T09:30:00+08:00"
MARKUP_TITLE = "[/] [link=x]oops[/link] [bold]"


def make_checklist_board(path: Path) -> Path:
    """Needs OPSBOARD_NOW=NOW (the board's year and stamps come from it)."""
    store = init_board(path, user="lin", name="Spring shop", year=2026)
    toggle_item(store, "research-a")
    toggle_item(store, "research-b")
    edit_item(store, "research-c", owner="lin", due="2026-02-20")  # overdue on 2026-03-02
    edit_item(store, "research-d", owner="chen", due="2026-03-10")
    skip_item(store, "promotion-f")
    edit_item(store, "launch-a", owner="mei", due="2026-03-15")
    store.apply(
        Operation(kind=OpKind.SET, table=Table.CHECKLIST, doc_id="review-4", after={"title": MARKUP_TITLE}),
    )
    return path


@pytest.fixture
def checklist_board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return make_checklist_board(tmp_path / "shop.json")


def checklist_app(board: Path, user: str = "ana") -> OpsboardApp:
    app = OpsboardApp(BoardStore(board, user=user))
    app.animation_level = "none"
    return app


def reopened(board: Path) -> BoardStore:
    """The board as a new reader sees it on disk."""
    return BoardStore(board, user="reader")

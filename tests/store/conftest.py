"""Fixtures for the board-file tests: a fresh two-department board in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_helpers import FROZEN, make_board

from opsboard.store import BoardStore


@pytest.fixture
def frozen(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("OPSBOARD_NOW", FROZEN)
    return FROZEN


@pytest.fixture
def board(tmp_path: Path, frozen: str) -> Path:
    path = tmp_path / "b.json"
    make_board(path)
    return path


@pytest.fixture
def store(board: Path) -> BoardStore:
    return BoardStore(board, user="ana")

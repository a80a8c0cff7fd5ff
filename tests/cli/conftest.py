"""What the command-line tests share: a new board made by `opsboard init`."""

from __future__ import annotations

from pathlib import Path

import pytest

from opsboard.cli import main

NOW = "2026-03-02T09:30:00+08:00"  # the frozen day a board is made on


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    """A board made by `opsboard init` on the frozen day (NOW), its output read.
    A test file's own `board` fixture may start from this one."""
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    path = tmp_path / "b.json"
    assert main(["init", str(path), "--user", "ana"]) == 0
    capsys.readouterr()
    return path

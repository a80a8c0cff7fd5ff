"""`opsboard digest BOARD [--user NAME] [--format md|json]`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from boards_fixture import NOW, make_board

from opsboard.cli import main


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    path = tmp_path / "b.json"
    make_board(path)
    return path


def test_team_digest_as_markdown(board: Path, capsys) -> None:
    assert main(["digest", str(board)]) == 0
    out, err = capsys.readouterr()
    assert err == "" and "agenda for 2026-03-02\n" in out
    assert "## Overdue (2)" in out and "## Due today (1)" in out and "## Blocked (2)" in out
    assert "@wang" in out


def test_one_person_digest_as_json(board: Path, capsys) -> None:
    assert main(["digest", str(board), "--user", "mei", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["date"], data["user"]) == ("2026-03-02", "mei")
    assert [t["id"] for t in data["overdue"]] == ["t-d1"] and [t["id"] for t in data["blocked"]] == ["t-d5"]
    assert data["blocked"][0]["blocked_reason"] == "waiting for samples" and data["due_today"] == []


def test_a_missing_board_is_one_line(tmp_path: Path, capsys) -> None:
    assert main(["digest", str(tmp_path / "nope.json")]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and err.startswith("opsboard: ")


def test_a_bad_format_is_usage(board: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["digest", str(board), "--format", "pdf"])
    assert exited.value.code == 2

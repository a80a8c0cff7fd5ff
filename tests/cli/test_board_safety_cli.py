"""Bad targets and bad input on the command line: one line on stderr, exit 1,
nothing already saved changed (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from opsboard.cli import main
from opsboard.services.board_files import init_board
from opsboard.services.tasks import add_task


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", "2026-06-01T09:30:00+08:00")
    path = tmp_path / "b.json"
    store = init_board(path, user="ana", name="Spring shop", year=2026)
    add_task(store, department="design", title="Photos")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    assert err.count("\n") == 1 and err.startswith("opsboard: "), err
    assert "Traceback" not in err and "unexpected error" not in err
    return err


@pytest.mark.parametrize("target", ["b.json", "b.json.backups/1.json", "b.json.lock"])
def test_export_onto_the_board_or_its_files_exits_1_and_leaves_them(board: Path, capsys, target: str) -> None:
    before = {path: path.read_bytes() for path in board.parent.rglob("*") if path.is_file()}
    code, out, err = run(capsys, "export", str(board), "--view", "boards", "-o", str(board.parent / target))
    assert (code, out) == (1, "")
    assert "nothing was written" in one_line(err)
    assert {path: path.read_bytes() for path in board.parent.rglob("*") if path.is_file()} == before


def test_restore_given_a_backup_as_the_board_exits_1(board: Path, capsys) -> None:
    backup = board.parent / "b.json.backups" / "1.json"
    code, _, err = run(capsys, "restore", str(backup), "--backup", "1")
    assert code == 1
    assert f"opsboard restore {board}" in one_line(err)
    assert not (board.parent / "b.json.backups" / "1.json.backups").exists()

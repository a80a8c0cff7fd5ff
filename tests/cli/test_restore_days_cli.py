"""History by day: one snapshot per day beside the last saves, kept 30
days; `restore --list` shows them with date and time; "yesterday" restores
from the CLI and from the recovery dialog."""

from __future__ import annotations

import asyncio
import os
from datetime import datetime
from pathlib import Path

import orjson
import pytest

from opsboard.cli import main
from opsboard.commands.tui import recover
from opsboard.services.board_files import init_board
from opsboard.services.tasks import add_task
from opsboard.store import BoardDamagedError, BoardStore, list_daily
from opsboard.store.backups import daily_folder
from opsboard.tui.modals.recovery import RecoveryApp

FROZEN = "2026-06-01T09:30:00+08:00"
YESTERDAY_EVENING = datetime.fromisoformat("2026-05-31T18:00:00+08:00").timestamp()


def titles(path: Path) -> list[str]:
    return sorted(doc["title"] for doc in orjson.loads(path.read_bytes())["tasks"].values())


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Yesterday ends with one task; today two more are added."""
    monkeypatch.setenv("OPSBOARD_NOW", FROZEN)
    path = tmp_path / "b.json"
    store = init_board(path, user="ana", name="Spring shop", year=2026)
    add_task(store, department="design", title="Yesterday's task")
    os.utime(path, (YESTERDAY_EVENING, YESTERDAY_EVENING))  # last saved yesterday evening
    store = BoardStore(path, user="ana")
    for title in ("Today 1", "Today 2"):
        add_task(store, department="design", title=title)
    return path


def yesterday_local() -> str:
    return datetime.fromtimestamp(YESTERDAY_EVENING).astimezone().date().isoformat()


def test_a_snapshot_per_day_is_kept(board: Path) -> None:
    days = {s.day.isoformat(): s for s in list_daily(board)}
    assert yesterday_local() in days
    assert titles(days[yesterday_local()].path) == ["Yesterday's task"]


def test_restore_list_shows_the_days_with_date_and_time(board: Path, capsys) -> None:
    assert main(["restore", str(board), "--list"]) == 0
    out = capsys.readouterr().out
    assert "One per day (the last version saved that day" in out
    when = datetime.fromtimestamp(YESTERDAY_EVENING).astimezone()
    row = next(line for line in out.splitlines() if line.startswith(yesterday_local()))
    assert f"{when:%Y-%m-%d %H:%M:%S}" in row and row.split()[-3:] == ["yes", "1", "1"]


def test_restore_yesterday_from_the_command_line(board: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", datetime.fromtimestamp(YESTERDAY_EVENING + 86400).astimezone().isoformat())
    assert main(["restore", str(board), "--backup", "yesterday"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Restored {board} from the snapshot of {yesterday_local()} ")
    assert titles(board) == ["Yesterday's task"]
    assert main(["restore", str(board), "--backup", "1999-01-01"]) == 1
    assert "no snapshot of 1999-01-01" in capsys.readouterr().err
    assert main(["restore", str(board), "--backup", "last week"]) == 1
    assert "is not a backup number, 'yesterday' or a date" in capsys.readouterr().err


def test_snapshots_older_than_30_days_go(board: Path) -> None:
    old = daily_folder(board) / "2026-04-01.json"
    old.write_bytes(board.read_bytes())
    add_task(BoardStore(board, user="ana"), department="design", title="Another")
    assert not old.exists() and list_daily(board)


def test_the_recovery_dialog_offers_yesterday_and_restores_it(board: Path, monkeypatch) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", datetime.fromtimestamp(YESTERDAY_EVENING + 86400).astimezone().isoformat())
    board.write_bytes(b'{"meta": {')  # damaged
    try:
        BoardStore(board, user="ana")
    except BoardDamagedError as caught:
        error = caught
    offered: list[str] = []

    def ask(error, backup):
        async def pick() -> str:
            from opsboard.services.recovery import parse_day, snapshot_of

            app = RecoveryApp(error, backup, yesterday=snapshot_of(board, parse_day("yesterday")))
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                offered.extend(str(b.label) for b in app.screen.query("Button"))
                await pilot.press("y")
                await pilot.pause()
            return app.return_value

        return asyncio.run(pick())

    store, notice = recover(error, "ana", ask=ask)
    assert "Yesterday (y)" in offered
    assert store is not None and notice.startswith(f"Restored {board} from the snapshot of {yesterday_local()}")
    assert titles(board) == ["Yesterday's task"]

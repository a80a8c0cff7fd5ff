"""Issue 18 case 19: one of a thing is said in the singular ("1 row",
"1 task"), and help text shows a percent sign as typed (3%, not 3%%)."""

from __future__ import annotations

from pathlib import Path

import pytest

from opsboard.cli import main
from opsboard.services.board_files import init_board
from opsboard.services.tasks import add_task


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", "2026-01-15T09:00:00+00:00")
    path = tmp_path / "b.json"
    init_board(path, user="ana", name="Shop", year=2026)
    return path


def test_one_imported_row_is_a_row(board: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv = tmp_path / "one.csv"
    csv.write_text("date,channel,pv,uv,orders,revenue,ad_spend\n2026-01-02,Tmall,300,100,3,765,50\n", encoding="utf-8")
    assert main(["import-actuals", str(board), str(csv)]) == 0
    assert capsys.readouterr().out.startswith("Imported 1 row (1 new, 0 replaced)")


def test_check_counts_one_task_as_a_task(board: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from opsboard.store import BoardStore

    add_task(BoardStore(board, user="ana"), department="design", title="Banner")
    assert main(["check", str(board)]) == 0
    out = capsys.readouterr().out
    assert ", 1 task, " in out and "1 tasks" not in out


def test_target_set_help_shows_a_plain_percent_sign(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["target", "set", "--help"])
    out = capsys.readouterr().out
    assert "3%" in out and "%%" not in out


def test_the_import_preview_says_one_row(board: Path, tmp_path: Path) -> None:
    from opsboard.services.actuals import preview_actuals
    from opsboard.store import BoardStore
    from opsboard.tui.modals.import_actuals import preview_text

    csv = tmp_path / "one.csv"
    csv.write_text("date,channel,pv,uv,orders,revenue,ad_spend\n2026-01-02,Tmall,300,100,3,765,50\n", encoding="utf-8")
    shown = preview_text(preview_actuals(BoardStore(board, user="ana"), csv)).plain
    assert "Saving    1 row new · 0 replaced" in shown and "1 rows" not in shown


def test_re_basing_on_the_second_day_names_one_day(board: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    assert main(["target", "set", str(board), "--annual", "1200000"]) == 0
    monkeypatch.setenv("OPSBOARD_NOW", "2026-01-02T09:00:00+00:00")
    capsys.readouterr()
    assert main(["target", "set", str(board), "--annual", "1300000", "--rebase"]) == 1
    err = capsys.readouterr().err
    assert "the target of the 1 day already elapsed" in err and "1 days" not in err

"""`opsboard export BOARD --view review [-o FILE]` from the command line."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from gfm import tables

from opsboard.cli import main
from opsboard.model import DailyMetric, Operation, OpKind, Table
from opsboard.services.board_files import init_board

FROZEN = "2026-01-15T09:00:00+00:00"


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A board with 1–28 February 2025, one channel: uv 100, revenue 1,000 a day."""
    monkeypatch.setenv("OPSBOARD_NOW", FROZEN)
    path = tmp_path / "b.json"
    store = init_board(path, user="ana", name="Shop", year=2025)
    metrics = [
        DailyMetric(date=date(2025, 2, 1) + timedelta(n), channel="Tmall", pv=300, uv=100, orders=5, revenue=1000, ad_spend=100)
        for n in range(28)
    ]
    docs = [m.to_doc() | {"id": m.id} for m in metrics]
    store.apply(Operation(kind=OpKind.REPLACE, table=Table.ACTUALS, docs=docs))
    return path


def test_export_review_to_stdout(board: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["export", str(board), "--view", "review"]) == 0
    out = capsys.readouterr().out
    rows = tables(out)[0]
    assert rows[0][:3] == ["Month", "PV", "UV"]
    # February: 28 days × 300 pv, × 100 uv, × 1,000 revenue; ROI 1,000 / 100.
    assert rows[1][:3] == ["2025-02", "8,400", "2,800"]
    assert rows[1][5] == "28,000" and rows[1][-1] == "10.00"
    assert "### Weekly" in out


def test_export_review_to_a_file(board: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    target = tmp_path / "review.md"
    assert main(["export", str(board), "--view", "review", "-o", str(target)]) == 0
    assert f"Wrote {target}" in capsys.readouterr().err
    text = target.read_text(encoding="utf-8")
    assert text.startswith("## Shop — Review\n")
    assert tables(text)[0][1][0] == "2025-02"


def test_export_review_in_a_subprocess_of_an_empty_board(tmp_path: Path):
    path = tmp_path / "empty.json"
    init_board(path, user="ana", year=2025)
    result = subprocess.run(
        [sys.executable, "-m", "opsboard", "export", str(path), "--view", "review"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "opsboard import-actuals BOARD FILE.csv" in result.stdout
    assert result.stderr == ""


def test_export_review_by_day_for_a_span_of_days(board: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["export", str(board), "--view", "review", "--period", "day", "--from", "2025-02-03", "--to", "2025-02-05"]) == 0
    out = capsys.readouterr().out
    table = tables(out)[0]
    assert table[0][:4] == ["Day", "PV", "UV", "PV/UV"]
    assert [row[0] for row in table[1:]] == ["2025-02-03", "2025-02-04", "2025-02-05", "Total 2025 (3 of 365 days)"]
    assert table[-1][1:3] == ["900", "300"]  # 3 days × 300 pv, × 100 uv
    assert "Days 2025-02-03 to 2025-02-05" in out
    assert "Conversion = orders ÷ UV and order value = revenue ÷ orders (the import had no paying buyers)." in out


def test_export_review_by_week_to_a_file(board: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    target = tmp_path / "weekly.md"
    assert main(["export", str(board), "--view", "review", "--period", "week", "-o", str(target)]) == 0
    assert tables(target.read_text())[0][0][:2] == ["Week", "Start"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--view", "targets", "--period", "day"], "--period, --from and --to are for --view review"),
        (["--view", "review", "--from", "2025-02-30"], "--from '2025-02-30' is not a day (YYYY-MM-DD)"),
        (["--view", "review", "--from", "2025-03-01", "--to", "2025-02-01"], "--from 2025-03-01 is after --to 2025-02-01"),
    ],
)
def test_export_period_refusals_are_one_line(board: Path, capsys: pytest.CaptureFixture[str], args, message):
    assert main(["export", str(board), *args]) == 1
    assert capsys.readouterr().err.strip().endswith(message)

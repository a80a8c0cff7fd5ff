"""`opsboard export BOARD --view review [-o FILE]` from the command line."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from opsboard.cli import main
from opsboard.model import DailyMetric, Operation, OpKind, Table
from opsboard.services.board_files import init_board
from gfm import tables

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

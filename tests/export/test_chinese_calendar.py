"""Issue 13: the calendar and review exports of a Chinese board: month
headings, kinds and checklist statuses in Chinese (English unchanged)."""

from __future__ import annotations

from pathlib import Path

import pytest

from opsboard import i18n
from opsboard.services.board_files import init_board
from opsboard.services.checklists import edit_item
from opsboard.services.export import export_view
from opsboard.services.spreadsheet import calendar_export
from opsboard.services.tasks import add_task


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("OPSBOARD_NOW", "2026-11-27T10:00:00+08:00")
    store = init_board(tmp_path / "b.json", user="lin", name="测试店", year=2026, language="zh")
    add_task(store, department="设计部", title="双12首页海报", due="2026-12-01", owner="王")
    item = store.checklist()[0]
    edit_item(store, item.id, due="2026-12-03")
    return store


def test_the_calendar_reads_in_chinese(board) -> None:
    i18n.set_language("zh")
    text = calendar_export(board)
    assert "## 2026年12月" in text
    rows = [line for line in text.splitlines() if line.startswith("| 2026-12")]
    assert rows[0].split("|")[2].strip() == "任务" and rows[1].split("|")[2].strip() == "清单事项"
    assert rows[1].split("|")[6].strip() == "未完成"
    assert not any(word in text for word in ("December", "Task", "Checklist", " open "))


def test_the_calendar_in_english_is_as_it_was(board) -> None:
    i18n.set_language("en")
    text = calendar_export(board)
    assert "## December 2026" in text and "| Task " in text and "| Checklist " in text and "| open " in text


def test_the_review_export_is_headed_in_chinese(board) -> None:
    i18n.set_language("zh")
    assert export_view(board, "review").startswith("## 测试店 — 复盘")


def test_the_csv_names_its_table_column_in_chinese(board, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from opsboard.cli import main

    monkeypatch.setenv("OPSBOARD_LANG", "zh")
    out = tmp_path / "cal.csv"
    assert main(["export", str(board.path), "--view", "calendar", "--format", "csv", "-o", str(out)]) == 0
    header, first = out.read_text(encoding="utf-8-sig").splitlines()[:2]
    assert header.split(",")[:3] == ["表格", "截止", "类型"]
    assert first.startswith("2026年12月,2026-12-01,任务,")

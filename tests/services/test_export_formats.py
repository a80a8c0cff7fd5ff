"""The export-format registry (services/export_formats.py) is complete: the
CLI's --format choices and the app's export dialog come from it, each format
writes each of its views to a file a reader opens, and a format added there
is offered everywhere with nothing else to change."""

from __future__ import annotations

import argparse
import csv
import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from boards_fixture import NOW, make_board

from opsboard.cli import build_command_parser, main
from opsboard.model import DailyMetric, Operation, OpKind, Table
from opsboard.services import export_formats
from opsboard.services.export import EXPORTERS
from opsboard.services.export_formats import BY_NAME, FORMATS, SPREADSHEET_VIEWS, ExportFormat, format_names, formats_for
from opsboard.services.spreadsheet import write_view_export
from opsboard.store import BoardStore

VIEWS = (*EXPORTERS, "calendar")


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> Path:
    """The boards fixture with a target plan and a week of sales: every view has its tables."""
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    path = tmp_path / "b.json"
    make_board(path)
    assert main(["target", "set", str(path), "--annual", "12000000", "--user", "ana"]) == 0
    metrics = [
        DailyMetric(date=date(2026, 2, 1) + timedelta(n), channel="Tmall", pv=300, uv=100, orders=5, revenue=1000, ad_spend=100)
        for n in range(7)
    ]
    store = BoardStore(path, user="ana")
    store.apply(Operation(kind=OpKind.REPLACE, table=Table.ACTUALS, docs=[m.to_doc() | {"id": m.id} for m in metrics]))
    capsys.readouterr()
    return path


def export_options() -> argparse.Action:
    parser = build_command_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return next(a for a in sub.choices["export"]._actions if a.dest == "format")


def test_every_format_is_named_once_and_markdown_is_the_default() -> None:
    assert [fmt.name for fmt in FORMATS] == ["md", "xlsx", "csv"] == list(BY_NAME)
    assert export_options().choices == format_names() and export_options().default == "md"
    assert formats_for("boards") == list(FORMATS)
    assert [fmt.name for fmt in formats_for("checklists")] == ["md"]  # a list, no table for a spreadsheet
    assert {view for view in VIEWS if len(formats_for(view)) == 3} == set(SPREADSHEET_VIEWS)


@pytest.mark.parametrize("view", VIEWS)
def test_each_format_writes_each_of_its_views(board: Path, view: str, tmp_path: Path) -> None:
    store = BoardStore(board, user="ana")
    for fmt in formats_for(view):
        written = write_view_export(store, view, fmt.name)  # into the board's folder
        assert written.suffix == fmt.suffix and written.parent == board.parent
        data = written.read_bytes()
        if fmt.name == "md":
            assert data.decode("utf-8").startswith("#")
        elif fmt.name == "csv":
            assert next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))[0] == "Table"
        else:
            from openpyxl import load_workbook

            assert load_workbook(written).sheetnames
        written.unlink()


def test_a_format_added_to_the_registry_is_offered_by_the_cli_and_the_dialog(
    board: Path, monkeypatch: pytest.MonkeyPatch, capsys, tmp_path: Path
) -> None:
    shouting = ExportFormat("txt", "Text (.txt)", lambda markdown: markdown.upper().encode(), ("boards",))
    monkeypatch.setitem(export_formats.BY_NAME, "txt", shouting)
    assert "txt" in export_options().choices
    assert formats_for("boards")[-1] is shouting and shouting not in formats_for("targets")
    out = tmp_path / "boards.md"  # another format's suffix becomes this one's
    assert main(["export", str(board), "--view", "boards", "--format", "txt", "-o", str(out)]) == 0
    assert capsys.readouterr().err == f"Wrote {tmp_path / 'boards.txt'}\n"
    assert (tmp_path / "boards.txt").read_text().startswith("# ") and "DESIGN" in (tmp_path / "boards.txt").read_text()
    assert main(["export", str(board), "--view", "targets", "--format", "txt"]) == 1
    assert capsys.readouterr().err.strip().endswith("no txt of the targets view (valid: boards)")

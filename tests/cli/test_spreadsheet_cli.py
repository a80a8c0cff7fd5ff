"""`opsboard export --format xlsx|csv`: every table of the view's Markdown
report, read back with pandas, holds the figures the Markdown shows; the
board's folder by default, `~` expanded, an existing file kept unless --force."""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
from boards_fixture import NOW, make_board
from gfm import tables

from opsboard.cli import main
from opsboard.model import DailyMetric, Operation, OpKind, Table
from opsboard.services.comments import add_comment
from opsboard.store import BoardStore


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> Path:
    """The boards fixture, a target plan and four weeks of metrics."""
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    path = tmp_path / "b.json"
    make_board(path)
    assert main(["target", "set", str(path), "--annual", "12000000", "--user", "ana"]) == 0
    store = BoardStore(path, user="ana")
    metrics = [
        DailyMetric(date=date(2026, 2, 1) + timedelta(n), channel="Tmall", pv=300, uv=100, orders=5, revenue=1000, ad_spend=100)
        for n in range(28)
    ]
    store.apply(Operation(kind=OpKind.REPLACE, table=Table.ACTUALS, docs=[m.to_doc() | {"id": m.id} for m in metrics]))
    add_comment(store, "t-d1", "a | pipe and *stars*")
    capsys.readouterr()
    return path


def norm(value: object) -> object:
    """A figure as a number whichever way it was written ("8,400", 8400,
    "2.80%", 0.028); text as text; an empty cell as ""."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, int | float):
        return round(float(value), 6)
    text = str(value).strip()
    if re.fullmatch(r"[+−-]?[\d,]+(\.\d+)?", text):
        return round(float(text.replace(",", "").replace("−", "-")), 6)
    if re.fullmatch(r"[+−-]?[\d,]+(\.\d+)?%‡?", text):  # ‡: a growth per day of data, still a number
        return round(float(text.rstrip("‡")[:-1].replace(",", "").replace("−", "-")) / 100, 6)
    return text


def markdown_of(board: Path, view: str, capsys) -> list[list[list[object]]]:
    assert main(["export", str(board), "--view", view]) == 0
    return [[[norm(c) for c in row] for row in found] for found in tables(capsys.readouterr().out)]


@pytest.mark.parametrize("view", ["boards", "targets", "review", "calendar"])
def test_xlsx_sheets_hold_the_markdown_figures(board: Path, view: str, capsys) -> None:
    expected = markdown_of(board, view, capsys)
    assert expected, "the report has tables"
    assert main(["export", str(board), "--view", view, "--format", "xlsx"]) == 0
    written = board.with_name(f"b-{view}-2026-03-02.xlsx")  # the board's folder
    assert capsys.readouterr().err == f"Wrote {written}\n"
    sheets = pd.read_excel(written, sheet_name=None, dtype=object, keep_default_na=False)
    assert len(sheets) == len(expected)
    for frame, table in zip(sheets.values(), expected, strict=True):
        assert [norm(h) for h in frame.columns] == table[0]
        assert [[norm(c) for c in row] for row in frame.itertuples(index=False)] == table[1:]


@pytest.mark.parametrize("view", ["boards", "targets", "review"])
def test_csv_is_one_tidy_table_with_the_markdown_figures(board: Path, view: str, capsys, tmp_path: Path) -> None:
    expected = markdown_of(board, view, capsys)
    out = tmp_path / "out.csv"
    assert main(["export", str(board), "--view", view, "--format", "csv", "-o", str(out)]) == 0
    frame = pd.read_csv(out, dtype=object, keep_default_na=False, encoding="utf-8-sig")
    assert frame.columns[0] == "Table"
    groups = [group for _, group in frame.groupby("Table", sort=False)]
    assert sum(len(t) - 1 for t in expected) == len(frame)
    start = 0
    for table in expected:
        headers, rows = table[0], table[1:]
        part = frame.iloc[start : start + len(rows)]
        start += len(rows)
        assert [[norm(part.iloc[i][h] if h in part.columns else "") for h in (str(x) for x in headers)] for i in range(len(rows))] == rows
    assert groups


def test_hostile_text_comes_back_as_text(board: Path, capsys, tmp_path: Path) -> None:
    add_task = ["task", "add", str(board), "--dept", "design", "--title", '=HYPERLINK("x") | [b]x[/b] \\*']
    assert main(add_task) == 0
    capsys.readouterr()
    out = tmp_path / "b.xlsx"
    assert main(["export", str(board), "--view", "boards", "--format", "xlsx", "-o", str(out)]) == 0
    titles = {str(v) for frame in pd.read_excel(out, sheet_name=None, dtype=object).values() for v in frame.get("Task", [])}
    assert '=HYPERLINK("x") | [b]x[/b] \\*' in titles  # text, not a formula
    assert main(["export", str(board), "--view", "boards", "--format", "csv", "-o", str(tmp_path / "b.csv")]) == 0
    frame = pd.read_csv(tmp_path / "b.csv", dtype=object, keep_default_na=False, encoding="utf-8-sig")
    assert '\'=HYPERLINK("x") | [b]x[/b] \\*' in set(frame["Task"])


def test_an_existing_file_is_kept_unless_force(board: Path, capsys) -> None:
    assert main(["export", str(board), "--view", "calendar", "--format", "csv"]) == 0
    written = board.with_name("b-calendar-2026-03-02.csv")
    written.write_text("mine")
    capsys.readouterr()
    assert main(["export", str(board), "--view", "calendar", "--format", "csv"]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "already exists" in err and "--force" in err
    assert written.read_text() == "mine"
    assert main(["export", str(board), "--view", "calendar", "--format", "csv", "--force"]) == 0
    assert written.read_text(encoding="utf-8-sig").startswith("Table,Due,Kind,Title")
    md = board.with_name("m.md")
    md.write_text("mine")
    assert main(["export", str(board), "--view", "boards", "-o", str(md)]) == 1
    assert md.read_text() == "mine"


def test_tilde_is_the_home_folder_and_a_folder_gets_the_default_name(board: Path, capsys, monkeypatch, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    assert main(["export", str(board), "--view", "boards", "--format", "xlsx", "-o", "~/"]) == 0
    assert (home / "b-boards-2026-03-02.xlsx").is_file()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--format", "xlsx"], "a spreadsheet holds one view"),
        (["--view", "standup", "--format", "csv"], "no csv of the standup view (valid: boards, targets, review, calendar)"),
    ],
)
def test_bad_requests_are_one_line(board: Path, capsys, argv: list[str], message: str) -> None:
    assert main(["export", str(board), *argv]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and message in err


def test_openpyxl_loads_only_for_an_xlsx(board: Path) -> None:
    import subprocess
    import sys

    code = "import sys; from opsboard.cli import main; main(['export', sys.argv[1], '--view', 'calendar', '--format', 'csv', '--force']); print('openpyxl' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code, str(board)], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_sheets_are_named_for_their_tables_not_the_board(board: Path, capsys) -> None:
    """The report's own title ('## Spring shop — Targets') is not repeated in
    every sheet's name, where Excel's 31 characters cut it to the same name."""
    written = board.parent / "targets.xlsx"
    assert main(["export", str(board), "--view", "targets", "--format", "xlsx", "-o", str(written)]) == 0
    names = list(pd.read_excel(written, sheet_name=None, engine="openpyxl"))
    assert names[:3] == ["Months", "Quarters", "Channels"]
    assert not [name for name in names if "Spring shop" in name or "  " in name]  # 'Channels: plan vs actual' → one space
    written = board.parent / "review.xlsx"
    assert main(["export", str(board), "--view", "review", "--format", "xlsx", "-o", str(written)]) == 0
    assert not [name for name in pd.read_excel(written, sheet_name=None, engine="openpyxl") if "Spring shop" in name]

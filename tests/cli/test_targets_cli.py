"""`opsboard target set`, `opsboard import-actuals` and `export --view targets`,
as a user runs them: the issue's "done when" end to end, and every bad input
refused with exit 1 and the board file left byte for byte as it was."""

from __future__ import annotations

import calendar
import csv
import io
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from gfm import tables

from opsboard.cli import main
from opsboard.services.board_files import init_board, open_board

FROZEN = "2026-01-15T09:00:00+00:00"


def daily_revenue(day: date) -> tuple[int, int, int]:
    """(uv, orders, revenue) of one channel-day: revenue 20,000 + 100 × day of month."""
    uv = 3_000 + 10 * day.day
    orders = 60 + day.month
    return uv, orders, 20_000 + 100 * day.day


def write_year_csv(path: Path, year: int = 2025) -> dict[int, float]:
    """Every day of the year for Tmall and JD (JD half of Tmall); the revenue per month."""
    lines = ["date,channel,pv,uv,orders,revenue,ad_spend"]
    revenue: dict[int, float] = {}
    day = date(year, 1, 1)
    while day.year == year:
        uv, orders, money = daily_revenue(day)
        lines.append(f"{day},Tmall,{uv * 3},{uv},{orders},{money},{uv * 0.6:.2f}")
        lines.append(f"{day},JD,{uv},{uv // 2},{orders // 2},{money // 2},0")
        revenue[day.month] = revenue.get(day.month, 0) + money + money // 2
        day += timedelta(days=1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return revenue


def number(cell: str) -> float:
    return float(cell.replace(",", "").replace("%", "").replace("−", "-").replace("+", ""))


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", FROZEN)
    path = tmp_path / "b.json"
    init_board(path, user="ana", name="Shop", year=2026)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_target_import_and_export_end_to_end(board: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    code, out, err = run(capsys, "target", "set", str(board), "--annual", "12000000", "--year", "2025")
    assert code == 0, err
    assert out.startswith("Plan 2025: 12,000,000 CNY over 12 months")
    csv = tmp_path / "metrics-2025.csv"
    revenue = write_year_csv(csv)
    code, out, err = run(capsys, "import-actuals", str(board), str(csv))
    assert (code, err) == (0, "")
    assert out == f"Imported 730 rows (730 new, 0 replaced) from {csv}\n"

    code, out, err = run(capsys, "export", str(board), "--view", "targets")
    assert code == 0, err
    months_table, *_ = tables(out)
    assert months_table[0] == ["Month", "Target", "Orders", "UV needed", "Conversion", "Order value", "Ad spend", "Agents", "New products"]
    months = months_table[1:13]
    assert [row[0] for row in months] == list(calendar.month_abbr)[1:]
    targets = [number(row[1]) for row in months]
    assert sum(targets) == 12_000_000 and number(months_table[13][1]) == 12_000_000
    for row, target in zip(months, targets, strict=True):
        uv, conversion, order_value = number(row[3]), number(row[4]) / 100, number(row[5])
        # UV is shown rounded to a visitor: at most half a visitor's sales off.
        assert abs(uv * conversion * order_value - target) <= 0.5 * conversion * order_value + 1e-6
    actual_table = next(t for t in tables(out) if t[0][:4] == ["Month", "Target", "Actual", "Attainment"])
    for month, row in enumerate(actual_table[1:13], start=1):
        assert number(row[2]) == revenue[month]
        assert number(row[1]) == targets[month - 1]
    assert actual_table[13][0].startswith("Year to date, 2025-01-01") and number(actual_table[13][2]) == sum(revenue.values())


def test_reimporting_the_same_file_replaces_it(board: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    csv = tmp_path / "year.csv"
    write_year_csv(csv)
    assert run(capsys, "import-actuals", str(board), str(csv))[0] == 0
    first = sorted(open_board(board, user="ana").actuals(), key=lambda m: (m.date, m.channel))
    code, out, _ = run(capsys, "import-actuals", str(board), str(csv))
    assert code == 0 and "(0 new, 730 replaced)" in out
    assert sorted(open_board(board, user="ana").actuals(), key=lambda m: (m.date, m.channel)) == first


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--annual", "12abc"], "--annual: '12abc' is not an amount"),
        (["--annual", "1000", "--year", "20x5"], "--year: '20x5' is not a plan year (2000-2100)"),
        (["--annual", "1000", "--year", "1999"], "--year: '1999' is not a plan year"),
        (["--annual", "1000", "--conversion", "3"], "--conversion: is a rate between 0 and 1 (0.03 = 3 %)"),
        (["--annual", "1000", "--budget", "-5"], "--budget: must not be negative (got -5)"),
        (["--annual", "1000", "--channel", "Tmall=70%", "--channel", "JD=10%"], "--channel: the shares add up to 80.0%"),
        (["--budget", "5000"], "--annual: the board has no plan yet: set the annual target first"),
    ],
)
def test_bad_target_input_exits_1_and_changes_nothing(board: Path, capsys, options: list[str], message: str):
    before = board.read_bytes()
    code, out, err = run(capsys, "target", "set", str(board), *options)
    assert code == 1 and out == ""
    assert err.startswith("opsboard: ") and message in err
    assert err.count("\n") == 1  # one line
    assert board.read_bytes() == before


def test_an_unknown_board_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    for argv in (
        ["target", "set", str(tmp_path / "nope.json"), "--annual", "1000"],
        ["import-actuals", str(tmp_path / "nope.json"), str(tmp_path / "x.csv")],
    ):
        code, _, err = run(capsys, *argv)
        assert code == 1 and "no such board" in err
    assert not (tmp_path / "nope.json").exists()


def test_bad_csv_rows_exit_1_listing_every_line_and_import_nothing(board: Path, tmp_path: Path, capsys):
    csv = tmp_path / "bad.csv"
    csv.write_text(
        "date,channel,pv,uv,orders,revenue,ad_spend\n"
        "2025-03-01,Tmall,300,100,5,1000,10\n"
        "2025-03-32,Tmall,300,100,5,1000,10\n"
        "2025-03-03,Tmall,300,400,5,1000,10\n"
        "2025-03-04,Tmall,300,100,5,-1000,10\n",
        encoding="utf-8",
    )
    before = board.read_bytes()
    code, out, err = run(capsys, "import-actuals", str(board), str(csv))
    assert code == 1 and out == ""
    assert "3 bad rows, nothing imported" in err
    assert "line 3: date (2025-03-32) is not a calendar day" in err
    assert "line 4: uv (400) is more than pv (300)" in err
    assert "line 5: revenue (-1000) is negative" in err
    assert board.read_bytes() == before
    code, _, err = run(capsys, "import-actuals", str(board), str(tmp_path / "missing.csv"))
    assert code == 1 and "cannot read" in err and board.read_bytes() == before


def test_target_task_from_the_command_line(board: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    run(capsys, "target", "set", str(board), "--annual", "24000000", "--year", "2025", "--conversion", "5%")
    csv = tmp_path / "year.csv"
    write_year_csv(csv)
    run(capsys, "import-actuals", str(board), str(csv))
    code, out, err = run(capsys, "target", "task", str(board), "--month", "3")
    assert code == 0, err
    task_id, department, priority, title = out.split("  ", 3)
    assert (department, priority) == ("Customer Service", "P1")
    assert title.startswith("Close the 2025-03 gap: conversion ")
    task = open_board(board, user="ana").task(task_id)
    assert (task.month, task.department) == (3, "customer_service")


def test_the_console_script_path(board: Path, tmp_path: Path):
    """As cron runs it: a fresh process, exit codes and streams."""
    env_run = lambda *argv: subprocess.run([sys.executable, "-m", "opsboard", *argv], capture_output=True, text=True)
    result = env_run("target", "set", str(board), "--annual", "1.2m", "--budget", "150万", "--channel", "Tmall=100%")
    assert result.returncode == 0, result.stderr
    result = env_run("export", str(board), "--view", "targets")
    assert "Promotion budget: 1,500,000 CNY." in result.stdout and "| Tmall " in result.stdout
    result = env_run("target", "set", str(board), "--conversion", "300%")
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_campaigns_from_the_command_line(board: Path, capsys: pytest.CaptureFixture[str]):
    code, _, err = run(
        capsys,
        "target",
        "set",
        str(board),
        "--annual",
        "1200000",
        "--year",
        "2025",
        "--seasonality",
        ",".join(["1"] * 12),
        "--campaign",
        "Double 11,2025-11-01,2025-11-30,50%,BD",
    )
    assert code == 0, err
    [campaign] = open_board(board, user="ana").plan().campaigns
    assert (campaign.name, campaign.department, campaign.uplift) == ("Double 11", "bd", 0.5)
    before = board.read_bytes()
    code, _, err = run(capsys, "target", "set", str(board), "--campaign", "Gala,2025-05-01")
    assert code == 1 and "--campaign: 'Gala,2025-05-01' is not NAME, START, END, UPLIFT[, DEPARTMENT]" in err
    assert board.read_bytes() == before
    assert run(capsys, "target", "set", str(board), "--campaign", "none")[0] == 0
    assert open_board(board, user="ana").plan().campaigns == []


@pytest.mark.parametrize(
    ("command", "options", "message"),
    [
        (["target", "set"], ["--annual", "1200000", "--conversion", "-2%"], "--conversion: "),
        (["target", "set"], ["--annual", "-1.5m"], "--annual: must not be negative (got -1.5m)"),
        (["target", "set"], ["--annual", "1200000", "--budget", "-150万"], "--budget: must not be negative (got -150万)"),
        (["target", "campaign", "add"], ["--preset", "618", "--uplift", "-10%"], "--uplift: "),
    ],
)
def test_a_negative_figure_typed_with_its_sign_is_refused_with_the_option_named(board: Path, capsys, command, options, message: str):
    """Not argparse's 'expected one argument' (exit 2): the figure is read and refused (exit 1)."""
    assert run(capsys, "target", "set", str(board), "--annual", "1000000")[0] == 0
    before = board.read_bytes()
    code, out, err = run(capsys, *command, str(board), *options)
    assert code == 1 and out == "" and err.startswith("opsboard: ") and message in err and err.count("\n") == 1
    assert board.read_bytes() == before


def test_export_targets_shows_channels_spend_against_budget_and_cap_and_peak_staffing(board: Path, capsys, monkeypatch):
    """Issue 15's 'done when': per-channel plan vs actual, actual spend against
    the budget and the daily cap (the days over it listed), peak staffing
    beside the average day, the rest of the year and the month-end forecast,
    all in `export --view targets`. Every day 1 Jan – 10 Mar: Tmall 20
    orders for 5,000 with 500 of ads (1,500 on 14 Feb), JD 5 for 1,000 with
    100; the cap 1,000 a day is broken on 14 Feb alone (1,600)."""
    options = ["--annual", "1200000", "--budget", "300000", "--conversion", "2%", "--order-value", "250", "--agent-orders", "4"]
    options += ["--channel", "Tmall=70%", "--channel", "JD=30% aov=200", "--daily-cap", "1000", "--roi", "4"]
    assert run(capsys, "target", "set", str(board), *options)[0] == 0
    assert run(capsys, "target", "campaign", "add", str(board), "--preset", "38节")[0] == 0  # 预热 03-01–03-03 ×0.5, 正式 03-04–03-08 ×1
    lines = ["date,channel,pv,uv,orders,revenue,ad_spend"]
    day = date(2026, 1, 1)
    while day <= date(2026, 3, 10):
        lines += [f"{day},Tmall,3000,1000,20,5000,{1500 if day == date(2026, 2, 14) else 500}", f"{day},JD,1500,500,5,1000,100"]
        day += timedelta(days=1)
    (board.parent / "q1.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run(capsys, "import-actuals", str(board), str(board.parent / "q1.csv"))[0] == 0
    monkeypatch.setenv("OPSBOARD_NOW", "2026-03-11T09:00:00+00:00")
    code, markdown, _err = run(capsys, "export", str(board), "--view", "targets")
    assert code == 0
    found = tables(markdown)
    [channels] = [t for t in found if t[0][:2] == ["Channel", "Target"] and "ROI" in t[0]]
    assert [row[0] for row in channels[1:]] == ["Tmall", "JD"]
    tmall, jd = (dict(zip(channels[0], row, strict=True)) for row in channels[1:])
    assert (tmall["Actual"], jd["Actual"]) == ("345,000", "69,000")  # 69 days × 5,000 and × 1,000
    assert jd["Order value"] == "200 / 200" and jd["Conversion"] == "2.00% / 1.00%" and jd["Ad spend"].endswith(" / 6,900")
    [spend] = [t for t in found if t[0][0] == "Actual ad spend"]
    assert spend[1][:2] == ["Year to date, to 2026-03-10", "42,400"]  # 69 × 600 + 1,000
    assert "Daily cap 1,000 CNY a day (每天上限): 1 day over it — 02-14 1,600." in markdown
    [staffing] = [t for t in found if t[0][:2] == ["Month", "Peak day"]]
    assert len(staffing) == 13 and staffing[0][-2:] == ["Agents at peak", "Agents on an average day"]
    march = staffing[3]
    assert march[0] == "Mar" and "03-04" <= march[1] <= "03-08"  # 正式, the heaviest days of the month
    assert (march[3], march[4]) == (
        "4",
        "3",
    )  # 14 orders ÷ 4 an agent; the average day fewer: more agents for the peak than for the average day
    assert "Mar at its run-rate on the curve ends at" in markdown and "After 2026-03-10, the days still to come must bring" in markdown


def test_a_review_by_week_as_csv_is_a_csv_with_the_percentages_as_shown(board: Path, tmp_path: Path, capsys):
    """`--period week --format csv -o r.csv` wrote Markdown to r.md; and 143.8 % read 1.4380000000000002."""
    assert run(capsys, "target", "set", str(board), "--annual", "12000000")[0] == 0
    write_year_csv(tmp_path / "year.csv", 2026)
    assert run(capsys, "import-actuals", str(board), str(tmp_path / "year.csv"))[0] == 0
    out = tmp_path / "r.csv"
    code, _out, err = run(capsys, "export", str(board), "--view", "review", "--period", "week", "--format", "csv", "-o", str(out))
    assert code == 0 and str(out) in err and not (tmp_path / "r.md").exists()
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0]["Week"].startswith("2026-W01") and len(rows) >= 53
    for row in rows:
        for name in ("Attainment", "Conversion", "UV growth %"):
            assert len(row[name].partition(".")[2]) <= 5, (name, row[name])  # as the report shows it, no float noise
    from opsboard.export.spreadsheet import cell_value

    assert (cell_value("143.8%"), cell_value("−57.2%"), cell_value("3.90%")) == (1.438, -0.572, 0.039)

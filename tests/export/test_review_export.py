"""The review's Markdown, parsed back with markdown-it-py."""

from __future__ import annotations

from datetime import date, timedelta

from gfm import tables
from markdown_it import MarkdownIt

from opsboard.export.review import review_empty_help, review_markdown, sales_markdown, traffic_markdown
from opsboard.logic.review import ReviewData
from opsboard.model import DailyMetric, TargetPlan

REVIEW_HEADERS = ["PV", "UV", "PV/UV", "UV growth %", "Revenue", "Orders", "Conversion", "Order value", "Ad spend", "ROI"]


def metric(day: date, channel: str, pv: int, uv: int, orders: int, revenue: float, ad_spend: float = 0.0):
    return DailyMetric(date=day, channel=channel, pv=pv, uv=uv, orders=orders, revenue=revenue, ad_spend=ad_spend)


def days(first: date, count: int, skip: date | None = None) -> list[date]:
    return [first + timedelta(n) for n in range(count) if first + timedelta(n) != skip]


def three_weeks(a: str = "A", b: str = "B") -> list[DailyMetric]:
    """Same figures as tests/logic/test_review_logic.py: 2025-W01 (from 2024-12-30),
    2025-W02 missing 8 January, 2025-W03 channel A only without ad spend."""
    rows = []
    for day in days(date(2024, 12, 30), 7):
        rows += [metric(day, a, 100, 40, 4, 400, 50), metric(day, b, 50, 10, 1, 100)]
    for day in days(date(2025, 1, 6), 7, skip=date(2025, 1, 8)):
        rows += [metric(day, a, 100, 50, 5, 600, 60), metric(day, b, 50, 10, 1, 100)]
    for day in days(date(2025, 1, 13), 7):
        rows.append(metric(day, a, 100, 40, 4, 400))
    return rows


def reports(metrics, channel=None, plan=None):
    data = ReviewData(metrics)
    return data.report("month", channel, plan), data.report("week", channel, plan)


def parse(markdown: str):
    return MarkdownIt("commonmark").enable("table").parse(markdown)


def text(inline) -> str:
    return "".join(child.content for child in inline.children if child.type in ("text", "code_inline"))


def paragraphs(markdown: str) -> list[str]:
    tokens = parse(markdown)
    return [text(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "paragraph_open"]


def test_tables_hold_the_hand_computed_figures():
    monthly, weekly = reports(three_weeks())
    month_table, week_table = tables(review_markdown(monthly, weekly, "Review", "CNY"))
    assert month_table[0] == ["Month", *REVIEW_HEADERS]
    assert week_table[0] == ["Week", "Start", *REVIEW_HEADERS]
    assert week_table[1] == [
        "2025-W01",
        "2024-12-30",
        "1,050",
        "350",
        "3.00",
        "n/a",
        "3,500",
        "35",
        "10.00%",
        "100",  # an order value of 100 in whole yuan (issue 18 case 19)
        "350",
        "10.00",
    ]
    assert week_table[2][:4] == ["2025-W02 (6 of 7 days)", "2025-01-06", "900", "360"]
    assert week_table[2][5] == "+20.0%‡"  # 6 days against 7: per day, marked so, 60 / 50 − 1 (not 360 / 350 − 1)
    assert week_table[3][5] == "−33.3%‡"  # 40 / 60 − 1 a day (W02 had 6 days), a real minus sign
    assert week_table[3][-1] == "n/a"  # no ad spend, no ROI
    # one totals row per year, never across years
    assert week_table[4][0] == "Total 2024 (2 of 366 days)" and week_table[4][2:4] == ["300", "100"]
    assert week_table[5][0] == "Total 2025 (18 of 365 days)" and week_table[5][2:4] == ["2,350", "890"]
    assert week_table[4][5] == ""  # the totals row compares with nothing
    assert month_table[1][0] == "2024-12 (2 of 31 days)"
    assert month_table[2][:5] == ["2025-01 (18 of 31 days)", "2,350", "890", "2.64", "−1.1%‡"]  # per day: 890 / 18 against 100 / 2


def test_best_and_worst_named_in_a_sentence():
    monthly, weekly = reports(three_weeks())
    sentences = paragraphs(review_markdown(monthly, weekly, "Review", "CNY"))
    assert any(p.startswith("Best week: 2025-W01, revenue 3,500 CNY. Worst week: 2025-W03, revenue 2,800 CNY.") for p in sentences)
    assert any(p.startswith("Best month: 2025-01 (18 of 31 days), revenue 9,500 CNY.") for p in sentences)


def test_growth_against_a_zero_period_reads_na():
    quiet = [metric(d, "", 0, 0, 0, 0) for d in days(date(2025, 3, 3), 7)]
    busy = [metric(d, "", 10, 5, 1, 50) for d in days(date(2025, 3, 10), 7)]
    _, week_table = tables(review_markdown(*reports(quiet + busy), "Review", "CNY"))
    assert week_table[1][4:6] == ["n/a", "n/a"]  # PV/UV over zero UV, no growth before
    assert week_table[2][4:6] == ["2.00", "n/a"]  # growth against a zero week


def test_a_full_year_gives_12_months_and_53_weeks():
    year = [metric(d, "", 100, 50, 2, 300, 10) for d in days(date(2025, 1, 1), 365)]
    month_table, week_table = tables(review_markdown(*reports(year), "Review", "CNY"))
    assert [row[0] for row in month_table[1:-1]] == [f"2025-{m:02d}" for m in range(1, 13)]
    # 2025-W01 starts on 2024-12-30 and 31 December 2025 falls in 2026-W01.
    assert len(week_table) - 2 == 53
    assert week_table[1][:2] == ["2025-W01 (5 of 7 days)", "2024-12-30"]
    assert week_table[-2][:2] == ["2026-W01 (3 of 7 days)", "2025-12-29"]
    assert month_table[-1][:3] == ["Total 2025", "36,500", "18,250"]


def test_user_text_is_escaped():
    monthly, weekly = reports(three_weeks(a="Tmall|Flagship", b="JD"), channel="Tmall|Flagship")
    markdown = review_markdown(monthly, weekly, "Q1 | *draft*", "CNY")
    assert "Channel: Tmall\\|Flagship." in markdown
    assert "Channel: Tmall|Flagship. Amounts in CNY." in paragraphs(markdown)
    headings = [text(t) for t in parse(markdown) if t.type == "inline" and t.map and t.map[0] == 0]
    assert headings == ["Q1 | *draft*"]
    for found in tables(markdown):
        assert len({len(row) for row in found}) == 1  # no cell split by a `|`


def test_targets_add_target_and_attainment_columns():
    plan = TargetPlan(year=2025, annual_target=1_200_000, seasonality=[1.0] * 12)
    month_table, week_table = tables(review_markdown(*reports(three_weeks(), plan=plan), "Review", "CNY"))
    assert week_table[0][-2:] == ["Target", "Attainment"]
    assert week_table[1][-2:] == ["16,129", "15.5%"]  # 5 days × 100,000 / 31; 2,500 / that
    assert month_table[1][-2:] == ["n/a", "n/a"]  # December 2024 is outside the plan
    # January to the last day with data, 19 January: 19 days × 100,000 / 31; 9,500 / that
    assert month_table[2][-2:] == ["61,290", "15.5%"]
    assert "Target" not in tables(review_markdown(*reports(three_weeks()), "Review", "CNY"))[0][0]


def test_traffic_and_sales_exports():
    monthly, weekly = reports(three_weeks())
    traffic = tables(traffic_markdown(monthly, weekly, "Traffic"))
    assert traffic[1][0] == [
        "Week",
        "Start",
        "PV",
        "PV growth %",
        "PV growth YoY",
        "UV",
        "UV growth %",
        "UV growth YoY",
        "PV/UV",
    ]
    assert traffic[1][2][2:9] == ["900", "0.0%‡", "n/a", "360", "+20.0%‡", "n/a", "2.50"]  # growth per day of data: W02 has 6
    sales_md = sales_markdown(monthly, weekly, "Sales", "USD")
    sales = tables(sales_md)
    assert sales[1][0] == [
        "Week",
        "Start",
        "Revenue",
        "Revenue growth %",
        "Orders",
        "Conversion",
        "Order value",
        "Ad spend",
        "ROI",
    ]
    assert sales[1][2][2:4] == ["4,200", "+40.0%‡"]  # 700 a day against 500
    assert any(p.startswith("Best week: 2025-W01, revenue 3,500 USD.") for p in paragraphs(sales_md))


def test_empty_metrics_explain_how_to_import():
    monthly, weekly = reports([])
    markdown = review_markdown(monthly, weekly, "Review", "CNY")
    tokens = parse(markdown)
    assert not any(t.type == "table_open" for t in tokens)
    fences = [t.content for t in tokens if t.type == "fence"]
    assert fences[0] == "opsboard import-actuals BOARD FILE.csv\n"
    assert fences[1].splitlines()[0] == "date,channel,pv,uv,orders,revenue,ad_spend"
    for export in (traffic_markdown(monthly, weekly, "T"), sales_markdown(monthly, weekly, "S", "CNY")):
        assert "opsboard import-actuals BOARD FILE.csv" in export
    help_text = review_empty_help()
    assert "opsboard import-actuals BOARD FILE.csv" in help_text
    assert "date,channel,pv,uv,orders,revenue,ad_spend" in help_text

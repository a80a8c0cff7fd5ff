"""The targets view as Markdown, parsed back with markdown-it-py.

Plan: 1,800,000 a year, flat: 150,000 a month at 2 % conversion and 250 order
value → 600 orders, 30,000 UV, ad spend 15,000 paid UV × 2 = 30,000 a month."""

from __future__ import annotations

from datetime import date, timedelta

from markdown_it import MarkdownIt
from targets_fixture import flat_plan

from opsboard.export.targets import targets_markdown
from opsboard.logic.targets import budget_balance, monthly_breakdown, plan_vs_actual
from opsboard.model import Channel, DailyMetric, TargetPlan

# January: 31 days of 1,000 UV, 18 orders, 4,680 revenue → 145,080; gap −4,920 =
# traffic +5,000, conversion −15,500, order value +5,580 (see tests/logic/test_targets_plan_vs_actual.py).
# February: 14 days of 1,000 UV, 20 orders, 5,000 → 70,000 against 75,000 to date.
JANUARY = [DailyMetric(date=date(2025, 1, 1) + timedelta(days=i), pv=3_000, uv=1_000, orders=18, revenue=4_680) for i in range(31)]
FEBRUARY_HALF = [DailyMetric(date=date(2025, 2, 1) + timedelta(days=i), pv=2_000, uv=1_000, orders=20, revenue=5_000) for i in range(14)]
METRICS = JANUARY + FEBRUARY_HALF


def render(plan: TargetPlan | None, metrics=METRICS, title="Flagship 2025", **kwargs) -> str:
    if plan is None:
        return targets_markdown(None, None, None, None, title)
    breakdown = monthly_breakdown(plan)
    return targets_markdown(plan, breakdown, budget_balance(plan, breakdown), plan_vs_actual(plan, metrics, breakdown), title, **kwargs)


def parse(markdown: str):
    return MarkdownIt("commonmark").enable("table").parse(markdown)


def text(inline) -> str:
    return "".join(child.content for child in inline.children if child.type in ("text", "code_inline"))


def tables(markdown: str) -> dict[str, list[list[str]]]:
    """Each table under its heading, as rows of cell texts, the header row first."""
    found: dict[str, list[list[str]]] = {}
    heading, row, in_heading = "", None, False
    for token in parse(markdown):
        if token.type == "heading_open":
            in_heading = True
        elif token.type == "inline" and in_heading:
            heading, in_heading = text(token), False
        elif token.type == "table_open":
            found[heading] = []
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline" and row is not None:
            row.append(text(token))
        elif token.type == "tr_close":
            found[heading].append(row)
            row = None
    return found


def paragraphs(markdown: str) -> list[str]:
    tokens = parse(markdown)
    return [text(tokens[i + 1]) for i, token in enumerate(tokens) if token.type == "paragraph_open"]


def test_months_table_with_total():
    months = tables(render(flat_plan()))["Months"]
    assert months[0] == ["Month", "Target", "Orders", "UV needed", "Conversion", "Order value", "Ad spend", "Agents", "New products"]
    assert len(months) == 1 + 12 + 1
    # agents: Jan 600 / 31 / 10 → 2, Feb 600 / 28 / 10 → 3
    # a whole order value without .00, as view 3 shows it (issue 18 case 19)
    assert months[1] == ["Jan", "150,000", "600", "30,000", "2.00%", "250", "30,000", "2", "3"]
    assert months[2][7] == "3"
    assert months[-1] == ["Total", "1,800,000", "7,200", "360,000", "2.00%", "250", "360,000", "3", "36"]


def test_quarters_channels_and_departments():
    channels = [Channel(id="a", name="Tmall | *flagship*", share=0.75), Channel(id="b", name="JD", share=0.25)]
    plan = flat_plan(channels=channels)
    found = tables(render(plan))
    assert found["Quarters"][1] == ["Q1", "450,000", "1,800", "90,000", "90,000", "3", "9"]
    assert found["Channels"][1:] == [
        ["Tmall | *flagship*", "75.0%", "1,350,000", "5,400", "270,000", "270,000"],
        ["JD", "25.0%", "450,000", "1,800", "90,000", "90,000"],
    ]
    departments = found["Departments"]
    assert departments[0] == ["Department", "Owns", "Figure", "Value"]
    assert ["Marketing", "traffic and ad spend", "UV needed", "360,000"] in departments
    assert ["Customer service", "conversion (pre-sale service)", "Average conversion", "2.00%"] in departments
    assert ["Product development", "order value and new products", "Average order value", "250"] in departments
    assert ["HR", "headcount", "Agent-months", "25"] in departments


def test_department_names_from_the_board_are_escaped():
    markdown = render(flat_plan(), departments={"hr": "People <b>&</b> culture"})
    assert ["People <b>&</b> culture", "headcount", "Agents at peak", "3"] in tables(markdown)["Departments"]
    assert "<b>" not in MarkdownIt("commonmark").enable("table").render(markdown)


def test_title_is_escaped():
    markdown = render(flat_plan(), title="# Shop [x](http://e.com) *big*")
    tokens = parse(markdown)
    assert tokens[0].type == "heading_open" and tokens[0].tag == "h2"
    assert text(tokens[1]) == "# Shop [x](http://e.com) *big*"


def test_plan_vs_actual_table():
    rows = tables(render(flat_plan()))["Plan vs actual"]
    assert rows[0] == [
        "Month",
        "Target",
        "Actual",
        "Attainment",
        "Gap",
        "Traffic",
        "Conversion",
        "Order value",
        "Lever to act on",
        "Department",
    ]
    assert rows[1] == [
        "Jan",
        "150,000",
        "145,080",
        "96.7%",
        "−4,920",
        "+4,843",
        "−15,557",
        "+5,793",
        "Conversion",
        "Customer service, Design",
    ]
    # February to the cut-off, 14 Feb: the first 14 days' targets
    assert rows[2] == ["Feb (14 of 28 days)", "75,000", "70,000", "93.3%", "−5,000", "−5,000", "0", "0", "Traffic", "Marketing"]
    assert rows[3] == [
        "Year to date, 2025-01-01 – 2025-02-14 (45 of 365 days)",
        "225,000",
        "215,080",
        "95.6%",
        "−9,920",
        "−157",
        "−15,557",
        "+5,793",
        "Conversion",
        "Customer service, Design",
    ]


def test_forecast_and_lever_sentences():
    texts = paragraphs(render(flat_plan()))
    # 215,080 + 1,575,000 × 215,080 / 225,000 = 8 × 215,080 = 1,720,640
    forecast = "Forecast for the year at the year-to-date attainment: 1,720,640 CNY (95.6% of the target, gap −79,360)."
    assert forecast in texts
    assert "Lever to act on: conversion, owned by Customer service, Design." in texts
    # 70,000 + 75,000 × 70,000 / 75,000
    assert "Feb at its run-rate on the curve ends at 140,000 CNY against a target of 150,000 CNY." in texts
    assert any(text.startswith("Figures to 2025-02-14, the last day with data") for text in texts)


def test_budget_over_with_each_lever():
    markdown = render(flat_plan(promotion_budget=300_000))
    assert (
        "The plan's ad spend of 360,000 CNY is over the promotion budget of 300,000 CNY by 60,000 CNY. "
        "Each lever below closes the gap on its own (the factor scales every month alike):"
    ) in paragraphs(markdown)
    assert tables(markdown)["Budget"] == [
        ["Lever", "Department", "Factor", "Now", "Needed", "Closes the gap"],
        ["Conversion", "Customer service", "×1.20", "2.00%", "2.40%", "yes"],
        ["Order value", "Product development", "×1.20", "250", "300", "yes"],
        ["Budget", "Marketing", "×1.20", "300,000", "360,000", "yes"],
    ]


def test_budget_that_conversion_cannot_close():
    # 50 % conversion: ad spend 14,400 a year; budget 7,000 needs 102.9 %
    rows = tables(render(flat_plan(conversion=[0.5] * 12, promotion_budget=7_000)))["Budget"]
    assert rows[1][-1] == "no: would need a conversion of 102.9% in Jan, more than 100%"


def test_budget_fits_or_is_not_set():
    assert "The plan's ad spend of 360,000 CNY fits the promotion budget of 400,000 CNY (90.0% used)." in paragraphs(
        render(flat_plan(promotion_budget=400_000))
    )
    assert "Not checked: no promotion budget is set." in paragraphs(render(flat_plan()))


def test_no_actuals():
    markdown = render(flat_plan(), metrics=[])
    assert "Plan vs actual" not in tables(markdown)
    assert "No actuals for 2025 yet: import the store's daily figures to compare them with the plan." in paragraphs(markdown)


def test_no_plan():
    markdown = render(None)
    assert paragraphs(markdown) == ["No sales target has been set yet: set the annual target to break it down."]
    assert tables(markdown) == {}


def test_unreachable_month_is_named_and_shown_as_na():
    conversion = [0.02] * 12
    conversion[2] = 0.0
    markdown = render(flat_plan(conversion=conversion, promotion_budget=1_000))
    months = tables(markdown)["Months"]
    assert months[3][:8] == ["Mar", "150,000", "600", "n/a", "0.00%", "250", "n/a", "2"]
    assert months[-1][3] == "n/a"
    tokens = parse(markdown)
    items = [text(tokens[i + 2]) for i, t in enumerate(tokens) if t.type == "list_item_open"]
    assert items == ["Mar: a target of 150,000 cannot be reached with a conversion of 0"]

"""A growth that compares means per day of data (the period, or the one it
is compared with, has days without data: this month's 26 days against last
month's 30) is marked ‡ where it stands, in view 4 and the review exports in
both languages, and the mark is explained under the table; a growth of two
whole periods carries no mark."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

import pytest

from opsboard.export.review import review_markdown
from opsboard.i18n import set_language
from opsboard.logic.review import ReviewData
from opsboard.model import DailyMetric, Operation, OpKind, Table
from opsboard.services.board_files import init_board
from opsboard.services.export import export_view
from opsboard.services.export_formats import BY_NAME
from opsboard.store import BoardStore


def month_of_days(first: date, count: int, uv: int) -> list[DailyMetric]:
    return [
        DailyMetric(date=first + timedelta(n), channel="Tmall", pv=300, uv=uv, orders=10, revenue=1000.0, ad_spend=0.0)
        for n in range(count)
    ]


def metrics() -> list[DailyMetric]:
    """September and October whole (100 UV a day), November's first 26 days (110 UV a day)."""
    return month_of_days(date(2026, 9, 1), 30, 100) + month_of_days(date(2026, 10, 1), 31, 100) + month_of_days(date(2026, 11, 1), 26, 110)


def test_the_partial_months_growth_is_flagged_per_day_and_the_whole_ones_not() -> None:
    sep, oct_, nov = ReviewData(metrics()).report("month").rows
    assert not oct_.growth_per_day and oct_.uv_growth == pytest.approx(3_100 / 3_000 - 1)  # sums
    assert nov.growth_per_day and nov.uv_growth == pytest.approx(0.1)  # 110 a day against 100
    assert not sep.growth_per_day  # nothing to compare with


def markdown(language: str = "en") -> str:
    data = ReviewData(metrics())
    set_language(language)
    try:
        return review_markdown(data.report("month"), data.report("week"), "Review", "CNY")
    finally:
        set_language("en")


def row(text: str, label: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(f"| {label}"))


def test_the_markdown_marks_the_per_day_growth_and_says_what_the_mark_means() -> None:
    text = markdown()
    assert "+10.0%‡" in row(text, "2026-11 (26 of 30 days)")
    assert "‡" not in row(text, "2026-10 ")  # two whole months: their sums
    assert "‡ growth per day of data: the period, or the one it is compared with, has days without data." in text


def test_the_chinese_markdown_explains_the_mark_from_the_catalogue() -> None:
    text = markdown("zh")
    assert "+10.0%‡" in text
    assert "‡ 按日均计算的增长：本期或对比的一期有缺少数据的日子。" in text


def put_actuals(store: BoardStore, days: list[DailyMetric]) -> None:
    docs = [m.to_doc() | {"id": m.id} for m in days]
    store.apply(Operation(kind=OpKind.REPLACE, table=Table.ACTUALS, docs=docs, summary="test metrics"))


def test_the_spreadsheets_keep_the_per_day_growth_a_number(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", "2026-11-30T09:30:00+08:00")
    store = init_board(tmp_path / "b.json", user="ana", name="Shop", year=2026)
    put_actuals(store, metrics())
    data = BY_NAME["csv"].render(export_view(store, "review"))
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    november = next(r for r in rows if r.get("Month", "").startswith("2026-11"))
    october = next(r for r in rows if r.get("Month", "").startswith("2026-10"))
    # a number to sort and sum by, not text: the ‡ is the Markdown's, the period says it is partial
    assert float(november["UV growth %"]) == pytest.approx(0.1)
    assert float(october["UV growth %"]) == pytest.approx(0.033)

"""Figures, dates and months in the interface language (opsboard/i18n/formats.py)."""

from __future__ import annotations

from datetime import date

import pytest

from opsboard import i18n
from opsboard.i18n import formats


@pytest.mark.parametrize(
    ("value", "english", "chinese"),
    [
        (987, "987", "987"),
        (12_345, "12.3k", "1.23万"),
        (625_000, "625k", "62.5万"),
        (1_560_000, "1.56M", "156万"),
        (12_000_000, "12.0M", "1,200万"),
        (156_000_000, "156M", "1.56亿"),
        (-223_000, "−223k", "−22.3万"),
        (None, "n/a", "无"),
    ],
)
def test_short_amounts_read_in_k_and_m_in_english_and_wan_and_yi_in_chinese(value, english, chinese) -> None:
    assert formats.short_amount(value) == english
    i18n.set_language("zh")
    assert formats.short_amount(value) == chinese


def test_signed_amounts_carry_a_true_minus_and_no_sign_on_zero() -> None:
    assert formats.signed(formats.short_amount, 38_500) == "+38.5k"
    assert formats.signed(formats.short_amount, -408_218) == "−408k"
    assert formats.signed(formats.number, 0.2) == "0"
    i18n.set_language("zh")
    assert formats.signed(formats.short_amount, -408_218) == "−40.8万"


def test_dates_in_running_text_and_months() -> None:
    friday = date(2026, 11, 27)
    assert formats.day_text(friday) == "Fri 27 Nov 2026"
    assert formats.month_year(11, 2026) == "Nov 2026"
    assert formats.month_abbr(1) == "Jan"
    i18n.set_language("zh")
    assert formats.day_text(friday) == "11月27日 周五"
    assert formats.month_year(11, 2026) == "2026年11月"
    assert formats.month_abbr(1) == "1月"


@pytest.mark.parametrize(
    ("days_before", "english", "chinese"),
    [(0, "today", "今天"), (1, "yesterday", "昨天"), (3, "3 days ago", "3天前"), (-1, "tomorrow", "明天"), (-3, "in 3 days", "3天后")],
)
def test_relative_days(days_before: int, english: str, chinese: str) -> None:
    today = date(2026, 11, 27)
    day = date.fromordinal(today.toordinal() - days_before)
    assert formats.relative_day(day, today) == english
    i18n.set_language("zh")
    assert formats.relative_day(day, today) == chinese


def test_numbers_and_rates_read_the_same_in_both() -> None:
    assert (formats.number(-1234.5, 1), formats.percent(0.034), formats.percent(0.1234, 2)) == ("−1,234.5", "3.4%", "12.34%")
    i18n.set_language("zh")
    assert (formats.number(-1234.5, 1), formats.percent(0.034)) == ("−1,234.5", "3.4%")

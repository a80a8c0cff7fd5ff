"""Turning what a user typed into values, with messages that say what is valid.

Dates come as people type them — in a form, on the command line, in Chinese or
English — and one parser reads them all (a closed set, so a few patterns of
our own rather than a general date library and its import cost):

    2026-12-01  2026/12/1  2026.12.1  20261201  2026-2-3   the date
    12-01  12-1  12/1  12月1日                               this year's
    2026年12月1日                                            the date
    today 今天  tomorrow 明天  后天  yesterday 昨天             relative to today
    +3d  +2w  +3  3d                                        days (or weeks) from today
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from opsboard.i18n import _
from opsboard.model.clock import today as clock_today

from .errors import InputError

_WORDS = {"today": 0, "今天": 0, "今日": 0, "tomorrow": 1, "明天": 1, "明日": 1, "后天": 2, "yesterday": -1, "昨天": -1}
_FULL = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_MONTH_DAY = re.compile(r"(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_OFFSET = re.compile(r"\+?\s*(\d{1,4})\s*(d|days?|w|weeks?|天|周)?", re.IGNORECASE)


def read_date(text: str, today: date, year: int | None = None) -> date | None:
    """The date `text` names, or None when it is not one of the forms above;
    a month and day without a year fall in `year` (default: today's)."""
    text = text.strip()
    lowered = text.lower()
    if lowered in _WORDS:
        return today + timedelta(days=_WORDS[lowered])
    try:
        if match := _FULL.fullmatch(text) or _COMPACT.fullmatch(text):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := _MONTH_DAY.fullmatch(text):
            return date(year or today.year, int(match[1]), int(match[2]))
    except ValueError:  # 2026-02-30: the right form, not a day
        return None
    if (match := _OFFSET.fullmatch(text)) and (text.startswith("+") or match[2]):
        unit = (match[2] or "d").lower()
        days = int(match[1]) * (7 if unit.startswith("w") or unit == "周" else 1)
        return today + timedelta(days=days)
    return None


def parse_date(text: str | None, field: str = "due", today: date | None = None) -> date | None:
    """'' → None; a date in any of the forms above → date; anything else →
    InputError, its message led by `field` (none for a form's field, which
    shows the message under it)."""
    if text is None:
        return None
    text = text.strip()
    if not text:
        return None
    found = read_date(text, today or clock_today())
    if found is None:
        refusal = _("'{text}' is not a date (use YYYY-MM-DD, 2026/12/1, 12-1, 12月1日, today, tomorrow, 明天 or +3d)").format(text=text)
        raise InputError(_("{field}: {reason}").format(field=field, reason=refusal) if field else refusal)
    return found


def before_plan_year(due: date | None, year: int) -> str | None:
    """A warning when a due date falls before the board's plan year (1999 for
    2026 is more often a typo than a plan); None when it is fine."""
    if due is not None and due.year < year:
        return _("due {date} is before the plan year {year}: saved as typed, check it").format(date=due.isoformat(), year=year)
    return None

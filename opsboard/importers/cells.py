"""One cell of a back-office export read as the back office means it.

Numbers: thousands separators, `¥`/`￥`, 万 and 亿 (`1.3万` is 13,000),
full-width digits; `-`, `--` and an empty cell are "no figure" (unknown).
A `%` cell is a rate, refused where a count or an amount is expected.
Dates: `2025-01-01`, `2025/1/1`, `20250101`, `2025年1月1日`, with or without
a time, or an Excel date cell. A week or month range where a day is expected
is refused with a line saying to export daily rows (按日).

Cells come as text (CSV) or as the spreadsheet's own values (Excel: float,
int, datetime). Each parser returns (value, None) or (None, reason).
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, timedelta

from opsboard.i18n import _
from opsboard.model.cleaning import clean_line
from opsboard.model.labels import figure_word

LARGEST = 1e15  # no store's day comes near; a bigger figure is a broken export
EMPTY = {"", "-", "--", "—", "——", "/", "n/a", "N/A"}  # back offices write "-" for no figure
TOTALS = {"合计", "总计", "汇总", "总和", "total", "totals", "sum", "grand total"}
_UNITS = {"万": 10_000, "亿": 100_000_000, "w": 10_000}
_NUMBER = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")
_EXCEL_EPOCH = date(1899, 12, 30)  # Excel's day 0 (after its 1900 leap-year bug)
_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"  # "2025/3/1 0:00" from a spreadsheet
_DATES = (
    re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})" + _TIME),
    re.compile(r"(\d{4})()(\d{2})(\d{2})"),
    re.compile(r"(\d{4})(年)(\d{1,2})月(\d{1,2})日?" + _TIME),
)
# A period that is not one day: "2025-01-01~2025-01-07", "2025-W01", "2025年1月", "2025-01"
_DAY = r"\d{4}[-/.年]?\d{1,2}[-/.月]?\d{1,2}日?"
_RANGES = (
    re.compile(rf"{_DAY}\s*(?:~|～|至|到|—|–|-{{1,2}}|_)\s*{_DAY}"),
    re.compile(r"\d{4}\s*[-/]?\s*w(?:eek)?\s*\d{1,2}", re.IGNORECASE),
    re.compile(r"\d{4}\s*年?\s*第\s*\d{1,2}\s*周"),
    re.compile(r"\d{4}(?:[-/.]\d{1,2}|年\d{1,2}月)"),
)


def plain(raw: object) -> str:
    """A text cell stripped, full-width digits and signs folded to ASCII."""
    text = str(raw)
    return text.strip() if text.isascii() else unicodedata.normalize("NFKC", text).strip()


def shown(raw: object) -> str:
    """A cell as a message quotes it: one clean line, at most 30 characters."""
    value = clean_line(plain(raw)) if not isinstance(raw, float) else f"{raw:g}"
    return value if len(value) <= 30 else value[:29] + "…"


def is_empty(raw: object) -> bool:
    if raw is None:
        return True
    if isinstance(raw, float):
        return math.isnan(raw)
    return isinstance(raw, str) and plain(raw) in EMPTY


def is_totals(raw: object) -> bool:
    return isinstance(raw, str) and plain(raw).casefold().rstrip(":：") in TOTALS


def number(field: str, raw: object, whole: bool) -> tuple[float | int | None, str | None]:
    """The cell's value (None: no figure), or the reason it is not one."""
    if is_empty(raw):
        return None, None
    if isinstance(raw, bool):
        return None, _("{field} ({cell}) is not a number").format(field=figure_word(field), cell=raw)
    if isinstance(raw, (int, float)):
        return _checked(field, float(raw), whole, shown(raw))
    if isinstance(raw, (datetime, date)):
        return None, _("{field} ({cell}) is a date, not a number").format(field=figure_word(field), cell=shown(raw))
    text = plain(raw)
    if text.isascii() and text.isdigit() and len(text) <= 15:  # the common case, quickly
        return (int(text) if whole else float(text)), None
    text = text.replace(" ", "").removeprefix("¥").removeprefix("$").removesuffix("元")
    if text.endswith("%"):
        expected = (
            _("{field} ({cell}) is a percentage; expected a count") if whole else _("{field} ({cell}) is a percentage; expected an amount")
        )
        return None, expected.format(field=figure_word(field), cell=shown(raw))
    negative = text.startswith("-")
    body = text[1:] if negative else text
    scale = 1
    if body[-1:] in _UNITS:
        scale, body = _UNITS[body[-1]], body[:-1]
    match = _NUMBER.fullmatch(body)
    if match is None:
        not_one = _("{field} ({cell}) is not a whole number") if whole else _("{field} ({cell}) is not a number")
        return None, not_one.format(field=figure_word(field), cell=shown(raw))
    digits = match.group(1).replace(",", "").lstrip("0") or "0"
    if len(digits) > 16:  # before int(): Python refuses to parse thousands of digits
        return None, _("{field} ({cell}) is too large").format(field=figure_word(field), cell=shown(raw))
    if negative:
        return None, _("{field} ({cell}) is negative").format(field=figure_word(field), cell=shown(raw))
    if scale == 1 and not match.group(2):
        return _checked(field, int(digits), whole, shown(raw))
    return _checked(field, float(digits + (match.group(2) or "")) * scale, whole, shown(raw))


def _checked(field: str, value: float | int, whole: bool, text: str) -> tuple[float | int | None, str | None]:
    if math.isnan(value) or math.isinf(value):
        return None, _("{field} ({cell}) is not a number").format(field=figure_word(field), cell=text)
    if value < 0:
        return None, _("{field} ({cell}) is negative").format(field=figure_word(field), cell=text)
    if value > LARGEST:
        return None, _("{field} ({cell}) is too large").format(field=figure_word(field), cell=text)
    if whole:
        rounded = round(value)
        if abs(value - rounded) > 1e-6:
            return None, _("{field} ({cell}) is not a whole number").format(field=figure_word(field), cell=text)
        return int(rounded), None
    return float(value), None


def day(raw: object) -> tuple[date | None, str | None]:
    """The cell's calendar day, or the reason it is not one."""
    if isinstance(raw, datetime):
        return raw.date(), None
    if isinstance(raw, date):
        return raw, None
    if isinstance(raw, timedelta):
        return None, _("date ({cell}) is a time, not a day").format(cell=shown(raw))
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and not is_empty(raw):
        return _serial_day(raw)
    if is_empty(raw):
        return None, _("date is missing")
    text = plain(raw)
    for pattern in _DATES:
        match = pattern.fullmatch(text)
        if match:
            try:
                return date(int(match.group(1)), int(match.group(3)), int(match.group(4))), None
            except ValueError:
                return None, _("date ({cell}) is not a calendar day").format(cell=shown(raw))
    if any(pattern.fullmatch(text) for pattern in _RANGES):
        return None, _("date ({cell}) is a week or month, not a day: export daily rows (按日) from the back office").format(cell=shown(raw))
    return None, _("date ({cell}) is not YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD").format(cell=shown(raw))


def _serial_day(value: float) -> tuple[date | None, str | None]:
    """20250301 written as a number, or an Excel serial day (45717 = 2025-03-01)."""
    if value == int(value) and 19000101 <= value <= 21001231:
        return day(str(int(value)))
    if 1 <= value < 80_000:  # up to the year 2118
        return _EXCEL_EPOCH + timedelta(days=int(value)), None
    return None, _("date ({cell}) is not a day").format(cell=f"{value:g}")

"""How figures, dates and months read in the interface language: one place.

English: `12.0M`, `625k`, `Fri 27 Nov 2026`, `Nov 2026`, `3 days ago`.
Chinese: `1,200万`, `62.5万`, `1.56亿`; `11月27日 周五`, `2026年11月`, `3天前`.
Tables show ISO dates (`2026-11-27`) in both. Negative figures take a true
minus sign (`−`), as the targets and review views always have.
"""

from __future__ import annotations

import errno
from datetime import date

from . import _l, is_chinese, lazy_pgettext, ngettext, pgettext

MINUS = "−"
NA = "n/a"

MONTH_ABBRS = (
    lazy_pgettext("month", "Jan"),
    lazy_pgettext("month", "Feb"),
    lazy_pgettext("month", "Mar"),
    lazy_pgettext("month", "Apr"),
    lazy_pgettext("month", "May"),
    lazy_pgettext("month", "Jun"),
    lazy_pgettext("month", "Jul"),
    lazy_pgettext("month", "Aug"),
    lazy_pgettext("month", "Sep"),
    lazy_pgettext("month", "Oct"),
    lazy_pgettext("month", "Nov"),
    lazy_pgettext("month", "Dec"),
)
WEEKDAY_ABBRS = (_l("Mon"), _l("Tue"), _l("Wed"), _l("Thu"), _l("Fri"), _l("Sat"), _l("Sun"))


def not_available() -> str:
    return pgettext("no figure", "n/a")


def month_abbr(month: int) -> str:
    """'Nov' / '11月'."""
    return str(MONTH_ABBRS[month - 1])


def month_year(month: int, year: int) -> str:
    """'Nov 2026' / '2026年11月'."""
    return pgettext("month and year", "{month} {year}").format(month=month_abbr(month), year=year)


def weekday_abbr(day: date) -> str:
    """'Fri' / '周五'."""
    return str(WEEKDAY_ABBRS[day.weekday()])


def day_text(day: date) -> str:
    """A date in running text: 'Fri 27 Nov 2026' / '11月27日 周五' (tables: ISO)."""
    return pgettext("date in running text", "{weekday} {day} {month} {year}").format(
        weekday=weekday_abbr(day), day=day.day, month=month_abbr(day.month), month_number=day.month, year=day.year
    )


def relative_day(day: date, today: date) -> str:
    """'today', 'yesterday', '3 days ago', 'tomorrow', 'in 3 days' / 今天, 昨天, 3天前, 明天, 3天后."""
    days = (today - day).days
    if days == 0:
        return pgettext("relative day", "today")
    if days == 1:
        return pgettext("relative day", "yesterday")
    if days == -1:
        return pgettext("relative day", "tomorrow")
    if days > 0:
        return ngettext("{n} day ago", "{n} days ago", days).format(n=days)
    return ngettext("in {n} day", "in {n} days", -days).format(n=-days)


def number(value: float | None, decimals: int = 0) -> str:
    """Grouped digits, a true minus: '1,234,567', '−3.50'."""
    if value is None:
        return not_available()
    return f"{value:,.{decimals}f}".replace("-", MINUS)


def order_value_decimals(*values: float | None) -> int:
    """Decimals for order values shown together (a column, plan beside actual,
    now beside needed), the same in every view, export and language: whole
    yuan, as every amount beside them, while they are 100 or more (255, not
    255.00; 268, not 268.43: three figures say enough); two decimals when one
    of them is under 100 and has cents (19.90 keeps them, and so its column)."""
    return 2 if any(v is not None and abs(v) < 100 and abs(v - round(v)) >= 0.005 for v in values) else 0


def order_value(value: float | None, *beside: float | None) -> str:
    """An order value by the rule above, `beside` the others shown with it."""
    return number(value, order_value_decimals(value, *beside))


def percent(value: float | None, decimals: int = 1) -> str:
    """A rate (0.034) as '3.4%'."""
    return not_available() if value is None else f"{value * 100:.{decimals}f}%".replace("-", MINUS)


def short_amount(value: float | None) -> str:
    """An amount in three significant figures for narrow columns:
    English 987, 12.3k, 625k, 1.20M, 12.0M; Chinese 987, 1.23万, 62.5万, 1,200万, 1.56亿."""
    if value is None:
        return not_available()
    sign = MINUS if value < 0 else ""
    size = abs(value)
    units = ((1e8, "亿"), (1e4, "万")) if is_chinese() else ((1e9, "B"), (1e6, "M"), (1e3, "k"))
    for limit, unit in units:
        if size >= limit:
            return sign + _three_figures(size / limit) + unit
    return sign + f"{size:.0f}"


def _three_figures(scaled: float) -> str:
    if round(scaled, 2) < 10:
        return f"{scaled:.2f}"
    if round(scaled, 1) < 100:
        return f"{scaled:.1f}"
    return f"{scaled:,.0f}"


def signed(text_of, value: float | None) -> str:
    """'+38.5k' / '−223k' with `text_of` the unsigned form; no sign when it rounds to zero."""
    if value is None:
        return not_available()
    text = text_of(abs(value))
    if text.strip("0.,") in ("", "k", "M", "B", "万", "亿"):
        return text
    return ("+" if value > 0 else MINUS) + text


# the operating system's reasons a file could not be read or written: in
# English its own words, in Chinese ours
_OS_REASONS = {
    errno.ENOENT: _l("No such file or directory"),
    errno.EACCES: _l("Permission denied"),
    errno.EPERM: _l("Operation not permitted"),
    errno.EISDIR: _l("Is a directory"),
    errno.ENOTDIR: _l("Not a directory"),
    errno.ENOSPC: _l("No space left on device"),
    errno.EROFS: _l("Read-only file system"),
    errno.EEXIST: _l("File exists"),
}


def os_reason(error: OSError) -> str:
    """'Permission denied' / '没有权限' for an OSError; its own words for a rarer one."""
    word = _OS_REASONS.get(error.errno) if error.errno is not None else None
    if word is None or (not is_chinese() and error.strerror):
        return str(error.strerror or error)
    return str(word)

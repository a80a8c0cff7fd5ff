"""The review phase as Markdown: the traffic table (PV, UV and their growth)
and the weekly and monthly sales reports. The reports passed in are
`opsboard.logic.review.ReviewReport`s, used by their fields only (export/
does not import logic/).

Growth carries an explicit sign (+12.5%, −3.0%) so the tables read without
colour; growth against a zero or missing period reads "n/a".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .markdown import amount, escape, heading, percent, table

# What the importer expects; the help text and the CSV reader must agree.
METRIC_COLUMNS: tuple[str, ...] = ("date", "channel", "pv", "uv", "orders", "revenue", "ad_spend")
IMPORT_COMMAND = "opsboard import-actuals BOARD FILE.csv"
_EXAMPLE_ROW = "2025-03-01,Tmall,12000,3400,102,20400.00,1500.00"


def review_empty_help(board: str = "BOARD") -> str:
    """Plain text for a board without metrics: how to import them (into
    `board`, the file's path in the app, as view 3 names it)."""
    return (
        "No store metrics yet. Import the daily figures exported from the store's back office:\n"
        "\n"
        f"    {IMPORT_COMMAND.replace('BOARD', board)}\n"
        "\n"
        "The CSV has a header row, then one row per day (and per channel) with the columns:\n"
        f"    {','.join(METRIC_COLUMNS)}\n"
        "date is YYYY-MM-DD; channel and ad_spend may be left out (or empty) when the figures\n"
        "are not split by channel or no ads ran.\n"
        "Importing the same day and channel again replaces it."
    )


def _empty_section(level: int) -> str:
    return "\n\n".join(
        [
            heading(level, "No store metrics yet"),
            "Import the daily figures exported from the store's back office:",
            f"```sh\n{IMPORT_COMMAND}\n```",
            "The CSV has a header row, then one row per day (and per channel) with the columns "
            + ", ".join(f"`{name}`" for name in METRIC_COLUMNS)
            + ". `date` is YYYY-MM-DD; `channel` and `ad_spend` may be left out (or empty) when the figures "
            "are not split by channel or no ads ran. "
            "Importing the same day and channel again replaces it.",
            f"```csv\n{','.join(METRIC_COLUMNS)}\n{_EXAMPLE_ROW}\n```",
        ]
    )


def _channel_line(report, currency: str | None) -> str:
    if report.channel is None:
        channel = "all channels"
    elif report.channel == "":
        channel = "not split by channel"
    else:
        channel = escape(report.channel)
    text = f"Channel: {channel}."
    if currency is not None:
        text += f" Amounts in {escape(currency)}."
    return text


def _label(row) -> str:
    """'2026-11 (26 of 30 days)' for a period only partly covered."""
    return escape(row.title)


def _known(value: float | None, decimals: int = 0) -> str:
    """An amount, or "n/a" for a figure the back office did not give."""
    return "n/a" if value is None else amount(value, decimals)


ORDERS_MARK = "†"  # a conversion / order value per order in a table that is otherwise per buyer


def _basis(value: float | None, basis: str | None, text: str, total=None) -> str:
    return f"{text}{ORDERS_MARK}" if value is not None and basis == "orders" and _mixed(total) else text


def _mixed(total) -> bool:
    return total is not None and total.conversion_basis == "buyers"


def definitions_line(report) -> str:
    """Which definition the conversion and order value figures use."""
    bases = {row.conversion_basis for row in report.rows} | {row.order_value_basis for row in report.rows}
    bases.discard(None)
    if bases == {"orders"}:
        return "Conversion = orders ÷ UV and order value = revenue ÷ orders (the import had no paying buyers)."
    text = "Conversion = paying buyers ÷ UV and order value = revenue ÷ paying buyers, as the back office counts them"
    if "orders" in bases:
        text += f"; {ORDERS_MARK} per order where the import had no buyers"
    return text + "." if bases else ""


def _ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:,.2f}"


def _growth(row, value: float | None, total) -> str:
    # A totals row compares with nothing: leave its growth cells empty.
    return "" if row.total else percent(value, signed=True)


def _best_worst(report, currency: str | None) -> str:
    if report.best is None:
        return ""
    noun = report.period  # "week" or "month"
    unit = f" {escape(currency)}" if currency else ""

    def named(row) -> str:
        return f"{_label(row)}, revenue {_known(row.revenue)}{unit}"

    text = f"Best {noun}: {named(report.best)}. Worst {noun}: {named(report.worst)}."
    if any(row.partial for row in report.rows) and not report.best.partial:
        text += f" Best and worst are picked among the {noun}s with data on every day."
    return text


Column = tuple[str, str, Callable]  # header, alignment, cell(row, totals row)

_PERIOD = {
    "day": [("Day", "left", lambda r, t: f"**{_label(r)}**" if r.total else r.label)],
    "month": [("Month", "left", lambda r, t: f"**{_label(r)}**" if r.total else _label(r))],
    "week": [
        ("Week", "left", lambda r, t: f"**{_label(r)}**" if r.total else _label(r)),
        ("Start", "left", lambda r, t: "" if r.total else r.start.isoformat()),
    ],
}
_PV = ("PV", "right", lambda r, t: _known(r.pv))
_UV = ("UV", "right", lambda r, t: _known(r.uv))
_PV_PER_UV = ("PV/UV", "right", lambda r, t: _ratio(r.pv_per_uv))
_UV_GROWTH = ("UV growth %", "right", lambda r, t: _growth(r, r.uv_growth, t))
_REVENUE = ("Revenue", "right", lambda r, t: _known(r.revenue))
_NET_REVENUE = ("Net revenue", "right", lambda r, t: _known(r.net_revenue))
_ORDERS = ("Orders", "right", lambda r, t: _known(r.orders))
_BUYERS = ("Buyers", "right", lambda r, t: _known(r.buyers))
_CONVERSION = ("Conversion", "right", lambda r, t: _basis(r.conversion, r.conversion_basis, percent(r.conversion, 2), t))
_ORDER_VALUE = ("Order value", "right", lambda r, t: _basis(r.order_value, r.order_value_basis, _known(r.order_value, 2), t))
_AD_SPEND = ("Ad spend", "right", lambda r, t: _known(r.ad_spend))
_ROI = ("ROI", "right", lambda r, t: _ratio(r.roi))
_TARGET = ("Target", "right", lambda r, t: "n/a" if r.target is None else amount(r.target))
_ATTAINMENT = ("Attainment", "right", lambda r, t: percent(r.attainment))

REVIEW_COLUMNS = [_PV, _UV, _PV_PER_UV, _UV_GROWTH, _REVENUE, _NET_REVENUE, _ORDERS, _BUYERS, _CONVERSION, _ORDER_VALUE, _AD_SPEND, _ROI]
TRAFFIC_COLUMNS = [
    _PV,
    ("PV growth %", "right", lambda r, t: _growth(r, r.pv_growth, t)),
    ("PV growth YoY", "right", lambda r, t: _growth(r, r.pv_growth_yoy, t)),
    _UV,
    _UV_GROWTH,
    ("UV growth YoY", "right", lambda r, t: _growth(r, r.uv_growth_yoy, t)),
    _PV_PER_UV,
]
SALES_COLUMNS = [
    _REVENUE,
    ("Revenue growth %", "right", lambda r, t: _growth(r, r.revenue_growth, t)),
    _NET_REVENUE,
    _ORDERS,
    _BUYERS,
    _CONVERSION,
    _ORDER_VALUE,
    _AD_SPEND,
    _ROI,
]


def _report_table(report, columns: Sequence[Column]) -> str:
    # Net revenue and buyers only when the import had refunds / buyers.
    unknown = {_NET_REVENUE: "net_revenue", _BUYERS: "buyers"}
    columns = [c for c in columns if c not in unknown or any(getattr(r, unknown[c]) is not None for r in report.rows)]
    columns = [*_PERIOD[report.period], *columns]
    if any(row.target is not None for row in report.rows):
        columns += [_TARGET, _ATTAINMENT]
    rows = [*report.rows, *report.year_totals]  # one totals row per year, never across years
    return table(
        [header for header, _, _ in columns],
        [[cell(row, report.totals) for _, _, cell in columns] for row in rows],
        [align for _, align, _ in columns],
    )


def _document(monthly, weekly, title: str, currency: str | None, columns, with_best_worst: bool) -> str:
    parts = [heading(2, escape(title))]
    if monthly.empty and weekly.empty:
        parts.append(_empty_section(3))
        return "\n\n".join(parts) + "\n"
    parts.append(_channel_line(monthly, currency))
    for name, report in (("Monthly", monthly), ("Weekly", weekly)):
        parts.append(heading(3, name))
        if report.empty:
            parts.append(f"No {report.period}s with data.")
            continue
        parts.append(_report_table(report, columns))
        if any(header in ("Conversion", "Order value") for header, _, _ in columns):
            parts.append(definitions_line(report))
        if with_best_worst:
            parts.append(_best_worst(report, currency))
    return "\n\n".join(part for part in parts if part) + "\n"


def review_markdown(monthly, weekly, title: str, currency: str) -> str:
    """The review view as Markdown: monthly then weekly tables of traffic and
    sales (Target and Attainment columns added when a plan was given), the
    best and worst periods named; a how-to-import section when there are no
    metrics. `monthly`/`weekly` are `logic.review.ReviewReport`s."""
    return _document(monthly, weekly, title, currency, REVIEW_COLUMNS, True)


def traffic_markdown(monthly, weekly, title: str) -> str:
    """Review checklist item 1: the traffic table — PV, UV, PV per UV and their
    growth against the previous period and the same period a year before."""
    return _document(monthly, weekly, title, None, TRAFFIC_COLUMNS, False)


def sales_markdown(monthly, weekly, title: str, currency: str) -> str:
    """Review checklist item 2: the monthly and weekly sales reports."""
    return _document(monthly, weekly, title, currency, SALES_COLUMNS, True)


_PERIOD_NAMES = {"day": "Daily", "week": "Weekly", "month": "Monthly"}


def review_period_markdown(report, title: str, currency: str, first=None, last=None) -> str:
    """One period's report (`opsboard export --view review --period day|week|month
    [--from D --to D]`): the traffic and sales table of the days asked for,
    the definitions used, the best and worst periods."""
    parts = [heading(2, escape(title)), _channel_line(report, currency)]
    if first is not None or last is not None:
        since = first.isoformat() if first is not None else "the first day"
        until = last.isoformat() if last is not None else "the last day"
        parts.append(f"Days {since} to {until}; growth compares with periods inside them only.")
    parts.append(heading(3, _PERIOD_NAMES[report.period]))
    if report.empty:
        parts.append(f"No {report.period}s with data.")
    else:
        parts += [_report_table(report, REVIEW_COLUMNS), definitions_line(report), _best_worst(report, currency)]
    return "\n\n".join(part for part in parts if part) + "\n"

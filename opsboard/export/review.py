"""The review phase as Markdown: the traffic table (PV, UV and their growth)
and the weekly and monthly sales reports. The reports passed in are
`opsboard.logic.review.ReviewReport`s, used by their fields only (export/
does not import logic/). The tables' columns are declared once, with view
4's (`review_columns.py`).

Growth carries an explicit sign (+12.5%, −3.0%) so the tables read without
colour; growth against a zero or missing period reads "n/a".
"""

from __future__ import annotations

from opsboard.i18n import _

from .columns import Column, Render, markdown_table
from .markdown import escape, heading
from .review_columns import (
    CONVERSION,
    ORDER_VALUE,
    ORDERS_MARK,
    REVIEW_COLUMNS,
    SALES_COLUMNS,
    TRAFFIC_COLUMNS,
    per_day_note,
    report_columns,
)

# What the importer expects; the help text and the CSV reader must agree.
METRIC_COLUMNS: tuple[str, ...] = ("date", "channel", "pv", "uv", "orders", "revenue", "ad_spend")
IMPORT_COMMAND = "opsboard import-actuals {board} FILE.csv"
_EXAMPLE_ROW = "2025-03-01,Tmall,12000,3400,102,20400.00,1500.00"


def review_empty_help(board: str = "BOARD") -> str:
    """Plain text for a board without metrics: how to import them (into
    `board`, the file's path in the app, as view 3 names it)."""
    return _(
        "No store metrics yet. Import the daily figures exported from the store's back office:\n"
        "\n"
        "    {command}\n"
        "\n"
        "The CSV has a header row, then one row per day (and per channel) with the columns:\n"
        "    {columns}\n"
        "date is YYYY-MM-DD; channel and ad_spend may be left out (or empty) when the figures\n"
        "are not split by channel or no ads ran.\n"
        "Importing the same day and channel again replaces it."
    ).format(command=IMPORT_COMMAND.format(board=board), columns=",".join(METRIC_COLUMNS))


def _empty_section(level: int) -> str:
    return "\n\n".join(
        [
            heading(level, _("No store metrics yet")),
            _("Import the daily figures exported from the store's back office:"),
            f"```sh\n{IMPORT_COMMAND.format(board='BOARD')}\n```",
            _(
                "The CSV has a header row, then one row per day (and per channel) with the columns {columns}. "
                "`date` is YYYY-MM-DD; `channel` and `ad_spend` may be left out (or empty) when the figures "
                "are not split by channel or no ads ran. Importing the same day and channel again replaces it."
            ).format(columns=", ".join(f"`{name}`" for name in METRIC_COLUMNS)),
            f"```csv\n{','.join(METRIC_COLUMNS)}\n{_EXAMPLE_ROW}\n```",
        ]
    )


def _channel_line(report, currency: str | None) -> str:
    if report.channel is None:
        channel = _("all channels")
    elif report.channel == "":
        channel = _("not split by channel")
    else:
        channel = escape(report.channel)
    if currency is None:
        return _("Channel: {channel}.").format(channel=channel)
    return _("Channel: {channel}. Amounts in {currency}.").format(channel=channel, currency=escape(currency))


def definitions_line(report) -> str:
    """Which definition the conversion and order value figures use."""
    bases = {row.conversion_basis for row in report.rows} | {row.order_value_basis for row in report.rows}
    bases.discard(None)
    if not bases:
        return ""
    if bases == {"orders"}:
        return _("Conversion = orders ÷ UV and order value = revenue ÷ orders (the import had no paying buyers).")
    if "orders" in bases:
        return _(
            "Conversion = paying buyers ÷ UV and order value = revenue ÷ paying buyers, as the back office counts them; "
            "{mark} per order where the import had no buyers."
        ).format(mark=ORDERS_MARK)
    return _("Conversion = paying buyers ÷ UV and order value = revenue ÷ paying buyers, as the back office counts them.")


def _best_worst(report, currency: str | None) -> str:
    if report.best is None:
        return ""

    def named(row) -> str:
        label = escape(row.title)  # '2026-11 (26 of 30 days)'
        revenue = Render().amount(row.revenue)
        if currency:
            return _("{period}, revenue {revenue} {currency}").format(period=label, revenue=revenue, currency=escape(currency))
        return _("{period}, revenue {revenue}").format(period=label, revenue=revenue)

    best, worst = named(report.best), named(report.worst)
    if report.period == "day":
        text = _("Best day: {best}. Worst day: {worst}.").format(best=best, worst=worst)
    elif report.period == "week":
        text = _("Best week: {best}. Worst week: {worst}.").format(best=best, worst=worst)
    else:
        text = _("Best month: {best}. Worst month: {worst}.").format(best=best, worst=worst)
    if any(row.partial for row in report.rows) and not report.best.partial:
        text += " " + {
            "day": _("Best and worst are picked among the days with data on every day."),
            "week": _("Best and worst are picked among the weeks with data on every day."),
        }.get(report.period, _("Best and worst are picked among the months with data on every day."))
    return text


def _no_periods(period: str) -> str:
    return {"day": _("No days with data."), "week": _("No weeks with data.")}.get(period) or _("No months with data.")


def _report_table(report, figures: list[Column]) -> str:
    render = Render(text=escape, totals=report.totals)
    rows = [*report.rows, *report.year_totals]  # one totals row per year, never across years
    return markdown_table(report_columns(report, figures), rows, render)


def _document(monthly, weekly, title: str, currency: str | None, columns: list[Column], with_best_worst: bool) -> str:
    parts = [heading(2, escape(title))]
    if monthly.empty and weekly.empty:
        parts.append(_empty_section(3))
        return "\n\n".join(parts) + "\n"
    parts.append(_channel_line(monthly, currency))
    for name, report in ((_("Monthly"), monthly), (_("Weekly"), weekly)):
        parts.append(heading(3, name))
        if report.empty:
            parts.append(_no_periods(report.period))
            continue
        parts.append(_report_table(report, columns))
        parts.append(per_day_note(report))
        if CONVERSION in columns or ORDER_VALUE in columns:
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


def review_period_markdown(report, title: str, currency: str, first=None, last=None) -> str:
    """One period's report (`opsboard export --view review --period day|week|month
    [--from D --to D]`): the traffic and sales table of the days asked for,
    the definitions used, the best and worst periods."""
    parts = [heading(2, escape(title)), _channel_line(report, currency)]
    if first is not None or last is not None:
        since = first.isoformat() if first is not None else _("the first day")
        until = last.isoformat() if last is not None else _("the last day")
        parts.append(_("Days {first} to {last}; growth compares with periods inside them only.").format(first=since, last=until))
    names = {"day": _("Daily"), "week": _("Weekly"), "month": _("Monthly")}
    parts.append(heading(3, names[report.period]))
    if report.empty:
        parts.append(_no_periods(report.period))
    else:
        parts += [_report_table(report, REVIEW_COLUMNS), per_day_note(report), definitions_line(report), _best_worst(report, currency)]
    return "\n\n".join(part for part in parts if part) + "\n"

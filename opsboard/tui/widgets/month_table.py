"""The twelve months of the target plan beside their actuals, and the year.

Its columns are declared once with the targets export's
(`export/target_columns.py`): what each month needs (target, orders, UV,
conversion, order value, ad spend, agents, new products) and how it went
(actual, attainment, gap), with the weakest lever when there is room. Where
the full headings do not fit, the narrow ones and short amounts (1.20M, 720k;
in Chinese 120万) are used, and below that the least needed columns (new
products, agents, orders, ad spend…) leave, so the table always fits its
width and never shows a horizontal scrollbar (whose thumb floated under the
table as a stray `▋`, issue 18). Gaps carry their sign (−/+) and a month
short of its target is bold, so it reads without colour. Beside the actual
is the target it is measured against, that of the days counted: a month
counted to a cut-off before its end says which ("Nov (26 of 30 days)"), and
so does the total, whose actual columns are the year to date ("Total (330
of 365 days)") — the labels, targets and attainments of view 4 and the
exports (one answer per period).
"""

from __future__ import annotations

from dataclasses import replace

from rich.cells import cell_len
from rich.text import Text

from opsboard.export.columns import Column, Render
from opsboard.export.target_columns import (
    ACTUAL_COLUMNS,
    LEVER,
    PLAN_COLUMNS,
    TARGET_SO_FAR,
    days_counted,
    year_to_date,
    year_to_date_label,
)
from opsboard.i18n import _, pgettext
from opsboard.i18n.formats import month_abbr

from .keyed_table import KeyedTable

TOTAL_KEY = "total"
NA = "–"  # a month without actuals yet
PENDING = "…"  # plan vs actual still being worked out
LEFT = frozenset({"month", "lever"})
SCREEN_ACTUALS = [TARGET_SO_FAR, *ACTUAL_COLUMNS]
DROPPED_FIRST = ("new_products", "agents", "orders", "ad_spend", "uv", "order_value", "conversion")  # when even narrow is too wide

Row = tuple[str, dict[str, str], bool]  # key, cells by column key, behind plan


def table_rows(view, compact: bool, brief: bool = False) -> list[Row]:
    """(key, cells by column, behind plan) for each month and the year;
    `brief`: the days counted as 'Nov 1–26', not 'Nov (26 of 30 days)'."""
    render = Render(compact=compact, department=view.department_name).for_rows([*view.breakdown.months, view.breakdown.year_total])
    missing = NA if view.actuals_ready else PENDING
    rows: list[Row] = []
    for plan in view.breakdown.months:
        actual = view.actual(plan.month)
        cells = {column.key: column.cell(plan, render) for column in PLAN_COLUMNS}
        if actual is None:
            cells |= {column.key: missing for column in SCREEN_ACTUALS} | {LEVER.key: ""}
        else:
            cells["month"] = brief_days(cells["month"], actual) if brief else days_counted(cells["month"], actual)
            cells |= {column.key: column.cell(actual, render) for column in [*SCREEN_ACTUALS, LEVER]}
        rows.append((str(plan.month), cells, actual is not None and actual.gap < 0))
    year, pva = view.breakdown.year_total, view.pva
    cells = {column.key: column.cell(year, replace(render, totals=year)) for column in PLAN_COLUMNS}
    behind = False
    if pva is not None and pva.has_actuals:
        # the actual columns are the year to date: the label says which days, as on a month
        cells["month"] = brief_year_to_date(pva) if brief else year_to_date_label(pva)
        ytd = year_to_date(pva)
        cells |= {column.key: column.cell(ytd, render) for column in [*SCREEN_ACTUALS, LEVER]}
        behind = pva.ytd_gap < 0
    else:
        cells |= {column.key: missing for column in SCREEN_ACTUALS} | {LEVER.key: ""}
    rows.append((TOTAL_KEY, cells, behind))
    return rows


def brief_days(label: str, row) -> str:
    """'Nov 1–26': a month counted to its 26th, for a narrow screen."""
    return pgettext("days counted, narrow", "{month} 1–{day}").format(month=label, day=row.days_counted) if row.partial else label


def brief_year_to_date(pva) -> str:
    """'Total to Nov 26' (from 1 January), 'Total Oct 1–Nov 26', 'Total': the year to date, narrow."""
    if not pva.ytd_coverage:
        return _("Total")
    last = pgettext("month and day", "{month} {day}").format(month=month_abbr(pva.cutoff.month), day=pva.cutoff.day)
    if pva.ytd_first.month == 1:
        return pgettext("days counted, narrow", "Total to {last}").format(last=last)
    first = pgettext("month and day", "{month} {day}").format(month=month_abbr(pva.ytd_first.month), day=1)
    return pgettext("days counted, narrow", "Total {first}–{last}").format(first=first, last=last)


Headings = tuple[bool, bool]  # (narrow, short)


def column_widths(rows: list[Row], columns: list[Column], headings: Headings) -> dict[str, int]:
    return {c.key: max(cell_len(c.heading(*headings)), *(cell_len(cells[c.key]) for _, cells, _ in rows)) for c in columns}


def _width(rows: list[Row], columns: list[Column], headings: Headings) -> int:
    return sum(column_widths(rows, columns, headings).values()) + 2 * len(columns)


def choose_layout(view, width: int) -> tuple[list[Column], Headings, list[Row]]:
    """The widest layout that fits `width` cells: the screen's headings with
    the lever, without it, the shortest headings, short amounts, the days
    counted as 'Nov 1–26', then fewer columns."""
    base = [*PLAN_COLUMNS, *SCREEN_ACTUALS]
    wide, compact = table_rows(view, False), table_rows(view, True)
    narrow, short = (True, False), (True, True)
    brief = table_rows(view, True, brief=True)
    layouts = (([*base, LEVER], narrow, wide), (base, narrow, wide), (base, short, wide), (base, short, compact), (base, short, brief))
    for columns, headings, rows in layouts:
        if _width(rows, columns, headings) <= width:
            return columns, headings, rows
    columns = list(base)
    for key in DROPPED_FIRST:
        columns = [c for c in columns if c.key != key]
        if _width(brief, columns, short) <= width:
            break
    return columns, short, brief


class MonthTable(KeyedTable):
    """Shows a services.targets.TargetsView; row keys are "1".."12" and TOTAL_KEY."""

    DEFAULT_CSS = """
    MonthTable { height: auto; max-height: 1fr; overflow-x: hidden; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)

    def show(self, view, width: int) -> None:
        """Redraw for `view` in `width` columns, keeping the cursor's month."""
        keep = self.current_key()
        columns, headings, rows = choose_layout(view, width - 2)  # the vertical scrollbar
        widths = column_widths(rows, columns, headings)
        self.clear(columns=True)
        for column in columns:
            label = Text(column.heading(*headings), justify="left" if column.key in LEFT else "right")
            # Widths set here, not measured by the table later: a redraw never leaves a column short.
            self.add_column(label, key=column.key, width=widths[column.key])
        for row_key, cells, behind in rows:
            total = row_key == TOTAL_KEY
            texts = []
            for column in columns:
                style = "bold" if total or (behind and column.key in ("month", "gap", "attainment")) else ""
                texts.append(Text(cells[column.key], style=style, justify=column.align, no_wrap=True))
            self.add_row(*texts, key=row_key)
        if keep is not None and keep in {key for key, _, _ in rows}:
            self.move_cursor(row=self.get_row_index(keep), animate=False)

    def move_month(self, step: int) -> None:
        """Up or down a row; a big step goes to the first or the totals row."""
        self.move_cursor(row=max(0, min(self.row_count - 1, self.cursor_row + step)), animate=False)

    def current_month(self) -> int | None:
        """The month under the cursor; None on the totals row."""
        key = self.current_key()
        return None if key in (None, TOTAL_KEY) else int(key)  # type: ignore[arg-type]

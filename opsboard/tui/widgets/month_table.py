"""The twelve months of the target plan beside their actuals, and the year.

Columns: what each month needs (target, orders, UV, conversion, order value,
ad spend, agents, new products) and how it went (actual, attainment, gap),
with the weakest lever when there is room. Below about 100 columns amounts
are shortened (1.20M, 720k) so the whole table fits 80 columns. Gaps carry
their sign (−/+) and a month short of its target is bold, so it reads
without colour; a month counted to a cut-off before its end is marked `*`,
and so is the total, whose actual columns are the year to date (the panel
below says which days each covers).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from rich.cells import cell_len
from rich.text import Text

from .keyed_table import KeyedTable

TOTAL_KEY = "total"
PARTIAL_MARK = "*"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
LEVERS = {"traffic": "traffic", "conversion": "conversion", "order_value": "order value"}
# key → (wide header, compact header)
COLUMNS = {
    "month": ("Month", "Mon"),
    "target": ("Target", "Tgt"),
    "orders": ("Orders", "Ord."),
    "uv": ("UV needed", "UV"),
    "conversion": ("Conv.", "Conv"),
    "order_value": ("AOV", "AOV"),
    "ad_spend": ("Ad spend", "Ads"),
    "agents": ("Agents", "Agt"),
    "new_products": ("New prod.", "New"),
    "actual": ("Actual", "Act."),
    "attainment": ("Attain.", "Att."),
    "gap": ("Gap", "Gap"),
    "lever": ("Lever to act on", ""),
}
NA = "–"
PENDING = "…"  # plan vs actual still being worked out


def short(value: float | None) -> str:
    """Three significant figures: 987 → '987', 12,345 → '12.3k', 1,200,000 → '1.20M'."""
    if value is None:
        return NA
    size = abs(value)
    for limit, unit in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if size >= limit:
            scaled = size / limit
            if round(scaled, 2) < 10:
                text = f"{scaled:.2f}{unit}"
            elif round(scaled, 1) < 100:
                text = f"{scaled:.1f}{unit}"
            else:
                text = f"{scaled:.0f}{unit}"
            return ("−" if value < 0 else "") + text
    return ("−" if value < 0 else "") + f"{size:.0f}"


def amount(value: float | None, compact: bool, decimals: int = 0) -> str:
    if value is None:
        return NA
    if compact:
        return short(value)
    return f"{value:,.{decimals}f}".replace("-", "−")


def signed(value: float | None, compact: bool) -> str:
    if value is None:
        return NA
    text = amount(abs(value), compact)
    if text.strip("0.,") in ("", "k", "M"):
        return text
    return ("+" if value > 0 else "−") + text


def cents(value: float | None, compact: bool) -> int:
    """Decimals for an order value: none when it is whole (255, beside the
    whole amounts), two when it has cents (249.50) and there is room."""
    return 0 if compact or value is None or abs(value - round(value)) < 0.005 else 2


def percent(value: float | None, decimals: int = 0) -> str:
    return NA if value is None else f"{value * 100:.{decimals}f}%"


def _plan_cells(plan, compact: bool) -> dict[str, str]:
    return {
        "target": amount(plan.target, compact),
        "orders": amount(plan.orders, compact),
        "uv": amount(plan.uv, compact),
        "conversion": percent(plan.conversion, 2),
        "order_value": amount(plan.order_value, False, cents(plan.order_value, compact)),
        "ad_spend": amount(plan.ad_spend, compact),
        "agents": NA if plan.agents is None else str(plan.agents),
        "new_products": str(plan.new_products),
    }


def _actual_cells(actual, gap: float | None, attainment: float | None, compact: bool) -> dict[str, str]:
    return {"actual": amount(actual, compact), "attainment": percent(attainment), "gap": signed(gap, compact)}


def table_rows(view, compact: bool) -> list[tuple[str, dict[str, str], bool]]:
    """(key, cells by column, behind plan) for each month and the year."""
    rows = []
    for plan in view.breakdown.months:
        actual = view.actual(plan.month)
        label = MONTHS[plan.month - 1]
        cells = {"month": label, **_plan_cells(plan, compact), "lever": ""}
        behind = False
        if actual is not None:
            cells["month"] += PARTIAL_MARK if actual.partial else ""
            cells |= _actual_cells(actual.actual, actual.gap, actual.attainment, compact)
            if actual.lever and actual.gap < 0:  # a month ahead of plan needs no one to act
                cells["lever"] = f"{LEVERS[actual.lever]} → {view.department_name(actual.department)}"
            behind = actual.gap < 0
        else:
            cells |= dict.fromkeys(("actual", "attainment", "gap"), NA if view.actuals_ready else PENDING)
        rows.append((str(plan.month), cells, behind))
    year, pva = view.breakdown.year_total, view.pva
    cells = {
        "month": "Total",
        **_plan_cells(year, compact),
        "conversion": percent(year.conversion, 2),
        "order_value": amount(year.order_value, False, cents(year.order_value, compact)),
        "agents": NA if year.agents is None else f"{year.agents}",
        "lever": "",
    }
    if pva is not None and pva.has_actuals:
        # the actual columns are the year to date: the mark says so, as on a month
        cells["month"] += PARTIAL_MARK if pva.ytd_first != date(pva.year, 1, 1) or pva.cutoff != date(pva.year, 12, 31) else ""
        cells |= _actual_cells(pva.ytd_actual, pva.ytd_gap, pva.ytd_attainment, compact)
        if pva.lever and pva.ytd_gap < 0:
            cells["lever"] = f"{LEVERS[pva.lever]} → {view.department_name(pva.department)}"
    else:
        cells |= dict.fromkeys(("actual", "attainment", "gap"), NA if view.actuals_ready else PENDING)
    rows.append((TOTAL_KEY, cells, pva is not None and pva.has_actuals and pva.ytd_gap < 0))
    return rows


def column_widths(rows, keys: list[str], compact: bool) -> dict[str, int]:
    return {key: max(cell_len(COLUMNS[key][compact]), *(cell_len(cells[key]) for _, cells, _ in rows)) for key in keys}


def _fits(rows, keys: list[str], compact: bool, width: int) -> bool:
    return sum(column_widths(rows, keys, compact).values()) + 2 * len(keys) <= width


class MonthTable(KeyedTable):
    """Shows a services.targets.TargetsView; row keys are "1".."12" and TOTAL_KEY."""

    DEFAULT_CSS = """
    MonthTable { height: auto; max-height: 1fr; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.compact = False

    def show(self, view, width: int) -> None:
        """Redraw for `view` in `width` columns, keeping the cursor's month."""
        keep = self.current_key()
        base = list(COLUMNS)[:-1]
        choices = [(base + ["lever"], False), (base, False), (base, True)]
        keys, compact = choices[-1]
        for option_keys, option_compact in choices:
            if _fits(table_rows(view, option_compact), option_keys, option_compact, width - 2):
                keys, compact = option_keys, option_compact
                break
        self.compact = compact
        rows = table_rows(view, compact)
        widths = column_widths(rows, keys, compact)
        self.clear(columns=True)
        for key in keys:
            label = Text(COLUMNS[key][compact], justify="left" if key in ("month", "lever") else "right")
            # Widths set here, not measured by the table later: a redraw never leaves a column short.
            self.add_column(label, key=key, width=widths[key])
        for row_key, cells, behind in rows:
            total = row_key == TOTAL_KEY
            texts = []
            for key in keys:
                style = "bold" if total or (behind and key in ("month", "gap", "attainment")) else ""
                justify: Literal["left", "right"] = "left" if key in ("month", "lever") else "right"
                texts.append(Text(cells[key], style=style, justify=justify, no_wrap=True))
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

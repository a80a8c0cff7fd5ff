"""The review phase: traffic and sales reports for view 4, `opsboard export
--view review`, and the review checklist items' own reports.

pandas is imported by `ReviewData` when a board's metrics are first prepared,
never by importing this module: opening the app must not pay for it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import cast

from opsboard.export.review import review_empty_help, review_markdown, review_period_markdown, sales_markdown, traffic_markdown
from opsboard.i18n import _, _l
from opsboard.logic.review import Period, ReviewData, ReviewReport
from opsboard.model import DailyMetric, TargetPlan
from opsboard.store import BoardStore

from .errors import InputError
from .export import default_export_path, export_path, write_markdown

REVIEW_TITLE = _l("Review")


@dataclass
class ReviewSource:
    """A board's metrics prepared once, with what the reports are labelled with.
    `report()` answers from ReviewData's cache, so view 4 switches instantly."""

    data: ReviewData
    plan: TargetPlan | None
    board_name: str
    currency: str
    revision: int = field(default=0)  # the board revision it was read at

    @property
    def empty(self) -> bool:
        return self.data.empty

    @property
    def channels(self) -> tuple[str, ...]:
        return self.data.channels

    def report(self, period: Period, channel: str | None = None) -> ReviewReport:
        """The weekly or monthly report for one channel (None: all), with
        attainment against the board's target plan when it has one."""
        return self.data.report(period, channel, self.plan)

    def title(self, what: str = REVIEW_TITLE) -> str:
        return f"{self.board_name} — {what}"

    def prepare_all(self) -> None:
        """Build every report view 4 can switch to (every period, all channels
        and each one), so switching is a cache hit."""
        for period in ("month", "week", "day"):
            for channel in (None, *self.channels):
                self.report(period, channel)


@dataclass(frozen=True)
class ReviewInputs:
    """What the review reads from the board: quick, done on the UI thread."""

    metrics: list[DailyMetric]
    plan: TargetPlan | None
    board_name: str
    currency: str
    revision: int
    since: date | None = None  # the first day asked for: no target counts days before it


def read_review_inputs(store: BoardStore) -> ReviewInputs:
    meta = store.meta()
    plan = store.plan()
    currency = plan.currency if plan is not None else meta.currency
    return ReviewInputs(store.actuals(), plan, meta.name, currency, store.revision)


def prepare_review(inputs: ReviewInputs) -> ReviewSource:
    """The metrics prepared for reports. Imports pandas (slow the first time):
    the TUI calls this in a worker thread."""
    return ReviewSource(ReviewData(inputs.metrics, inputs.since), inputs.plan, inputs.board_name, inputs.currency, inputs.revision)


def load_review(store: BoardStore) -> ReviewSource:
    """The board's daily metrics prepared for the review."""
    return prepare_review(read_review_inputs(store))


def review_help(board: str = "BOARD") -> str:
    """Plain text for a board without metrics: how to import them, the CSV columns."""
    return review_empty_help(board)


def review_export(store: BoardStore) -> str:
    """View 4 as Markdown: monthly and weekly tables over all channels, or how
    to import metrics when the board has none."""
    source = load_review(store)
    return review_markdown(source.report("month"), source.report("week"), source.title(), source.currency)


def review_period_export(store: BoardStore, period: str, first: date | None = None, last: date | None = None) -> str:
    """One period's report over all channels for the days first..last
    (either may be None: from the first / to the last day with data)."""
    if period not in ("day", "week", "month"):
        raise InputError(_("--period must be day, week or month, not '{period}'").format(period=period))
    if first is not None and last is not None and first > last:
        raise InputError(_("--from {first} is after --to {last}").format(first=first.isoformat(), last=last.isoformat()))
    inputs = read_review_inputs(store)
    kept = [m for m in inputs.metrics if (first is None or m.date >= first) and (last is None or m.date <= last)]
    source = prepare_review(replace(inputs, metrics=kept, since=first))
    return review_period_markdown(source.report(cast(Period, period)), source.title(), source.currency, first, last)


def _traffic(source: ReviewSource) -> str:
    return traffic_markdown(source.report("month"), source.report("week"), source.title("Traffic, PV and UV"))


def _sales(source: ReviewSource) -> str:
    return sales_markdown(source.report("month"), source.report("week"), source.title("Sales reports"), source.currency)


# review checklist item id → (export name for the file, report)
REVIEW_ITEM_REPORTS: dict[str, tuple[str, Callable[[ReviewSource], str]]] = {
    "review-1": ("traffic", _traffic),
    "review-2": ("sales", _sales),
}


def review_item_export(store: BoardStore, item_id: str) -> tuple[str, str] | None:
    """The report a review checklist item archives, as (name, Markdown):
    review-1 → the traffic table, review-2 → the weekly and monthly sales
    reports. None for any other item."""
    found = REVIEW_ITEM_REPORTS.get(item_id)
    if found is None:
        return None
    name, render = found
    return name, render(load_review(store))


def review_item_report_name(item_id: str | None) -> str | None:
    """ "traffic" or "sales" for the review items that archive a report, else None."""
    found = REVIEW_ITEM_REPORTS.get(item_id or "")
    return found[0] if found else None


def write_review_item_export(store: BoardStore, item_id: str, path: str | Path | None = None, *, force: bool = False) -> Path | None:
    """Write a review item's report (default `<board>-<report>-<date>.md`
    beside the board); None when the item archives no report."""
    found = review_item_export(store, item_id)
    if found is None:
        return None
    name, text = found
    return write_markdown(export_path(path, default_export_path(store, name)), text, board=store.path, force=force)

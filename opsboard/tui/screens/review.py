"""View 4: the review — PV/UV growth and the daily, weekly and monthly sales
reports, with charts of revenue and UV over time.

The metrics are prepared (pandas) in a worker thread the first time the view
opens; every report the view can switch to is built there too, so `d`, `w`,
`m` and `c` only redraw.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Header, LoadingIndicator, Static
from textual.worker import get_current_worker

from opsboard.export.review_columns import per_day_note
from opsboard.i18n import _, _l
from opsboard.i18n.formats import number
from opsboard.services.board_files import path_for_commands
from opsboard.services.review import ReviewInputs, ReviewSource, prepare_review, read_review_inputs, review_help
from opsboard.store import BoardError

from ..modals.import_actuals import open_import_dialog
from ..widgets.bar_chart import BarChart
from ..widgets.key_footer import KeyFooter
from ..widgets.report_table import TOTAL_KEY, ReportTable
from .base import ViewScreen

if TYPE_CHECKING:
    from opsboard.logic.review_periods import Period

PERIOD_NAMES = {
    "day": _l("Daily"),
    "week": _l("Weekly"),
    "month": _l("Monthly"),
}
NO_DATA = {
    "day": _l("No days with data for this channel."),
    "week": _l("No weeks with data for this channel."),
    "month": _l("No months with data for this channel."),
}


def chart_height(screen_height: int) -> int:
    """4 lines (a title and 3 of bars) at 24 lines; taller on taller screens."""
    return max(4, min(10, 4 + (screen_height - 24) // 5))


def reflow(text: str) -> str:
    """Join hard-wrapped lines of a paragraph so the terminal wraps them at its
    own width; indented lines (commands, the CSV header) stay as they are."""
    lines: list[str] = []
    for line in text.splitlines():
        joinable = lines and lines[-1] and not lines[-1].startswith(" ") and not lines[-1].endswith(":")
        if joinable and line and not line.startswith(" "):
            lines[-1] += " " + line
        else:
            lines.append(line)
    return "\n".join(lines)


# The worker's group and its name: named, not by repr() of its inputs as Textual
# does unnamed (five years of daily metrics: 75 ms of a visit, on the UI thread).
PREPARING = "review-prepare"


class ReviewScreen(ViewScreen):
    VIEW_NAME = "review"
    VIEW_TITLE = _l("Review")
    EDIT_ACTIONS = frozenset({"import_actuals"})
    CSS_PATH = "review.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "period('day')", PERIOD_NAMES["day"], id="review.daily"),
        Binding("w", "period('week')", PERIOD_NAMES["week"], id="review.weekly"),
        Binding("m", "period('month')", PERIOD_NAMES["month"], id="review.monthly"),
        Binding("c", "channel(1)", _l("Channel"), id="review.channel"),
        Binding("C", "channel(-1)", _l("Prev channel"), id="review.prev_channel", show=False),
        Binding("i", "import_actuals", _l("Import"), id="review.import"),
    ]

    class Loaded(Message):
        """The worker prepared the board's metrics."""

        def __init__(self, source: ReviewSource, layouts: dict[int, tuple] | None = None) -> None:
            self.source = source
            self.layouts = layouts or {}  # each report's table, formatted in the worker (ReportTable.lay_out_all)
            super().__init__()

    class Failed(Message):
        """Preparing the reports failed (e.g. a broken pandas install)."""

        def __init__(self, reason: str) -> None:
            self.reason = reason
            super().__init__()

    def __init__(self) -> None:
        super().__init__()
        self.source: ReviewSource | None = None
        self.period: Period = "month"
        self.channel: str | None = None  # None: all channels
        self.failed = False  # preparing the reports failed: keys act on the message shown

    # -- layout --------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("Review · loading the store metrics…"), id="review-status", markup=False)
        yield LoadingIndicator(id="review-loading")
        yield Static("", id="review-empty", markup=False, classes="empty-state")
        with Vertical(id="review-body"):
            yield BarChart(_("Revenue"), id="revenue-chart")
            yield BarChart(_("UV"), id="uv-chart")
            yield Static("", id="review-summary", markup=False)
            yield ReportTable(id="review-table")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#review-empty").display = False
        self.query_one("#review-body").display = False
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.show_report())
        self.reload()

    def on_resize(self) -> None:
        for chart in self.query(BarChart):
            chart.styles.height = chart_height(self.size.height)

    @property
    def ready_for_keys(self) -> bool:
        return self.source is not None or self.failed

    # -- loading -------------------------------------------------------------
    def reload(self) -> None:
        """Read the board (quick, here) and prepare the reports (in a worker)."""
        try:
            if self.source is not None and self.source.revision == self.store.revision:
                return  # nothing saved since: keep the prepared reports
            inputs = read_review_inputs(self.store)
        except BoardError as error:
            self.on_review_screen_failed(self.Failed(str(error)))  # said on the view at once; keys act on it
            self.notify(str(error), severity="error", timeout=8, markup=False)
            return
        self.failed = False
        self.prepare(inputs)

    @work(thread=True, exclusive=True, group=PREPARING, description=PREPARING)
    def prepare(self, inputs: ReviewInputs) -> None:
        try:
            source = prepare_review(inputs)
            source.prepare_all()
            # formatted here too: five years of days took 50–130 ms of the `d` that showed them
            periods: tuple[Period, ...] = () if source.empty else ("month", "week", "day")
            layouts = ReportTable.lay_out_all(source.report(period, channel) for period in periods for channel in (None, *source.channels))
        except Exception as error:  # a message on screen, never a crashed app
            self.post_message(self.Failed(f"{type(error).__name__}: {error}"))
            return
        if not get_current_worker().is_cancelled:  # a newer reload replaced this one
            self.post_message(self.Loaded(source, layouts))

    def on_review_screen_failed(self, message: Failed) -> None:
        self.failed = True
        self.query_one("#review-loading").display = False
        self.query_one("#review-status", Static).update(
            Text(_("Review · could not prepare the reports ({reason})").format(reason=message.reason))
        )

    def on_review_screen_loaded(self, message: Loaded) -> None:
        if self.source is not None and message.source.revision < self.source.revision:
            return  # an older read finished late
        self.source = message.source
        table = self.query_one(ReportTable)
        table.forget()
        table.keep_layouts(message.layouts)
        if self.channel is not None and self.channel not in self.source.channels:
            self.channel = None
        self.query_one("#review-loading").display = False
        self.show_report()
        self.refresh_bindings()

    # -- drawing -------------------------------------------------------------
    def show_report(self) -> None:
        source = self.source
        if source is None:
            return
        empty = source.empty
        self.query_one("#review-empty").display = empty
        self.query_one("#review-body").display = not empty
        if empty:
            self.query_one("#review-status", Static).update(_("Review · no store metrics yet"))
            here = "\n\n" + _("Or press i to import a back-office file here (.csv, .xlsx or .xls): a preview comes first.")
            self.query_one("#review-empty", Static).update(Text(reflow(review_help(path_for_commands(self.store.path))) + here))
            return
        report = source.report(self.period, self.channel)
        self.query_one("#review-status", Static).update(self._status_line(source, report))
        table = self.query_one(ReportTable)
        table.show_report(report)
        labels = [row.label for row in report.rows]
        self.query_one("#revenue-chart", BarChart).show(labels, [row.revenue or 0.0 for row in report.rows], self._selected())
        self.query_one("#uv-chart", BarChart).show(labels, [row.uv or 0 for row in report.rows], self._selected())
        self.query_one("#review-summary", Static).update(self._summary(report))
        if self.focused is None:
            table.focus()

    def _status_line(self, source: ReviewSource, report) -> Text:
        count = len(source.channels)
        if self.channel is None:
            channel = _("All channels ({count})").format(count=count) if count else _("All channels")
        else:
            channel = _("{channel} ({n} of {count})").format(channel=self.channel, n=source.channels.index(self.channel) + 1, count=count)
        # The channel name is user text: a Text, never markup.
        line = f"{PERIOD_NAMES[self.period]} · {channel} · {source.currency}"
        # which definition conversion and order value use (the back office's: per buyer)
        bases = {row.conversion_basis for row in report.rows} - {None}
        if bases == {"buyers"}:
            line += " · " + _("conv. & order value per buyer")
        elif bases == {"orders"}:
            line += " · " + _("conv. & order value per order")
        elif bases:
            line += " · " + _("conv. & order value per buyer (per order where no buyers)")
        return Text(line)

    def _summary(self, report) -> Text:
        if report.best is None:
            return Text(str(NO_DATA[report.period]))
        text = _("Best {best} {best_revenue} · worst {worst} {worst_revenue}").format(
            best=report.best.title,
            best_revenue=number(report.best.revenue or 0),
            worst=report.worst.title,
            worst_revenue=number(report.worst.revenue or 0),
        )
        note = per_day_note(report, short=True)  # what the ‡ beside a growth means
        return Text(_("{summary} · {note}").format(summary=text, note=note) if note else text)

    def _selected(self) -> int | None:
        """The chart bar of the table's cursor row (none on the totals row)."""
        table = self.query_one(ReportTable)
        key = table.current_key()
        return None if key is None or key.startswith(TOTAL_KEY) else table.cursor_row

    def on_report_table_highlighted(self, event: ReportTable.Highlighted) -> None:
        selected = self._selected()
        for chart in self.query(BarChart):
            chart.select(selected)

    # -- actions -------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """w, m and c show greyed out until there are reports to switch between."""
        if action in ("period", "channel") and (self.source is None or self.source.empty):
            return None
        if action == "channel" and self.source is not None and not self.source.channels:
            return None
        return True

    def action_period(self, period: Period) -> None:
        if period != self.period:
            self.period = period
            self.show_report()

    def action_channel(self, step: int) -> None:
        if self.source is None or not self.source.channels:
            return
        choices: list[str | None] = [None, *self.source.channels]
        self.channel = choices[(choices.index(self.channel) + step) % len(choices)]
        self.show_report()

    def action_import_actuals(self) -> None:
        open_import_dialog(self)

"""View 3: the year's target over months, levers, channels and departments;
plan vs actual, the deviations and who must act.

The figures are computed (pandas, the first time) in a worker thread when the
view opens, with a loading indicator; the app's start never pays for it.
After a change the view recomputes the same way and keeps what was shown
until the new figures arrive.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, TypedDict

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Header, LoadingIndicator, Static, TabbedContent, TabPane
from textual.worker import get_current_worker

from opsboard.i18n import _, _l
from opsboard.i18n.formats import number, percent
from opsboard.services.board_files import path_for_commands
from opsboard.services.campaigns import add_campaign, edit_campaign
from opsboard.services.departments import department_names
from opsboard.services.target_plan import rebase_plan
from opsboard.services.targets import (
    TargetsInputs,
    TargetsView,
    assumption_texts,
    compute_plan,
    compute_targets,
    create_corrective_task,
    read_targets_inputs,
    set_assumptions,
    use_last_year_seasonality,
)
from opsboard.store import BoardError

from ..modals.assumptions import assumptions_form, confirming
from ..modals.campaign_form import OWN_PHASES, campaign_edit_form, campaign_form
from ..modals.confirm import ConfirmScreen
from ..modals.form import FormScreen, Submit
from ..modals.import_actuals import open_import_dialog
from ..widgets.key_footer import KeyFooter
from ..widgets.month_table import MonthTable
from ..widgets.target_panels import breakdown_panel, budget_panel, deviation_text, rest_panel
from ..widgets.targets_chart import PlanActualChart, chart_months
from .base import ViewScreen

TABS = ("months", "chart", "breakdown", "budget", "rest")
TALL = 36  # lines from which the months tab shows the chart too


# The worker's group and its name: named, not by repr() of its inputs as Textual
# does unnamed (five years of daily metrics: 75 ms of a visit, on the UI thread).
COMPUTING = "targets-compute"


class TargetsScreen(ViewScreen):
    VIEW_NAME = "targets"
    VIEW_TITLE = _l("Targets")
    EDIT_ACTIONS = frozenset({"assumptions", "corrective_task", "seasonality", "import_actuals", "campaign", "edit_campaign", "rebase"})
    AUTO_FOCUS = "#month-table"
    CSS_PATH = "targets.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("i", "import_actuals", _l("Import"), id="targets.import", show=False),  # in the palette and help
        Binding("e,a", "assumptions", _l("Edit plan"), id="targets.assumptions"),
        Binding("t", "corrective_task", _l("Gap task"), id="targets.task"),
        Binding("s", "seasonality", _l("Season from last year"), id="targets.seasonality", show=False),
        Binding("c", "campaign", _l("Add campaign"), id="targets.campaign", show=False),
        Binding("C", "edit_campaign", _l("Change a campaign"), id="targets.edit_campaign", show=False),
        Binding("v", "compare", _l("Compare with an earlier plan"), id="targets.compare", show=False),
        Binding("R", "rebase", _l("Re-base the whole year"), id="targets.rebase", show=False),
        Binding("j,down", "month(1)", _l("Next month"), id="targets.next_month", show=False),
        Binding("k,up", "month(-1)", _l("Previous month"), id="targets.prev_month", show=False),
        Binding("g", "month(-100)", _l("January"), id="targets.first_month", show=False),
        Binding("G", "month(100)", _l("Year"), id="targets.year_row", show=False),
        Binding("h,left_square_bracket", "tab(-1)", _l("Prev tab"), id="targets.prev_tab", show=False),
        Binding("l,right_square_bracket", "tab(1)", _l("Tab"), id="targets.next_tab", key_display="h/l"),
    ]

    class Computed(Message):
        """The worker has the figures."""

        def __init__(self, view: TargetsView) -> None:
            self.view = view
            super().__init__()

    class Failed(Message):
        """The worker could not work the figures out."""

        def __init__(self, reason: str) -> None:
            self.reason = reason
            super().__init__()

    def __init__(self) -> None:
        super().__init__()
        self.view: TargetsView | None = None
        self.problem: str | None = None  # why the figures could not be worked out (keys act on the view then)
        self.month: int | None = 1  # the selected month; None: the year to date
        self.compare: int | None = None  # the earlier version shown beside the plan; None: the previous

    # -- layout --------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="targets-top"):
            yield Static(_("Targets · working out the plan…"), id="targets-status", markup=False)
            yield LoadingIndicator(id="targets-loading")
        yield Static("", id="targets-empty", markup=False, classes="empty-state")
        with TabbedContent(id="targets-body"):
            with TabPane(_("Months"), id="months"):
                yield MonthTable(id="month-table")
                yield PlanActualChart(id="months-chart")
                yield Static("", id="deviation", markup=False)
            with TabPane(_("Chart"), id="chart"):
                yield PlanActualChart(id="targets-chart")
                yield Static("", id="chart-summary", markup=False)
            with TabPane(_("Channels & departments"), id="breakdown"):
                with VerticalScroll(classes="panel-scroll"):
                    yield Static("", id="breakdown-panel", markup=False)
            with TabPane(_("Budget"), id="budget"):
                with VerticalScroll(classes="panel-scroll"):
                    yield Static("", id="budget-panel", markup=False)
            with TabPane(_("Rest of year"), id="rest"):
                with VerticalScroll(classes="panel-scroll"):
                    yield Static("", id="rest-panel", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#targets-empty").display = False
        self.query_one("#targets-body").display = False
        self.reload()

    def on_resize(self) -> None:
        # Tall enough for the table, the chart and the deviations on one page.
        self.set_class(self.size.height >= TALL, "-tall")
        self.show_view()

    def on_screen_resume(self) -> None:
        self.reload()  # the plan may have changed while another view was shown

    @property
    def ready_for_keys(self) -> bool:
        # the plan at least (the months to move through), or why there is none: keys need not wait
        return self.view is not None or self.problem is not None

    # -- computing -------------------------------------------------------------
    def reload(self) -> None:
        """Read the board here (quick) and work the figures out in a worker."""
        if self.view is not None and self.view.revision == self.store.revision:
            return
        try:
            inputs = read_targets_inputs(self.store)
        except BoardError as error:
            self._failed(str(error))
            self.notify(str(error), severity="error", timeout=8, markup=False)
            return
        self.problem = None
        self.compute(inputs)

    def _failed(self, reason: str) -> None:
        """The figures cannot be worked out: said on the view at once (not a
        loading indicator for ever), and keys act on what it shows."""
        self.problem = reason
        self.query_one("#targets-loading").display = False
        self.query_one("#targets-status", Static).update(Text(_("Targets · could not work out the plan ({reason})").format(reason=reason)))

    def on_targets_screen_failed(self, message: Failed) -> None:
        self._failed(message.reason)

    @work(thread=True, exclusive=True, group=COMPUTING, description=COMPUTING)
    def compute(self, inputs: TargetsInputs) -> None:
        worker = get_current_worker()
        try:
            if self.view is None:  # the first time: the plan at once, the actuals once pandas is in
                self.post_message(self.Computed(compute_plan(inputs)))
            view = compute_targets(inputs)
        except Exception as error:  # a message on the view, never a crashed app
            self.post_message(self.Failed(f"{type(error).__name__}: {error}"))
            return
        if not worker.is_cancelled:
            self.post_message(self.Computed(view))

    def on_targets_screen_computed(self, message: Computed) -> None:
        view, shown = message.view, self.view
        if shown is not None and (view.revision, view.actuals_ready) < (shown.revision, shown.actuals_ready):
            return  # a slower, older computation
        self.view = view
        self.refresh_bindings()
        self.query_one("#targets-loading").display = not view.actuals_ready
        first_figures = view.actuals_ready and (shown is None or not shown.actuals_ready)
        if first_figures and self.month == 1 and view.pva and view.pva.last_month:
            self.month = view.pva.last_month  # open on the latest month with figures, unless the user moved
        self.show_view()

    # -- drawing -------------------------------------------------------------
    def show_view(self) -> None:
        view = self.view
        if view is None:
            return
        plan = view.plan
        empty = plan is None
        self.query_one("#targets-empty").display = empty
        self.query_one("#targets-body").display = not empty
        status = self.query_one("#targets-status", Static)
        if plan is None:
            status.update(Text(_("Targets · no plan yet")))
            self.query_one("#targets-empty", Static).update(self._empty_help())
            return
        status.update(self._status(view))
        table = self.query_one(MonthTable)
        table.show(view, self.size.width)
        table.move_cursor(row=(self.month or 13) - 1, animate=False)
        for chart in self.query(PlanActualChart):
            chart.show(chart_months(view), plan.currency, self.month)
        self._show_deviation()
        self.query_one("#breakdown-panel", Static).update(breakdown_panel(view))
        self.query_one("#budget-panel", Static).update(budget_panel(view))
        self.query_one("#rest-panel", Static).update(rest_panel(view, self.compare))
        if self.focused is None:
            table.focus()

    def _show_deviation(self) -> None:
        """The selected month (or the year to date) under the table and the chart."""
        assert self.view is not None
        text = deviation_text(self.view, self.month, self._brief(), board=path_for_commands(self.store.path))
        self.query_one("#deviation", Static).update(text)
        self.query_one("#chart-summary", Static).update(text)

    def _brief(self) -> bool:
        return self.size.height < TALL

    def _status(self, view: TargetsView) -> Text:
        plan, pva = view.plan, view.pva
        assert plan is not None  # drawn only with a plan (show_view)
        parts = [
            _("Targets {year} · {target} {currency}").format(year=plan.year, target=number(plan.annual_target), currency=plan.currency)
        ]
        if not view.actuals_ready:
            parts.append(_("working out plan vs actual…"))
        elif pva is not None and pva.has_actuals and pva.ytd_attainment is not None:
            attainment, forecast = percent(pva.ytd_attainment, 0), number(pva.forecast)
            if self.size.width < 100:
                parts.append(_("YTD {attainment} · forecast {forecast}").format(attainment=attainment, forecast=forecast))
            else:
                parts.append(_("year to date {attainment} · forecast {forecast}").format(attainment=attainment, forecast=forecast))
        if view.spend is not None and view.spend.over_budget_to_date:
            parts.append(_("SPEND OVER BUDGET"))  # what was spent, not what the plan would spend
        elif view.balance is not None and view.balance.over_budget:
            parts.append(_("plan over budget"))
        return Text(" · ".join(parts))

    def _empty_help(self) -> Text:
        year = self.store.meta().year
        board = path_for_commands(self.store.path)  # as view 4 names it (issue 18 case 9)
        return Text(
            _(
                "No sales target yet.\n\n"
                "Press e to set the year's target and its assumptions (conversion, order value, budget, channels…),\n"
                "or from the command line:\n\n"
                "  opsboard target set {board} --annual 12000000 --year {year}\n\n"
                "Then import the store's daily figures to see plan vs actual:\n\n"
                "  opsboard import-actuals {board} FILE.csv"
            ).format(board=board, year=year)
        )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        table = self.query_one(MonthTable)
        if event.data_table is not table or self.view is None or self.view.plan is None:
            return
        self.month = table.current_month()
        self._show_deviation()
        for chart in self.query(PlanActualChart):
            chart.select(self.month)

    # -- actions -------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Without a plan only `e` (and export) make sense: the others leave the footer."""
        if action == "corrective_task":  # a gap task needs a gap: actuals to compare with the plan
            view = self.view
            return (
                view is not None and view.plan is not None and (not view.actuals_ready or (view.pva is not None and view.pva.has_actuals))
            )
        if action in ("seasonality", "tab", "month", "campaign", "edit_campaign", "compare", "rebase"):
            return self.view is not None and self.view.plan is not None
        return True

    def action_month(self, step: int) -> None:
        """j/k move the month on every tab (the chart follows the table)."""
        if self.view is not None and self.view.plan is not None:
            self.query_one(MonthTable).move_month(step)

    def action_tab(self, step: int) -> None:
        tabs = self.query_one(TabbedContent)
        tabs.active = TABS[(TABS.index(tabs.active or TABS[0]) + step) % len(TABS)]

    def action_assumptions(self) -> None:
        if self.view is None and self.problem is not None:
            self.notify(self.problem, severity="error", timeout=8, markup=False)
            return
        plan = self.view.plan if self.view is not None else self.store.plan()
        texts = assumption_texts(plan, self.store.meta(), department_names(self.store))

        def saved(_plan) -> None:
            self.notify(_("Plan saved"), timeout=3)

        def done(values: dict[str, str] | None) -> None:
            if values is not None:
                self.reload()

        # `seen`: the plan as the form shows it, so a teammate's save of the same field is asked about
        change = confirming(lambda changed, confirmed: set_assumptions(self.store, seen=plan, confirmed=confirmed, **changed))  # type: ignore[arg-type]  # the form's fields are the plan's assumptions
        save = self.ops_app.saves.form_submit(change, saved=saved, what="plan")
        title = _("Target plan and assumptions") if plan else _("Set the year's sales target")
        self.app.push_screen(assumptions_form(title, texts, save, new_plan=plan is None), done)

    def action_campaign(self) -> None:
        """c: a campaign from a preset, or of its own phases."""

        def add(values: dict[str, str], confirmed: bool):
            own = values.get("preset") == OWN_PHASES
            return add_campaign(
                self.store,
                preset=None if own else values.get("preset"),
                platform=values.get("platform", ""),
                name=values.get("name") or None,
                **_campaign_fields(values),
                confirmed=confirmed,
            )

        departments = self.store.departments()
        owner = next((d.name for d in departments if d.id == "marketing"), "")  # campaigns are marketing's, by default
        notice = _("Campaign added: the days already elapsed keep their targets")
        self._campaign_dialog(lambda save: campaign_form(save, [d.name for d in departments], owner), add, notice)

    def action_edit_campaign(self) -> None:
        """C: change a campaign in place (its phases, uplift, owner…); the days
        already elapsed keep their targets, as with every plan change."""
        plan = self.store.plan()
        campaigns = [campaign.name for campaign in plan.campaigns] if plan else []
        if not campaigns:
            self.notify(_("No campaign to change yet: c adds one"), timeout=4)
            return

        def edit(values: dict[str, str], confirmed: bool):
            return edit_campaign(
                self.store,
                values["campaign"],
                rename=values.get("rename") or None,
                platform=values.get("platform") or None,
                **_campaign_fields(values),
                confirmed=confirmed,
                seen=plan,  # a teammate's change meanwhile is asked about
            )

        departments = [d.name for d in self.store.departments()]
        notice = _("Campaign changed: the days already elapsed keep their targets")
        self._campaign_dialog(lambda save: campaign_edit_form(save, campaigns, departments), edit, notice)

    def _campaign_dialog(self, form: Callable[[Submit], FormScreen], change: Callable[..., object], notice: str) -> None:
        """The campaign form opened on the app's one save path (an uplift
        above 300 % confirmed by saving again); the view redrawn after."""

        def done(values: dict[str, str] | None) -> None:
            if values is not None:
                self.reload()

        save = self.ops_app.saves.form_submit(confirming(change), saved=lambda _campaign: self.notify(notice, timeout=4), what="plan")
        self.app.push_screen(form(save), done)

    def action_compare(self) -> None:
        """v: the plan beside the next earlier version (on the Rest of year tab)."""
        if self.view is None or not self.view.versions:
            self.notify(_("One version of the plan so far: each saved change keeps the plan before it"), timeout=4)
            return
        count = len(self.view.versions)
        current = count if self.compare is None else self.compare
        self.compare = count if current <= 1 else current - 1
        self.query_one(TabbedContent).active = "rest"
        self.query_one("#rest-panel", Static).update(rest_panel(self.view, self.compare))

    def action_rebase(self) -> None:
        """R: spread the whole year again, the elapsed days too — asked first."""

        def answered(yes: bool | None) -> None:
            if yes and self._change(rebase_plan, self.store, confirmed=True, seen=self.view.plan if self.view else None) is not None:
                self.notify(_("The whole year is spread again from the current plan"), timeout=4)
                self.reload()

        question = _("Re-base the whole year? The days already elapsed get new targets from the current plan.")
        self.app.push_screen(ConfirmScreen(question), answered)

    def _change(self, change, *args, **kwargs):
        return self.ops_app.saves.run(change, *args, **kwargs)

    def action_corrective_task(self) -> None:
        if self.view is None:
            return
        if not self.view.actuals_ready:  # the service would work it out here, on the UI thread
            self.notify(_("Still working out plan vs actual: press t again in a moment"), timeout=4)
            return
        task = self._change(create_corrective_task, self.store, self.month, view=self.view)
        if task is not None:
            name = self.view.department_name(task.department)
            self.notify(_("Added to {department}'s To do (P1): {title}").format(department=name, title=task.title), timeout=6, markup=False)
            self.reload()

    def action_seasonality(self) -> None:
        if self.view is None or self.view.plan is None:
            return
        plan = self._change(use_last_year_seasonality, self.store, seen=self.view.plan)
        if plan is not None:
            self.notify(_("The months now follow {year}'s revenue").format(year=plan.year - 1), timeout=5)
            self.reload()

    def action_import_actuals(self) -> None:
        open_import_dialog(self)


class _CampaignFields(TypedDict):
    phases: list[str] | None
    uplift: str | None
    department: str | None
    budget: str | None


def _campaign_fields(values: dict[str, str]) -> _CampaignFields:
    """What the add and the edit form share, as the service takes it: an
    empty field is not given."""
    phases = [part.strip() for part in values.get("phase", "").split(";") if part.strip()]
    return {
        "phases": phases or None,
        "uplift": values.get("uplift") or None,
        "department": values.get("department") or None,
        "budget": values.get("budget") or None,
    }

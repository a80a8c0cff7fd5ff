"""The sales target: view 3, `opsboard target ...` and `export --view targets`.

Everything the view shows comes from one call (`targets_view`, or
`read_targets_inputs` on the UI thread then `compute_targets` in a worker);
the gap's weakest lever becomes a corrective task with `create_corrective_task`.
pandas is imported by the logic functions when actuals are summed, never by
importing this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from opsboard.export.markdown import escape, heading
from opsboard.export.targets import targets_markdown
from opsboard.i18n import LANGUAGES, _, _l, gettext_in
from opsboard.i18n.formats import month_year, number, percent, signed
from opsboard.logic.channel_plans import channel_plan_vs_actual
from opsboard.logic.rest_of_year import rest_of_year
from opsboard.logic.spend import spend_check
from opsboard.logic.staffing import peak_staffing
from opsboard.logic.targets import (
    LEVER_DEPARTMENTS,
    Balance,
    Breakdown,
    MonthVsActual,
    PlanVsActual,
    budget_balance,
    monthly_breakdown,
    plan_vs_actual,
)
from opsboard.model import DailyMetric, Operation, OpKind, Table, TargetPlan, Task, TaskStatus
from opsboard.model.clock import now
from opsboard.model.ids import new_id
from opsboard.model.labels import lever_word
from opsboard.store import BoardStore

from .departments import department_names
from .target_plan import plan_versions
from .task_fields import gap_task_tag

if TYPE_CHECKING:
    from opsboard.logic.channel_plans import ChannelVsActual
    from opsboard.logic.rest_of_year import RestOfYear
    from opsboard.logic.spend import SpendCheck
    from opsboard.logic.staffing import MonthStaffing
from .errors import InputError
from .target_plan import (  # the targets API in one import
    FIELDS as FIELDS,
)
from .target_plan import (
    NO_PLAN as NO_PLAN,
)
from .target_plan import (
    assumption_texts as assumption_texts,
)
from .target_plan import (
    last_year_seasonality as last_year_seasonality,
)
from .target_plan import (
    parse_plan_fields as parse_plan_fields,
)
from .target_plan import (
    set_assumptions as set_assumptions,
)
from .target_plan import (
    set_target as set_target,
)
from .target_plan import (
    use_last_year_seasonality as use_last_year_seasonality,
)

TARGETS_TITLE = _l("Targets")


def no_plan_help() -> str:
    return _("no plan yet: `opsboard target set BOARD --annual AMOUNT`")


@dataclass(frozen=True)
class TargetsInputs:
    """What view 3 reads from the board: quick, done on the UI thread."""

    plan: TargetPlan | None
    metrics: list[DailyMetric]
    board_name: str
    departments: dict[str, str]  # id → name, in board order
    revision: int
    versions: tuple[TargetPlan, ...] = ()  # earlier plans, oldest first


@dataclass(frozen=True)
class TargetsView:
    """The plan broken down, its budget balance and plan vs actual (None
    without a plan), with the names to show them by."""

    plan: TargetPlan | None
    breakdown: Breakdown | None
    balance: Balance | None
    pva: PlanVsActual | None
    board_name: str
    departments: dict[str, str]
    revision: int
    actuals_ready: bool = True  # False: the plan only, plan vs actual still being worked out
    versions: tuple[TargetPlan, ...] = ()  # earlier plans, oldest first
    staffing: tuple[MonthStaffing, ...] = ()  # agents for each month's peak day
    rest: RestOfYear | None = None  # what the rest of the year needs (with actuals)
    spend: SpendCheck | None = None  # actual ad spend against budget and cap (with actuals)
    channel_actuals: tuple[ChannelVsActual, ...] = ()  # per channel, to the cut-off

    @property
    def title(self) -> str:
        return f"{self.board_name} — {TARGETS_TITLE}"

    def actual(self, month: int) -> MonthVsActual | None:
        """The month against its target; None when it has no actuals."""
        for row in self.pva.months if self.pva else ():
            if row.month == month:
                return row
        return None

    def department_name(self, key: str | None) -> str:
        if not key:
            return ""
        return self.departments.get(key) or key.replace("_", " ").capitalize()


def read_targets_inputs(store: BoardStore) -> TargetsInputs:
    versions = tuple(plan_versions(store))
    return TargetsInputs(store.plan(), store.actuals(), store.meta().name, department_names(store), store.revision, versions)


def compute_targets(inputs: TargetsInputs) -> TargetsView:
    """The breakdown, the balance and plan vs actual in one go, with what the
    rest of the year needs, spend against budget and cap, peak staffing and
    each channel's plan vs actual (pandas is imported here the first time
    there are actuals: call it in a worker)."""
    plan = inputs.plan
    if plan is None:
        return TargetsView(None, None, None, None, inputs.board_name, inputs.departments, inputs.revision)
    breakdown = monthly_breakdown(plan)
    balance = budget_balance(plan, breakdown)
    pva = plan_vs_actual(plan, inputs.metrics, breakdown)
    return TargetsView(
        plan,
        breakdown,
        balance,
        pva,
        inputs.board_name,
        inputs.departments,
        inputs.revision,
        versions=inputs.versions,
        staffing=peak_staffing(plan),
        rest=rest_of_year(plan, pva),
        spend=spend_check(plan, inputs.metrics, breakdown, pva.cutoff),
        channel_actuals=channel_plan_vs_actual(plan, inputs.metrics, pva.ytd_first, pva.cutoff),
    )


def compute_plan(inputs: TargetsInputs) -> TargetsView:
    """The breakdown and the balance without the actuals: no pandas, a few
    milliseconds — what a view can show while plan vs actual is worked out."""
    plan = inputs.plan
    if plan is None:
        return compute_targets(inputs)
    breakdown = monthly_breakdown(plan)
    balance = budget_balance(plan, breakdown)
    return TargetsView(
        plan,
        breakdown,
        balance,
        None,
        inputs.board_name,
        inputs.departments,
        inputs.revision,
        False,
        versions=inputs.versions,
        staffing=peak_staffing(plan),
    )


def targets_view(store: BoardStore) -> TargetsView:
    return compute_targets(read_targets_inputs(store))


def targets_export(store: BoardStore) -> str:
    """View 3 as Markdown: months, quarters, channels, departments, the budget
    and plan vs actual; how to set a plan when the board has none."""
    view = targets_view(store)
    if view.plan is None:
        return f"{heading(2, escape(view.title))}\n\n{_('No plan yet: `opsboard target set BOARD --annual AMOUNT`')}\n"
    return targets_markdown(view.plan, view.breakdown, view.balance, view.pva, view.title, view.departments, extras=view)


# -- the lever behind a gap ------------------------------------------------------


@dataclass(frozen=True)
class Deviation:
    """The weakest lever of a month (or of the year to date) and its owner."""

    year: int
    month: int | None  # None: the year to date
    lever: str
    department: str  # id of the department owning the lever
    change: float | None  # the lever's actual / plan − 1, e.g. −0.12
    effect: float  # the lever's part of the gap
    gap: float
    attainment: float | None

    @property
    def words(self) -> str:
        """'traffic 12% under plan'"""
        lever = lever_word(self.lever)
        if self.change is None or self.change >= 0:
            return _("{lever} behind plan").format(lever=lever)
        under = -self.change
        if round(under, 3) == 0:
            return _("{lever} just under plan").format(lever=lever)
        percent = f"{under:.0%}" if round(under, 2) >= 0.01 else f"{under:.1%}"
        return _("{lever} {percent} under plan").format(lever=lever, percent=percent)

    @property
    def ahead(self) -> bool:
        """The period beats its target overall, though this lever lags."""
        return self.gap >= 0

    @property
    def period(self) -> str:
        """'2026-05' or '2026 year-to-date'"""
        return f"{self.year}-{self.month:02d}" if self.month else _("{year} year-to-date").format(year=self.year)


def _ratio(actual: float | None, plan: float | None) -> float | None:
    return None if actual is None or not plan else actual / plan - 1


def _lever_change(lever: str, rows: tuple[MonthVsActual, ...]) -> float | None:
    """actual / plan − 1 of the lever over `rows` (one month or the year so far)."""
    known = [(row.plan_uv, row.actual_uv, row) for row in rows if row.plan_uv is not None and row.actual_uv is not None]
    if len(known) < len(rows):  # a month without a planned or a measured UV: no lever to compare
        return None
    plan_uv = sum(plan for plan, _, _ in known)
    actual_uv = sum(actual for _, actual, _ in known)
    plan_orders = sum(plan * row.plan_conversion for plan, _, row in known)
    actual_orders = sum(actual * (row.actual_conversion or 0.0) for _, actual, row in known)
    if lever == "traffic":
        return _ratio(actual_uv, plan_uv)
    if lever == "conversion":
        return _ratio(actual_orders / actual_uv if actual_uv else None, plan_orders / plan_uv if plan_uv else None)
    plan_value = sum(row.target_to_date for row in rows) / plan_orders if plan_orders else None
    actual_value = sum(row.actual for row in rows) / actual_orders if actual_orders else None
    return _ratio(actual_value, plan_value)


def month_deviation(year: int, row: MonthVsActual) -> Deviation | None:
    """The month's weakest lever; None when no lever is behind."""
    if row.lever is None or row.effects is None or row.department is None:
        return None
    effect = getattr(row.effects, row.lever)
    change = _lever_change(row.lever, (row,))
    return Deviation(year, row.month, row.lever, row.department, change, effect, row.gap, row.attainment)


def ytd_deviation(pva: PlanVsActual) -> Deviation | None:
    if pva.lever is None or pva.ytd_effects is None or pva.department is None:
        return None
    effect = getattr(pva.ytd_effects, pva.lever)
    change = _lever_change(pva.lever, pva.months)
    return Deviation(pva.year, None, pva.lever, pva.department, change, effect, pva.ytd_gap, pva.ytd_attainment)


def _deviation_for(view: TargetsView, month: int | None) -> tuple[Deviation, int]:
    if view.plan is None or view.pva is None:
        raise InputError(no_plan_help())
    if not view.pva.has_actuals:
        message = _("no actuals for {year} yet: import them first (`opsboard import-actuals BOARD FILE.csv`)")
        raise InputError(message.format(year=view.plan.year))
    if month is None:
        found, link = ytd_deviation(view.pva), view.pva.last_month or 1
        where = _("the year to date ({year})").format(year=view.plan.year)
        gap, attainment = view.pva.ytd_gap, view.pva.ytd_attainment
    else:
        row = view.actual(month)
        if row is None:
            raise InputError(_("{month} has no actuals yet").format(month=month_year(month, view.plan.year)))
        found, link, where = month_deviation(view.plan.year, row), month, month_year(month, view.plan.year)
        gap, attainment = row.gap, row.attainment
    if gap >= 0:
        if attainment is None:
            raise InputError(_("{where} is ahead of plan: no gap to close").format(where=where))
        raise InputError(_("{where} is ahead of plan ({attainment}): no gap to close").format(where=where, attainment=f"{attainment:.0%}"))
    if found is None:
        raise InputError(_("{where} is on plan: no lever is behind").format(where=where))
    return found, link


def _notes(view: TargetsView, deviation: Deviation) -> str:
    currency = view.plan.currency if view.plan else ""
    effects = view.pva.ytd_effects if deviation.month is None else view.actual(deviation.month).effects  # type: ignore[union-attr]
    attainment = percent(deviation.attainment, 0)
    gap, effect = signed(number, deviation.gap), signed(number, deviation.effect)  # −40,000: the app's minus
    lines = [
        _("{period}: attainment {attainment}, gap {gap} {currency}.").format(
            period=deviation.period, attainment=attainment, gap=gap, currency=currency
        ),
        _("Weakest lever: {words} ({effect} {currency} of the gap).").format(words=deviation.words, effect=effect, currency=currency),
    ]
    if effects is not None:
        split = _("Split of the gap: traffic {traffic}, conversion {conversion}, order value {order_value}.")
        lines.append(
            split.format(
                traffic=signed(number, effects.traffic),
                conversion=signed(number, effects.conversion),
                order_value=signed(number, effects.order_value),
            )
        )
    others = [view.department_name(key) for key in LEVER_DEPARTMENTS.get(deviation.lever, ())[1:]]
    if others:
        lines.append(
            _("Also answering for {lever}: {departments}.").format(lever=lever_word(deviation.lever), departments=", ".join(others))
        )
    lines.append(_("Created from the targets view (view 3)."))
    return "\n".join(lines)


def _gap_prefix(deviation: Deviation, language: str) -> str:
    """'Close the 2026-05 gap:' / '补上 2026-05 的缺口：' — how a gap task's title starts in `language`."""
    period = deviation.period
    if deviation.month is None:
        period = gettext_in(language, "{year} year-to-date").format(year=deviation.year)
    return gettext_in(language, "Close the {period} gap: {words}").format(period=period, words="").strip()


def create_corrective_task(store: BoardStore, month: int | None = None, *, view: TargetsView | None = None) -> Task:
    """A priority-1 task at the top of To do on the board of the department
    owning the weakest lever of `month` (None: the year to date), linked to
    the month, e.g. "Close the 2026-05 gap: traffic 12% under plan".
    InputError when there is no plan, no actuals, no lever behind, or the
    same task is already open."""
    if month is not None and not 1 <= month <= 12:
        raise InputError(_("month: {month} is not a month (1-12)").format(month=month))
    if view is None or view.revision != store.revision or not view.actuals_ready:
        view = targets_view(store)
    deviation, link = _deviation_for(view, month)
    department = deviation.department
    if department not in view.departments:
        message = _("this board has no department '{department}' to own {lever}")
        raise InputError(message.format(department=department, lever=lever_word(deviation.lever)))
    title = _("Close the {period} gap: {words}").format(period=deviation.period, words=deviation.words)
    prefixes = tuple(_gap_prefix(deviation, language) for language in LANGUAGES)  # a teammate's may be in the other language
    for task in store.tasks():
        if task.department == department and task.status is not TaskStatus.DONE and task.title.startswith(prefixes):
            name = view.department_name(department)
            raise InputError(_("already on the {name} board: '{title}' ({id})").format(name=name, title=task.title, id=task.id))
    ranks = [
        float(doc.get("rank", 0.0))
        for doc in store.raw(Table.TASKS).values()
        if doc.get("department") == department and doc.get("status", "todo") == TaskStatus.TODO.value
    ]
    task = Task(
        id=new_id("t"),
        department=department,
        title=title,
        priority=1,
        month=link,
        tags=[gap_task_tag()],
        notes=_notes(view, deviation),
        rank=min(ranks) - 1.0 if ranks else 0.0,  # the top of To do: it is priority 1
        created_at=now(),
        created_by=store.user,
    )
    # One save (not add_task then a second save for `month`): one undo step.
    store.apply(Operation(kind=OpKind.ADD, table=Table.TASKS, doc_id=task.id, after=task.to_doc(), label="add"))
    return store.task(task.id)

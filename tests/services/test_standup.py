"""The stand-up's services: the walk's order, "since the last stand-up" with a
frozen clock across a weekend, each department's agenda, the target levers,
and the record (notes saved at once, merged when two people add at once)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from opsboard.logic.targets import monthly_breakdown
from opsboard.model import DailyMetric, Operation, OpKind, Table, TargetPlan, TaskStatus
from opsboard.services import standup_record
from opsboard.services.board_files import init_board
from opsboard.services.errors import FieldErrors, InputError
from opsboard.services.standup import (
    department_agendas,
    done_since,
    lever_status,
    move_in_walk,
    parse_minutes,
    previous_working_day,
    set_walk_order,
    standup_since,
    timebox_seconds,
    walk_order,
)
from opsboard.services.standup_record import (
    add_note,
    current_standup,
    finish_standup,
    standup_history,
    standup_record_export,
    start_standup,
)
from opsboard.services.tasks import add_task, update_task
from opsboard.store import BoardStore

CST = timezone(timedelta(hours=8))


def at(moment: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", moment)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BoardStore:
    at("2026-06-11T09:00:00+08:00", monkeypatch)  # a Thursday
    return init_board(tmp_path / "b.json", user="lin", name="Shop", year=2026)


# -- since the last stand-up ---------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "previous"),
    [
        (date(2026, 6, 15), date(2026, 6, 12)),  # Monday → Friday
        (date(2026, 6, 16), date(2026, 6, 15)),  # Tuesday → Monday
        (date(2026, 6, 13), date(2026, 6, 12)),  # Saturday → Friday
        (date(2026, 6, 14), date(2026, 6, 12)),  # Sunday → Friday
        (date(2026, 6, 12), date(2026, 6, 11)),  # Friday → Thursday
    ],
)
def test_previous_working_day(day: date, previous: date) -> None:
    assert previous_working_day(day) == previous


def test_since_without_a_standup_is_the_previous_working_day_across_a_weekend(store, monkeypatch) -> None:
    t_thu = add_task(store, department="design", title="Done on Thursday")
    t_fri = add_task(store, department="design", title="Done on Friday")
    t_sat = add_task(store, department="marketing", title="Done on Saturday")
    at("2026-06-11T17:00:00+08:00", monkeypatch)
    update_task(store, t_thu.id, status="done")
    at("2026-06-12T11:00:00+08:00", monkeypatch)
    update_task(store, t_fri.id, status="done")
    at("2026-06-13T10:00:00+08:00", monkeypatch)
    update_task(store, t_sat.id, status="done")
    at("2026-06-15T09:30:00+08:00", monkeypatch)  # Monday morning
    since = standup_since(store)
    assert since.at == datetime(2026, 6, 12, 0, 0, tzinfo=CST)
    assert since.record is None
    assert since.words == "since Fri 12 Jun 2026 (no earlier stand-up recorded)"
    assert done_since(store, since.at) == {t_fri.id, t_sat.id}
    agendas = {a.id: a for a in department_agendas(store, since.at)}
    assert [t.title for t in agendas["design"].done] == ["Done on Friday"]
    assert [t.title for t in agendas["marketing"].done] == ["Done on Saturday"]


def test_since_counts_from_the_last_finished_standup(store, monkeypatch) -> None:
    early = add_task(store, department="design", title="Done before the stand-up")
    late = add_task(store, department="design", title="Done after the stand-up")
    at("2026-06-15T09:20:00+08:00", monkeypatch)
    update_task(store, early.id, status="done")
    at("2026-06-15T09:30:00+08:00", monkeypatch)
    record = start_standup(store)
    at("2026-06-15T09:42:00+08:00", monkeypatch)
    finish_standup(store, record.id)
    at("2026-06-15T11:00:00+08:00", monkeypatch)
    update_task(store, late.id, status="done")
    at("2026-06-16T09:30:00+08:00", monkeypatch)
    started = start_standup(store)  # today's, not finished: it does not count
    since = standup_since(store)
    assert since.at == datetime(2026, 6, 15, 9, 42, tzinfo=CST)
    assert since.record is not None and since.record.id == "su-2026-06-15"
    assert since.words == "since the stand-up of Mon 15 Jun 2026, 09:42"
    assert done_since(store, since.at) == {late.id}
    assert standup_since(store, started).at == since.at  # the running one counts from the one before it
    # the stand-up of the 15th itself counts from the working day before it
    assert standup_since(store, record).at == datetime(2026, 6, 12, 0, 0, tzinfo=CST)


def test_a_task_done_then_reopened_is_not_done(store, monkeypatch) -> None:
    task = add_task(store, department="design", title="Reopened")
    at("2026-06-11T10:00:00+08:00", monkeypatch)
    update_task(store, task.id, status="done")
    update_task(store, task.id, status="doing")
    assert done_since(store, datetime(2026, 6, 11, tzinfo=CST)) == set()


# -- the agenda --------------------------------------------------------------------


def test_each_task_is_in_one_group(store, monkeypatch) -> None:
    # Thursday 11 June: the week ends on Sunday 14 June; since: Wednesday 10 June
    at("2026-06-09T09:00:00+08:00", monkeypatch)
    add_task(store, department="design", title="Old todo, no date")
    at("2026-06-11T09:00:00+08:00", monkeypatch)
    add_task(store, department="design", title="Overdue todo", due="2026-06-10")
    overdue_doing = add_task(store, department="design", title="Overdue doing", due="2026-06-09")
    update_task(store, overdue_doing.id, status="doing")
    blocked = add_task(store, department="design", title="Blocked and overdue", due="2026-06-01")
    at("2026-06-08T10:00:00+08:00", monkeypatch)
    update_task(store, blocked.id, status="blocked", reason="no photos")
    at("2026-06-11T09:00:00+08:00", monkeypatch)
    doing = add_task(store, department="design", title="Doing, due today", due="2026-06-11")
    update_task(store, doing.id, status="doing")
    add_task(store, department="design", title="Todo, due today", due="2026-06-11")
    add_task(store, department="design", title="Todo, Sunday", due="2026-06-14")
    add_task(store, department="design", title="Todo, next Monday", due="2026-06-15")
    add_task(store, department="design", title="Todo, no date")
    add_task(store, department="marketing", title="Marketing's")
    [design] = [a for a in department_agendas(store, datetime(2026, 6, 10, tzinfo=CST)) if a.id == "design"]
    assert [t.title for t in design.blocked] == ["Blocked and overdue"]
    assert design.blocked[0].blocked_since == datetime(2026, 6, 8, 10, tzinfo=CST)
    assert [t.title for t in design.overdue] == ["Overdue doing", "Overdue todo"]
    assert [t.title for t in design.doing] == ["Doing, due today"]
    assert [t.title for t in design.due_today] == ["Todo, due today"]
    assert [t.title for t in design.due_this_week] == ["Todo, Sunday"]
    assert [t.title for t in design.new] == ["Todo, next Monday", "Todo, no date"]  # added since; the old one waits on its board
    assert design.done == []
    assert [i.code for i in design.items] == ["A", "B", "C"]  # the template's launch items it owns
    assert design.lever is None


def test_agendas_after_a_change_group_again_only_its_department_and_match_a_fresh_reading(store, monkeypatch) -> None:
    """A redraw after a save groups again the department whose tasks changed
    (a task moved, one done since: done_since), not the others; what it gives
    is what a board read afresh gives."""
    from opsboard.services import standup

    since = datetime(2026, 6, 10, tzinfo=CST)
    design = add_task(store, department="design", title="Hero images", due="2026-06-12")
    add_task(store, department="design", title="Size chart")
    update_task(store, add_task(store, department="marketing", title="Ad slots").id, status="doing")
    department_agendas(store, since)
    grouped: list[str] = []
    group = standup._group
    monkeypatch.setattr(standup, "_group", lambda task, *rest: grouped.append(task.department) or group(task, *rest))
    unchanged = department_agendas(store, since)
    assert grouped == []
    update_task(store, design.id, status="done")
    agendas = department_agendas(store, since)
    assert set(grouped) == {"design"}
    fresh = department_agendas(BoardStore(store.path, user="reader"), since)
    assert agendas == fresh and agendas != unchanged
    assert [t.title for t in {a.id: a for a in agendas}["design"].done] == ["Hero images"]
    at("2026-06-12T09:00:00+08:00", monkeypatch)  # the next day: every department again
    grouped.clear()
    department_agendas(store, since)
    assert {"design", "marketing"} <= set(grouped)


def test_walk_order_follows_standup_order_then_order(store) -> None:
    assert [d.id for d in walk_order(store)][:3] == ["design", "marketing", "customer_service"]
    move_in_walk(store, "marketing", -1)
    reread = BoardStore(store.path, user="reader")
    assert [d.id for d in walk_order(reread)][:3] == ["marketing", "design", "customer_service"]
    assert {d.id: d.standup_order for d in reread.departments()}["design"] == 1
    set_walk_order(store, ["hr", "bd"])
    assert [d.id for d in walk_order(store)][:4] == ["hr", "bd", "marketing", "design"]
    with pytest.raises(InputError, match="unknown department 'sales'"):
        set_walk_order(store, ["sales"])
    assert move_in_walk(store, "hr", -1)[0].id == "hr"  # already first: stays


def test_timebox_from_the_environment(monkeypatch) -> None:
    monkeypatch.delenv("OPSBOARD_STANDUP_MINUTES", raising=False)
    assert timebox_seconds() == 120
    monkeypatch.setenv("OPSBOARD_STANDUP_MINUTES", "1.5")
    assert timebox_seconds() == 90
    monkeypatch.setenv("OPSBOARD_STANDUP_MINUTES", "lots")
    assert timebox_seconds() == 120
    assert (parse_minutes("3"), parse_minutes("90s"), parse_minutes(" 2.5m ")) == (180, 90, 150)
    with pytest.raises(InputError, match="not a number of minutes"):
        parse_minutes("two")
    with pytest.raises(InputError, match="between 10 seconds and 60 minutes"):
        parse_minutes("0")


# -- target levers -------------------------------------------------------------------


def june_metrics(plan: TargetPlan, uv_share: float, days: int = 10) -> list[DailyMetric]:
    june = monthly_breakdown(plan).months[5]
    uv = round(june.uv / 30 * uv_share)  # type: ignore[operator]
    orders = round(uv * june.conversion)
    return [
        DailyMetric(date=date(2026, 6, 1) + timedelta(n), pv=uv * 2, uv=uv, orders=orders, revenue=orders * june.order_value)
        for n in range(days)
    ]


def test_lever_status_names_each_levers_departments() -> None:
    plan = TargetPlan(year=2026, annual_target=12_000_000)
    status = lever_status(plan, june_metrics(plan, 0.92), date(2026, 6, 11))
    # what is left of the year (12,000,000 less June's first ten days) over the days still to come, by the curve;
    # and June at its run-rate: 1,320,000 × 0.918 attained so far (the orders are whole)
    assert (
        status["marketing"]
        == "UV 8% under plan this month (the lever behind the gap; the rest of the year needs ×1.53 each day's target, 67,135 on 06-11; "
        "at this pace Jun ends at 1,212,000 of 1,320,000)"
    )
    assert status["customer_service"] == status["design"] == "conversion on plan this month"
    assert status["product_development"] == "order value on plan this month"
    assert set(status) == {"marketing", "customer_service", "design", "product_development"}


def test_lever_status_in_a_later_month_names_the_month() -> None:
    plan = TargetPlan(year=2026, annual_target=12_000_000)
    status = lever_status(plan, june_metrics(plan, 1.1), date(2026, 7, 2))
    assert status["marketing"] == "UV 10% over plan in Jun 2026"


def test_lever_status_without_plan_or_actuals_is_empty() -> None:
    plan = TargetPlan(year=2026, annual_target=12_000_000)
    assert lever_status(None, june_metrics(plan, 1.0), date(2026, 6, 11)) == {}
    assert lever_status(plan, [], date(2026, 6, 11)) == {}


def test_agendas_carry_the_lever(store) -> None:
    plan = TargetPlan(year=2026, annual_target=12_000_000)
    store.apply(Operation(kind=OpKind.ADD, table=Table.TARGETS, doc_id="plan", after=plan.to_doc()))
    metrics = june_metrics(plan, 0.92)
    store.apply(Operation(kind=OpKind.REPLACE, table=Table.ACTUALS, docs=[m.to_doc() | {"id": m.id} for m in metrics]))
    from opsboard.services.standup import target_lever_status

    levers = target_lever_status(store)
    agendas = {a.id: a for a in department_agendas(store, datetime(2026, 6, 10, tzinfo=CST), levers=levers)}
    assert (
        agendas["marketing"].lever
        == "UV 8% under plan this month (the lever behind the gap; the rest of the year needs ×1.53 each day's target, 67,135 on 06-11; "
        "at this pace Jun ends at 1,212,000 of 1,320,000)"
    )
    assert agendas["hr"].lever is None


# -- the record ------------------------------------------------------------------------


def test_notes_are_saved_as_they_are_added(store, monkeypatch) -> None:
    at("2026-06-15T09:30:00+08:00", monkeypatch)
    record = start_standup(store)
    assert (record.id, record.run_by, record.finished_at) == ("su-2026-06-15", "lin", None)
    add_note(store, record.id, "design", "Hero images by Wednesday")
    add_note(store, record.id, "design", "Ship the banner", decision=True)
    add_note(store, record.id, "marketing", "Ask finance")
    reread = current_standup(BoardStore(store.path, user="chen"))
    assert reread is not None
    assert [(d.id, d.notes, d.decisions) for d in reread.departments] == [
        ("design", ["Hero images by Wednesday"], ["Ship the banner"]),
        ("marketing", ["Ask finance"], []),
    ]
    with pytest.raises(FieldErrors):
        add_note(store, record.id, "design", "   ")
    with pytest.raises(InputError, match="unknown department"):
        add_note(store, record.id, "sales", "hello")


def test_two_people_adding_notes_at_once_keep_both(store, monkeypatch) -> None:
    at("2026-06-15T09:30:00+08:00", monkeypatch)
    lin = store
    chen = BoardStore(store.path, user="chen")
    record = start_standup(lin)
    assert start_standup(chen).id == record.id  # the same stand-up, not a second one
    # lin saves her note between chen reading the record and saving hers
    real_find = standup_record.find_standup
    reads = []

    def find_then_lin_saves(where: BoardStore, record_id: str):
        found = real_find(where, record_id)
        reads.append(where.user)
        if where is chen and reads.count("chen") == 1:
            add_note(lin, record_id, "design", "from lin")
        return found

    monkeypatch.setattr(standup_record, "find_standup", find_then_lin_saves)
    add_note(chen, record.id, "design", "from chen")
    assert reads.count("chen") == 3  # read, conflict, read again, saved, read back
    [design] = BoardStore(store.path, user="reader").standups()[0].departments
    assert design.notes == ["from lin", "from chen"]


def test_finish_records_time_decisions_and_history(store, monkeypatch) -> None:
    at("2026-06-15T09:30:00+08:00", monkeypatch)
    record = start_standup(store)
    add_note(store, record.id, "design", "note")
    at("2026-06-15T09:41:30+08:00", monkeypatch)
    done = finish_standup(store, record.id, seconds={"design": 100.04, "hr": 30, "bd": 0}, decisions=["Demo on Friday", "  ", ""])
    assert done.finished_at == datetime(2026, 6, 15, 9, 41, 30, tzinfo=CST)
    assert done.duration_seconds == 690
    assert {d.id: d.seconds for d in done.departments} == {"design": 100.0, "hr": 30.0}
    assert done.decisions == ["Demo on Friday"]
    assert current_standup(store) is None
    with pytest.raises(InputError, match="already finished"):
        finish_standup(store, record.id)
    at("2026-06-16T09:30:00+08:00", monkeypatch)
    second = start_standup(store)
    assert [r.id for r in standup_history(store)] == [second.id, record.id]
    assert second.id == "su-2026-06-16"


def test_a_second_standup_the_same_day_gets_its_own_id(store, monkeypatch) -> None:
    at("2026-06-15T09:30:00+08:00", monkeypatch)
    first = start_standup(store)
    finish_standup(store, first.id)
    at("2026-06-15T16:00:00+08:00", monkeypatch)
    assert start_standup(store).id == "su-2026-06-15-2"


def test_record_export_of_today_shows_the_boards(store, monkeypatch) -> None:
    task = add_task(store, department="marketing", title="Book 618 ad slots", owner="lin")
    at("2026-06-12T10:00:00+08:00", monkeypatch)
    update_task(store, task.id, status="blocked", reason="budget not approved")
    at("2026-06-15T09:30:00+08:00", monkeypatch)
    record = start_standup(store)
    add_note(store, record.id, "marketing", "Finance answers today")
    text = standup_record_export(store, record.id)
    assert "Run by lin · started 09:30 · in progress · done counts since Fri 12 Jun 2026 (no earlier stand-up recorded)." in text
    assert "- Note: Finance answers today — lin\n- **Blocked:** Book 618 ad slots (lin) — budget not approved · blocked 2 days" in text
    at("2026-06-16T09:30:00+08:00", monkeypatch)
    later = standup_record_export(store, record.id)  # a past stand-up: its notes only
    assert "- Note: Finance answers today" in later and "Blocked" not in later
    assert store.task(task.id).status is TaskStatus.BLOCKED

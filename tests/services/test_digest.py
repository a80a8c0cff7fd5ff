"""The day's agenda (team and per person) and the opening reminder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from boards_fixture import NOW, make_board

from opsboard.export.digest import agenda_markdown
from opsboard.services.digest import day_agenda, opening_reminder
from opsboard.services.people import add_person
from opsboard.services.tasks import add_task
from opsboard.store import BoardStore

DAY = date(2026, 3, 2)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BoardStore:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    path = tmp_path / "b.json"
    make_board(path)
    return BoardStore(path, user="ana")


def ids(agenda) -> dict[str, list[str]]:
    return {name: [t.id for t in tasks] for name, tasks in agenda.sections}


def test_team_agenda_most_urgent_first(store: BoardStore) -> None:
    add_task(store, department="hr", title="Payroll", due="2026-03-05", owner="mei")
    add_task(store, department="hr", title="Far away", due="2026-03-09")  # past the week
    week = [t.id for t in store.tasks() if t.title == "Payroll"]
    assert ids(day_agenda(store)) == {
        "overdue": ["t-m1", "t-d1"],
        "due_today": ["t-d2"],
        "blocked": ["t-d5", "t-m2"],
        "due_this_week": week,
    }


def test_a_person_agenda_takes_their_roster_display_name(store: BoardStore) -> None:
    add_person(store, "mei", display_name="Mei Lin")
    assert ids(day_agenda(store, user="Mei Lin")) == {"overdue": ["t-d1"], "due_today": [], "blocked": ["t-d5"], "due_this_week": []}
    assert ids(day_agenda(store, user="MEI")) == ids(day_agenda(store, user="Mei Lin"))


def test_markdown_escapes_titles_and_names_each_section(store: BoardStore) -> None:
    agenda = day_agenda(store)
    text = agenda_markdown(agenda.day, agenda.user, agenda.sections, "Shop *2026*", {"design": "Design", "marketing": "Marketing"})
    assert text.startswith("# Shop \\*2026\\*: agenda for 2026-03-02\n")
    assert "## Overdue (2)" in text and "## Due this week (0)\n\n- none" in text
    assert "- **Banner \\[bold\\]spring\\[/\\] sale** · Design · P2 · due 2026-03-02 · @tao `t-d2`" in text
    assert "waiting for: budget not approved" in text


def test_opening_reminder_counts_the_user_tasks_from_the_documents(store: BoardStore) -> None:
    assert opening_reminder(store, "mei", DAY).text == "1 of your tasks is overdue"
    assert opening_reminder(store, "tao", DAY).text == "1 of your tasks is due today"
    assert opening_reminder(store, "ana", DAY).text is None
    add_task(store, department="hr", title="Payroll", due="2026-03-02", owner="mei")
    add_task(store, department="hr", title="Audit", due="2026-02-02", owner="Mei")
    add_person(store, "mei", display_name="Mei Lin")
    assert opening_reminder(store, "Mei Lin", DAY).text == "2 of your tasks are overdue, 1 due today"


def test_opening_reminder_speaks_the_interface_language(store: BoardStore) -> None:
    from opsboard import i18n

    i18n.set_language("zh")
    assert opening_reminder(store, "mei", DAY).text == "你有 1 项任务已逾期"
    assert opening_reminder(store, "tao", DAY).text == "你有 1 项任务今天到期"

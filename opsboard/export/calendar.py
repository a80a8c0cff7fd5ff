"""The calendar: every dated task and checklist item in date order, a table
per month — what falls due when, for the managers' spreadsheet."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from opsboard.i18n import _

from .markdown import escape, heading, table


@dataclass(frozen=True)
class CalendarEntry:
    due: date
    kind: str  # "Task" or "Checklist"
    title: str
    department: str
    owner: str
    status: str
    id: str


def calendar_markdown(board_name: str, entries: Sequence[CalendarEntry], today: date) -> str:
    lines = [heading(1, _("{board} — calendar").format(board=escape(board_name))), "", _("As of {day}.").format(day=today.isoformat()), ""]
    if not entries:
        return "\n".join([*lines, "_" + _("Nothing has a due date yet.") + "_", ""])
    months: dict[tuple[int, int], list[CalendarEntry]] = {}
    for entry in sorted(entries, key=lambda e: (e.due, e.kind, e.title.casefold())):
        months.setdefault((entry.due.year, entry.due.month), []).append(entry)
    for (year, month), rows in months.items():
        lines += [heading(2, f"{date(year, month, 1):%B %Y}"), ""]
        lines += [
            table(
                [_("Due"), _("Kind"), _("Title"), _("Department"), _("Owner"), _("Status"), _("Id")],
                [[e.due.isoformat(), e.kind, escape(e.title), escape(e.department), escape(e.owner), e.status, escape(e.id)] for e in rows],
            ),
            "",
        ]
    return "\n".join(lines)

"""The calendar: every dated task and checklist item in date order, a table
per month — what falls due when, for the managers' spreadsheet."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from opsboard.i18n import _, lazy_pgettext, pgettext

from .markdown import escape, heading, table

# an entry's kind as the table names it (the stored key sorts the rows)
_KIND_WORDS = {"Task": lazy_pgettext("calendar kind", "Task"), "Checklist": lazy_pgettext("calendar kind", "Checklist")}


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
        month_name = f"{date(year, month, 1):%B}"
        lines += [heading(2, pgettext("calendar month", "{month_name} {year}").format(month_name=month_name, month=month, year=year)), ""]
        lines += [
            table(
                [_("Due"), _("Kind"), _("Title"), _("Department"), _("Owner"), _("Status"), _("Id")],
                [
                    [
                        e.due.isoformat(),
                        str(_KIND_WORDS.get(e.kind, e.kind)),
                        escape(e.title),
                        escape(e.department),
                        escape(e.owner),
                        e.status,
                        escape(e.id),
                    ]
                    for e in rows
                ],
            ),
            "",
        ]
    return "\n".join(lines)

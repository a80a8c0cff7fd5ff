"""The stand-up's words, declared once for view 5 and its Markdown export:
the agenda's groups, how long a task has been blocked or late, the timer and
what "done since" counts from. In the interface language; the exporter
escapes what it puts into Markdown, the view draws them as plain text.
"""

from __future__ import annotations

from datetime import date, datetime

from opsboard.i18n import _, lazy_pgettext, ngettext
from opsboard.i18n.formats import day_text

# an agenda's groups, in the order view 5 lists them
GROUP_TITLES = {
    "blocked": lazy_pgettext("agenda group", "Blocked"),
    "overdue": lazy_pgettext("agenda group", "Overdue"),
    "due_today": lazy_pgettext("agenda group", "Due today"),
    "doing": lazy_pgettext("agenda group", "Doing"),
    "due_this_week": lazy_pgettext("agenda group", "This week"),
    "new": lazy_pgettext("agenda group", "New"),
    "done": lazy_pgettext("agenda group", "Done"),
}
ALARM_GROUPS = ("blocked", "overdue")  # flagged: '!' on screen, bold in Markdown

# "… and 3 more in progress": the groups in running text
GROUP_WORDS = {
    "blocked": lazy_pgettext("agenda group in a sentence", "blocked"),
    "overdue": lazy_pgettext("agenda group in a sentence", "overdue"),
    "due_today": lazy_pgettext("agenda group in a sentence", "due today"),
    "doing": lazy_pgettext("agenda group in a sentence", "in progress"),
    "done": lazy_pgettext("agenda group in a sentence", "done"),
}


def group_title(group: str) -> str:
    """'Blocked' / '受阻'."""
    return str(GROUP_TITLES[group])


def day_words(day: date) -> str:
    """ "Mon 15 Jun 2026" / "6月15日 周一" (the interface's words whatever the locale)."""
    return day_text(day)


def since_words(since: datetime, from_record: bool) -> str:
    """What "done since the last stand-up" counts from."""
    if from_record:
        return _("since the stand-up of {day}, {time}").format(day=day_words(since.date()), time=f"{since:%H:%M}")
    return _("since {day} (no earlier stand-up recorded)").format(day=day_words(since.date()))


def blocked_for(since: datetime | None, now: datetime) -> str:
    """How long a task has been blocked: "3 days", "5 h", "20 min"."""
    if since is None:
        return ""
    seconds = max(0.0, (now - since).total_seconds())
    if seconds >= 86400:
        days = int(seconds // 86400)
        return ngettext("{n} day", "{n} days", days).format(n=days)
    if seconds >= 3600:
        return _("{n} h").format(n=int(seconds // 3600))
    if seconds >= 60:
        return _("{n} min").format(n=int(seconds // 60))
    return _("just now")


def days_late(due: date, today: date) -> str:
    """ "due 2026-06-10, 5 days late" """
    late = (today - due).days
    return ngettext("due {date}, {n} day late", "due {date}, {n} days late", late).format(date=due.isoformat(), n=late)


def clock_text(seconds: float) -> str:
    """A timer reading: 125 → "2:05"; an hour or more: "1:02:05"."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def minutes_text(seconds: float) -> str:
    minutes = round(seconds / 60)
    return _("under a minute") if minutes < 1 else _("{n} min").format(n=minutes)


def no_reason() -> str:
    return _("no reason given")

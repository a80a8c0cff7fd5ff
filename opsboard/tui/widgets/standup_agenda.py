"""One department's part of the stand-up as a table (one row per task or
checklist item, the group named in words so NO_COLOR loses nothing), and
the notes said for it so far."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.content import Content

from opsboard.i18n import _, _l, lazy_pgettext, ngettext
from opsboard.model import ChecklistItem, DepartmentNotes, Task
from opsboard.model.labels import phase_title
from opsboard.model.standup_words import ALARM_GROUPS, GROUP_TITLES, blocked_for, day_words, group_title, no_reason
from opsboard.services.standup import DepartmentAgenda

from .keyed_table import KeyedTable

GROUP_STYLES = {"blocked": "bold $text-error", "overdue": "bold $text-error", "due_today": "bold", "done": "dim"}
ITEM_LABEL = lazy_pgettext("agenda group", "Checklist")
GROUP_ROWS = 40  # a stand-up talks about the first ones; a table of hundreds would slow every step
NOTHING = "none"


def _group_label(group: str) -> str:
    """The group as the table shows it: '! Blocked' for those that need attention."""
    return f"! {group_title(group)}" if group in ALARM_GROUPS else group_title(group)


def _detail(group: str, task: Task, today: date, now: datetime) -> str:
    if group == "blocked":  # how long first: the reason may be cut, the detail line has it whole
        since = blocked_for(task.blocked_since, now)
        return (f"{since} · " if since else "") + (task.blocked_reason or no_reason())
    if group == "overdue":
        late = (today - task.due).days  # type: ignore[operator]
        return _("due {date} · {days}d late").format(date=task.due.isoformat(), days=late)  # type: ignore[union-attr]
    if group == "done" and task.done_at is not None:
        done = task.done_at.astimezone(now.tzinfo)
        when = f"{done:%H:%M}" if done.date() == today else day_words(done.date())
        return _("done {when}").format(when=when)
    if task.due is not None:
        return _("due today") if task.due == today else _("due {date}").format(date=day_words(task.due))
    return ""


def _last_comment(task: Task) -> str:
    """The thread's latest word, for the line under the table."""
    if not task.comments:
        return ""
    last = task.comments[-1]
    text = " ".join(last.text.split())
    more = len(task.comments) - 1
    if more:
        return ngettext("last comment, {author}: {text} (+{count} more)", "last comment, {author}: {text} (+{count} more)", more).format(
            author=last.by or "?", text=text, count=more
        )
    return _("last comment, {author}: {text}").format(author=last.by or "?", text=text)


class AgendaTable(KeyedTable, inherit_bindings=False):
    """Row keys: `task:<id>`, `item:<id>`, or `none` for an empty department.
    Enter is left to the screen (a note), so the footer can show it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", _l("Up"), show=False),
        Binding("down", "cursor_down", _l("Down"), show=False),
        Binding("pageup", "page_up", _l("Page up"), show=False),
        Binding("pagedown", "page_down", _l("Page down"), show=False),
        Binding("home", "scroll_top", _l("Top"), show=False),
        Binding("end", "scroll_bottom", _l("Bottom"), show=False),
    ]

    DEFAULT_CSS = """
    AgendaTable { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.widths: dict[str, int] = {}
        self.select_next: str | None = None  # a row to put the cursor on at the next show()
        self.details: dict[str, Content] = {}  # row key → the whole row in words, for the line below

    def _cell(self, text: str, column: str, style: str = "") -> Content:
        return Content.styled(str(text), style).truncate(self.widths[column], ellipsis=True)

    def show(self, agenda: DepartmentAgenda, today: date, now: datetime) -> None:
        """The department's rows. Rows the same as those shown (a redraw after
        a save that did not touch this department) leave the table as drawn,
        a changed row is replaced alone (KeyedTable.show_rows): clearing it
        dropped every line Textual kept and measured and drew all the rows
        again (view 5's first visit after saves on the five-year board: 39 ms
        of CPU, 18 without)."""
        keep, row = self.select_next or self.current_key(), self.cursor_row
        self.select_next = None
        width = self.size.width or self.app.size.width
        widths = {"group": 10, "owner": 10 if width >= 100 else 6, "detail": 36 if width >= 100 else 26}
        room = width - 2 * 4 - 2  # cell padding and the vertical scrollbar
        # a narrow window takes the detail's room first: no column past the edge
        widths["detail"] = max(8, min(widths["detail"], room - widths["group"] - widths["owner"] - 16))
        widths["title"] = max(16, room - sum(widths.values()))
        self.widths = widths
        rows: list[tuple[str, tuple[Content | str, ...]]] = []
        details: dict[str, Content] = {}
        for group in GROUP_TITLES:
            tasks = list(getattr(agenda, group))
            if keep and keep.startswith("task:") and len(tasks) > GROUP_ROWS:  # the selected task stays shown
                tasks = sorted(tasks, key=lambda t: f"task:{t.id}" != keep)
            for task in tasks[:GROUP_ROWS]:
                rows.append(self._task_row(group, task, today, now, details))
            if len(tasks) > GROUP_ROWS:
                rows.append(self._more_row(group, len(tasks) - GROUP_ROWS, details))
        for item in agenda.done_items:  # "done since" counts checklist items too
            rows.append(self._item_row(item, today, details, done=True))
        for item in agenda.items:
            rows.append(self._item_row(item, today, details))
        if not rows:
            rows.append((NOTHING, ("", Content.styled(_("Nothing on this board today"), "dim"), "", "")))
        self.details = details
        labels = (("group", ""), ("title", _("Task")), ("owner", _("Owner")), ("detail", ""))
        self.show_rows([(key, label, widths[key]) for key, label in labels], rows)
        keys = [key for key, _cells in rows]
        if keep in keys:
            self.move_cursor(row=keys.index(keep))
        else:
            self.move_cursor(row=min(row, len(keys) - 1))

    def _task_row(self, group: str, task: Task, today: date, now: datetime, details: dict[str, Content]) -> tuple[str, tuple[Content, ...]]:
        key = f"task:{task.id}"
        alarm = group in ("blocked", "overdue")
        # User text goes in as Content (never parsed): a title like "[/]" shows literally.
        detail = _detail(group, task, today, now)
        cells = (
            self._cell(_group_label(group), "group", GROUP_STYLES.get(group, "")),
            self._cell(task.title, "title", "dim" if group == "done" else ""),
            self._cell(task.owner, "owner"),
            self._cell(detail, "detail", "$text-error" if alarm else ""),
        )
        if group == "blocked":
            label = _("Blocked {since}").format(since=blocked_for(task.blocked_since, now))
        else:
            label = group_title(group)
        words = [
            label,
            task.title,
            _("owner {name}").format(name=task.owner) if task.owner else "",
            task.blocked_reason if group == "blocked" else detail,
            f"P{task.priority}",
        ]
        comment = _last_comment(task)  # on a line of its own: the task's line is long already
        details[key] = Content(" · ".join(w for w in words if w) + (f"\n{comment}" if comment else ""))
        return key, cells

    def _more_row(self, group: str, count: int, details: dict[str, Content]) -> tuple[str, tuple[Content | str, ...]]:
        key = f"more:{group}"
        text = _("… {count} more in view 2").format(count=count)
        details[key] = Content(text)
        return key, (self._cell(_group_label(group), "group", "dim"), self._cell(text, "title", "dim"), "", "")

    def _item_row(
        self, item: ChecklistItem, today: date, details: dict[str, Content], *, done: bool = False
    ) -> tuple[str, tuple[Content, ...]]:
        key = f"item:{item.id}"
        overdue = not done and item.is_overdue(today)
        due = ""
        if item.due:
            due = (
                _("due {date} · overdue").format(date=item.due.isoformat())
                if overdue
                else _("due {date}").format(date=item.due.isoformat())
            )
        if done:
            due = _("done by {who}").format(who=item.done_by) if item.done_by else _("done")
        title = f"{phase_title(item.phase).lower()} {item.code} · {item.title}"
        cells = (
            self._cell(_group_label("done") if done else ITEM_LABEL, "group", "dim" if done else "italic"),
            self._cell(title, "title", "dim" if done else ""),
            self._cell(item.owner, "owner"),
            self._cell(due, "detail", "$text-error" if overdue else ""),
        )
        words = [
            _("Checklist item"),
            title,
            _("owner {name}").format(name=item.owner) if item.owner else "",
            due,
            _("d reopens it") if done else _("d marks it done"),
        ]
        details[key] = Content(" · ".join(w for w in words if w))
        return key, cells

    def current_detail(self) -> Content:
        return self.details.get(self.current_key() or "", Content(""))


def notes_text(entry: DepartmentNotes | None) -> Text:
    """The notes panel: decisions first, then notes; user text never parsed."""
    text = Text()
    if entry is None or not (entry.notes or entry.decisions):
        text.append(_("nothing noted yet"), style="dim")
        return text
    decision_mark = _("Decision: ")
    lines = [(decision_mark, *said) for said in entry.said("decisions")] + [("- ", *said) for said in entry.said("notes")]
    for index, (mark, said, by) in enumerate(lines):
        text.append(("\n" if index else "") + mark, style="bold" if mark == decision_mark else "")
        text.append(said)
        if by:
            text.append(f" — {by}", style="dim")
    return text

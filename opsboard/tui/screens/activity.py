"""The activity view (`A`): who changed what, when, before → after; filtered
by person and department. It follows the board live like the other views."""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Header, Select, Static

from opsboard.i18n import _, _l, ngettext
from opsboard.services.activity import iter_activity_rows, people, when
from opsboard.services.departments import department_names

from ..kept_screens import KeptStyles, is_kept, keep
from ..messages import BoardReloaded
from ..widgets.key_footer import KeyFooter
from ..widgets.keyed_table import KeyedTable, TableCursorKeys, vim_bindings

if TYPE_CHECKING:
    from ..app import OpsboardApp

ROW_LIMIT = 500  # newest first; older ones stay in the file and the archive
FIRST_PAGE = 60  # rows in the view's first frame: more than a screenful
PAGE = 80  # rows added at a time after it, a moment apart (keys are answered in between)
PAGE_GAP = 0.005  # seconds
PAGE_SECONDS = 0.008  # at most per page (a department's changes may be far apart in the log)
FIXED = {"at": 11, "by": 10}


# a title as the wording quotes it: 'X' in English, “X” in Chinese; an
# apostrophe inside a word ('Tmall's 618') neither opens nor closes one
QUOTED_TITLE = re.compile(r"(?<!\w)'.*?'(?!\w)|“.*?”")


# a checklist item's phase mark at the start of its title ('A · '): it tells
# no row from the next, so it does not count towards what a cut keeps
PHASE_MARK = re.compile(r"\w{1,3} · ")

# cells of the title's own words a middle cut keeps at least, past any phase
# mark: 'Set up t…', 了解市场… (four Chinese characters); less, as 'Se…' or
# “A · 了解…”, says less than the title's start, so the row's end gives way
MIN_TITLE_WORDS = 8


def keep_the_ends(text: str, width: int) -> str:
    """Cut the quoted title in the middle of 'marked 'A · Size the market…' done'
    (把“A · 市场规模…”标为完成) rather than the end, which tells one row from the next."""
    if cell_len(text) <= width:
        return text
    titles = QUOTED_TITLE.findall(text)
    longest = max(titles, key=cell_len, default="")
    opening, closing = longest[:1], longest[-1:]
    room = cell_len(longest) - (cell_len(text) - width)  # what the title may keep, quotes included
    kept = set_cell_size(longest[1:-1], max(0, room - 1 - cell_len(opening) - cell_len(closing))).rstrip()
    mark = PHASE_MARK.match(kept)
    if not longest or cell_len(kept[mark.end() if mark else 0 :]) < MIN_TITLE_WORDS:
        # no title, or too little of it would stay to tell: the end gives way, and says so
        return set_cell_size(text, max(0, width - 1)).rstrip() + "…"
    return text.replace(longest, opening + kept + "…" + closing, 1)


class ActivityScreen(KeptStyles, TableCursorKeys, Screen[None]):
    CSS_PATH = "activity.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", _l("Back"), id="activity.close"),
        Binding("p", "focus_filter('person')", _l("Person"), id="activity.person"),
        Binding("d", "focus_filter('department')", _l("Department"), id="activity.department"),
        Binding("c", "clear_filters", _l("Clear filters"), id="activity.clear"),
        *vim_bindings("activity"),
    ]

    @property
    def ops_app(self) -> OpsboardApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        store = self.ops_app.store
        self._people = people(store)
        self._people_of = store.generation  # the board in memory they were read from
        self._rows: dict = {}
        self._unreadable: list[str] = []  # ids of entries already said to be unreadable
        self._laid_out_for = 0  # the width the columns were shared for
        self._worded_for = store.generation  # the board in memory its rows were worded from
        yield Header()
        with Horizontal(id="activity-filters"):
            yield Select([(Content(name), name) for name in self._people], prompt=_("Everyone"), id="person")
            yield Select(
                [(Content(name), dept_id) for dept_id, name in department_names(store).items()],
                prompt=_("All departments"),
                id="department",
            )
        yield KeyedTable(id="activity", cursor_type="row", zebra_stripes=True)
        yield Static("", id="activity-detail", markup=False)  # the highlighted change in full
        yield Static("", id="activity-count", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#activity", KeyedTable).focus()

    def reopen(self) -> None:
        """Opened again (kept: tui/kept_screens.py, made at the first `A` or
        ahead) as a new one opens: Everyone, All departments, the newest
        change highlighted and the table focused. Its rows are worded again
        only when the board in memory or the filters changed since (else
        they were, while it was hidden: `redraw`)."""
        self._hidden = False
        if not self._as_opened():
            self._show_detail()
            said, self._unreadable = self._unreadable, []
            self._say_unreadable(said)  # said at each opening, as a new one says it
        self.query_one("#activity", KeyedTable).focus()

    def _as_opened(self) -> bool:
        """Filters cleared, the newest change highlighted, the rows worded
        from the board in memory; True when it had to word them again."""
        cleared = False
        with self.prevent(Select.Changed):
            for name in ("person", "department"):
                select = self.query_one(f"#{name}", Select)
                if select.value is not Select.NULL:
                    select.clear()
                    cleared = True
        table = self.query_one("#activity", KeyedTable)
        table.move_cursor(row=0, animate=False)
        table.scroll_home(animate=False)
        if cleared or self.board_changed_since_drawn():
            self.reload()
            return True
        return False

    # -- kept and hidden: brought up to date in the user's pauses (tui/preparing.py) --
    made_ahead = False  # set by the preparer as on a view; its one notice waits for an opening anyway (_hidden)

    def board_changed_since_drawn(self) -> bool:
        """A save (ours or a teammate's) since its rows were worded: the first
        `A` after saves worded and drew them again (about 50 ms on a five-year
        board)."""
        return self._worded_for != self.ops_app.store.generation

    def settling(self) -> bool:
        """Still adding rows a page at a time (the preparer draws it ahead once all are in)."""
        return getattr(self, "_loader", None) is not None

    _hidden = False  # worded by `redraw`, until its next opening
    _draw_failed = False  # as on a view (the preparer asks): its rows are worded whatever the log holds

    def redraw(self) -> bool:
        """As it will be opened, while hidden: so `A` only shows it."""
        self._hidden = True
        self._as_opened()
        return True

    def on_resize(self) -> None:
        if self.is_mounted and self.size.width != self._laid_out_for:  # the columns share the new width
            self.reload()

    def _filter(self, name: str) -> str | None:
        value = self.query_one(f"#{name}", Select).value
        return None if value is Select.NULL else str(value)

    def _refresh_people(self) -> None:
        """Someone new may have changed the board since the list was made."""
        store = self.ops_app.store
        if store.generation == self._people_of:
            return  # the same log (5,000 entries read once, not at every reload)
        self._people_of = store.generation
        select = self.query_one("#person", Select)
        names = people(store)
        if names == self._people:
            return
        self._people = names
        chosen = select.value
        with self.prevent(Select.Changed):
            select.set_options([(Content(name), name) for name in names])
            if chosen in names:
                select.value = chosen

    def reload(self) -> None:
        """The newest screenful of changes at once, the rest (up to
        ROW_LIMIT) a page at a time after the first frame: a log of 5,000
        entries worded and laid out as rows took a tenth of a second."""
        store = self.ops_app.store
        self._refresh_people()
        self._stop_loading()
        person, department = self._filter("person"), self._filter("department")
        table = self.query_one("#activity", KeyedTable)
        keep = table.cursor_row
        table.clear(columns=True)
        self._laid_out_for = self.size.width
        self._worded_for = store.generation
        self._unreadable_now: list[str] = []
        self._pending = iter_activity_rows(store, person=person, department=department, unreadable=self._unreadable_now)
        self._rows = {}
        self._keep = keep
        # what and before → after share what the fixed columns leave (cell padding: 2 each, the scrollbar 2)
        who = FIXED["by"]
        free = self.size.width - FIXED["at"] - who - 2 * 4 - 2
        if free < 40:  # a narrow window: who as wide as its longest name, no column past the edge
            names = [person] if person else self._people
            who = min(who, max([cell_len(_("Who"))] + [cell_len(name) for name in names]))
            free = max(20, self.size.width - FIXED["at"] - who - 2 * 4 - 2)
        self._what_width = free * 11 // 20
        table.add_column(_("When"), key="at", width=FIXED["at"])
        table.add_column(_("Who"), key="by", width=who)
        table.add_column(_("What"), key="what", width=self._what_width)
        table.add_column(_("Before → after"), key="change", width=free - self._what_width)
        self.query_one("#activity-count", Static).update("")
        self._load_rows(FIRST_PAGE)
        self._show_detail()

    def _load_rows(self, count: int, seconds: float | None = None) -> None:
        """`count` more rows (fewer when `seconds` run out first); then the
        next page after a moment, or the count line once all are in."""
        self._loader = None
        table = self.query_one("#activity", KeyedTable)
        started = time.perf_counter()
        added, more = 0, False
        for row in self._pending:
            what = keep_the_ends(row.what, self._what_width)
            # user text as Text: a title like "[/]" shows literally
            table.add_row(Text(when(row.entry.at, year=False)), Text(row.entry.by), Text(what), Text(row.change), key=row.entry.id)
            self._rows[row.entry.id] = row
            added += 1
            if len(self._rows) >= ROW_LIMIT:
                break
            if added >= count or (seconds is not None and time.perf_counter() - started > seconds):
                more = True
                break
        if self._keep and self._keep < len(self._rows):
            table.move_cursor(row=self._keep)  # where the cursor was before a reload
            self._keep = 0
        if more:
            self._loader = self.set_timer(PAGE_GAP, lambda: self._load_rows(PAGE, PAGE_SECONDS))
            return
        self._pending = iter(())
        if self._keep and self._rows:
            table.move_cursor(row=len(self._rows) - 1)
        self._keep = 0
        self._say_unreadable(self._unreadable_now)
        self._show_count(len(self._rows))

    def _stop_loading(self) -> None:
        loader = getattr(self, "_loader", None)
        if loader is not None:
            loader.stop()
            self._loader = None

    def _say_unreadable(self, unreadable: list[str]) -> None:
        if self._hidden:  # worded while hidden (redraw): said when it is opened (reopen)
            self._unreadable = list(unreadable)
            return
        if unreadable and unreadable != self._unreadable:
            ids = ", ".join(unreadable[:3]) + (", …" if len(unreadable) > 3 else "")
            message = ngettext(
                "{n} entry of the activity log cannot be read and is not shown ({ids})",
                "{n} entries of the activity log cannot be read and are not shown ({ids})",
                len(unreadable),
            ).format(n=len(unreadable), ids=ids)
            self.notify(
                message,
                severity="warning",
                timeout=10,
                markup=False,
            )
        self._unreadable = list(unreadable)

    def _show_count(self, shown: int) -> None:
        if shown == ROW_LIMIT:
            count = _("{count} changes (the newest {limit}) · u undoes your last change, ctrl+r redoes").format(
                count=shown, limit=ROW_LIMIT
            )
        else:
            count = ngettext(
                "{count} change · u undoes your last change, ctrl+r redoes",
                "{count} changes · u undoes your last change, ctrl+r redoes",
                shown,
            ).format(count=shown)
        self.query_one("#activity-count", Static).update(count)

    def _show_detail(self) -> None:
        table = self.query_one("#activity", KeyedTable)
        detail = self.query_one("#activity-detail", Static)
        key = table.current_key()
        if key is None:
            detail.update(_("No changes match these filters."))
            return
        row = self._rows[key]
        detail.update(f"{when(row.entry.at, year=True)} · {row.text}\n{row.change}")

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def on_board_reloaded(self, message: BoardReloaded) -> None:
        self.reload()

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if self.is_mounted:
            self.reload()

    def action_focus_filter(self, name: str) -> None:
        self.query_one(f"#{name}", Select).focus()

    def action_clear_filters(self) -> None:
        for name in ("person", "department"):
            self.query_one(f"#{name}", Select).clear()
        self.query_one("#activity", KeyedTable).focus()

    def cursor_table(self) -> KeyedTable:
        return self.query_one("#activity", KeyedTable)

    def action_close(self) -> None:
        self.dismiss()


def make_ahead(app: App) -> ActivityScreen | None:
    """The activity view made and mounted without being shown
    (tui/preparing.py MADE_AHEAD): the first `A` only shows it. None when
    one is made already (`A` was pressed first)."""
    if is_kept(app, ("view", "activity")):
        return None
    screen = ActivityScreen()
    keep(app, ("view", "activity"), screen)
    app._get_screen(screen)  # registered: composed and mounted as messages
    return screen

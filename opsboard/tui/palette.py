"""The command palette (ctrl+p): every action of every view (switching to
the view when needed), a jump to any department's board, and a search of the
tasks by title that opens the card on its board.

Loaded when the palette first opens, not at start.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from rich.align import Align
from rich.text import Text
from textual.binding import Binding
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.widgets.option_list import Option

from opsboard.i18n import _
from opsboard.store import BoardError, rows

from .key_ids import key_bindings
from .views import VIEWS

if TYPE_CHECKING:
    from .app import OpsboardApp

# moving a cursor or scrolling is what keys are for: not worth a palette line
_MOVES = ("cursor", "scroll", "page", "column(", "jump", "focus", "phase(", "department(")
TASK_HITS = 20


def _view_titles() -> dict[str, str]:
    """The views with a mode of their own (tui/views.py): their actions switch to them first."""
    return {view.name: str(view.title) for view in VIEWS if view.mode}


def _highlight(matcher: Matcher, label: str) -> Content:
    """Matcher.highlight (Textual 8.2.8, pinned) without reading the label as
    markup: a department's name or a task's title is the team's text, and
    '[/]' in it stopped the palette."""
    content = Content(label)
    score, offsets = matcher.fuzzy_search.match(matcher.query, label)
    if not score:
        return content
    for offset in offsets:
        if not label[offset].isspace():
            content = content.stylize(matcher._match_style, offset, offset + 1)
    return content


class _OpsProvider(Provider):
    @property
    def ops_app(self) -> OpsboardApp:
        return self.app  # type: ignore[return-value]


class ViewActions(_OpsProvider):
    """Each view's actions as "Boards: Add" (key shown as help)."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        titles = _view_titles()
        commands: list[tuple[str, str, Callable[[], object]]] = []
        for binding in key_bindings():
            if binding.place not in titles and binding.place != "everywhere":
                continue
            if not binding.description or binding.action.startswith(_MOVES):
                continue
            where = titles.get(binding.place, "")
            label = _("{view}: {action}").format(view=where, action=binding.description) if where else str(binding.description)
            run = partial(self.ops_app.run_in_view, binding.place if where else None, binding.action)
            # ?, ^r: as the footer shows them, not question_mark, ctrl+r
            keys = ",".join(self.app.get_key_display(Binding(key, binding.action)) for key in binding.keys)
            commands.append((label, _("key: {key}").format(key=keys), run))
        return commands

    async def discover(self) -> Hits:
        for label, keys, run in self._commands():
            yield DiscoveryHit(Content(label), run, help=Content(keys))  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, keys, run in self._commands():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, _highlight(matcher, label), run, text=label, help=Content(keys))  # type: ignore[arg-type]


class Departments(_OpsProvider):
    """ "Department: Design" opens its board in view 2."""

    def _departments(self) -> dict[str, str]:
        return rows.department_names(self.ops_app.store)

    async def discover(self) -> Hits:
        for dept_id, name in self._departments().items():
            yield DiscoveryHit(
                Content(_("Department: {name}").format(name=name)),
                partial(self.ops_app.open_department, dept_id),
                help=_("its board in view 2"),
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for dept_id, name in self._departments().items():
            label = _("Department: {name}").format(name=name)
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, _highlight(matcher, label), partial(self.ops_app.open_department, dept_id), text=label)


class TaskSearch(_OpsProvider):
    """Tasks whose title holds what was typed (the first few), opened on their board."""

    async def search(self, query: str) -> Hits:
        wanted = query.strip().casefold()
        if len(wanted) < 2:
            return
        try:
            tasks = self.ops_app.store.tasks()
        except BoardError:
            return
        matcher = self.matcher(query)
        shown = 0
        for task in tasks:
            if wanted in task.title.casefold():
                label = _("Task: {title}").format(title=task.title)
                yield Hit(
                    max(matcher.match(label), 0.1),
                    Content(label),
                    partial(self.ops_app.open_task, task.id),
                    text=label,
                    help=Content(task.owner) if task.owner else None,  # type: ignore[arg-type]
                )
                shown += 1
                if shown >= TASK_HITS:
                    return


def providers() -> set[type[Provider]]:
    return {ViewActions, Departments, TaskSearch}


class OpsCommandPalette(CommandPalette):
    """Textual's palette with its own two phrases in the interface language:
    the search prompt and 'No matches found'."""

    def __init__(self, *, placeholder: str | None = None, **kwargs) -> None:
        super().__init__(placeholder=placeholder or _("Search for commands…"), **kwargs)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's method (8.2.8, pinned) with its words translated
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(_("No matches found"), style="not bold")), disabled=True, id=self._NO_MATCHES)
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def open_palette(app) -> None:
    """ctrl+p: our palette, unless one is open already."""
    if not CommandPalette.is_open(app):
        app.push_screen(OpsCommandPalette(id="--command-palette"))

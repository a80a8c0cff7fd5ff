"""Every key binding a keymap can change — its id, default key, what it
does and where — for `opsboard keys` and for checking a user's keymap.

The places are named as "module:Class" and imported only when asked: by
`opsboard keys`, or just after the first frame when the user has a keymap
(opening the app without one pays nothing).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from opsboard.i18n import _, lazy_pgettext

# place → the class whose bindings apply there (its base classes' too)
PLACES: dict[str, str] = {
    "everywhere": "opsboard.tui.app:OpsboardApp",
    "checklists": "opsboard.tui.screens.checklists:ChecklistsScreen",
    "boards": "opsboard.tui.screens.boards:BoardsScreen",
    "kanban board": "opsboard.tui.widgets.kanban_board:KanbanBoard",
    "targets": "opsboard.tui.screens.targets:TargetsScreen",
    "review": "opsboard.tui.screens.review:ReviewScreen",
    "report table": "opsboard.tui.widgets.report_table:ReportTable",
    "standup": "opsboard.tui.screens.standup:StandupScreen",
    "activity": "opsboard.tui.screens.activity:ActivityScreen",
    "task list": "opsboard.tui.screens.task_list:TaskListScreen",
    "task list rows": "opsboard.tui.widgets.task_list:TaskList",
    "card details": "opsboard.tui.modals.task_details:TaskDetailsScreen",
    "forms": "opsboard.tui.modals.form:FormScreen",
    "confirm": "opsboard.tui.modals.confirm:ConfirmScreen",
    "conflict": "opsboard.tui.modals.conflict:ConflictDialog",
    "stand-up history": "opsboard.tui.modals.standup_history:StandupHistoryScreen",
}
# the places as `opsboard keys` shows them (a keymap names bindings by id, not place)
PLACE_WORDS: dict[str, str] = {
    "everywhere": lazy_pgettext("key place", "everywhere"),
    "checklists": lazy_pgettext("key place", "checklists"),
    "boards": lazy_pgettext("key place", "boards"),
    "kanban board": lazy_pgettext("key place", "kanban board"),
    "targets": lazy_pgettext("key place", "targets"),
    "review": lazy_pgettext("key place", "review"),
    "report table": lazy_pgettext("key place", "report table"),
    "standup": lazy_pgettext("key place", "standup"),
    "activity": lazy_pgettext("key place", "activity"),
    "task list": lazy_pgettext("key place", "task list"),
    "task list rows": lazy_pgettext("key place", "task list rows"),
    "card details": lazy_pgettext("key place", "card details"),
    "forms": lazy_pgettext("key place", "forms"),
    "confirm": lazy_pgettext("key place", "confirm"),
    "conflict": lazy_pgettext("key place", "conflict"),
    "stand-up history": lazy_pgettext("key place", "stand-up history"),
}
# a widget's keys work inside its screen: checked together for clashes
INSIDE: dict[str, str] = {"kanban board": "boards", "report table": "review", "task list rows": "task list"}


@dataclass(frozen=True)
class KeyBinding:
    id: str
    keys: tuple[str, ...]  # the default keys
    description: str
    place: str
    action: str = ""


def _class(target: str) -> Any:
    module, name = target.split(":")
    return getattr(importlib.import_module(module), name)


def key_bindings() -> list[KeyBinding]:
    """Every binding with an id in every place it applies (one a view
    inherits is in each view), in place order."""
    found: dict[tuple[str, str], KeyBinding] = {}
    for place, target in PLACES.items():
        keys: dict[str, list[str]] = {}
        descriptions: dict[str, str] = {}
        actions: dict[str, str] = {}
        for key, bindings in _class(target)._merge_bindings().key_to_bindings.items():
            for binding in bindings:
                if binding.id:
                    keys.setdefault(binding.id, []).append(key)
                    descriptions[binding.id] = binding.description
                    actions[binding.id] = binding.action
        for binding_id, binding_keys in keys.items():
            found[(binding_id, place)] = KeyBinding(binding_id, tuple(binding_keys), descriptions[binding_id], place, actions[binding_id])
    return list(found.values())


def key_ids(bindings: list[KeyBinding] | None = None) -> list[KeyBinding]:
    """Each id once, with the places it applies joined: what `opsboard keys` lists."""
    merged: dict[str, KeyBinding] = {}
    for binding in key_bindings() if bindings is None else bindings:
        seen = merged.get(binding.id)
        merged[binding.id] = (
            binding if seen is None else KeyBinding(binding.id, seen.keys, seen.description, f"{seen.place}, {binding.place}")
        )
    return list(merged.values())


def keymap_problems(keymap: Mapping[str, str], bindings: list[KeyBinding] | None = None) -> list[str]:
    """One line per unknown id, and per key the keymap binds twice in one
    place (the second action would never run)."""
    bindings = key_bindings() if bindings is None else bindings
    known = {b.id for b in bindings}
    problems = [_("keymap: unknown id '{id}' (`opsboard keys` lists them)").format(id=key_id) for key_id in keymap if key_id not in known]
    for place in PLACES:
        if place == "everywhere":
            continue
        scope = {place, "everywhere", INSIDE.get(place, place)}
        final: dict[str, list[str]] = {}
        for binding in bindings:
            if binding.place in scope:
                for key in keymap[binding.id].split(",") if binding.id in keymap else binding.keys:
                    final.setdefault(key.strip(), []).append(binding.id)
        for key, ids in final.items():
            ids = list(dict.fromkeys(ids))
            if len(ids) > 1 and any(i in keymap for i in ids):
                line = _("keymap: '{key}' is bound to both {first} and {second}; only one of them can run").format(
                    key=key, first=ids[0], second=ids[1]
                )
                if line not in problems:
                    problems.append(line)
    return problems

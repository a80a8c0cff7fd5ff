"""Checklist actions: progress per phase, toggle, skip, edit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from opsboard import model as models
from opsboard.i18n import _  # pydantic loads on first use, not with this module
from opsboard.model import PHASES, ItemStatus, OpKind, Phase, Table, TaskStatus
from opsboard.model.clock import now
from opsboard.store import BoardStore

from .departments import department_names
from .errors import FieldErrors, InputError
from .parsing import parse_date

if TYPE_CHECKING:
    from collections.abc import Iterable

    from opsboard.model import ChecklistItem
    from opsboard.store.rows import ChecklistRow


@dataclass(frozen=True)
class PhaseProgress:
    phase: Phase
    items: list[ChecklistItem] | list[ChecklistRow]
    done: int
    skipped: int

    @property
    def total(self) -> int:
        """Items that apply (skipped ones do not count)."""
        return len(self.items) - self.skipped

    @property
    def ratio(self) -> float:
        return self.done / self.total if self.total else 1.0


def phase_progress(store: BoardStore) -> list[PhaseProgress]:
    """The four phases in order, each with its items in playbook order."""
    return progress_by_phase(store.checklist())


def progress_by_phase(items: Iterable[ChecklistItem] | Iterable[ChecklistRow]) -> list[PhaseProgress]:
    """As phase_progress, for items already read (view 1 draws plain rows:
    see opsboard/store/rows.py)."""
    by_phase: dict[Phase, list[Any]] = {phase: [] for phase in PHASES}
    for item in items:
        by_phase[item.phase].append(item)
    result = []
    for phase, phase_items in by_phase.items():
        phase_items.sort(key=lambda i: (i.order, i.code))
        done = sum(i.status is ItemStatus.DONE for i in phase_items)
        skipped = sum(i.status is ItemStatus.SKIPPED for i in phase_items)
        result.append(PhaseProgress(phase, phase_items, done, skipped))
    return result


def checklist_task_progress(store: BoardStore) -> dict[str, tuple[int, int]]:
    """Checklist item id → (tasks done, tasks) for items that have tasks.
    Read from the stored documents (two fields each): view 1 opens first and
    must not wait for 10,000 tasks to be validated."""
    progress: dict[str, tuple[int, int]] = {}
    for doc in store.raw(Table.TASKS).values():
        item = doc.get("checklist_item")
        if item:
            done, total = progress.get(item, (0, 0))
            progress[item] = (done + (doc.get("status") == TaskStatus.DONE.value), total + 1)
    for item, count in store.archived_item_counts().items():  # done tasks in the archive still count
        done, total = progress.get(item, (0, 0))
        progress[item] = (done + count, total + count)
    return progress


def task_progress_label(done: int, total: int) -> str:
    """'tasks 2/3'"""
    return f"tasks {done}/{total}"


def _set_status(store: BoardStore, item: ChecklistItem, status: ItemStatus, label: str) -> ChecklistItem:
    """`item`: as the user saw it, so a teammate's status change since is a
    conflict rather than silently flipped back."""
    after: dict[str, Any] = {"status": status.value}
    before: dict[str, Any] = {"status": item.status.value}
    if status in (ItemStatus.DONE, ItemStatus.SKIPPED):  # who closed it, either way ("Skipped by …")
        after |= {"done_at": now().isoformat(), "done_by": store.user}
    else:
        after |= {"done_at": None, "done_by": ""}
    store.apply(models.Operation(kind=OpKind.SET, table=Table.CHECKLIST, doc_id=item.id, after=after, before=before, label=label))
    return store.item(item.id)


def toggle_item(store: BoardStore, item_id: str, *, seen: ChecklistItem | None = None) -> ChecklistItem:
    """Open ↔ done (a skipped item becomes done). `seen`: the item as shown."""
    item = _shown(store, item_id, seen)
    status = ItemStatus.OPEN if item.status is ItemStatus.DONE else ItemStatus.DONE
    return _set_status(store, item, status, "done" if status is ItemStatus.DONE else "reopen")


def skip_item(store: BoardStore, item_id: str, *, seen: ChecklistItem | None = None) -> ChecklistItem:
    """Skipped (not applicable) ↔ open. `seen`: the item as shown."""
    item = _shown(store, item_id, seen)
    status = ItemStatus.OPEN if item.status is ItemStatus.SKIPPED else ItemStatus.SKIPPED
    return _set_status(store, item, status, "skip" if status is ItemStatus.SKIPPED else "reopen")


def _shown(store: BoardStore, item_id: str, seen: ChecklistItem | None) -> ChecklistItem:
    current = store.item(item_id)  # NotFoundError when it is gone
    return seen if seen is not None else current


def edit_item(
    store: BoardStore,
    item_id: str,
    *,
    owner: str | None = None,
    due: str | date | None = None,
    notes: str | None = None,
    department: str | None = None,
    seen: ChecklistItem | None = None,
) -> ChecklistItem:
    """Change owner, due date, notes or department; None leaves a field as is.
    Bad values raise FieldErrors naming every bad field; nothing is saved.
    `seen`: the item as the form showed it, saved as `before`, so a teammate's
    save of the same field since is a conflict (as for tasks), not overwritten."""
    item = _shown(store, item_id, seen)
    errors: dict[str, str] = {}
    changes: dict[str, Any] = {}
    if owner is not None:
        changes["owner"] = owner
    if notes is not None:
        changes["notes"] = notes
    if due is not None:  # "" clears the date
        try:
            changes["due"] = due if isinstance(due, date) else parse_date(due, field="")
        except InputError as error:
            errors["due"] = str(error)
    if department is not None:
        names = department_names(store)
        if department not in names:
            errors["department"] = _("unknown department '{name}' (valid: {valid})").format(
                name=department, valid=", ".join(names.values())
            )
        else:
            changes["department"] = department
    if errors:
        raise FieldErrors(errors)
    try:
        updated = item.model_copy(update={}).model_validate({**item.model_dump(), **changes})
    except ValueError as error:
        raise FieldErrors({"item": str(error)}) from None
    new = updated.model_dump(mode="json", include=set(changes))
    old = item.model_dump(mode="json", include=set(changes))
    new = {k: v for k, v in new.items() if v != old[k]}
    if new:
        store.apply(
            models.Operation(
                kind=OpKind.SET,
                table=Table.CHECKLIST,
                doc_id=item.id,
                after=new,
                before={k: old[k] for k in new},
                label="edit",
            )
        )
    return store.item(item.id)


def checklist_item_choices(store: BoardStore, department: str) -> list[ChecklistItem]:
    """The items a task can serve, as every task form lists them: the
    department's own first, then the others, each in playbook order."""
    return sorted(store.checklist(), key=lambda i: (i.department != department, PHASES.index(i.phase), i.order, i.code))

"""The board's roster: who tasks are given to, adding and renaming a person,
and each person's load (open, overdue, due today).

A task's owner stays plain text (a name from the roster, or anything a script
wrote); the roster is what completion offers and what renaming follows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from opsboard.i18n import _, _l
from opsboard.model import TASK_COLUMNS, Operation, OpKind, Person, Table, Task, TaskStatus
from opsboard.model.cleaning import line_field
from opsboard.model.ids import new_id
from opsboard.store import BoardStore
from opsboard.store.archiving import ARCHIVE_KEY, EDIT, OWNER_COUNTS, archive_direction

from .archived_tasks import archived_tasks
from .departments import resolve_department
from .errors import InputError
from .task_filter import ONLY, TaskFilter

NAME_HELP = _l("a short name such as 'wang': it is what a task's owner holds")


@dataclass
class PersonLoad:
    """A person's cards per column, overdue and due today (the overview's row)."""

    person: Person
    counts: dict[TaskStatus, int] = field(default_factory=lambda: {s: 0 for s in TASK_COLUMNS})
    overdue: int = 0
    due_today: int = 0

    @property
    def open(self) -> int:
        return sum(n for status, n in self.counts.items() if status is not TaskStatus.DONE)


def list_people(store: BoardStore) -> list[Person]:
    return store.people()


def owner_names(store: BoardStore) -> list[str]:
    """What an owner field completes from: every roster name."""
    return [p.name for p in store.people()]


def find_person(store: BoardStore, text: str) -> Person | None:
    """By name or display name, ignoring case and extra spaces."""
    wanted = " ".join(text.split()).casefold()
    for person in store.people():
        if wanted in (person.name.casefold(), person.display_name.casefold()):
            return person
    return None


def _clean_name(text: str) -> str:
    """As the roster and the tasks will hold it (control characters replaced)."""
    name = line_field(str(text))
    if not name:
        raise InputError(_("a person needs a name (a short name such as 'wang': it is what a task's owner holds)"))
    return name


def _refuse_taken(store: BoardStore, name: str, other_than: Person | None = None) -> None:
    for person in store.people():
        if person.name.casefold() == name.casefold() and (other_than is None or person.id != other_than.id):
            raise InputError(_("'{name}' is already on the roster").format(name=person.name))


def add_person(store: BoardStore, name: str, *, display_name: str = "", department: str | None = None) -> Person:
    """A new teammate on the roster; InputError (nothing saved) for an empty
    or taken name or an unknown department."""
    name = _clean_name(name)
    _refuse_taken(store, name)
    dept_id = resolve_department(store, department).id if department else None
    person = Person(id=new_id("p"), name=name, display_name=" ".join(display_name.split()), department=dept_id)
    store.apply(Operation(kind=OpKind.ADD, table=Table.PEOPLE, doc_id=person.id, after=person.to_doc(), label="add"))
    return person


@dataclass(frozen=True)
class RenamePreview:
    """What a rename would change, before it is saved: the app's question
    says it ('3 tasks on the board and 2 archived ones change owner')."""

    person: Person
    changes: dict[str, str]  # the roster fields that change: name, display_name
    live: int  # tasks on the board that change owner
    archived: int  # done tasks in the archive that change owner (as the board keeps count)


def rename_preview(store: BoardStore, old: str, new: str, *, display_name: str | None = None) -> RenamePreview:
    """The rename checked, not saved: InputError for an unknown person, an
    empty or taken new name. The archived tasks are counted as the board
    keeps count (the archive is not read)."""
    person = find_person(store, old)
    if person is None:
        raise InputError(_("no one called '{old}' on the roster (see `opsboard people list`)").format(old=old))
    name = _clean_name(new)
    _refuse_taken(store, name, other_than=person)
    changes: dict[str, str] = {}
    if name != person.name:
        changes["name"] = name
    if display_name is not None and " ".join(display_name.split()) != person.display_name:
        changes["display_name"] = " ".join(display_name.split())
    if "name" not in changes:
        return RenamePreview(person, changes, 0, 0)
    key = person.name.casefold()
    live = sum(1 for t in store.tasks() if t.owner.casefold() == key)
    return RenamePreview(person, changes, live, archived_done_by_owner(store).get(key, 0))


def rename_person(store: BoardStore, old: str, new: str, *, display_name: str | None = None) -> tuple[Person, int]:
    """Rename a person and every task they own, on the board and in its
    archive of done tasks, as one save (one undo). Returns the person as
    saved and how many tasks changed owner."""
    preview = rename_preview(store, old, new, display_name=display_name)
    person, after = preview.person, preview.changes
    if not after:
        return person, 0
    ops = [
        Operation(
            kind=OpKind.SET,
            table=Table.PEOPLE,
            doc_id=person.id,
            after=after,
            before={k: getattr(person, k) for k in after},
            label="rename",
        )
    ]
    if "name" in after:
        name = after["name"]
        old_key = person.name.casefold()
        ops += [
            Operation(kind=OpKind.SET, table=Table.TASKS, doc_id=t.id, after={"owner": name}, before={"owner": t.owner}, label="edit")
            for t in store.tasks()
            if t.owner.casefold() == old_key
        ]
        archived = _archived_of(store, old_key)
        if archived:  # last: the archive is written (as a move is) just before the board is saved
            ops.append(
                Operation(
                    kind=OpKind.REPLACE,
                    table=Table.TASKS,
                    after={ARCHIVE_KEY: EDIT, "tasks": {i: {"owner": name} for i in archived}},
                    label="edit",
                )
            )
    entries = store.apply(*ops)
    moved = sum(1 for e in entries if e.table is Table.TASKS and e.kind is OpKind.SET)
    moved += sum(int(e.after.get("count", 0)) for e in entries if archive_direction(e.kind, e.table, e.after) == EDIT)
    return find_person(store, after.get("name", person.name)) or person, moved


def _archived_of(store: BoardStore, owner_key: str) -> list[str]:
    """Ids of the archived tasks `owner_key` (case folded) owns (a rename is
    rare: reading the archive for it is fine)."""
    if not store.archive_path.exists():
        return []
    chosen = TaskFilter(terms=(("owner", (owner_key,)),), archived=ONLY)
    return [t.id for t in archived_tasks(store, chosen).tasks if t.owner.casefold() == owner_key]


def archived_done_by_owner(store: BoardStore) -> dict[str, int]:
    """Owner (case folded) → their done tasks in the archive, as the board keeps count."""
    return store.archived_item_counts(OWNER_COUNTS)


def people_load(
    people: Sequence[Person], tasks: Iterable[Task], day: date, archived_done: Mapping[str, int] | None = None
) -> list[PersonLoad]:
    """Per roster person, in roster order: their cards per column, overdue,
    due today (owners matched ignoring case). One pass over the tasks.
    `archived_done`: owner (case folded) → their done tasks in the archive,
    counted in Done (`archived_done_by_owner`)."""
    loads = {p.name.casefold(): PersonLoad(p) for p in people}
    for owner, count in (archived_done or {}).items():
        if owner in loads:
            loads[owner].counts[TaskStatus.DONE] += count
    done = TaskStatus.DONE
    for task in tasks:
        load = loads.get(task.owner.casefold())
        if load is None:
            continue
        load.counts[task.status] += 1
        if task.due is not None and task.status is not done:
            if task.due < day:
                load.overdue += 1
            elif task.due == day:
                load.due_today += 1
    return list(loads.values())

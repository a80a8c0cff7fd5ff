"""Done tasks in the archive beside the board (store/task_archive.py), read
only when something asks for them: a filter with `archived:yes` or
`archived:only`, an export or `task list` with `--include-archived`, a task
looked up by its id. The board itself never waits for the archive.

A filter first looks for its words in each archived line's text (a cheap
pass over the raw lines), then validates only the candidates and applies
the real filter: a search through 95,000 archived tasks answers in well under
a second. Lines and validated tasks are cached until the archive changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from opsboard import model as models  # pydantic loads on first use, not with this module
from opsboard.i18n import _, ngettext
from opsboard.i18n.formats import number
from opsboard.model import OpKind, Table, TaskStatus
from opsboard.model.clock import today
from opsboard.store import BoardError, BoardStore
from opsboard.store.archiving import DAYS_FIELD, MAX_ARCHIVE_DAYS
from opsboard.store.task_archive import ArchiveContents

from .archived_lines import ArchivedJson, ArchivedLine, JsonBoard, read_json_lines, read_line
from .errors import InputError
from .task_fields import tag_has_synonyms
from .task_filter import ALL, ONLY, TaskFilter, select

if TYPE_CHECKING:
    from opsboard.model import Task

SETTINGS_LABEL = "settings"
VALID_KEPT = 25_000  # archived tasks kept validated between searches (a few KB each)  # the setting's operation label in the activity log (a word for code)


@dataclass
class ArchivedTasks:
    tasks: list[Task] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # lines or tasks skipped, one message each


# per archive read (the store's cache hands out the same contents until the
# file changes): task id → its casefolded line, and the tasks validated so far
_texts: dict[int, tuple[ArchiveContents, dict[str, str], dict[str, Task]]] = {}


def _cached(contents: ArchiveContents) -> tuple[dict[str, str], dict[str, Task]]:
    hit = _texts.get(id(contents))
    if hit is not None and hit[0] is contents:
        return hit[1], hit[2]
    _texts.clear()
    texts: dict[str, str] = {}
    valid: dict[str, Task] = {}
    _texts[id(contents)] = (contents, texts, valid)
    return texts, valid


def _task(contents: ArchiveContents, task_id: str) -> Task:
    """The archived task, validated straight from its JSON (faster than
    parsing it to a dict first); a hand-edited line the long way."""
    cut = contents.task_json(task_id)
    if cut is not None:
        try:
            return models.Task.model_validate_json(cut)
        except ValueError:
            pass  # said below, from the whole line
    doc = contents.doc(task_id)
    if doc is None:
        raise ValueError(_("not a task"))
    return models.Task.model_validate(doc)


def _validated(
    store_path: object, contents: ArchiveContents, ids: Iterable[str], valid: dict[str, Task], problems: list[str]
) -> list[Task]:
    found = []
    for task_id in ids:
        task = valid.get(task_id)
        if task is None:
            try:
                task = _task(contents, task_id)
            except ValueError as error:  # orjson's and pydantic's errors are ValueErrors
                problem = _("{path}: archived task '{id}' is not valid ({error}); skipped (the file is left as it is)").format(
                    path=store_path, id=task_id, error=" ".join(str(error).split())[:120]
                )
                problems.append(problem)
                if problem not in contents.problems:  # said once per command (board_files.archive_notices)
                    contents.problems.append(problem)
                continue
            if len(valid) >= VALID_KEPT:
                valid.clear()  # bounded: browsing every department keeps a few thousand tasks, not 95,000
            valid[task_id] = task
        found.append(task)
    return found


def archived_tasks(store: BoardStore, chosen: TaskFilter | None = None, *, department: str | None = None) -> ArchivedTasks:
    """The archived tasks `chosen` matches (all of them without a filter);
    `department`: that department's only (view 2's columns: a tenth of the
    archive validated, not all of it)."""
    contents = store.archived()
    chosen = chosen or TaskFilter()
    for seen, asked, answer in _answers:
        if seen is contents and asked == (chosen, department):
            return answer  # view 2 asks again on every redraw of the same filter
    result = _search(store, contents, chosen, department)
    _answers[:] = [(contents, (chosen, department), result), *_answers[:1]]
    return result


# the last two searches: (the archive as read, (the filter, the department), what it found)
_answers: list[tuple[ArchiveContents, tuple[TaskFilter, str | None], ArchivedTasks]] = []

# A line as task_archive writes it (orjson, the task last, its fields in the
# model's order): the task's department and status read from its bytes by one
# match. The first "department" key after "task" is the task's (a quote
# inside a value is escaped).
_FACTS = re.compile(rb'\{"id":"[^"\\]*","kind":"moved".*?,"task":\{.*?"department":"([^"\\]*)".*?"status":"([a-z]*)"')
_facts_of: list[tuple[ArchiveContents, dict[str, tuple[str, str] | None]]] = []


def _facts(contents: ArchiveContents) -> dict[str, tuple[str, str] | None]:
    """Task id → (department, status) read from its line as written (None:
    a line written otherwise: validate it); worked out once per archive read."""
    if _facts_of and _facts_of[0][0] is contents:
        return _facts_of[0][1]
    match = _FACTS.match
    facts: dict[str, tuple[str, str] | None] = {}
    for task_id, line in contents.lines.items():
        found = match(line)
        facts[task_id] = (found[1].decode("utf-8", "replace"), found[2].decode()) if found is not None else None
    _facts_of[:] = [(contents, facts)]
    return facts


def archived_status_counts(store: BoardStore, chosen: TaskFilter) -> tuple[dict[str, int], list[Task]] | None:
    """For a filter that asks for the archive and nothing else (no words,
    no fields): per department the archived done tasks, counted from the
    lines as written without validating 95,000 tasks (view 2's overview:
    a fraction of the time, and the memory of no task models), plus the few
    tasks that must be validated to be counted (a line written by hand, a
    status not done). None for any other filter: search it (archived_tasks)."""
    if chosen.words or chosen.terms or not chosen.archived:
        return None
    contents = store.archived()
    counts: dict[str, int] = {}
    others = []
    for task_id, fact in _facts(contents).items():
        if fact is None or fact[1] != TaskStatus.DONE.value:
            others.append(task_id)
        else:
            counts[fact[0]] = counts.get(fact[0], 0) + 1
    _texts_unused, valid = _cached(contents)
    return counts, _validated(store.archive_path, contents, others, valid, [])


def _search(store: BoardStore, contents: ArchiveContents, chosen: TaskFilter, department: str | None = None) -> ArchivedTasks:
    result = ArchivedTasks(problems=list(contents.problems))
    if chosen.values("due"):  # a done task is never due
        return result
    texts, valid = _cached(contents)
    tags = [str(value) for value in chosen.values("tag") if not tag_has_synonyms(str(value))]  # 目标 may be stored as target
    needles = [*chosen.words, *(str(value) for value in chosen.values("owner")), *tags]
    ids: Sequence[str] = list(contents.lines)
    if department is not None:  # a line in another department as written is not looked at; any other line is
        facts = _facts(contents)
        ids = [task_id for task_id in ids if facts[task_id] is None or facts[task_id][0] == department]  # type: ignore[index]
    plain = [needle for needle in needles if needle.isascii() and needle.isprintable() and '"' not in needle and "\\" not in needle]
    if plain and not texts:  # the lines' bytes as written, any case: no text made of each line
        found = [re.compile(re.escape(needle.encode()), re.IGNORECASE).search for needle in plain]
        ids = [task_id for task_id, line in contents.lines.items() if all(search(line) for search in found)]
        needles = [needle for needle in needles if needle not in plain]
    if needles:
        if len(texts) != len(contents.lines):
            texts.update((task_id, line.decode("utf-8", "replace").casefold()) for task_id, line in contents.lines.items())
        ids = [task_id for task_id in ids if all(needle in texts[task_id] for needle in needles)]
    # a prefilter only (it may let through a line whose other fields hold the words): the filter decides
    candidates = _validated(store.archive_path, contents, ids, valid, result.problems)
    result.tasks = select(chosen, candidates, today())
    return result


def with_archived(store: BoardStore, chosen: TaskFilter, tasks: Iterable[Task], *, department: str | None = None) -> list[Task]:
    """The live tasks and, when the filter asks for it, the archived ones
    it matches (only those, for `archived:only`); `department`: the archived
    ones of that department only (the live ones are the caller's to narrow)."""
    live = list(tasks) if chosen.archived != ONLY else []
    if chosen.archived not in (ALL, ONLY):
        return live
    return [*live, *archived_tasks(store, chosen, department=department).tasks]


def archived_lines(store: BoardStore, department: str | None = None) -> list[ArchivedLine | Task]:
    """Every archived task (of `department` only: others as written are not
    looked at), for `task list`: as its line holds it when that is exactly
    what validating it gives (archived_lines.py), else validated — a damaged
    one skipped and said once, as archived_tasks does. In the archive's order;
    nothing kept: 95,000 tasks listed without 95,000 models."""
    contents = store.archived()
    ids: Iterable[str] = contents.lines
    if department is not None:
        facts = _facts(contents)
        ids = [task_id for task_id in ids if facts[task_id] is None or facts[task_id][0] == department]  # type: ignore[index]
    found: list[ArchivedLine | Task] = []
    lines = contents.lines
    for task_id in ids:
        read = read_line(lines[task_id])
        if read is None:
            found += _validated(store.archive_path, contents, [task_id], {}, [])
        else:
            found.append(read)
    return found


def archived_json(
    store: BoardStore, department: str | None, board: JsonBoard, first: int
) -> tuple[list[ArchivedJson], list[tuple[int, Task]]]:
    """archived_lines for `task list --json`: the tasks read from their lines
    (read_json_lines: `board` and `first` are its), and the others
    validated (a damaged one skipped and said), each with its line's number."""
    contents = store.archived()
    lines = contents.lines
    ids = list(lines)
    if department is None:
        read, unread = read_json_lines(list(lines.values()), board, first)
    else:
        facts = _facts(contents)
        ids = [task_id for task_id in ids if facts[task_id] is None or facts[task_id][0] == department]  # type: ignore[index]
        read, unread = read_json_lines([lines[task_id] for task_id in ids], board, first, department.encode("utf-8", "surrogatepass"))
    validated = [(number, task) for number in unread for task in _validated(store.archive_path, contents, [ids[number - first]], {}, [])]
    return read, validated


def find_archived(store: BoardStore, task_id: str) -> Task | None:
    """A task in the archive by its id (None: not there)."""
    contents = store.archived()
    if task_id not in contents.lines:
        return None
    _texts_unused, valid = _cached(contents)
    found = _validated(store.archive_path, contents, [task_id], valid, [])
    return found[0] if found else None


def check_archive(store: BoardStore) -> str | None:
    """`opsboard check` on the archive beside the board: every line read and
    every archived task validated (one at a time, none kept: the memory of
    one task, not of 95,000). A one-line summary (None: no archive), or
    BoardError naming the first damaged line and how many more there are."""
    if not store.archive_path.exists():
        return None
    contents = store.archived()  # InputFileError (one line) when it cannot be read
    problems = list(contents.problems)
    contents.problems.clear()  # said here, not again as the command's closing notice
    for task_id in contents.lines:
        try:
            _task(contents, task_id)
        except ValueError as error:  # orjson's and pydantic's errors are ValueErrors
            problems.append(
                _("{path}: archived task '{id}' is not valid ({error})").format(
                    path=store.archive_path, id=task_id, error=" ".join(str(error).split())[:120]
                )
            )
    if problems:
        count = len(problems) - 1
        if not count:
            raise BoardError(problems[0])
        raise BoardError(
            ngettext("{problem} (and {count} more)", "{problem} (and {count} more)", count).format(problem=problems[0], count=number(count))
        )
    count = len(contents.lines)
    return ngettext("{path}: OK — {count} archived task", "{path}: OK — {count} archived tasks", count).format(
        path=store.archive_path, count=number(count)
    )


def parse_archive_days(days: int | str) -> int:
    """0–3650 days, or InputError saying so."""
    text = str(days).strip()
    if not text.isdigit() or int(text) > MAX_ARCHIVE_DAYS:
        raise InputError(_("'{days}' is not a number of days (0 to {most}; 0 never archives)").format(days=days, most=MAX_ARCHIVE_DAYS))
    return int(text)


def set_archive_days(store: BoardStore, days: int | str) -> int:
    """The board's archive age: done tasks finished and unchanged this many
    days move to the archive at the next save (0: never). InputError and
    nothing saved for anything but 0–3650."""
    value = parse_archive_days(days)
    if value != store.archive_days():
        stored = store.raw(Table.META).get("meta", {}).get(DAYS_FIELD)  # None: never set, the default
        store.apply(
            models.Operation(
                kind=OpKind.SET,
                table=Table.META,
                doc_id="meta",
                after={DAYS_FIELD: value},
                before={DAYS_FIELD: stored},
                label=SETTINGS_LABEL,
            )
        )
    return value

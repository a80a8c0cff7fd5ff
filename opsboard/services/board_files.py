"""Creating, finding, opening and checking board files."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import orjson
from platformdirs import user_data_path

from opsboard import model as models  # pydantic loads on first use, not with this module
from opsboard.i18n import _, ngettext, use_board_language
from opsboard.i18n import language as current_language
from opsboard.i18n.formats import number
from opsboard.model import Language
from opsboard.model.clock import today
from opsboard.store import BoardError, BoardStore, rows
from opsboard.store.input_files import BOARD_LIMIT, read_input_file
from opsboard.store.task_archive import read_so_far

from .errors import InputError

_PACKAGE = Path(__file__).resolve().parent.parent
# In a checkout (and an editable install) the sample lives in sample_data/;
# a wheel carries it inside the package (see pyproject's force-include).
SAMPLE_DATA = next(
    (p for p in (_PACKAGE.parent / "sample_data", _PACKAGE / "sample_data") if p.is_dir()),
    _PACKAGE.parent / "sample_data",
)
DEMO_BOARD = SAMPLE_DATA / "demo_board.json"


def default_board_path() -> Path:
    """The per-user board under the platform's data folder."""
    return user_data_path("opsboard", appauthor=False) / "board.json"


def init_board(
    path: str | Path,
    *,
    user: str,
    language: str | None = None,
    name: str | None = None,
    year: int | None = None,
) -> BoardStore:
    """A new board from the template: the four phases' checklists and the
    departments, in `language` (default: the interface's)."""
    from opsboard.templates import LANGUAGES, load_template  # data files: read only to make a board

    language = language or current_language()
    if language not in LANGUAGES:
        raise InputError(_("unknown language '{language}' (choose en or zh)").format(language=language))
    if year is not None and not 2000 <= year <= 2100:
        raise InputError(_("year: {year} is not a plan year (2000-2100)").format(year=year))
    path = Path(path)
    if path.exists():
        raise InputError(_("{path}: a file is already there; choose another name").format(path=path))
    if not path.parent.exists():
        raise InputError(_("{parent}: no such folder").format(parent=path.parent))
    template = load_template(language)
    meta = models.BoardMeta(
        name=name or template.board_name,
        language=Language(language),
        year=year or today().year,
        currency="CNY",
    )
    return BoardStore.create(path, user=user, meta=meta, departments=template.departments, checklist=template.checklist)


# the boards a command opened, for its closing notices (archive_notices); the
# last few only, so a long-running caller does not keep every board it opened
_opened: list[BoardStore] = []
_OPENED_KEPT = 4


def open_board(path: str | Path, *, user: str) -> BoardStore:
    """The board, and its language spoken from now on (unless `--ui-lang` or
    OPSBOARD_LANG chose one)."""
    store = BoardStore(Path(path), user=user)
    _opened.append(store)
    del _opened[:-_OPENED_KEPT]
    try:
        use_board_language(rows.board_language(store))
    except BoardError:
        pass  # an unreadable board: the call that needs it raises, in the locale's language
    return store


def speak_language_of(path: str | Path) -> None:
    """Speak the language of the board at `path`, read without opening it:
    `restore` lists backups of a board that may be damaged, old or gone."""
    try:
        meta = orjson.loads(read_input_file(path, what="board", limit=BOARD_LIMIT))["meta"]["meta"]
        use_board_language(str(meta.get("language", "en")))
    except (BoardError, orjson.JSONDecodeError, KeyError, TypeError, AttributeError):
        pass  # the locale's language, then


def open_or_create_default(user: str) -> tuple[BoardStore, str | None]:
    """The per-user default board, created from the template on first run.
    Returns the store and a one-line notice when it was just created."""
    path = default_board_path()
    if path.exists():
        return open_board(path, user=user), None
    path.parent.mkdir(parents=True, exist_ok=True)
    return init_board(path, user=user), _("Created your board at {path}").format(path=path)


def demo_copy() -> Path:
    """A fresh temporary copy of the sample board (the sample itself is never
    opened), in a folder named for this process; the folders of demos whose
    process is gone (killed, the machine switched off) are cleared first."""
    sweep_stale_demos()
    folder = Path(tempfile.mkdtemp(prefix=f"opsboard-demo-{os.getpid()}-"))
    target = folder / "demo.json"
    shutil.copyfile(DEMO_BOARD, target)
    return target


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process (PermissionError) or a platform without signals: leave it
        return True
    return True


def sweep_stale_demos(temp: Path | None = None) -> None:
    """Discard the demo folders (`opsboard-demo-<pid>-…`) this user's demos
    left when their process ended without cleaning up; what the user
    exported there stays, as `discard_demo` keeps it."""
    for folder in (temp or Path(tempfile.gettempdir())).glob("opsboard-demo-*-*"):
        pid = folder.name.split("-")[2]
        try:
            if not pid.isdigit() or _running(int(pid)) or not folder.is_dir() or folder.is_symlink():
                continue
            if hasattr(os, "getuid") and folder.stat().st_uid != os.getuid():
                continue  # another user's demo
            discard_demo(folder / "demo.json")
        except OSError:
            continue  # gone meanwhile, or not ours to touch


def discard_demo(board: Path) -> list[Path]:
    """Remove a demo board and its own files (backups, lock, archive) when
    the demo ends, and its folder when nothing else is in it. Returns what
    the user put there (an export, say): kept, with the folder."""
    folder = board.parent
    if not folder.name.startswith("opsboard-demo-"):
        return []  # not a folder demo_copy made
    for entry in folder.iterdir():
        if entry.name.startswith((board.name, f".{board.name}")):
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
    kept = sorted(folder.iterdir())
    if not kept:
        folder.rmdir()
    return kept


def check_board(path: str | Path, *, user: str) -> str:
    """Validate the file and every document; a one-line summary, or BoardError."""
    store = open_board(path, user=user)
    problems = store.validate_all()
    if problems:
        first = _("{path}: {problem}").format(path=store.path, problem=problems[0])
        count = len(problems) - 1
        if count:
            first = ngettext("{problem} (and {count} more)", "{problem} (and {count} more)", count).format(
                problem=first, count=number(count)
            )
        raise BoardError(first)
    meta = store.meta()
    return _("{path}: OK — '{name}', {tasks}, {items}, revision {revision}").format(
        path=store.path, name=meta.name, tasks=_tasks(len(store.tasks())), items=_items(len(store.checklist())), revision=store.revision
    )


def _items(n: int) -> str:
    return ngettext("{n} checklist item", "{n} checklist items", n).format(n=n)


def _tasks(n: int) -> str:
    return ngettext("{n} task", "{n} tasks", n).format(n=n)


def path_for_commands(path: Path) -> str:
    """The board's path as a command to copy should name it: relative to the
    current folder when the board is inside it (as it was likely typed)."""
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def forget_opened_boards() -> None:
    """A new command starts: the boards an earlier one opened in this
    process (a test's, the app's: it says its own notices) are not its to
    report on; one since deleted (a demo's) would fail its notices."""
    _opened.clear()


def archive_notices() -> list[str]:
    """What the saves of the boards opened since the last call did with the
    archive of done tasks: how many moved there, or why none could."""
    notices = []
    opened = list(_opened)
    _opened.clear()
    for store in opened:
        if store.archived_in_all:
            notices.append(
                ngettext(
                    "{path}: {count} done task unchanged for {days} days moved to {archive}",
                    "{path}: {count} done tasks unchanged for {days} days moved to {archive}",
                    store.archived_in_all,
                ).format(path=store.path, count=number(store.archived_in_all), days=store.archive_days(), archive=store.archive_path.name)
            )
        if store.archive_problem:
            notices.append(store.archive_problem)
        contents = read_so_far(store.path)  # only when the command read the archive
        if contents is not None:
            notices.extend(contents.problems)
    return notices

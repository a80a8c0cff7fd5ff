"""The archive of done tasks beside the board (issue 17, part 3): moves,
undo, a teammate's change, migration and the order of the two writes, each
checked in the saved files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import orjson
import pytest
from store_helpers import add_task, make_board, set_task

from opsboard.services import undo
from opsboard.services.activity import describe, describe_change
from opsboard.services.archived_tasks import archived_tasks, find_archived, set_archive_days
from opsboard.services.errors import InputError
from opsboard.services.task_filter import parse_filter
from opsboard.store import BoardStore
from opsboard.store.paths import board_file_kind

LATER = "2026-05-02T09:30:00+08:00"  # two months after the frozen clock: past the 30 days


def on_disk(path: Path) -> dict:
    return orjson.loads(path.read_bytes())


def archive_lines(board: Path) -> list[dict]:
    path = board.with_name(board.name + ".archive.jsonl")
    return [orjson.loads(line) for line in path.read_bytes().splitlines()] if path.exists() else []


def archived_ids(board: Path) -> set[str]:
    """Where each task is by the archive's last line about it."""
    where: dict[str, str] = {}
    for line in archive_lines(board):
        where[line["id"]] = line["kind"]
    return {task_id for task_id, kind in where.items() if kind == "moved"}


def done(task_id: str, when: str = "2026-01-05T10:00:00+08:00", **fields: object):
    return add_task(task_id, f"Done {task_id}", status="done", done_at=when, **fields)


@pytest.fixture
def old_done(board: Path, store: BoardStore, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three done tasks and an open one added on the frozen day; the clock then moves two months on."""
    store.apply(done("t-a", checklist_item="item-1"), done("t-b"), done("t-c"), add_task("t-open"))
    monkeypatch.setenv("OPSBOARD_NOW", LATER)
    return board


def test_a_save_moves_done_tasks_past_the_age_to_the_archive_file(old_done: Path) -> None:
    store = BoardStore(old_done, user="ana")
    store.apply(set_task("t-open", {"owner": "lin"}))
    assert set(on_disk(old_done)["tasks"]) == {"t-open"}
    assert archived_ids(old_done) == {"t-a", "t-b", "t-c"}
    assert store.last_archived == 3
    assert [t.id for t in store.tasks()] == ["t-open"]  # the cached models follow the move
    lines = archive_lines(old_done)
    assert {line["task"]["title"] for line in lines} == {"Done t-a", "Done t-b", "Done t-c"}
    # one activity entry for the move, a revision before the user's own change
    log = list(on_disk(old_done)["activity"].values())
    move, change = log[-2], log[-1]
    assert move["label"] == "archive" and move["after"] == {"archive": "move", "count": 3}
    assert move["revision"] + 1 == change["revision"] == on_disk(old_done)["meta"]["meta"]["revision"]
    assert {line["entry"] for line in lines} == {move["id"]}
    assert describe(store.activity()[-2], store) == "ana archived 3 done tasks"
    assert describe_change(store.activity()[-2]) == "3 tasks to the archive"  # the activity view's change column
    # view 1's task counts still count the archived done task of a checklist item
    assert on_disk(old_done)["meta"]["meta"]["archived_done_by_item"] == {"item-1": 1}
    from opsboard.services.checklists import checklist_task_progress

    assert checklist_task_progress(store)["item-1"] == (1, 1)


def test_recent_and_open_tasks_stay_and_age_zero_never_archives(board: Path, store: BoardStore, monkeypatch) -> None:
    store.apply(done("t-recent", when="2026-04-25T10:00:00+08:00"), done("t-old"))
    set_archive_days(store, 0)
    monkeypatch.setenv("OPSBOARD_NOW", LATER)
    store.apply(add_task("t-new"))
    assert {"t-recent", "t-old", "t-new"} <= set(on_disk(board)["tasks"])
    assert not board.with_name("b.json.archive.jsonl").exists()
    set_archive_days(store, "30")  # the save that sets the age already archives by it
    assert "t-old" not in on_disk(board)["tasks"] and archived_ids(board) == {"t-old"}
    assert "t-recent" in on_disk(board)["tasks"]


def test_the_archive_age_is_checked(store: BoardStore) -> None:
    for bad in ("-1", "3651", "soon", "1.5"):
        with pytest.raises(InputError, match="not a number of days"):
            set_archive_days(store, bad)
    assert store.archive_days() == 30


def test_undo_of_the_move_brings_the_tasks_back_and_they_stay(old_done: Path) -> None:
    store = BoardStore(old_done, user="ana")
    store.apply(set_task("t-open", {"owner": "lin"}))
    assert undo.undo_last(store).message == "Undid: ana assigned 'Shoot product photos' to lin"  # the user's change first
    result = undo.undo_last(store)
    assert result.message == "Undid: ana archived 3 done tasks"
    assert describe(result.entries[0], store) == "ana brought 3 tasks back from the archive (undo)"
    assert describe_change(result.entries[0]) == "3 tasks back from the archive"
    assert {"t-a", "t-b", "t-c", "t-open"} == set(on_disk(old_done)["tasks"])
    assert {t.id for t in store.tasks()} == {"t-a", "t-b", "t-c", "t-open"}
    assert archived_ids(old_done) == set()  # each has its `returned` line
    assert not on_disk(old_done)["meta"]["meta"].get("archived_done_by_item")
    # redo moves them again, and undo brings them back again
    assert undo.redo_last(store).message == "Redid: ana archived 3 done tasks"
    assert archived_ids(old_done) == {"t-a", "t-b", "t-c"} and set(on_disk(old_done)["tasks"]) == {"t-open"}
    undo.undo_last(store)
    assert archived_ids(old_done) == set()
    store.apply(add_task("t-more"))  # brought back today: not moved again by the next save
    assert {"t-a", "t-b", "t-c"} <= set(on_disk(old_done)["tasks"])


def test_a_teammates_change_to_a_task_archived_meanwhile_is_kept(old_done: Path) -> None:
    chen = BoardStore(old_done, user="chen")
    seen = chen.raw("tasks")["t-b"]  # chen's app shows t-b …
    ana = BoardStore(old_done, user="ana")
    ana.apply(add_task("t-x"))  # … ana's save archives it
    assert archived_ids(old_done) == {"t-a", "t-b", "t-c"}
    chen.apply(set_task("t-b", {"notes": "invoice filed"}, {"notes": seen["notes"]}))
    saved = on_disk(old_done)["tasks"]["t-b"]
    assert saved["notes"] == "invoice filed" and saved["status"] == "done"
    assert archived_ids(old_done) == {"t-a", "t-c"}  # back on the board, with its change
    # and undo of chen's change works on it like on any task
    undo.undo_last(chen)
    assert on_disk(old_done)["tasks"]["t-b"]["notes"] == ""


def test_a_teammates_conflicting_change_to_an_archived_task_is_a_conflict(old_done: Path) -> None:
    from opsboard.store import ConflictError

    BoardStore(old_done, user="ana").apply(add_task("t-x"))
    with pytest.raises(ConflictError):  # chen saw it open; it was done: said, not overwritten
        BoardStore(old_done, user="chen").apply(set_task("t-a", {"status": "doing"}, {"status": "todo"}))
    assert "t-a" in archived_ids(old_done) and "t-a" not in on_disk(old_done)["tasks"]  # nothing saved


def test_deleting_an_archived_task_removes_it_from_both(old_done: Path) -> None:
    from opsboard.model import Operation, OpKind, Table

    BoardStore(old_done, user="ana").apply(add_task("t-x"))
    chen = BoardStore(old_done, user="chen")
    chen.apply(Operation(kind=OpKind.DELETE, table=Table.TASKS, doc_id="t-c"))
    assert "t-c" not in on_disk(old_done)["tasks"] and "t-c" not in archived_ids(old_done)


def test_search_across_the_archive_reads_it_only_when_asked(old_done: Path) -> None:
    store = BoardStore(old_done, user="ana")
    store.apply(add_task("t-x", "Photos for the spring range"))
    assert [t.id for t in archived_tasks(store, parse_filter("done t-b")).tasks] == ["t-b"]
    assert {t.id for t in archived_tasks(store, parse_filter("archived:only")).tasks} == {"t-a", "t-b", "t-c"}
    assert archived_tasks(store, parse_filter("due:overdue")).tasks == []
    assert [t.id for t in archived_tasks(store, parse_filter("DONE T-C")).tasks] == ["t-c"]  # any case
    assert archived_tasks(store, parse_filter("title kind")).tasks == []  # words of the file's own keys match no task
    found = find_archived(store, "t-c")
    assert found is not None and found.title == "Done t-c"
    from opsboard.services.tasks import list_tasks

    assert [t.id for t in list_tasks(store, filter="done")] == []  # the live board only
    assert {t.id for t in list_tasks(store, filter="done archived:yes")} == {"t-a", "t-b", "t-c"}
    assert {t.id for t in list_tasks(store, include_archived=True)} == {"t-a", "t-b", "t-c", "t-open", "t-x"}


def test_migration_of_a_board_with_old_done_tasks(tmp_path: Path, monkeypatch) -> None:
    """A board from before the archive, with done tasks of last year, moves
    them at its first save; the file as it was is in the backups."""
    monkeypatch.setenv("OPSBOARD_NOW", "2026-01-02T09:00:00+08:00")
    board = tmp_path / "old.json"
    store = make_board(board)
    store.apply(*[done(f"t-{n}", when="2025-06-01T10:00:00+08:00") for n in range(20)], add_task("t-open"))
    data = on_disk(board)
    for doc in data["tasks"].values():  # as an older opsboard wrote it: changed long ago
        doc["updated_at"] = "2025-06-01T10:00:00+08:00"
    board.write_bytes(orjson.dumps(data))
    store = BoardStore(board, user="lin")
    assert len(store.tasks()) == 21  # opening does not move anything
    store.apply(set_task("t-open", {"owner": "lin"}))
    assert set(on_disk(board)["tasks"]) == {"t-open"}
    assert archived_ids(board) == {f"t-{n}" for n in range(20)}
    assert len(BoardStore(board, user="chen").archived().lines) == 20


KILL_BETWEEN = textwrap.dedent(
    """
    import os, signal, sys
    sys.path.insert(0, {helpers!r})
    from store_helpers import set_task
    from opsboard.store import BoardStore, task_archive

    real = task_archive.append_moved
    def then_die(*args, **kwargs):
        real(*args, **kwargs)  # the archive is written and fsynced …
        os.kill(os.getpid(), signal.SIGKILL)  # … and the board never is
    task_archive.append_moved = then_die
    BoardStore({board!r}, user="ana").apply(set_task("t-open", {{"owner": "lin"}}))
    """
)


def test_kill_9_between_the_archive_write_and_the_board_write_loses_nothing(old_done: Path) -> None:
    before = on_disk(old_done)
    helpers = str(Path(__file__).parent)
    child = subprocess.run([sys.executable, "-c", KILL_BETWEEN.format(helpers=helpers, board=str(old_done))], env=os.environ)
    assert child.returncode == -signal.SIGKILL
    assert on_disk(old_done) == before  # the board as it was: every task still on it
    assert archived_ids(old_done) == {"t-a", "t-b", "t-c"}  # and in the archive too
    store = BoardStore(old_done, user="ana")
    assert store.archived().lines == {}  # a task in both is the board's
    assert {t.id for t in archived_tasks(store, parse_filter("archived:only")).tasks} == set()
    store.apply(set_task("t-open", {"owner": "lin"}))  # the next save moves them again, once
    assert set(on_disk(old_done)["tasks"]) == {"t-open"}
    assert {t.id for t in archived_tasks(store, parse_filter("archived:only")).tasks} == {"t-a", "t-b", "t-c"}


def test_a_hand_broken_archive_line_is_one_message_and_nothing_else_is_lost(old_done: Path) -> None:
    store = BoardStore(old_done, user="ana")
    store.apply(add_task("t-x"))
    path = store.archive_path
    lines = path.read_bytes().splitlines(keepends=True)
    broken = b"".join([lines[0], b'{"id": "t-b", "kind": "moved", "task": {oops\n', *lines[1:]])
    path.write_bytes(broken)
    found = archived_tasks(store, parse_filter("archived:only"))
    assert {t.id for t in found.tasks} == {"t-a", "t-b", "t-c"}
    assert found.problems == [f"{path}, line 2: not an archived task; skipped (the file is left as it is)"]
    store.apply(add_task("t-y"))  # saving goes on, and the file keeps the broken line
    assert path.read_bytes().startswith(broken)


def test_an_invalid_archived_task_is_skipped_with_its_id(old_done: Path) -> None:
    store = BoardStore(old_done, user="ana")
    store.apply(add_task("t-x"))
    path = store.archive_path
    text = path.read_text(encoding="utf-8").replace('"title":"Done t-c"', '"title":""')
    path.write_text(text, encoding="utf-8")
    found = archived_tasks(store, parse_filter("archived:only"))
    assert {t.id for t in found.tasks} == {"t-a", "t-b"}
    assert len(found.problems) == 1 and "archived task 't-c' is not valid" in found.problems[0]


def test_a_read_only_archive_keeps_the_tasks_on_the_board_and_says_why(old_done: Path) -> None:
    path = old_done.with_name("b.json.archive.jsonl")
    path.write_bytes(b"")
    path.chmod(0o444)
    if os.access(path, os.W_OK):
        pytest.skip("running as a user who may write a read-only file (root)")
    store = BoardStore(old_done, user="ana")
    store.apply(set_task("t-open", {"owner": "lin"}))  # the user's change is saved
    assert on_disk(old_done)["tasks"]["t-open"]["owner"] == "lin"
    assert {"t-a", "t-b", "t-c"} <= set(on_disk(old_done)["tasks"])
    assert store.archive_problem is not None and "could not be written" in store.archive_problem


def test_an_archive_that_cannot_be_written_keeps_the_tasks_on_the_board(old_done: Path, monkeypatch) -> None:
    """As root may write a read-only file: the same failure, injected."""
    from opsboard.store import task_archive

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(task_archive, "append_moved", refuse)
    store = BoardStore(old_done, user="ana")
    store.apply(set_task("t-open", {"owner": "lin"}))
    data = on_disk(old_done)
    assert data["tasks"]["t-open"]["owner"] == "lin" and {"t-a", "t-b", "t-c"} <= set(data["tasks"])
    assert store.archive_problem == (
        f"{store.archive_path}: the archive of done tasks could not be written (Permission denied); done tasks stay on the board"
    )
    assert [e["label"] for e in data["activity"].values()][-1] == ""  # no move logged


def test_the_archive_is_never_an_export_target_and_follows_the_boards_group(old_done: Path) -> None:
    store = BoardStore(old_done, user="ana")
    old_done.chmod(0o660)
    store.apply(add_task("t-x"))
    assert board_file_kind(old_done, store.archive_path) == "a file the board keeps beside it"
    assert oct(store.archive_path.stat().st_mode & 0o777) == oct(0o660)


def test_a_torn_last_line_is_cut_by_the_next_append(old_done: Path) -> None:
    store = BoardStore(old_done, user="ana")
    store.apply(add_task("t-x"))
    path = store.archive_path
    with open(path, "ab") as archive:
        archive.write(b'{"id":"t-open","kind":"mov')  # a writer killed mid-append
    assert set(store.archived().lines) == {"t-a", "t-b", "t-c"}
    undo.undo_last(store)  # the add
    undo.undo_last(store)  # the move: `returned` lines appended after the cut
    assert all(line.endswith(b"}") for line in path.read_bytes().splitlines())
    assert archived_ids(old_done) == set()


def test_view_2_with_archived_only_counts_the_archive_without_validating_it(old_done: Path, monkeypatch) -> None:
    """`archived:only` and nothing else: the overview counts each department's
    archived done tasks from the lines as written (no task models: 95,000 of
    them took seconds and 400 MB), a department's columns validate only its
    own; a line written by hand is validated and counted all the same."""
    from opsboard import model as models
    from opsboard.services import archived_tasks as archived_module
    from opsboard.services.task_board import board_columns, department_overview

    monkeypatch.setenv("OPSBOARD_NOW", "2026-01-05T10:00:00+08:00")
    BoardStore(old_done, user="ana").apply(done("t-m", department="ops"))
    monkeypatch.setenv("OPSBOARD_NOW", LATER)
    store = BoardStore(old_done, user="ana")
    store.apply(add_task("t-x"))  # the save that archives t-a, t-b, t-c (design) and t-m (ops)
    path = store.archive_path
    line = next(raw for raw in path.read_bytes().splitlines() if b'"id":"t-c"' in raw)
    by_hand = orjson.loads(line)
    path.write_bytes(path.read_bytes() + orjson.dumps(by_hand, option=orjson.OPT_INDENT_2).replace(b"\n", b" ") + b"\n")
    validated: list[str] = []
    validate_json = models.Task.model_validate_json
    monkeypatch.setattr(models.Task, "model_validate_json", lambda raw: validated.append(orjson.loads(raw)["id"]) or validate_json(raw))
    archived_module._answers.clear()
    only = parse_filter("archived:only")
    counts = {s.department.id: s.counts for s in department_overview(store, only)}
    assert counts["design"][models.TaskStatus.DONE] == 3 and counts["ops"][models.TaskStatus.DONE] == 1
    assert counts["design"][models.TaskStatus.TODO] == 0  # the live t-x and t-open are not in `archived:only`
    assert validated == []  # t-c's hand-written line is validated the long way, not from its JSON
    columns = board_columns(store, "ops", only)
    assert [t.id for t in columns[-1].tasks] == ["t-m"]
    assert validated == ["t-m"]  # not design's three
    counts = {s.department.id: s.counts for s in department_overview(store, parse_filter("archived:yes"))}
    assert counts["design"][models.TaskStatus.DONE] == 3 and counts["design"][models.TaskStatus.TODO] == 2


def test_archived_gap_tasks_are_found_by_their_tag_in_either_language(board: Path, store: BoardStore, monkeypatch) -> None:
    """Issue 13: a gap task is tagged 'target' on an English interface, 目标 on a Chinese one."""
    store.apply(done("t-en", tags=["target"]), done("t-zh", tags=["目标"]), done("t-other", tags=["双11"]), add_task("t-open"))
    monkeypatch.setenv("OPSBOARD_NOW", LATER)
    store = BoardStore(board, user="ana")
    store.apply(set_task("t-open", {"owner": "lin"}))  # moves the three to the archive
    for text in ("tag:target archived:only", "标签:目标 archived:only", "tag:TARGET archived:only"):
        assert {t.id for t in archived_tasks(store, parse_filter(text)).tasks} == {"t-en", "t-zh"}, text


def test_a_big_archive_move_is_worded_with_grouped_digits(old_done: Path) -> None:
    """A five-year board's first save moves 94,586 tasks: the activity says
    so as every other count in the app is written, not '94586'."""
    store = BoardStore(old_done, user="ana")
    store.apply(set_task("t-open", {"owner": "lin"}))
    move = store.activity()[-2].model_copy(update={"after": {"archive": "move", "count": 94586}})
    assert describe(move, store) == "ana archived 94,586 done tasks"
    assert describe_change(move) == "94,586 tasks to the archive"
    back = move.model_copy(update={"after": {"archive": "return", "count": 1234}})
    assert describe(back, store) == "ana brought 1,234 tasks back from the archive"

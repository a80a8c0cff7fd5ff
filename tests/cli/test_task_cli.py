"""`opsboard task add|set|list` and `export --view boards`: exit codes 0/1/2,
one line on stderr for bad input, and the change found in the file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from opsboard.cli import main
from opsboard.store import BoardStore

NOW = "2026-03-02T09:30:00+08:00"  # the day the board fixture (conftest.py) is made on


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def add(capsys, board: Path, *extra: str) -> str:
    code, out, err = run(capsys, "task", "add", str(board), *extra)
    assert (code, err) == (0, "")
    return out.strip()


def one_line_error(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("opsboard: "), err
    return lines[0]


def test_add_prints_the_id_and_list_json_has_the_task(board: Path, capsys) -> None:
    task_id = add(
        capsys,
        board,
        "--dept",
        "design",
        "--title",
        "Retouch hero images",
        "--due",
        "2026-03-05",
        "--owner",
        "mei",
        "--priority",
        "P1",
        "--user",
        "lin",
    )
    assert task_id.startswith("t-") and len(task_id) == 10
    code, out, err = run(capsys, "task", "list", str(board), "--json")
    assert (code, err) == (0, "")
    (task,) = json.loads(out)
    assert {k: task[k] for k in ("id", "title", "department", "status", "owner", "due", "priority")} == {
        "id": task_id,
        "title": "Retouch hero images",
        "department": "design",
        "status": "todo",
        "owner": "mei",
        "due": "2026-03-05",
        "priority": 1,
    }
    saved = BoardStore(board, user="x").task(task_id)
    assert (saved.created_by, saved.updated_by) == ("lin", "lin")


def test_export_boards_shows_the_task_under_its_department(board: Path, capsys) -> None:
    add(capsys, board, "--dept", "Customer Service", "--title", "Quick replies")
    code, out, _ = run(capsys, "export", str(board), "--view", "boards")
    assert code == 0
    section = out.split("## Customer Service")[1].split("\n## ")[0]
    assert "| Quick replies" in section and "### To do (1)" in section


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--dept", "desing", "--title", "x"], "unknown department 'desing' (valid: Design, Marketing, Customer Service,"),
        (["--dept", "design", "--title", "x", "--due", "2026-02-30"], "--due: '2026-02-30' is not a date (use YYYY-MM-DD"),
        (["--dept", "design", "--title", "x", "--priority", "P5"], "--priority: 'P5' is not a priority (use 1-4 or P1-P4"),
        (["--dept", "design", "--title", "   "], "--title: a task needs a title"),
    ],
)
def test_add_refuses_bad_input_with_one_line(board: Path, capsys, args: list[str], expected: str) -> None:
    code, out, err = run(capsys, "task", "add", str(board), *args)
    assert (code, out) == (1, "")
    assert expected in one_line_error(err)
    assert BoardStore(board, user="x").tasks() == []


@pytest.mark.parametrize("args", [["task", "add", "{board}", "--title", "x"], ["task"], ["task", "move", "{board}"]])
def test_wrong_usage_exits_2(board: Path, capsys, args: list[str]) -> None:
    with pytest.raises(SystemExit) as exited:  # argparse's own exit, as `opsboard` gives it
        main([a.format(board=board) for a in args])
    assert exited.value.code == 2
    assert "usage: opsboard task" in capsys.readouterr().err


def test_set_status_owner_due_title(board: Path, capsys) -> None:
    task_id = add(capsys, board, "--dept", "design", "--title", "Banner")
    code, out, err = run(
        capsys,
        "task",
        "set",
        str(board),
        task_id,
        "--status",
        "doing",
        "--owner",
        "tao",
        "--due",
        "2026-03-09",
        "--title",
        "Spring banner",
        "--user",
        "mei",
    )
    assert (code, err) == (0, "")
    assert task_id in out and "Doing" in out and "Spring banner" in out
    saved = BoardStore(board, user="x").task(task_id)
    assert (saved.status.value, saved.owner, saved.due.isoformat(), saved.title, saved.updated_by) == (
        "doing",
        "tao",
        "2026-03-09",
        "Spring banner",
        "mei",
    )
    assert run(capsys, "task", "set", str(board), task_id, "--due", "")[0] == 0
    assert BoardStore(board, user="x").task(task_id).due is None


def test_blocked_needs_a_reason_and_leaving_blocked_clears_it(board: Path, capsys) -> None:
    task_id = add(capsys, board, "--dept", "design", "--title", "Shoot shirts")
    code, _, err = run(capsys, "task", "set", str(board), task_id, "--status", "blocked")
    assert code == 1 and "--reason" in one_line_error(err)
    assert BoardStore(board, user="x").task(task_id).status.value == "todo"
    assert run(capsys, "task", "set", str(board), task_id, "--status", "blocked", "--reason", "no samples")[0] == 0
    saved = BoardStore(board, user="x").task(task_id)
    assert (saved.status.value, saved.blocked_reason) == ("blocked", "no samples")
    assert run(capsys, "task", "set", str(board), task_id, "--status", "done")[0] == 0
    saved = BoardStore(board, user="x").task(task_id)
    assert (saved.status.value, saved.blocked_reason, saved.done_at.isoformat()) == ("done", "", NOW)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["{id}", "--status", "finished"], "--status: unknown status 'finished' (valid: todo, doing, blocked, done)"),
        (["t-nothere", "--status", "done"], "no task with id 't-nothere' on this board"),
        (["{id}", "--due", "someday"], "--due: 'someday' is not a date (use YYYY-MM-DD"),
        (["{id}"], "nothing to change: give --status, --reason, --due, --owner, --title or --priority"),
        (["{id}", "--reason", "why"], "--reason: only a blocked task has a reason"),
    ],
)
def test_set_refuses_bad_input_with_one_line(board: Path, capsys, args: list[str], expected: str) -> None:
    task_id = add(capsys, board, "--dept", "design", "--title", "Banner")
    revision = BoardStore(board, user="x").revision
    code, out, err = run(capsys, "task", "set", str(board), *[a.format(id=task_id) for a in args])
    assert (code, out) == (1, "")
    assert expected in one_line_error(err)
    assert BoardStore(board, user="x").revision == revision


def test_list_by_department_and_status(board: Path, capsys) -> None:
    first = add(capsys, board, "--dept", "design", "--title", "Banner", "--owner", "mei")
    second = add(capsys, board, "--dept", "marketing", "--title", "Keyword bids")
    run(capsys, "task", "set", str(board), second, "--status", "doing")
    code, out, _ = run(capsys, "task", "list", str(board))
    assert code == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == [first, second]
    assert lines[0].split()[1:4] == ["To", "do", "P3"] and lines[0].endswith("Banner")
    _, out, _ = run(capsys, "task", "list", str(board), "--dept", "MARKETING", "--json")
    assert [t["id"] for t in json.loads(out)] == [second]
    _, out, _ = run(capsys, "task", "list", str(board), "--status", "todo", "--json")
    assert [t["id"] for t in json.loads(out)] == [first]
    code, out, err = run(capsys, "task", "list", str(board), "--status", "blocked")
    assert (code, out, err) == (0, "", "No tasks match.\n")
    assert json.loads(run(capsys, "task", "list", str(board), "--status", "blocked", "--json")[1]) == []


@pytest.mark.parametrize(
    ("args", "expected"),
    [(["--status", "open"], "unknown status 'open'"), (["--dept", "sales"], "unknown department 'sales' (valid: Design,")],
)
def test_list_refuses_bad_input(board: Path, capsys, args: list[str], expected: str) -> None:
    code, out, err = run(capsys, "task", "list", str(board), *args)
    assert (code, out) == (1, "")
    assert expected in one_line_error(err)


def test_a_missing_board_is_one_line(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "task", "list", str(tmp_path / "none.json"))
    assert code == 1 and "no such board" in one_line_error(err)


def test_the_installed_command_end_to_end(tmp_path: Path) -> None:
    """The issue's 'done when', through `python -m opsboard` in a subprocess."""
    board = str(tmp_path / "b.json")

    def opsboard(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "opsboard", *argv], capture_output=True, text=True, timeout=60)

    assert opsboard("init", board).returncode == 0
    added = opsboard("task", "add", board, "--dept", "design", "--title", "Retouch hero images")
    assert added.returncode == 0
    listed = json.loads(opsboard("task", "list", board, "--json").stdout)
    assert [(t["id"], t["title"], t["department"]) for t in listed] == [(added.stdout.strip(), "Retouch hero images", "design")]
    exported = opsboard("export", board, "--view", "boards").stdout
    assert "Retouch hero images" in exported.split("## Design")[1].split("\n## ")[0]
    bad = opsboard("task", "add", board, "--dept", "nowhere", "--title", "x")
    assert bad.returncode == 1 and len(bad.stderr.splitlines()) == 1 and "Traceback" not in bad.stderr

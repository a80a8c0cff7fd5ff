"""`task list` over the archive reads a line that validates to itself
straight from its text (services/archived_lines.py) and validates the
others: what it prints must be what validating every line prints — the same
lines, order, columns, JSON, problems on stderr and exit code — whatever a
hand has done to the archive."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from opsboard.cli import main
from opsboard.commands import tasks as tasks_command
from opsboard.services import archived_tasks, task_listing

NOW = "2026-03-02T09:30:00+08:00"
LATER = "2026-05-02T09:30:00+08:00"

TITLES = ("Retouch hero images", "Banner for Double 12", "双十二主图设计与拍摄", "Spring lookbook")


def _moved(task: dict, *, first: bool = False) -> bytes:
    """A `moved` line as task_archive writes it (first: the record's keys as a hand might order them)."""
    record = {"id": task["id"], "kind": "moved", "entry": "a-hand", "at": LATER, "by": "ana", "task": task}
    if first:
        record = {"task": task, **{k: v for k, v in record.items() if k != "task"}}
    return orjson.dumps(record) + b"\n"


@pytest.fixture
def board(board: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    """Four done tasks archived (one live task left), then lines added by hand."""
    path = board  # made on NOW (conftest.py)
    for n, title in enumerate(TITLES):
        owner = "王小明" if n == 2 else "mei"
        assert main(["task", "add", str(path), "--dept", "design" if n % 2 else "marketing", "--title", title, "--owner", owner]) == 0
        task_id = capsys.readouterr().out.strip()
        assert main(["task", "set", str(path), task_id, "--status", "done", "--due", "2026-02-14"]) == 0
        capsys.readouterr()
    assert main(["task", "add", str(path), "--dept", "design", "--title", "Still live"]) == 0
    live = orjson.loads(path.read_bytes())["tasks"][capsys.readouterr().out.strip()]
    assert main(["task", "add", str(path), "--dept", "marketing", "--title", "Also live", "--priority", "1"]) == 0
    monkeypatch.setenv("OPSBOARD_NOW", LATER)
    assert main(["archive", str(path), "--days", "7"]) == 0
    capsys.readouterr()
    archive = path.with_name("b.json.archive.jsonl")
    tasks = [orjson.loads(line)["task"] for line in archive.read_bytes().splitlines()]
    assert len(tasks) == 4
    first = tasks[0]
    hand = [
        b"not json at all\n",
        # reopened by hand in the archive: listed as To do, in its column
        _moved({**tasks[1], "status": "todo"}),
        # written by hand, its fields in another order
        _moved({k: tasks[3][k] for k in reversed(list(tasks[3]))}, first=True),
        # hostile text: an escape sequence, a bidi override, a zero-width space, an ideographic space, a tab
        _moved({**first, "id": "t-hostile", "title": "\x1b[31mRed\u202e gnp.exe\u200b 双十二\u3000大促\tend", "owner": " lin  wei "}),
        # the same without an escape: nothing but the characters' kinds says cleaning changes it
        _moved({**first, "id": "t-bidi", "title": "Sale\u202eends\u200b 双十二\u3000大促\u00a0now"}),
        _moved({**first, "id": "t-spaces", "owner": "lin  wei"}),
        # wide text as written, and a blocked reason: columns by display width
        _moved(
            {
                **first,
                "id": "t-wide",
                "title": "天猫旗舰店首页改版",
                "owner": "欧阳娜娜",
                "status": "blocked",
                "blocked_reason": "等供应商报价",
            }
        ),
        # damaged: a priority the model refuses, a 30 February, an empty title, a text where a list goes
        _moved({**first, "id": "t-p9", "priority": 9}),
        _moved({**first, "id": "t-feb30", "due": "2026-02-30"}),
        _moved({**first, "id": "t-untitled", "title": ""}),
        _moved({**first, "id": "t-tags", "tags": "promo"}),
        # dates the model writes otherwise (+00:00 as Z, no microseconds), a leap day, a rank in exponent form
        _moved({**first, "id": "t-utc", "created_at": "2028-02-29T08:00:00.000000+00:00", "due": "2028-02-29"}),
        _moved({**first, "id": "t-rank", "rank": 1e-05}),
        # a comment, and a department the board no longer has
        _moved({**first, "id": "t-comment", "comments": [{"at": NOW, "by": "mei", "text": "Looks good"}]}),
        _moved({**first, "id": "t-gone", "department": "retired_team"}),
        # --json writes a line's item from its text: a rank the model writes otherwise
        # (1.50 is 1.5, 0.1000000000000000055511151231257827 is 0.1), ranks written
        # as the model does, whole and not, several tags and comments, full-width
        # digits in dates (for the model to refuse), text that is not UTF-8
        _moved({**first, "id": "t-rank-150", "rank": 7.25}).replace(b'"rank":7.25', b'"rank":1.50'),
        _moved({**first, "id": "t-rank-long", "rank": 7.25}).replace(b'"rank":7.25', b'"rank":0.1000000000000000055511151231257827'),
        _moved({**first, "id": "t-rank-half", "rank": 2.5, "tags": ["cny", "大促", "a b"]}),
        _moved({**first, "id": "t-rank-neg", "rank": -0.0, "tags": ["x"]}),
        _moved({**first, "id": "t-rank-big", "rank": 123456789012345.0}),
        _moved(
            {
                **first,
                "id": "t-comments",
                "comments": [{"at": NOW, "by": "mei", "text": "a},{b"}, {"at": LATER, "by": "", "text": ':"x'.replace('"', "")}],
            }
        ),
        _moved({**first, "id": "t-wide-due", "due": "２０２６-02-14"}),
        _moved({**first, "id": "t-wide-created", "created_at": "２０２６-01-02T00:00:00Z"}),
        _moved({**first, "id": "t-latin1", "title": "Caf\u00e9"}).replace("Café".encode(), "Café".encode("latin-1")),
        # ties: the same rank and age (by id, then the archive's order), one with the live task
        _moved({**first, "id": "t-双-tie", "rank": 0.5, "created_at": "2026-01-01T00:00:00Z"}),
        _moved({**first, "id": "t-b-tie", "rank": 0.5, "created_at": "2026-01-01T08:00:00+08:00"}),
        _moved({**first, "id": "t-dup", "rank": 0.5, "created_at": "2026-01-01T00:00:00Z"}),
        _moved({**first, "id": "t-dup", "rank": 0.5, "created_at": "2026-01-01T00:00:00Z", "title": "Again"}).replace(
            b'{"id":"t-dup","kind"', b'{"id":"t-dup-2","kind"'
        ),
        _moved({**live, "id": "t-0-live-tie", "status": "todo"}),
    ]
    with open(archive, "ab") as out:
        out.write(b"".join(hand))
    # a department's name JSON escapes, and two departments in the same place
    saved = orjson.loads(path.read_bytes())
    saved["departments"]["design"]["name"] = 'Design "A\\B" 设计'
    saved["departments"]["marketing"]["order"] = saved["departments"]["design"]["order"]
    path.write_bytes(orjson.dumps(saved))
    return path


def listing(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["task", "list", *argv])
    out, err = capsys.readouterr()
    return code, out, err


ASKED = [
    ("--filter", "archived:only"),
    ("--include-archived",),
    ("--json", "--filter", "archived:only"),
    ("--json", "--include-archived"),
    ("--dept", "design", "--filter", "archived:only"),
    ("--status", "done", "--include-archived"),
    ("--status", "todo", "--filter", "archived:only"),
    ("--filter", "archived:yes", "--dept", "marketing", "--status", "blocked"),
    ("--json", "--dept", "design", "--filter", "archived:only"),
    ("--json", "--status", "todo", "--include-archived"),
    ("--json", "--dept", "design", "--include-archived"),
    ("--json", "--filter", "archived:yes", "--dept", "marketing", "--status", "done"),
]


@pytest.mark.parametrize("asked", ASKED, ids=" ".join)
def test_the_archive_listed_from_its_lines_is_what_validating_each_prints(
    board: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, asked: tuple[str, ...]
) -> None:
    archive = board.with_name("b.json.archive.jsonl")
    files = (board.read_bytes(), archive.read_bytes())
    fast = listing(capsys, str(board), *asked)
    # every line (and task on the board) validated by the model, and --json's tasks listed (and ordered) as the others'
    monkeypatch.setattr(archived_tasks, "read_line", lambda line: None)
    monkeypatch.setattr(task_listing, "read_line", lambda line: None)
    monkeypatch.setattr(tasks_command, "json_listed_tasks", task_listing.listed_tasks)
    slow = listing(capsys, str(board), *asked)
    assert fast == slow
    assert (board.read_bytes(), archive.read_bytes()) == files  # a listing writes nothing


def test_what_the_listing_shows_of_hand_made_lines(board: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = listing(capsys, str(board), "--filter", "archived:only")
    archive = board.with_name("b.json.archive.jsonl")
    assert code == 0
    said = err.splitlines()
    assert said[0] == f"opsboard: {archive}, line 5: not an archived task; skipped (the file is left as it is)"
    damaged = [
        ("t-p9", "priority"),
        ("t-feb30", "due"),
        ("t-untitled", "title"),
        ("t-tags", "tags"),
        ("t-wide-due", "due"),
        ("t-wide-created", "created_at"),
    ]
    assert len(said) == 1 + len(damaged) + 1
    for line, (task_id, field) in zip(said[1:], damaged, strict=False):
        assert line.startswith(f"opsboard: {archive}: archived task '{task_id}' is not valid (1 validation error for Task {field} ")
        assert line.endswith("); skipped (the file is left as it is)")
    assert said[-1] == f"opsboard: {archive}: archived task 't-latin1' is not valid (not a task); skipped (the file is left as it is)"
    lines = out.splitlines()
    ids = [line.split()[0] for line in lines]
    assert {"t-p9", "t-feb30", "t-untitled", "t-tags", "t-wide-due", "t-wide-created", "t-latin1"}.isdisjoint(ids)
    assert {"t-hostile", "t-bidi", "t-wide", "t-utc", "t-rank", "t-comment", "t-gone"} <= set(ids)
    hostile = next(line for line in lines if line.startswith("t-hostile"))
    assert hostile.endswith("\ufffd[31mRed\ufffd gnp.exe\ufffd 双十二 大促 end") and "\x1b" not in out and "\u202e" not in out
    assert "  lin wei  " in hostile  # the owner as the model cleans it
    bidi = next(line for line in lines if line.startswith("t-bidi"))
    assert bidi.endswith("  Sale\ufffdends\ufffd 双十二 大促 now")
    assert "  lin wei  " in next(line for line in lines if line.startswith("t-spaces"))
    wide = next(line for line in lines if line.startswith("t-wide"))
    plain = next(line for line in lines if "Retouch hero images" in line)
    # after the id, the title starts in the same terminal column whatever the width of the owner
    from wcwidth import wcswidth

    assert wcswidth(wide[len("t-wide") : wide.index("天猫")]) == wcswidth(plain[len(plain.split()[0]) : plain.index("Retouch")])
    assert "Blocked" in wide and wide.endswith("(blocked: 等供应商报价)")
    reopened = next(line for line in lines if "Banner for Double 12" in line)
    assert reopened.split()[1:3] == ["To", "do"]
    assert ids[-1] == "t-gone"  # a department the board does not have: last


def test_json_of_an_archived_line_is_every_field_as_validated(board: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = listing(capsys, str(board), "--json", "--filter", "archived:only")
    found = {task["id"]: task for task in orjson.loads(out)}
    assert found["t-utc"]["created_at"] == "2028-02-29T08:00:00Z" and found["t-utc"]["due"] == "2028-02-29"
    assert found["t-rank"]["rank"] == 1e-05 and '"rank": 1e-05' in out  # as Python's json writes it
    assert '"rank": 1.5,' in out and '"rank": 1.50' not in out and '"rank": 0.1,' in out  # as the model writes them
    assert found["t-rank-half"]["tags"] == ["cny", "大促", "a b"] and found["t-comments"]["comments"][0]["text"] == "a},{b"
    assert '"department_name": "Design \\"A\\\\B\\" 设计",' in out  # a name's quote and backslash escaped
    assert found["t-comment"]["comments"] == [{"at": "2026-03-02T09:30:00+08:00", "by": "mei", "text": "Looks good"}]
    assert found["t-wide"]["department_name"] == "Marketing" and list(found["t-wide"])[3:6] == ["department", "department_name", "title"]
    assert out.startswith('[\n  {\n    "id": ') and out.endswith("  }\n]\n")
    assert out == json.dumps(orjson.loads(out), ensure_ascii=False, indent=2) + "\n"  # as Python's json writes it, floats and all


@pytest.mark.parametrize(
    "asked",
    [("--json", "--filter", "archived:only"), ("--filter", "archived:only"), ("--json", "--include-archived"), ("--include-archived",)],
    ids=" ".join,
)
def test_the_archive_as_written_is_listed_with_no_models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, asked: tuple[str, ...]) -> None:
    """Every line as the app writes it: the listing neither validates a task
    nor loads pydantic (a tenth of a second of its start on a 100,000-task board)."""
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    path = tmp_path / "b.json"
    for argv in (
        ["init", str(path), "--user", "ana"],
        ["task", "add", str(path), "--dept", "design", "--title", "Hero 主图", "--user", "ana"],
    ):
        assert main(argv) == 0
    task_id = orjson.loads(path.read_bytes())["tasks"].popitem()[0]
    assert main(["task", "set", str(path), task_id, "--status", "done", "--user", "ana"]) == 0
    monkeypatch.setenv("OPSBOARD_NOW", LATER)
    assert main(["archive", str(path), "--days", "7", "--user", "ana"]) == 0
    assert main(["task", "add", str(path), "--dept", "design", "--title", "Still live", "--user", "ana"]) == 0
    live_id = next(iter(orjson.loads(path.read_bytes())["tasks"]))
    code = (
        "import sys; from opsboard.cli import main; code = main(sys.argv[1:]);"
        " print(code, 'pydantic' in sys.modules, 'opsboard.model.task' in sys.modules, file=sys.stderr)"
    )
    argv = ["task", "list", str(path), *asked]
    as_json = "--json" in asked
    result = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, check=True)
    assert result.stderr == "0 False False\n"
    listed = [task["id"] for task in orjson.loads(result.stdout)] if as_json else [line.split()[0] for line in result.stdout.splitlines()]
    assert listed == ([live_id, task_id] if "--include-archived" in asked else [task_id])  # To do, then Done


@pytest.mark.parametrize("asked", [("--json", "--filter", "archived:only"), ("--filter", "archived:only")], ids=" ".join)
def test_a_damaged_department_is_said_as_the_models_say_it(
    board: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, asked: tuple[str, ...]
) -> None:
    saved = orjson.loads(board.read_bytes())
    saved["departments"]["design"]["updated_at"] = "2026-02-30T00:00:00Z"
    board.write_bytes(orjson.dumps(saved))
    code, out, err = listing(capsys, str(board), *asked)
    monkeypatch.setattr(tasks_command, "json_listed_tasks", task_listing.listed_tasks)
    monkeypatch.setattr(task_listing, "listed_departments", lambda store: [(d.id, d.name, d.order) for d in store.departments()])
    assert (code, out, err) == listing(capsys, str(board), *asked)
    assert code == 1 and out == "" and "updated_at" in err


@pytest.mark.parametrize("title", ["  Still   live ", "Still live"], ids=["cleaned by the model", "as written"])
@pytest.mark.parametrize(
    "asked",
    [("--json", "--include-archived"), ("--json", "--dept", "marketing", "--include-archived"), ("--include-archived",)],
    ids=" ".join,
)
def test_the_boards_tasks_in_json_are_what_validating_them_writes(
    board: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, title: str, asked: tuple[str, ...]
) -> None:
    """The board's tasks are read from their documents as archived lines are
    when every one can be, else all validated: the same JSON either way."""
    saved = orjson.loads(board.read_bytes())
    live = next(task for task in saved["tasks"].values() if task["title"] == "Still live")
    live["title"] = title
    board.write_bytes(orjson.dumps(saved))
    fast = listing(capsys, str(board), *asked)
    monkeypatch.setattr(archived_tasks, "read_line", lambda line: None)
    monkeypatch.setattr(task_listing, "read_line", lambda line: None)
    monkeypatch.setattr(tasks_command, "json_listed_tasks", task_listing.listed_tasks)
    assert fast == listing(capsys, str(board), *asked)
    shown = ('"title": "Still live",' if "--json" in asked else "  Still live\n") in fast[1]  # (a design task, cleaned or not)
    assert fast[0] == 0 and shown == ("--dept" not in asked)

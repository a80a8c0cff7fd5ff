"""The archive of done tasks on the command line: `opsboard archive`, the
notice of a save that moved tasks, `task list` and `export` reaching into it."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from opsboard.cli import main

NOW = "2026-03-02T09:30:00+08:00"
LATER = "2026-05-02T09:30:00+08:00"


@pytest.fixture
def board(board: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    """Two tasks marked done on the frozen day, then the clock two months on."""
    path = board  # made on NOW (conftest.py)
    for title in ("Retouch hero images", "Banner for Double 12"):
        assert main(["task", "add", str(path), "--dept", "design", "--title", title]) == 0
        task_id = capsys.readouterr().out.strip()
        assert main(["task", "set", str(path), task_id, "--status", "done"]) == 0
        capsys.readouterr()
    monkeypatch.setenv("OPSBOARD_NOW", LATER)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def board_titles(board: Path) -> set[str]:
    return {t["title"] for t in orjson.loads(board.read_bytes())["tasks"].values()}


def test_a_command_whose_save_archives_says_so_once(board: Path, capsys) -> None:
    code, out, err = run(capsys, "task", "add", str(board), "--dept", "design", "--title", "Spring lookbook")
    assert code == 0 and out.startswith("t-")
    archive = board.with_name("b.json.archive.jsonl")
    assert err == f"opsboard: {board}: 2 done tasks unchanged for 30 days moved to {archive.name}\n"
    assert board_titles(board) == {"Spring lookbook"}
    assert len(archive.read_bytes().splitlines()) == 2
    code, out, err = run(capsys, "task", "add", str(board), "--dept", "design", "--title", "Summer lookbook")
    assert (code, err) == (0, "")  # nothing more to move, nothing said


def test_archive_shows_and_sets_the_age(board: Path, capsys) -> None:
    code, out, err = run(capsys, "archive", str(board))
    assert code == 0
    assert out.splitlines()[0] == "Done tasks move to the archive after 30 days unchanged."
    assert out.splitlines()[1] == f"0 tasks in {board}.archive.jsonl"
    code, out, err = run(capsys, "archive", str(board), "--days", "90")
    assert code == 0 and out.splitlines()[0] == "Done tasks move to the archive after 90 days unchanged."
    assert orjson.loads(board.read_bytes())["meta"]["meta"]["archive_after_days"] == 90
    assert len(board_titles(board)) == 2  # not past 90 days: still on the board
    code, out, err = run(capsys, "archive", str(board), "--days", "7")
    assert out.splitlines()[1] == f"2 tasks in {board}.archive.jsonl"
    assert "2 done tasks unchanged for 7 days moved to b.json.archive.jsonl" in err


def test_a_bad_age_is_one_line_and_nothing_changes(board: Path, capsys) -> None:
    before = board.read_bytes()
    code, out, err = run(capsys, "archive", str(board), "--days", "forever")
    assert code == 1 and err == "opsboard: 'forever' is not a number of days (0 to 3650; 0 never archives)\n"
    assert board.read_bytes() == before


def test_list_and_export_reach_into_the_archive_only_when_asked(board: Path, capsys) -> None:
    run(capsys, "archive", str(board), "--days", "7")
    code, out, err = run(capsys, "task", "list", str(board), "--filter", "banner")
    assert out == "" and err == "No tasks match.\n"
    code, out, err = run(capsys, "task", "list", str(board), "--filter", "banner archived:yes")
    assert code == 0 and "Banner for Double 12" in out and "Retouch" not in out
    code, out, err = run(capsys, "task", "list", str(board), "--include-archived", "--json")
    assert {t["title"] for t in orjson.loads(out)} == {"Retouch hero images", "Banner for Double 12"}
    code, out, err = run(capsys, "export", str(board), "--view", "boards")
    assert "Banner for Double 12" not in out
    code, out, err = run(capsys, "export", str(board), "--view", "boards", "--include-archived")
    assert code == 0 and "Banner for Double 12" in out and "Retouch hero images" in out
    code, out, err = run(capsys, "export", str(board), "--view", "targets", "--include-archived")
    assert code == 1 and err == "opsboard: --include-archived is for --view boards (or all)\n"
    code, out, err = run(capsys, "task", "list", str(board), "--filter", "archived:maybe")
    assert code == 1 and err == "opsboard: archived:maybe is not a filter (use archived:yes or archived:only)\n"


def test_a_change_to_an_archived_task_by_its_id_brings_it_back(board: Path, capsys) -> None:
    run(capsys, "archive", str(board), "--days", "7")
    code, out, err = run(capsys, "task", "list", str(board), "--filter", "archived:only banner", "--json")
    task_id = orjson.loads(out)[0]["id"]
    code, out, err = run(capsys, "task", "set", str(board), task_id, "--status", "doing")
    assert code == 0 and err == ""
    assert "Banner for Double 12" in board_titles(board)


def test_a_hand_broken_archive_line_is_one_warning_and_the_rest_is_listed(board: Path, capsys) -> None:
    run(capsys, "archive", str(board), "--days", "7")
    archive = board.with_name("b.json.archive.jsonl")
    archive.write_bytes(b"not json at all\n" + archive.read_bytes())
    code, out, err = run(capsys, "task", "list", str(board), "--filter", "archived:only")
    assert code == 0 and len(out.splitlines()) == 2
    assert err == f"opsboard: {archive}, line 1: not an archived task; skipped (the file is left as it is)\n"


def test_the_archive_is_refused_as_an_export_target(board: Path, capsys) -> None:
    run(capsys, "archive", str(board), "--days", "7")
    archive = board.with_name("b.json.archive.jsonl")
    before = archive.read_bytes()
    code, out, err = run(capsys, "export", str(board), "--view", "boards", "-o", str(archive))
    assert code == 1 and "that is a file the board keeps beside it" in err and "nothing was written" in err
    assert archive.read_bytes() == before


def test_check_reads_the_archive_and_says_how_many_tasks_it_holds(board: Path, capsys) -> None:
    run(capsys, "archive", str(board), "--days", "7")
    code, out, err = run(capsys, "check", str(board))
    assert code == 0 and err == ""
    assert out.splitlines()[1] == f"{board}.archive.jsonl: OK — 2 archived tasks"


def test_check_names_the_first_damaged_archive_line_and_counts_the_others(board: Path, capsys) -> None:
    run(capsys, "archive", str(board), "--days", "7")
    archive = board.with_name("b.json.archive.jsonl")
    lines = archive.read_bytes().splitlines(keepends=True)
    bad_task = lines[1].replace(b'"priority":3', b'"priority":"urgent"')
    assert bad_task != lines[1]
    archive.write_bytes(lines[0] + b'{"id": 7}\n' + bad_task + b"\x00\xff not json\n")
    code, out, err = run(capsys, "check", str(board))
    assert code == 1 and "Traceback" not in err and len(err.splitlines()) == 1
    assert err.startswith(f"opsboard: {archive}, line 2: not an archived task") and err.endswith("(and 2 more)\n")
    assert archive.read_bytes().startswith(lines[0])  # the file is left as it is


def test_check_of_an_archive_that_cannot_be_read_is_one_line(board: Path, capsys) -> None:
    archive = board.with_name("b.json.archive.jsonl")
    archive.mkdir()
    code, out, err = run(capsys, "check", str(board))
    assert code == 1 and len(err.splitlines()) == 1 and "Traceback" not in err
    assert str(archive) in err


def test_archive_now_moves_the_done_tasks_in_a_save_of_their_own(board: Path, capsys) -> None:
    code, out, err = run(capsys, "archive", str(board), "--now")
    assert code == 0 and err == f"opsboard: {board}: 2 done tasks unchanged for 30 days moved to b.json.archive.jsonl\n"
    assert board_titles(board) == set() and out.splitlines()[1] == f"2 tasks in {board}.archive.jsonl"
    revision = orjson.loads(board.read_bytes())["meta"]["meta"]["revision"]
    code, out, err = run(capsys, "archive", str(board), "--now")  # nothing more to move: nothing written
    assert code == 0 and err == "" and orjson.loads(board.read_bytes())["meta"]["meta"]["revision"] == revision

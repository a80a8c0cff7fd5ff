"""Bad targets and bad input on the command line: one line on stderr, exit 1,
nothing already saved changed (issue 11)."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import orjson
import pytest

from opsboard.cli import main
from opsboard.services.board_files import init_board
from opsboard.services.tasks import add_task


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", "2026-06-01T09:30:00+08:00")
    path = tmp_path / "b.json"
    store = init_board(path, user="ana", name="Spring shop", year=2026)
    add_task(store, department="design", title="Photos")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    assert err.count("\n") == 1 and err.startswith("opsboard: "), err
    assert "Traceback" not in err and "unexpected error" not in err
    return err


@pytest.mark.parametrize("target", ["b.json", "b.json.backups/1.json", "b.json.lock"])
def test_export_onto_the_board_or_its_files_exits_1_and_leaves_them(board: Path, capsys, target: str) -> None:
    before = {path: path.read_bytes() for path in board.parent.rglob("*") if path.is_file()}
    code, out, err = run(capsys, "export", str(board), "--view", "boards", "-o", str(board.parent / target))
    assert (code, out) == (1, "")
    assert "nothing was written" in one_line(err)
    assert {path: path.read_bytes() for path in board.parent.rglob("*") if path.is_file()} == before


def test_restore_given_a_backup_as_the_board_exits_1(board: Path, capsys) -> None:
    backup = board.parent / "b.json.backups" / "1.json"
    code, _, err = run(capsys, "restore", str(backup), "--backup", "1")
    assert code == 1
    assert f"opsboard restore {board}" in one_line(err)
    assert not (board.parent / "b.json.backups" / "1.json.backups").exists()


def edit(board: Path, change) -> bytes:
    data = orjson.loads(board.read_bytes())
    change(data)
    raw = json.dumps(data).encode()  # json: it writes what orjson would refuse
    board.write_bytes(raw)
    return raw


# -- case 11: each of these was a traceback or "unexpected error" ----------------
def test_a_day_dated_9999_is_refused_at_import_and_the_review_export_works(board: Path, capsys, tmp_path: Path) -> None:
    csv = tmp_path / "metrics.csv"
    csv.write_text("date,pv,uv,orders,revenue\n9999-12-31,10,5,1,100\n2026-03-01,10,5,1,100\n", encoding="utf-8")
    before = board.read_bytes()
    code, _, err = run(capsys, "import-actuals", str(board), str(csv))
    assert code == 1 and "line 2: date:" in err and "2100-12-31" in err and "unexpected error" not in err
    assert board.read_bytes() == before
    code, out, err = run(capsys, "export", str(board), "--view", "review")
    assert (code, err) == (0, "") and out.startswith("#")


def test_a_day_dated_9999_already_on_a_board_is_one_line_on_export(board: Path, capsys) -> None:
    row = {"id": "9999-12-31|", "date": "9999-12-31", "pv": 10, "uv": 5, "orders": 1, "revenue": 100.0}
    edit(board, lambda data: data.setdefault("actuals", {}).__setitem__(row["id"], row))
    code, out, err = run(capsys, "export", str(board), "--view", "review")
    assert (code, out) == (1, "")
    assert "document '9999-12-31|': date" in one_line(err)


def test_a_first_save_of_a_board_nested_past_254_levels_is_one_line(board: Path, capsys) -> None:
    deep: dict = {}
    for _ in range(300):
        deep = {"x": deep}
    raw = edit(board, lambda data: next(iter(data["tasks"].values())).__setitem__("from_a_newer_tool", deep))
    code, _, err = run(capsys, "task", "add", str(board), "--dept", "design", "--title", "Banner")
    assert code == 1
    assert "cannot be saved" in one_line(err) and "unchanged" in err
    assert board.read_bytes() == raw


def test_a_revision_that_is_not_a_whole_number_is_one_line_from_check_and_save(board: Path, capsys) -> None:
    raw = edit(board, lambda data: data["meta"]["meta"].__setitem__("revision", "x"))
    for argv in (("check", str(board)), ("task", "add", str(board), "--dept", "design", "--title", "Banner")):
        code, _, err = run(capsys, *argv)
        assert code == 1
        assert "revision: 'x' is not a whole number" in one_line(err)
    assert board.read_bytes() == raw


def test_check_reports_a_malformed_activity_entry(board: Path, capsys) -> None:
    edit(board, lambda data: next(iter(data["activity"].values())).__setitem__("at", "yesterday"))
    code, out, err = run(capsys, "check", str(board))
    assert (code, out) == (1, "")
    assert "table 'activity', document " in one_line(err) and "at:" in err


def test_text_that_is_not_utf8_names_the_argument(board: Path, capsys) -> None:
    before = board.read_bytes()
    title = b"caf\xe9".decode("utf-8", "surrogateescape")  # as Python hands over a Latin-1 terminal's bytes
    code, _, err = run(capsys, "task", "add", str(board), "--dept", "design", "--title", title)
    assert code == 1
    assert (
        one_line(err)
        == "opsboard: title: 'caf\\xe9' is not UTF-8 text (is the terminal set to UTF-8, e.g. LANG=C.UTF-8?); nothing was changed\n"
    )
    assert board.read_bytes() == before


def test_a_file_name_that_is_not_utf8_works(board: Path, capsys, tmp_path: Path) -> None:
    odd = tmp_path / b"b\xff.json".decode("utf-8", "surrogateescape")
    odd.write_bytes(board.read_bytes())
    csv = tmp_path / b"m\xff.csv".decode("utf-8", "surrogateescape")
    csv.write_text("date,pv,uv,orders,revenue\n2026-03-01,10,5,1,100\n", encoding="utf-8")
    code, _, err = run(capsys, "import-actuals", str(odd), str(csv))
    assert (code, err) == (0, ""), err
    summary = list(orjson.loads(odd.read_bytes())["activity"].values())[-1]["summary"]
    assert "m\ufffd.csv" in summary
    code, _, err = run(
        capsys, "export", str(odd), "--view", "checklists", "-o", str(tmp_path / b"o\xff.md".decode("utf-8", "surrogateescape"))
    )
    assert (code, "unexpected" in err) == (0, False)


@pytest.mark.parametrize("failure", ["the copy kept aside", "the restored board"])
def test_restore_onto_a_full_disk_leaves_nothing_half_written(board: Path, capsys, monkeypatch, failure: str) -> None:
    from opsboard.services import recovery
    from opsboard.store import atomic

    def disk_full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    def copy_half(source: Path, target: Path) -> None:
        Path(target).write_bytes(Path(source).read_bytes()[:10])
        disk_full()

    monkeypatch.setattr(atomic.os, "link", disk_full)  # a file system without hard links: a copy
    if failure == "the copy kept aside":
        monkeypatch.setattr(atomic.shutil, "copy2", copy_half)
    else:
        monkeypatch.setattr(recovery, "atomic_write", disk_full)
    files = {path: path.read_bytes() for path in board.parent.rglob("*") if path.is_file()}
    code, out, err = run(capsys, "restore", str(board), "--backup", "1")
    assert (code, out) == (1, "")
    assert "No space left on device" in one_line(err) and "unchanged" in err
    assert {path: path.read_bytes() for path in board.parent.rglob("*") if path.is_file()} == files


def test_restore_into_a_folder_it_cannot_write_is_one_line(board: Path, capsys, monkeypatch) -> None:
    from opsboard.store import lock

    def read_only(*_: object, **__: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(board.with_name("b.json.lock")))

    board.with_name("b.json.lock").unlink()
    monkeypatch.setattr(lock.BoardLock, "_file_lock", read_only)  # as root, chmod cannot make a folder read-only
    files = {path: path.read_bytes() for path in board.parent.rglob("*") if path.is_file()}
    code, _, err = run(capsys, "restore", str(board), "--backup", "1")
    assert code == 1 and "Permission denied" in one_line(err)
    assert {path: path.read_bytes() for path in board.parent.rglob("*") if path.is_file()} == files

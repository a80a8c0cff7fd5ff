"""`opsboard people list|add|rename`: the roster from scripts; renaming
follows the person's tasks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from opsboard.cli import main
from opsboard.store import BoardStore


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_and_rename(board: Path, capsys) -> None:
    assert run(capsys, "people", "add", str(board), "wang", "--display", "Wang Fang", "--dept", "design") == (0, "wang\n", "")
    assert run(capsys, "task", "add", str(board), "--dept", "hr", "--title", "Hire", "--owner", "Wang")[0] == 0
    code, out, _ = run(capsys, "people", "list", str(board))
    assert code == 0 and out.splitlines()[1].split() == ["wang", "Wang", "Fang", "Design"]
    code, out, err = run(capsys, "people", "rename", str(board), "Wang Fang", "fang")
    assert (code, out, err) == (0, "fang: 1 task now owned by fang\n", "")
    code, out, _ = run(capsys, "people", "list", str(board), "--json")
    assert [(p["name"], p["display_name"], p["department_name"]) for p in json.loads(out)] == [("fang", "Wang Fang", "Design")]
    assert [t.owner for t in BoardStore(board, user="r").tasks()] == ["fang"]
    code, out, _ = run(capsys, "task", "list", str(board), "--filter", "owner:me", "--user", "fang", "--json")
    assert [t["title"] for t in json.loads(out)] == ["Hire"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("add", "{b}", "wang"), "opsboard: 'wang' is already on the roster"),
        (("add", "{b}", "li", "--dept", "moon"), "opsboard: unknown department 'moon'"),
        (("rename", "{b}", "ghost", "x"), "opsboard: no one called 'ghost' on the roster"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(board: Path, capsys, argv: tuple[str, ...], message: str) -> None:
    run(capsys, "people", "add", str(board), "wang")
    before = board.read_bytes()
    code, out, err = run(capsys, "people", *(a.format(b=board) for a in argv))
    assert code == 1 and out == "" and len(err.splitlines()) == 1 and err.startswith(message)
    assert board.read_bytes() == before


def test_an_empty_roster_says_so(board: Path, capsys) -> None:
    code, out, err = run(capsys, "people", "list", str(board))
    assert code == 0 and out == "" and "No one on the roster" in err

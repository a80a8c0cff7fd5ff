"""A task's editable fields are declared once (services/task_fields.py) and
every front end is built from the declaration: the services read them, the
command line offers them, the form shows them, `task list --json` has them."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from opsboard.cli import build_command_parser, main
from opsboard.model import Task
from opsboard.services.task_fields import BY_NAME, TASK_FIELDS, cli_fields
from opsboard.store import BoardStore
from opsboard.tui.modals.task_form import task_form


def subcommand(*path: str) -> argparse.ArgumentParser:
    parser = build_command_parser()
    for name in path:
        action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = action.choices[name]
    return parser


def options(parser: argparse.ArgumentParser) -> dict[str, str]:
    return {a.option_strings[-1]: a.dest for a in parser._actions if a.option_strings and a.dest not in ("help", "user", "ui_lang")}


def test_every_declared_field_is_a_field_of_the_task() -> None:
    assert set(BY_NAME) <= Task.model_fields.keys()
    assert len(BY_NAME) == len(TASK_FIELDS)


def test_task_add_and_set_offer_exactly_the_declared_options() -> None:
    assert options(subcommand("task", "add")) == {f.option: f.name for f in cli_fields("add")}
    declared = {f.option: f.name for f in cli_fields("set")}
    assert options(subcommand("task", "set")) == {"--status": "status", "--reason": "reason", **declared}
    assert {f.name for f in cli_fields("add")} >= {"department", "title", "due", "owner", "priority", "tags"}


def test_the_form_shows_the_declared_fields_in_their_order() -> None:
    declared = [f.name for f in TASK_FIELDS if f.name != "department"]
    new = task_form("New", lambda values: None, items=[])
    assert [f.name for f in new.fields] == declared
    # from the boards overview, which department comes first
    chosen = task_form("New", lambda values: None, items=[], departments={"design": "Design"})
    assert [f.name for f in chosen.fields] == ["department", *declared]


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("USER", "lin")
    path = tmp_path / "b.json"
    assert main(["init", str(path), "--name", "Shop", "--year", "2026"]) == 0
    return path


def test_task_list_json_has_every_field_of_the_task(board: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["task", "add", str(board), "--dept", "design", "--title", "Banner", "--due", "2026-05-01", "--tags", "618"]) == 0
    capsys.readouterr()
    assert main(["task", "list", str(board), "--json"]) == 0
    (shown,) = json.loads(capsys.readouterr().out)
    (task,) = BoardStore(board, user="t").tasks()
    assert shown.keys() == Task.model_fields.keys() | {"department_name"}
    assert {k: v for k, v in shown.items() if k != "department_name"} == task.to_doc()
    assert (shown["department_name"], shown["due"], shown["tags"]) == ("Design", "2026-05-01", ["618"])

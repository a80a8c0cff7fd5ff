"""A task's editable fields are declared once (services/task_fields.py) and
every front end is built from the declaration: the services read them, the
command line offers them, the form shows them, `task list --json` has them."""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

import pytest

from opsboard.cli import build_command_parser, main
from opsboard.model import Task
from opsboard.services.export import export_view
from opsboard.services.task_fields import BY_NAME, TASK_FIELDS, FilterKey, TaskField, cli_fields
from opsboard.services.task_filter import FILTER_HELP, filter_words, parse_filter, select
from opsboard.store import BoardStore
from opsboard.tui.modals.task_details import task_details
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


# Adding a field is the model field and one declaration: `month` (the target
# month a corrective task serves) is on the model but not yet declared, so
# declaring it here shows what one entry gives every front end.
MONTH = TaskField(
    "month",
    "Target month",
    lambda store, raw: int(str(raw)) if str(raw).strip() else None,  # what a developer writes first: int()
    default=None,
    option="--month",
    add_help="the target month it serves, 1-12",
    set_help="1-12",
    accepts="a month, 1-12",
    details="Month",
    column="Month",
    filter=FilterKey("month", "month:1-12", "month:N", "the target month it serves"),
)


@pytest.fixture
def month_declared(monkeypatch: pytest.MonkeyPatch) -> None:
    """MONTH added to the declaration, wherever a module holds it."""
    fields, by_name = (*TASK_FIELDS, MONTH), {**BY_NAME, "month": MONTH}
    for name, module in list(sys.modules.items()):
        if name.startswith("opsboard"):
            if vars(module).get("TASK_FIELDS") is TASK_FIELDS:
                monkeypatch.setattr(module, "TASK_FIELDS", fields)
            if vars(module).get("BY_NAME") is BY_NAME:
                monkeypatch.setattr(module, "BY_NAME", by_name)


def test_a_declared_field_is_in_the_cli_the_form_the_details_the_export_and_the_filter(
    month_declared: None, board: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["task", "add", str(board), "--dept", "design", "--title", "Fix the funnel", "--month", "3"]) == 0
    assert main(["task", "add", str(board), "--dept", "design", "--title", "Other", "--month", "4"]) == 0
    store = BoardStore(board, user="t")
    task, other = store.tasks()
    assert (task.month, other.month) == (3, 4)
    # `task set` takes it too
    assert main(["task", "set", str(board), other.id, "--month", "5"]) == 0
    assert BoardStore(board, user="t").task(other.id).month == 5
    # the form: its input, with the task's value
    form = task_form("Edit", lambda values: None, items=[], task=task)
    assert [(f.name, f.value) for f in form.fields if f.name == "month"] == [("month", "3")]
    # the details panel: its row
    details = task_details(task, "Design", "", date(2026, 3, 2)).plain
    assert "Month      3\n" in details
    # the export: its column, in every board column's table
    markdown = export_view(store, "boards")
    assert re.search(r"\| Task +\|.*\| Month +\| Id +\|", markdown)
    assert re.search(r"\| Fix the funnel +\|.*\| +3 +\| t-", markdown)
    # the filter: its key, and the filter box's hint names it
    capsys.readouterr()
    assert main(["task", "list", str(board), "--filter", "month:3", "--json"]) == 0
    assert [t["title"] for t in json.loads(capsys.readouterr().out)] == ["Fix the funnel"]
    assert select(parse_filter("month:5"), store.tasks(), date(2026, 3, 2)) == [BoardStore(board, user="t").task(other.id)]
    assert str(FILTER_HELP).endswith(", month:1-12")
    assert filter_words()[-2] == ("month:N", "the target month it serves")  # and `?` explains it (before archived:, last)


@pytest.mark.parametrize("typed", ["x", "13", "3.5"])
def test_a_value_a_declared_field_does_not_take_is_one_line_naming_it(
    month_declared: None, board: Path, capsys: pytest.CaptureFixture[str], typed: str
) -> None:
    before = board.read_bytes()
    assert main(["task", "add", str(board), "--dept", "design", "--title", "Fix", "--month", typed]) == 1
    error = capsys.readouterr().err
    assert error == f"opsboard: --month: '{typed}' is not accepted: a month, 1-12\n"  # not int()'s or pydantic's words
    assert board.read_bytes() == before

"""`opsboard export BOARD --view standup [-o FILE]`: today's agenda from the
command line, the board built with the CLI itself, the output parsed as
Markdown. The DONE-WHEN check of issue 7 is the first test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from opsboard.cli import main

MONDAY = "2026-06-15T09:30:00+08:00"


def opsboard(*args: str, now: str = MONDAY) -> str:
    """Run the real command line in a child process; its stdout."""
    env = {**os.environ, "OPSBOARD_NOW": now}
    result = subprocess.run([sys.executable, "-m", "opsboard", *args], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout


def items_by_heading(markdown: str) -> dict[str, list[str]]:
    """Level-2 heading → the inline source of each list item under it."""
    result: dict[str, list[str]] = {}
    current, in_item = None, False
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type == "heading_open":
            current = "" if token.tag == "h2" else None
        elif token.type == "inline" and current == "":
            current = token.content
            result[current] = []
        elif token.type == "list_item_open":
            in_item = True
        elif token.type == "list_item_close":
            in_item = False
        elif token.type == "inline" and in_item and current:
            result[current].append(token.content)
    return result


@pytest.fixture
def board(tmp_path: Path) -> Path:
    """Marketing: a task blocked "budget not approved" on Friday; Design: a
    task due last Wednesday."""
    path = tmp_path / "b.json"
    opsboard("init", str(path), "--name", "Linen & Loom", "--year", "2026", now="2026-06-12T09:00:00+08:00")
    slots = opsboard(
        "--user",
        "lin",
        "task",
        "add",
        str(path),
        "--dept",
        "Marketing",
        "--title",
        "Book 618 ad slots",
        "--owner",
        "lin",
        now="2026-06-12T09:00:00+08:00",
    ).strip()
    opsboard(
        "--user",
        "lin",
        "task",
        "set",
        str(path),
        slots,
        "--status",
        "blocked",
        "--reason",
        "budget not approved",
        now="2026-06-12T10:00:00+08:00",
    )
    opsboard(
        "task",
        "add",
        str(path),
        "--dept",
        "design",
        "--title",
        "Retouch hero images",
        "--owner",
        "chen",
        "--due",
        "2026-06-10",
        now="2026-06-12T09:00:00+08:00",
    )
    return path


def test_done_when_blocked_and_overdue_are_under_their_departments(board: Path) -> None:
    out = opsboard("export", str(board), "--view", "standup")
    sections = items_by_heading(out)
    assert list(sections) == ["Design", "Marketing"]
    assert sections["Marketing"] == ["**Blocked:** Book 618 ad slots (lin) — budget not approved · blocked 2 days"]
    assert sections["Design"] == ["**Overdue:** Retouch hero images (chen) — due 2026-06-10, 5 days late"]
    assert out.startswith("# Stand-up agenda · Linen \\& Loom · Mon 15 Jun 2026\n")
    assert "Done counts since Fri 12 Jun 2026 (no earlier stand-up recorded)." in out
    assert len(out.splitlines()) < 20  # short enough to paste into the team chat


def test_export_to_a_file(board: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", MONDAY)
    target = tmp_path / "agenda.md"
    assert main(["export", str(board), "--view", "standup", "-o", str(target)]) == 0
    assert f"Wrote {target}" in capsys.readouterr().err
    sections = items_by_heading(target.read_text(encoding="utf-8"))
    assert sections["Marketing"][0].startswith("**Blocked:** Book 618 ad slots")


def test_done_since_the_last_working_day_across_the_weekend(board: Path) -> None:
    design_id = opsboard("task", "add", str(board), "--dept", "design", "--title", "Size chart", now="2026-06-12T09:00:00+08:00").strip()
    opsboard("task", "set", str(board), design_id, "--status", "done", now="2026-06-12T17:00:00+08:00")  # Friday
    monday = items_by_heading(opsboard("export", str(board), "--view", "standup"))
    assert "Done: Size chart" in monday["Design"]
    tuesday = items_by_heading(opsboard("export", str(board), "--view", "standup", now="2026-06-16T09:30:00+08:00"))
    assert "Done: Size chart" not in tuesday["Design"]  # Tuesday counts from Monday


def test_an_empty_board_names_every_department_as_quiet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", MONDAY)
    path = tmp_path / "empty.json"
    assert main(["init", str(path), "--year", "2026"]) == 0
    capsys.readouterr()
    assert main(["export", str(path), "--view", "standup"]) == 0
    out = capsys.readouterr().out
    assert items_by_heading(out) == {}
    assert out.rstrip().endswith(
        "Nothing to report: Design, Marketing, Customer Service, Product Development, HR, BD, Data Analysis, Operations, Store Admin."
    )


def test_all_views_include_the_standup(board: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", MONDAY)
    assert main(["export", str(board), "--view", "all"]) == 0
    assert "# Stand-up agenda · Linen \\& Loom" in capsys.readouterr().out


def test_a_hand_broken_activity_time_does_not_stop_the_agenda(board: Path) -> None:
    """An entry whose time was edited into nonsense is left out (`opsboard
    check` names it), instead of 'unexpected error: ValueError'."""
    design_id = opsboard("task", "add", str(board), "--dept", "design", "--title", "Size chart", now="2026-06-12T09:00:00+08:00").strip()
    opsboard("task", "set", str(board), design_id, "--status", "done", now="2026-06-12T17:00:00+08:00")
    data = json.loads(board.read_text(encoding="utf-8"))
    first = next(iter(data["activity"].values()))
    first["at"] = "yesterday-ish"
    board.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = board.read_bytes()
    sections = items_by_heading(opsboard("export", str(board), "--view", "standup"))
    assert "Done: Size chart" in sections["Design"]
    assert board.read_bytes() == before

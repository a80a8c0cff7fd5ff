"""`opsboard init`, `export --view checklists`, `check`, `--user`, the per-user
default board and `--demo`, through the command line's main()."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import orjson
import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.tasklists import tasklists_plugin

from opsboard.cli import main
from opsboard.model.clock import today
from opsboard.services import board_files
from opsboard.services.board_files import DEMO_BOARD, demo_copy
from opsboard.services.checklists import toggle_item
from opsboard.store import BoardStore

FROZEN = "2026-03-02T09:30:00+08:00"


@pytest.fixture(autouse=True)
def frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", FROZEN)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:  # argparse: wrong usage
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def checklist_items(markdown: str) -> list[tuple[str, bool, str]]:
    """(the h2 heading above, checked?, text) of every GFM task-list item."""
    parser = MarkdownIt("commonmark").enable("table").use(tasklists_plugin)
    tokens = parser.parse(markdown)
    found, heading = [], ""
    for n, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2":
            heading = tokens[n + 1].content
        if token.type == "inline" and token.children and token.children[0].type == "html_inline":
            box = token.children[0].content
            if "task-list-item-checkbox" in box:
                text = "".join(child.content for child in token.children[1:]).strip()
                found.append((heading, 'checked="checked"' in box, text))
    return found


def h2_headings(markdown: str) -> list[str]:
    tokens = MarkdownIt("commonmark").parse(markdown)
    return [tokens[n + 1].content for n, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]


def saved(path: Path) -> dict:
    return orjson.loads(path.read_bytes())


# -- init --------------------------------------------------------------------
def test_init_english_with_name_and_year(tmp_path: Path, capsys) -> None:
    board = tmp_path / "b.json"
    code, out, err = run(capsys, "init", str(board), "--name", "Linen & Loom", "--year", "2027")
    assert (code, err) == (0, "")
    assert out == f"Created {board}: 'Linen & Loom' (en, 2027), 22 checklist items\n"
    meta = saved(board)["meta"]["meta"]
    assert (meta["name"], meta["year"], meta["language"], meta["currency"]) == ("Linen & Loom", 2027, "en", "CNY")
    assert saved(board)["checklist"]["research-a"]["title"] == "Size the market and its outlook"


def test_init_chinese(tmp_path: Path, capsys) -> None:
    board = tmp_path / "z.json"
    code, out, _ = run(capsys, "init", str(board), "--lang", "zh", "--name", "麻织旗舰店", "--year", "2026")
    assert code == 0
    assert out == f"Created {board}: '麻织旗舰店' (zh, 2026), 22 checklist items\n"
    data = saved(board)
    assert data["meta"]["meta"]["language"] == "zh"
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in item["title"]) for item in data["checklist"].values())


def test_init_without_year_takes_this_year(tmp_path: Path, capsys) -> None:
    board = tmp_path / "b.json"
    assert run(capsys, "init", str(board))[0] == 0
    assert saved(board)["meta"]["meta"]["year"] == 2026  # OPSBOARD_NOW's year


def test_init_over_an_existing_file_exits_1_with_one_line_and_keeps_it(tmp_path: Path, capsys) -> None:
    board = tmp_path / "b.json"
    board.write_text("my notes", encoding="utf-8")
    code, out, err = run(capsys, "init", str(board))
    assert (code, out) == (1, "")
    assert err == f"opsboard: {board}: a file is already there; choose another name\n"
    assert board.read_text(encoding="utf-8") == "my notes"


def test_init_with_an_unknown_language_is_wrong_usage(tmp_path: Path, capsys) -> None:
    board = tmp_path / "b.json"
    code, out, err = run(capsys, "init", str(board), "--lang", "fr")
    assert (code, out) == (2, "")
    assert "invalid choice: 'fr' (choose from 'en', 'zh')" in err
    assert not board.exists()


def test_user_flag_is_recorded_as_who_made_the_change(tmp_path: Path, capsys) -> None:
    board = tmp_path / "b.json"
    assert run(capsys, "init", str(board), "--user", "mei")[0] == 0
    data = saved(board)
    assert data["meta"]["meta"]["updated_by"] == "mei"
    assert {item["updated_by"] for item in data["checklist"].values()} == {"mei"}
    other = tmp_path / "c.json"
    assert run(capsys, "--user", "chen", "init", str(other))[0] == 0  # before the command works too
    assert saved(other)["meta"]["meta"]["updated_by"] == "chen"


# -- export ------------------------------------------------------------------
def test_export_checklists_is_gfm_with_22_checkboxes_under_the_four_phases(tmp_path: Path, capsys) -> None:
    board = tmp_path / "b.json"
    run(capsys, "init", str(board), "--name", "Spring shop")
    toggle_item(BoardStore(board, user="ana"), "research-b")
    code, out, err = run(capsys, "export", str(board), "--view", "checklists")
    assert (code, err) == (0, "")
    assert out.startswith("# Spring shop — checklists\n")
    assert h2_headings(out) == ["Research (1/4 done)", "Launch (0/5 done)", "Promotion (0/9 done)", "Review (0/4 done)"]
    items = checklist_items(out)
    assert len(items) == 22
    per_phase = {}
    for heading, _, _ in items:
        per_phase[heading] = per_phase.get(heading, 0) + 1
    assert list(per_phase.values()) == [4, 5, 9, 4]
    assert [checked for _, checked, _ in items].count(True) == 1
    assert items[1] == ("Research (1/4 done)", True, "B · Choose the business model, marketplace and store type — Operations")
    assert items[0][2] == "A · Size the market and its outlook — Data Analysis"


def test_export_of_a_chinese_board_has_chinese_phase_titles(tmp_path: Path, capsys) -> None:
    board = tmp_path / "z.json"
    run(capsys, "init", str(board), "--lang", "zh")
    code, out, _ = run(capsys, "export", str(board), "--view", "checklists")
    assert code == 0
    assert h2_headings(out) == ["调研（0/4 已完成）", "上线（0/5 已完成）", "推广（0/9 已完成）", "复盘（0/4 已完成）"]
    assert len(checklist_items(out)) == 22


def test_export_with_o_writes_the_file_and_says_so_on_stderr(tmp_path: Path, capsys) -> None:
    board = tmp_path / "b.json"
    run(capsys, "init", str(board))
    target = tmp_path / "out.md"
    code, out, err = run(capsys, "export", str(board), "--view", "checklists", "-o", str(target))
    assert (code, out, err) == (0, "", f"Wrote {target}\n")
    assert len(checklist_items(target.read_text(encoding="utf-8"))) == 22


def test_export_of_a_missing_board_exits_1(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "nope.json"
    code, out, err = run(capsys, "export", str(missing), "--view", "checklists")
    assert (code, out) == (1, "")
    assert err == f"opsboard: {missing}: no such board (create one with `opsboard init {missing}`)\n"


# -- check -------------------------------------------------------------------
def test_check_on_a_good_board_exits_0(tmp_path: Path, capsys) -> None:
    board = tmp_path / "b.json"
    run(capsys, "init", str(board), "--name", "Spring shop")
    code, out, err = run(capsys, "check", str(board))
    assert (code, err) == (0, "")
    assert out == f"{board}: OK — 'Spring shop', 0 tasks, 22 checklist items, revision 0\n"


def test_check_on_a_damaged_board_exits_1_names_a_backup_and_leaves_the_file(tmp_path: Path, capsys) -> None:
    board = tmp_path / "b.json"
    run(capsys, "init", str(board))
    toggle_item(BoardStore(board, user="ana"), "research-a")  # the first file becomes backup 1
    good = board.read_bytes()
    damaged = good[: len(good) // 2]
    board.write_bytes(damaged)
    code, out, err = run(capsys, "check", str(board))
    assert (code, out) == (1, "")
    assert err.count("\n") == 1
    backup = board.with_name("b.json.backups") / "1.json"
    assert err.startswith(f"opsboard: {board}: damaged board file (not valid JSON at line 1, column ")
    assert err.rstrip().endswith(f"(newest backup: {backup})")
    assert board.read_bytes() == damaged
    assert BoardStore(backup, user="x").checklist()  # the named backup is a good board


# -- opening: the default board and the demo -------------------------------------
@pytest.fixture
def tui_runs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, str | None]]:
    """Instead of running the terminal app, note which board it got and its notice."""
    from opsboard.tui.app import OpsboardApp

    runs: list[tuple[Path, str | None]] = []
    monkeypatch.setattr(OpsboardApp, "run", lambda self, **_: runs.append((self.store.path, self.startup_notice)))
    return runs


def test_no_board_creates_the_per_user_default_with_a_one_line_notice(tmp_path: Path, monkeypatch, capsys, tui_runs) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    expected = tmp_path / "data" / "opsboard" / "board.json"
    assert board_files.default_board_path() == expected
    assert run(capsys, "--user", "mei")[0] == 0
    assert tui_runs == [(expected, f"Created your board at {expected}")]
    assert saved(expected)["meta"]["meta"]["updated_by"] == "mei"
    assert len(saved(expected)["checklist"]) == 22
    assert run(capsys)[0] == 0  # the second time it is just opened
    assert tui_runs[1] == (expected, None)


def test_demo_opens_a_fresh_copy_never_the_sample(capsys, monkeypatch) -> None:
    from opsboard.tui.app import OpsboardApp

    seen: list[tuple[Path, bytes, str | None]] = []
    monkeypatch.setattr(
        OpsboardApp, "run", lambda self, **_: seen.append((self.store.path, self.store.path.read_bytes(), self.startup_notice))
    )
    sample = DEMO_BOARD.read_bytes()
    sample_mtime = DEMO_BOARD.stat().st_mtime_ns
    assert run(capsys, "--demo")[0] == 0
    opened, content, notice = seen[0]
    assert opened != DEMO_BOARD and content == sample
    assert notice == f"Demo board: a fresh copy, demo.json in {opened.parent}"
    assert (DEMO_BOARD.read_bytes(), DEMO_BOARD.stat().st_mtime_ns) == (sample, sample_mtime)
    assert not opened.parent.exists()  # the demo ends: its folder is gone


def test_a_demo_keeps_what_the_user_exported_and_says_where(capsys, monkeypatch) -> None:
    from opsboard.services.spreadsheet import write_view_export
    from opsboard.tui.app import OpsboardApp

    def run_app(self, **_):
        toggle_item(self.store, "review-1")  # a save: backups and a lock beside the board
        write_view_export(self.store, "boards", "csv")
        opened.append(self.store.path)

    opened: list[Path] = []
    monkeypatch.setattr(OpsboardApp, "run", run_app)
    code, _, err = run(capsys, "--demo")
    folder = opened[0].parent
    assert code == 0 and [p.name for p in folder.iterdir()] == [f"demo-boards-{today().isoformat()}.csv"]
    assert err == f"opsboard: the demo board is gone; your files from the demo are kept in {folder}\n"
    shutil.rmtree(folder)


def test_demo_copy_is_a_new_temporary_file_each_time_and_saving_it_leaves_the_sample(tmp_path: Path) -> None:
    sample = DEMO_BOARD.read_bytes()
    first, second = demo_copy(), demo_copy()
    assert first != second and first.parent != second.parent
    assert DEMO_BOARD.parent not in (first.parent, second.parent)
    assert first.read_bytes() == sample
    store = BoardStore(first, user="ana")
    toggle_item(store, "review-1")
    assert BoardStore(first, user="x").item("review-1").status.value == "done"
    assert DEMO_BOARD.read_bytes() == sample
    assert not os.path.exists(DEMO_BOARD.with_name(DEMO_BOARD.name + ".backups"))
    assert not os.path.exists(DEMO_BOARD.with_name(DEMO_BOARD.name + ".lock"))


def test_a_demo_killed_before_it_cleaned_up_is_swept_at_the_next_demo(tmp_path: Path) -> None:
    import subprocess
    import sys

    from opsboard.services.board_files import sweep_stale_demos

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # a process that ended: its demo was killed with -9
    stale, exported, live = (tmp_path / f"opsboard-demo-{pid}-x{n}" for n, pid in enumerate((gone.pid, gone.pid, os.getpid())))
    for folder in (stale, exported, live):
        (folder / "demo.json.backups").mkdir(parents=True)
        (folder / "demo.json").write_text("{}")
        (folder / "demo.json.lock").write_text("")
    (exported / "demo-boards.xlsx").write_text("mine")
    sweep_stale_demos(tmp_path)
    assert not stale.exists()
    assert [p.name for p in exported.iterdir()] == ["demo-boards.xlsx"]  # what the user exported stays
    assert sorted(p.name for p in live.iterdir()) == ["demo.json", "demo.json.backups", "demo.json.lock"]  # still running


def test_a_command_does_not_report_on_a_board_an_earlier_one_opened_and_since_deleted(tmp_path: Path, capsys) -> None:
    """Commands run in one process (tests; the app's launcher): the demo's
    board, opened by `opsboard --demo`, saved (its old done tasks moved to the
    archive) and deleted as it ends, made the next command fail with 'no such
    board' when it reported what the boards it had opened moved."""
    from opsboard.services.board_files import open_board

    demo = demo_copy()
    store = open_board(demo, user="ana")  # as the app's launcher opens it (the app says its own notices)
    toggle_item(store, "review-1")
    assert store.archived_in_all  # the save moved the demo's old done tasks
    shutil.rmtree(demo.parent)
    code, _out, err = run(capsys, "init", str(tmp_path / "new.json"), "--user", "ana")
    assert code == 0 and "no such board" not in err

"""The user's keymap is in force from the first frame, a key bound twice
and an unknown id each get one clear warning, and `opsboard keys` lists the
ids a keymap can use."""

from __future__ import annotations

from pathlib import Path

import pytest
from boards_fixture import NOW, make_board

from opsboard.cli import main
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.key_ids import key_bindings, keymap_problems
from opsboard.tui.widgets.key_footer import KeyFooter


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = tmp_path / "b.json"
    make_board(path)
    return path


def write_keymap(tmp_path: Path, text: str) -> None:
    folder = tmp_path / "config" / "opsboard"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "keymap.toml").write_text(text)


async def test_the_keymap_holds_in_the_first_frame(board: Path, tmp_path: Path) -> None:
    write_keymap(tmp_path, '"checklists.toggle" = "d"\n"view.boards" = "f2"\n')
    app = OpsboardApp(BoardStore(board, user="ana"))
    frames: list[list[tuple[str, str]]] = []
    async with app.run_test(size=(120, 40)) as pilot:
        frames.append(app.screen.query_one(KeyFooter).shown_keys())  # before any pause: the first frame's keys
        await pilot.pause()
        assert ("d", "Done") in frames[0] and ("space", "Done") not in frames[0]
        await pilot.press("f2")
        await pilot.pause()
        assert app.current_mode == "boards"
        assert not [n for n in app._notifications if n.severity == "warning"]  # a good keymap: no warning


async def test_a_key_bound_twice_and_an_unknown_id_are_each_warned_once(board: Path, tmp_path: Path) -> None:
    write_keymap(tmp_path, '"boards.add" = "e"\n"boards.frobnicate" = "f"\n')
    app = OpsboardApp(BoardStore(board, user="ana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        warnings = [str(n.message) for n in app._notifications if n.severity == "warning"]
        assert warnings == [
            "keymap: unknown id 'boards.frobnicate' (`opsboard keys` lists them)",
            "keymap: 'e' is bound to both boards.add and boards.edit; only one of them can run",
        ]


def test_every_binding_a_keymap_can_name_has_an_id_and_one_key_per_place() -> None:
    bindings = key_bindings()
    ids = {b.id for b in bindings}
    assert {"app.quit", "boards.add", "app.tasks", "tasks.mine", "details.comment", "form.save"} <= ids
    assert keymap_problems({}, bindings) == []  # the defaults clash nowhere


def test_opsboard_keys_lists_the_ids(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert main(["keys"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["Id", "Keys", "Does", "Where"]
    assert any(line.split()[:2] == ["boards.add", "a"] for line in out)
    assert out[-1] == f"Your keymap: {tmp_path / 'config' / 'opsboard' / 'keymap.toml'}"

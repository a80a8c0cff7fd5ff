"""The command line says which channel a platform campaign counts for none
of (its name says no platform), after `target set` and `target campaign
add|set`, and takes `--channel "旗舰店=70% platform=tmall"` to fix it."""

from __future__ import annotations

from pathlib import Path

import pytest

from opsboard.cli import main
from opsboard.services.board_files import init_board

NOTE = "旗舰店 gets no share of the campaigns on a platform: its name says no platform."


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", "2026-03-01T10:00:00+08:00")
    path = tmp_path / "b.json"
    init_board(path, user="ana", name="Shop", year=2026)
    assert main(["target", "set", str(path), "--annual", "12m", "--channel", "旗舰店=70%", "--channel", "JD=30%"]) == 0
    return path


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_adding_a_platform_campaign_names_the_channel_it_misses_and_the_fix(board: Path, capsys) -> None:
    capsys.readouterr()
    code, out = run(capsys, "target", "campaign", "add", str(board), "--preset", "双11", "--platform", "tmall")
    assert code == 0
    assert NOTE in out and "旗舰店=70% platform=tmall" in out
    code, out = run(capsys, "target", "set", str(board), "--channel", "旗舰店=70% platform=tmall", "--channel", "JD=30%")
    assert code == 0 and "no share of the campaigns" not in out
    code, out = run(capsys, "target", "campaign", "set", str(board), "双11", "--uplift", "120%")
    assert code == 0 and "no share of the campaigns" not in out


def test_a_campaign_on_every_channel_says_nothing(board: Path, capsys) -> None:
    code, out = run(capsys, "target", "campaign", "add", str(board), "--name", "Shop birthday", "--phase", "main:04-04:04-04")
    assert code == 0 and "no share of the campaigns" not in out


def test_a_wrong_platform_is_one_line_and_changes_nothing(board: Path, capsys) -> None:
    before = board.read_bytes()
    code = main(["target", "set", str(board), "--channel", "旗舰店=70% platform=amazon", "--channel", "JD=30%"])
    err = capsys.readouterr().err
    assert code == 1 and len(err.strip().splitlines()) == 1 and "'amazon' is not a platform" in err
    assert board.read_bytes() == before

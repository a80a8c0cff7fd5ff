"""Issue 18 case 2: at 80×24 every view's footer keeps `? Help` and `q Quit`
(other keys give way from the right), and a read-only board's footer offers
no editing keys. Case 18: the recovery dialog is in test_recovery_tui.py."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from boards_app import board, make_app  # noqa: F401

from opsboard import i18n
from opsboard.store.migrations import SCHEMA_VERSION
from opsboard.tui.widgets.key_footer import KeyFooter


async def footer(pilot, *keys: str) -> list[str]:
    await pilot.press(*keys)
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return [key for key, _ in pilot.app.screen.query_one(KeyFooter).shown_keys()]


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_every_view_keeps_help_and_quit_at_80x24(board: Path, language: str) -> None:
    i18n.override_language(language)  # --ui-lang: Chinese words are wider, and the keys must still fit
    async with make_app(board).run_test(size=(80, 24)) as pilot:
        for keys in (("1",), ("3",), ("4",), ("5",), ("2",), ("enter",)):  # last: view 2 with a card selected
            shown = await footer(pilot, *keys)
            assert "?" in shown and "q" in shown, (keys, shown)
        assert shown[:2] == ["x", "[ ]"] and shown[-3:] == ["?", "q", "^p"]


async def test_a_read_only_board_footer_offers_no_edits(board: Path) -> None:
    data = orjson.loads(board.read_bytes())
    data["meta"]["meta"]["schema_version"] = SCHEMA_VERSION + 1  # from a newer opsboard: read-only
    board.write_bytes(orjson.dumps(data))
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        assert pilot.app.store.read_only
        view1 = await footer(pilot)
        assert not {"space", "s", "e", "t"} & set(view1) and "x" in view1
        view2 = await footer(pilot, "2", "enter")
        assert not {"a", "e", "H/L", "d"} & set(view2) and "/" in view2
        view5 = await footer(pilot, "5")
        assert not {"⏎", "b", "d", "a", "f"} & set(view5) and "n" in view5

"""Issue 18 case 12 at 60 columns: view 1's phase bar keeps all four phases
on its first line and the rule under the current one on its second, in
either language (the fourth label wrapped onto the rule: 'Review 0/4 ░░░░░'
where the rule should be)."""

from __future__ import annotations

from pathlib import Path

import pytest
from checklists_fixture import NOW

from opsboard.services.board_files import init_board
from opsboard.services.checklists import toggle_item
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.widgets.phase_tabs import PhaseTabs


@pytest.mark.parametrize(
    "language, width, phases",
    [
        ("en", 60, ["Research 1/4", "Launch 0/5", "Promotion 0/9", "Review 0/4"]),
        ("zh", 60, ["调研 1/4 █░░", "上线 0/5 ░░░", "推广 0/9 ░░░", "复盘 0/4 ░░░"]),
        ("en", 80, ["Research 1/4 █░░░░", "Launch 0/5 ░░░░░", "Promotion 0/9 ░░░░░", "Review 0/4 ░░░░░"]),
    ],
)
async def test_all_four_phases_on_one_line_above_the_rule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language, width, phases) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    store = init_board(tmp_path / "b.json", user="lin", language=language, year=2026)
    toggle_item(store, "research-a")
    app = OpsboardApp(BoardStore(store.path, user="lin"))
    async with app.run_test(size=(width, 20)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(PhaseTabs)
        labels, rule = (bar.render_line(y).text for y in range(bar.size.height))
        assert labels.strip().split("  ") == phases
        assert rule.strip().startswith("━" * len(phases[0]))

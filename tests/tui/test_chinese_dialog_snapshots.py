"""Pictures of the Chinese interface the other Chinese snapshots leave out:
view 3's chart and rest-of-year tabs, its plan and campaign forms, view 4's
export and import dialogs (the column pickers of a file no layout knows),
the `?` help at 80×24, a card's details (the palette's providers answer in
no fixed order: test_palette_chinese.py checks its words instead). Boards made in
Chinese (市场部…), frozen clocks, as in test_targets_snapshots and
test_review_snapshots.

Update with `pytest tests/tui/test_chinese_dialog_snapshots.py --snapshot-update`
after checking the new pictures by eye (no English but user data and key names)."""

from __future__ import annotations

from pathlib import Path

import pytest
import test_review_snapshots as review
import test_targets_snapshots as targets
from boards_fixture import NOW as BOARDS_NOW
from boards_fixture import make_board

from opsboard import i18n
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp


@pytest.fixture(autouse=True)
def chinese(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    i18n.override_language()


@pytest.fixture
def targets_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> OpsboardApp:
    monkeypatch.setenv("OPSBOARD_NOW", targets.FROZEN)
    return targets.make_app(tmp_path, "zh")


@pytest.fixture
def review_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> OpsboardApp:
    monkeypatch.setenv("OPSBOARD_NOW", review.FROZEN)
    monkeypatch.chdir(tmp_path)  # the import dialog names a file as typed: odd.csv
    (tmp_path / "odd.csv").write_text(
        "店铺日报\n日子,来访人数,浏览次数,成交笔数,成交金额\n2025-12-01,1200,3400,40,9000.5\n", encoding="utf-8"
    )
    return review.make_app(tmp_path, language="zh")


@pytest.fixture
def boards_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> OpsboardApp:
    monkeypatch.setenv("OPSBOARD_NOW", BOARDS_NOW)
    make_board(tmp_path / "shop.json")  # on the Chinese locale: a Chinese board
    i18n.reset()  # the app speaks the board's language
    app = OpsboardApp(BoardStore(tmp_path / "shop.json", user="ana"))
    app.animation_level = "none"
    return app


def keys(*pressed: str, text: str = "", then: tuple[str, ...] = ()):
    async def run(pilot) -> None:
        await pilot.pause()
        for key in pressed:
            await pilot.press(key)
            await pilot.pause()
        if text:
            await pilot.press(*text)
        for key in then:
            await pilot.press(key)
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
        for _ in range(10):
            await pilot.pause(0.05)

    return run


def test_chart_tab_80x24(snap_compare, targets_app: OpsboardApp):
    assert snap_compare(targets_app, terminal_size=(80, 24), run_before=targets.open_targets("l"))


def test_rest_of_year_tab_120x40(snap_compare, targets_app: OpsboardApp):
    assert snap_compare(targets_app, terminal_size=(120, 40), run_before=targets.open_targets("l", "l", "l", "l"))


def test_plan_form_80x24(snap_compare, targets_app: OpsboardApp):
    assert snap_compare(targets_app, terminal_size=(80, 24), run_before=targets.open_targets("e"))


def test_campaign_form_120x40(snap_compare, targets_app: OpsboardApp):
    assert snap_compare(targets_app, terminal_size=(120, 40), run_before=targets.open_targets("c"))


def test_export_dialog_80x24(snap_compare, review_app: OpsboardApp):
    async def run(pilot) -> None:
        await review.open_review("x")(pilot)
        await pilot.press(*"复盘.md")  # over the default, which names the test's folder
        pilot.app.screen.focused.cursor_blink = False
        await pilot.pause()

    assert snap_compare(review_app, terminal_size=(80, 24), run_before=run)


def test_import_dialog_column_pickers_80x24(snap_compare, review_app: OpsboardApp):
    async def run(pilot) -> None:
        await review.open_review("i")(pilot)
        await pilot.press(*"odd.csv", "enter")
        dialog = pilot.app.screen
        for _ in range(100):  # the file is read in a worker; its answer comes as a message
            await dialog.workers.wait_for_complete()
            await pilot.pause(0.05)
            if dialog.query_one("#import-map").display and "odd.csv" in str(dialog.query_one("#import-preview").render()):
                break
        dialog.query_one("#import-path").cursor_blink = False  # a blinking cursor is caught on or off
        for _ in range(5):  # the pickers' options and the hint drawn
            await pilot.pause(0.05)

    assert snap_compare(review_app, terminal_size=(80, 24), run_before=run)


def test_import_dialog_120x40(snap_compare, review_app: OpsboardApp):
    assert snap_compare(review_app, terminal_size=(120, 40), run_before=review.open_review("i"))


def test_help_panel_80x24(snap_compare, boards_app: OpsboardApp):
    assert snap_compare(boards_app, terminal_size=(80, 24), run_before=keys("2", "enter", "question_mark"))


def test_card_details_120x40(snap_compare, boards_app: OpsboardApp):
    assert snap_compare(boards_app, terminal_size=(120, 40), run_before=keys("2", "enter", "enter"))

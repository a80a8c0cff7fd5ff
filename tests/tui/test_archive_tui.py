"""The archive of done cards in the app (issue 17 part 3, issue 16 part 5):
the lead sets its age beside the fold window (Z), the save that moves cards
says so, `archived:yes` finds them in their Done column, a change to one
brings it back to the board, and `u` takes the move back — each checked in
the saved files."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from boards_app import board, make_app  # noqa: F401  (the fixture)
from test_boards_view import open_design, shown, type_text
from textual.widgets import Input

from opsboard.services.people import add_person
from opsboard.store import BoardStore
from opsboard.tui.modals.form import FormScreen
from opsboard.tui.widgets.board_overview import TOTAL, BoardOverview


def on_disk(path: Path) -> dict:
    return orjson.loads(path.read_bytes())


def archived(board: Path) -> set[str]:
    path = board.with_name(board.name + ".archive.jsonl")
    where: dict[str, str] = {}
    for line in path.read_bytes().splitlines() if path.exists() else []:
        record = orjson.loads(line)
        where[record["id"]] = record["kind"]
    return {task_id for task_id, kind in where.items() if kind == "moved"}


async def set_archive_age(pilot, days: str) -> None:
    await pilot.press("Z")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, FormScreen)
    form.query_one("#field-archive", Input).value = days
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_the_lead_sets_the_archive_age_and_the_move_is_said_found_and_undone(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        screen = await open_design(pilot)
        await pilot.press("Z")
        await pilot.pause()
        form = pilot.app.screen
        assert form.query_one("#field-archive", Input).value == "0"  # the fixture board never archives
        form.query_one("#field-archive", Input).value = "forever"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is form and on_disk(board)["meta"]["meta"]["archive_after_days"] == 0  # refused in the form
        form.query_one("#field-archive", Input).value = "30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        # done 2026-01-10 and 01-20, the clock at 03-02: past 30 days, moved by that very save
        assert on_disk(board)["meta"]["meta"]["archive_after_days"] == 30
        assert archived(board) == {"t-d6", "t-d9"} and not {"t-d6", "t-d9"} & set(on_disk(board)["tasks"])
        notices = [str(n.message) for n in pilot.app._notifications]
        assert "2 done cards unchanged for 30 days moved to the archive (the filter archived:yes finds them)" in notices
        assert shown(screen)["done"] == ["t-d7", "t-d8"] and screen.board.columns[3].folded == 0
        await pilot.press("slash")
        await type_text(pilot, "archived:yes")
        await pilot.press("enter")  # the archive is searched on enter (or a pause in typing)
        await pilot.pause()
        assert shown(screen)["done"] == ["t-d6", "t-d7", "t-d8", "t-d9"]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("u")  # the setting …
        await pilot.pause()
        await pilot.press("u")  # … then the move: the cards come back
        await pilot.pause()
        assert archived(board) == set() and {"t-d6", "t-d9"} <= set(on_disk(board)["tasks"])
        assert on_disk(board)["meta"]["meta"]["archive_after_days"] == 0


async def test_a_card_found_in_the_archive_moves_back_to_the_board(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        screen = await open_design(pilot)
        await set_archive_age(pilot, "30")
        assert "t-d6" in archived(board)
        await pilot.press("slash")
        await type_text(pilot, "archived:only banner")
        await pilot.press("enter")
        await pilot.pause()
        assert shown(screen)["done"] == ["t-d6", "t-d9"]  # Old banner, New Year banner: only the archive
        assert screen.current_task() is not None and screen.current_task().id == "t-d6"
        await pilot.press("H")  # Done → Blocked asks why
        await pilot.pause()
        await type_text(pilot, "reprint")
        await pilot.press("ctrl+s")
        await pilot.pause()
        task = on_disk(board)["tasks"]["t-d6"]
        assert task["status"] == "blocked" and task["blocked_reason"] == "reprint"
        assert archived(board) == {"t-d9"}


async def test_x_exports_the_archived_cards_when_the_filter_searches_them(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        await open_design(pilot)
        await set_archive_age(pilot, "30")
        written = board.with_name("b-boards-2026-03-02.md")
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Old banner" not in written.read_text(encoding="utf-8")  # the live board only
        written.unlink()
        await pilot.press("slash")
        await type_text(pilot, "archived:yes")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = written.read_text(encoding="utf-8")
        assert "Old banner" in text and "New Year banner" in text and "Logo refresh" in text


async def test_a_card_found_in_the_archive_can_be_deleted(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        screen = await open_design(pilot)
        await set_archive_age(pilot, "30")
        await pilot.press("slash")
        await type_text(pilot, "archived:only old banner")
        await pilot.press("enter")
        await pilot.pause()
        assert shown(screen)["done"] == ["t-d6"]
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")  # the confirmation
        await pilot.pause()
        assert "t-d6" not in on_disk(board)["tasks"] and "t-d6" not in archived(board)
        assert shown(screen)["done"] == []


async def test_the_overview_counts_archived_done_cards_and_says_so(board: Path) -> None:
    """Done in the overview (departments, total, a person's row) holds the
    archived done cards, counted by the board; a filter without archived:yes
    leaves them out and the line under the table says how many."""
    add_person(BoardStore(board, user="ana"), "tao")
    data = on_disk(board)
    data["tasks"]["t-d9"]["owner"] = "tao"  # as written long ago: tao has t-d7 done (stays) and t-d9 (to the archive)
    board.write_bytes(orjson.dumps(data))
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        screen = await open_design(pilot)
        await set_archive_age(pilot, "30")
        assert archived(board) == {"t-d6", "t-d9"}
        await pilot.press("o")
        await pilot.pause()
        table = screen.query_one(BoardOverview)
        done_column = 4
        assert str(table.get_row("design")[done_column]) == "4"  # t-d7, t-d8 on the board, t-d6, t-d9 archived
        assert str(table.get_row(TOTAL)[done_column]) == "5"  # and hr's t-h1
        assert str(table.get_row("person:tao")[done_column]) == "2"
        await pilot.press("enter")  # Design: its Done column says what it does not show
        await pilot.pause()
        bottom = screen.board.render_line(screen.board.size.height - 1).text
        assert screen.board.columns[3].archived == 2 and " 2 archived " in bottom, bottom  # the longer note does not fit
        await pilot.press("o")
        await pilot.pause()
        assert screen.query_one("#card-line").text.plain == "Done includes 2 archived cards (archived:yes finds them)"
        await pilot.press("slash")
        await type_text(pilot, "banner")
        await pilot.pause()
        assert str(table.get_row("design")[done_column]) == "0"  # Old banner and New Year banner are archived
        assert screen.query_one("#card-line").text.plain == "The filter leaves out 2 archived cards (add archived:yes)"
        await type_text(pilot, " archived:yes")
        await pilot.press("enter")
        await pilot.pause()
        assert str(table.get_row("design")[done_column]) == "2"  # found in the archive, counted once
        assert screen.query_one("#card-line").text.plain == ""


def new_board_app(tmp_path: Path, monkeypatch, language: str):
    """The app on a new board made in `language`."""
    from opsboard.services.board_files import init_board
    from opsboard.tui.app import OpsboardApp

    monkeypatch.setenv("OPSBOARD_NOW", "2026-03-02T09:30:00+08:00")
    path = init_board(tmp_path / "b.json", user="lin", language=language, year=2026).path
    app = OpsboardApp(BoardStore(path, user="lin"))
    app.animation_level = "none"
    return app


async def open_z_form(pilot):
    """View 2's `Z`: the form of the fold and archive ages."""
    await pilot.press("2")
    await pilot.pause()
    await pilot.press("Z")
    await pilot.pause()
    return pilot.app.screen


@pytest.mark.parametrize(
    ("language", "title", "fold", "archive"),
    [
        ("en", "Fold and archive done cards", "Fold done cards finished more than this many days ago", "Archive done cards unchanged"),
        ("zh", "已完成卡片：收起与归档", "完成超过多少天的卡片收起", "已完成卡片未改动多少天后归档"),
    ],
)
async def test_z_says_it_sets_both_the_fold_and_the_archive_age(tmp_path: Path, monkeypatch, language, title, fold, archive) -> None:
    app = new_board_app(tmp_path, monkeypatch, language)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_z_form(pilot)
        assert isinstance(form, FormScreen) and form.form_title == title
        labels = [str(label.render()) for label in form.query("Label")]
        assert any(fold in label for label in labels) and any(archive in label for label in labels), labels


@pytest.mark.parametrize(
    ("language", "fold", "archive", "said"),
    [
        ("en", "1", "1", "Done cards now fold after 1 day.\nThey move to the archive after 1 day unchanged."),
        ("en", "2", "0", "Done cards now fold after 2 days.\nThey are never archived."),
        ("zh", "1", "30", "已完成的卡片现在 1 天后收起。\n它们 30 天未改动后移入归档。"),
    ],
)
async def test_z_says_the_fold_and_archive_ages_in_the_right_plural(tmp_path: Path, monkeypatch, language, fold, archive, said) -> None:
    # "after 1 days" was said whatever the count
    app = new_board_app(tmp_path, monkeypatch, language)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_z_form(pilot)
        assert isinstance(form, FormScreen)
        form.query_one("#field-days", Input).value = fold
        form.query_one("#field-archive", Input).value = archive
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [str(n.message) for n in app._notifications][-1] == said

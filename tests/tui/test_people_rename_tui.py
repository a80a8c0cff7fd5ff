"""Renaming a person from the app: `R` on their row of view 2's overview
opens a form with their names as they are, refusals show in the form, a
question says how many tasks change owner on the board and in the archive,
the one save renames both files, and `u` takes it back."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from boards_fixture import NOW, make_board
from textual.widgets import Input, Static

from opsboard import i18n
from opsboard.services.archived_tasks import set_archive_days
from opsboard.services.people import add_person, rename_person
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.modals.confirm import ConfirmScreen
from opsboard.tui.modals.form import FormScreen
from opsboard.tui.modals.help import HelpScreen
from opsboard.tui.widgets.board_overview import BoardOverview
from opsboard.tui.widgets.key_footer import KeyFooter

WORDS = {
    "en": {
        "key": "Rename person",
        "title": "Rename Mei Lin",
        "empty": "a person needs a name (a short name such as 'wang': it is what a task's owner holds)",
        "taken": "'tao' is already on the roster",
        "question": "Rename mei to meilin?",
        "counts": "2 tasks on the board change owner.\n1 archived done task changes owner.\nOne save: u takes it back.",
        "done": "meilin: 3 tasks now owned by meilin",
        "undone": "Undid: ana renamed mei to meilin on the roster (and 3 more)",
    },
    "zh": {
        "key": "重命名成员",
        "title": "重命名 Mei Lin",
        "taken": "“tao”已在名册上",
        "question": "将 mei 重命名为 meilin？",
        "counts": "看板上 2 个任务更换负责人。\n1 个已归档的已完成任务更换负责人。\n一次保存：按 u 可撤销。",
        "done": "meilin：3 个任务现由 meilin 负责",
        "undone": "已撤销：ana 把名册上的 mei 改名为 meilin（另有 3 项）",
    },
}


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """mei owns t-d1 and t-d5 on the board and t-d9 in the archive; tao is on the roster too."""
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    path = tmp_path / "b.json"
    make_board(path)
    data = orjson.loads(path.read_bytes())
    data["tasks"]["t-d9"]["owner"] = "mei"  # done in January: archived below
    path.write_bytes(orjson.dumps(data))
    store = BoardStore(path, user="ana")
    add_person(store, "mei", display_name="Mei Lin", department="design")
    add_person(store, "tao")
    set_archive_days(store, 30)  # this save moves t-d6 and t-d9 to the archive
    assert archived_owners(path) == {"t-d6": "", "t-d9": "mei"}
    return path


def archived_owners(board: Path) -> dict[str, str]:
    where: dict[str, str] = {}
    for line in board.with_name(board.name + ".archive.jsonl").read_bytes().splitlines():
        record = orjson.loads(line)
        if record["kind"] == "moved":
            where[record["id"]] = record["task"].get("owner", "")
        else:
            where.pop(record["id"], None)
    return where


def owners(board: Path) -> dict[str, str]:
    data = orjson.loads(board.read_bytes())
    return {task_id: data["tasks"][task_id].get("owner", "") for task_id in ("t-d1", "t-d5")}


def roster(board: Path) -> list[tuple[str, str]]:
    return [(p.name, p.display_name) for p in BoardStore(board, user="chen").people()]


async def save_form(pilot, name: str) -> None:
    form = pilot.app.screen
    assert isinstance(form, FormScreen)
    form.query_one("#field-name", Input).value = name
    await pilot.press("ctrl+s")
    await pilot.pause()


def form_error(pilot) -> str:
    return str(pilot.app.screen.query_one("#error-name", Static).render())


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_r_renames_a_person_on_the_board_and_in_the_archive_and_u_takes_it_back(board: Path, language: str) -> None:
    i18n.override_language(language)
    words = WORDS[language]
    app = OpsboardApp(BoardStore(board, user="ana"))
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one(BoardOverview)
        footer = app.screen.query_one(KeyFooter)
        assert words["key"] not in [d for _, d in footer.shown_keys()]  # a department's row
        table.move_cursor(row=table.get_row_index("person:mei"))
        await pilot.pause()
        assert ("R", words["key"]) in footer.shown_keys()  # in the footer at 80 columns, on a person's row
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert words["key"] in app.screen.query_one("#help-text", Static).render().plain
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("R")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen) and form.form_title == words["title"]
        assert form.query_one("#field-name", Input).value == "mei"  # prefilled
        assert form.query_one("#field-display_name", Input).value == "Mei Lin"
        if language == "en":
            await save_form(pilot, "  ")
            assert app.screen is form and form_error(pilot) == words["empty"]
        await save_form(pilot, "TAO")
        assert app.screen is form and form_error(pilot) == words["taken"]
        assert roster(board) == [("mei", "Mei Lin"), ("tao", "")]  # nothing saved

        await save_form(pilot, "meilin")
        question = app.screen
        assert isinstance(question, ConfirmScreen)
        assert question.question == words["question"] and question.message.plain == words["counts"]
        assert owners(board) == {"t-d1": "mei", "t-d5": "mei"}  # asked before anything is saved
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen.query_one(BoardOverview), BoardOverview)  # the form closed with the question
        assert owners(board) == {"t-d1": "meilin", "t-d5": "meilin"}
        assert archived_owners(board) == {"t-d6": "", "t-d9": "meilin"}
        assert roster(board) == [("meilin", "Mei Lin"), ("tao", "")]
        assert words["done"] in [str(n.message) for n in app._notifications]
        assert table.current_key() == "person:meilin"

        await pilot.press("u")
        await pilot.pause()
        assert words["undone"] in [str(n.message) for n in app._notifications]
        assert owners(board) == {"t-d1": "mei", "t-d5": "mei"}
        assert archived_owners(board) == {"t-d6": "", "t-d9": "mei"}
        assert roster(board) == [("mei", "Mei Lin"), ("tao", "")]


async def test_no_then_esc_leaves_everything_as_it_was(board: Path) -> None:
    app = OpsboardApp(BoardStore(board, user="ana"))
    app.animation_level = "none"
    before = board.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one(BoardOverview)
        await pilot.press("R")  # a department's row: says where the people are
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
        assert "R renames the person on the highlighted row: the people are listed under Total" in [
            str(n.message) for n in app._notifications
        ]
        table.move_cursor(row=table.get_row_index("person:mei"))
        await pilot.pause()
        await pilot.press("R")
        await pilot.pause()
        await save_form(pilot, "meilin")
        await pilot.press("n")  # back to the form, as typed
        await pilot.pause()
        assert isinstance(app.screen, FormScreen) and app.screen.query_one("#field-name", Input).value == "meilin"
        await pilot.press("escape")  # something was typed: asked
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
    assert board.read_bytes() == before


async def test_a_teammate_renaming_them_first_is_said_in_the_form(board: Path) -> None:
    app = OpsboardApp(BoardStore(board, user="ana"))
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one(BoardOverview)
        table.move_cursor(row=table.get_row_index("person:mei"))
        await pilot.pause()
        await pilot.press("R")
        await pilot.pause()
        rename_person(BoardStore(board, user="chen"), "mei", "may")  # chen, in another process
        await save_form(pilot, "meilin")
        form = app.screen
        assert isinstance(form, FormScreen)  # no question: nothing to ask about
        said = str(form.query_one("#error-form", Static).render())
        assert said == "mei is no longer on the roster: someone renamed them since (esc closes)"
    assert owners(board) == {"t-d1": "may", "t-d5": "may"} and roster(board)[0] == ("may", "Mei Lin")

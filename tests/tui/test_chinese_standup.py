"""View 5, its dialogs and history, the activity view and the recovery
dialog on a Chinese board: every word on screen Chinese but the user's data
(department and task names here are the Chinese template's), brand names,
metric acronyms and key names (issue 13)."""

from __future__ import annotations

import html
import re
from datetime import datetime
from pathlib import Path

import pytest
from standup_board import MONDAY, build_board

from opsboard import i18n
from opsboard.model import Operation, OpKind, StandupRecord, Table
from opsboard.services.activity import activity_rows, doc_title, when
from opsboard.services.board_files import init_board
from opsboard.services.checklists import edit_item, toggle_item
from opsboard.services.comments import add_comment
from opsboard.services.errors import InputError
from opsboard.services.recovery import newest_good_backup
from opsboard.services.standup_record import add_note, finish_standup, standup_record_export, start_standup, write_standup_record
from opsboard.services.tasks import add_task, update_task
from opsboard.store import BoardDamagedError, BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.modals.form import FormScreen
from opsboard.tui.modals.recovery import RecoveryApp, RecoveryDialog
from opsboard.tui.modals.standup_history import StandupHistoryScreen, record_cells, record_text
from opsboard.tui.screens.activity import ActivityScreen
from opsboard.tui.screens.standup import StandupScreen

# words that may stay Latin on a Chinese screen besides the user's data:
# key names, brand names and metric acronyms, the export's format, the date notation
ALLOWED = {"esc", "ctrl", "enter", "space", "Tmall", "PV", "UV", "ROI", "GMV", "Markdown", "JSON", "md", "opsboard", "YYYY", "MM", "DD"}
# the user's data on the stand-up board (tests/tui/standup_board.py): its name, task titles, owners, reasons
USER_DATA = set(
    re.findall(
        r"[A-Za-z]{2,}",
        "Linen & Loom · Retouch hero images, Shoot detail photos, Size chart, Home page banner, Keyword bids review, "
        "Book 618 ad slots, budget not approved, Reply templates for 618 · lin chen mei wu",
    )
)


def english_words(text: str) -> set[str]:
    """Latin words of two letters and more that are not allowed on a Chinese screen."""
    return {
        word
        for word in re.findall(r"[A-Za-z]{2,}", text)
        if word not in ALLOWED and not any(word in data for data in USER_DATA)  # a title cut by a dialog's edge: 'ima'
    }


def screen_text(app) -> str:
    """What the terminal shows, read from the app's screenshot (every layer, dialogs included)."""
    svg = app.export_screenshot()
    body = svg[svg.index("<g class=") :] if "<g class=" in svg else svg
    text = re.sub(r"<[^>]+>", " ", body)
    return html.unescape(text).replace("\xa0", " ")


@pytest.fixture
def chinese_board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("OPSBOARD_STANDUP_MINUTES", raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    i18n.override_language()  # a board made on a Chinese locale is a Chinese board
    path = tmp_path / "zh.json"
    build_board(path, monkeypatch)
    i18n.reset()  # the app speaks the board's language
    return path


def make_app(path: Path) -> OpsboardApp:
    app = OpsboardApp(BoardStore(path, user="lin"))
    app.animation_level = "none"
    return app


async def open_standup(pilot) -> StandupScreen:
    await pilot.press("5")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(pilot.app.screen, StandupScreen)
    return pilot.app.screen


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_view_5_and_each_of_its_dialogs_are_chinese(chinese_board: Path, size) -> None:
    app = make_app(chinese_board)
    async with app.run_test(size=size) as pilot:
        await open_standup(pilot)
        assert english_words(screen_text(app)) == set()
        for key, title in (("enter", "设计部的备注"), ("t", "限时"), ("a", "为设计部新建任务")):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, FormScreen)
            assert str(app.screen.query_one(".form-title").render()) == title
            assert english_words(screen_text(app)) == set(), key
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        kinds = [str(label) for label, _ in app.screen.fields[1].options]
        assert kinds == ["备注", "决定"]
        await pilot.press("escape")
        await pilot.pause()
        for _ in range(8):  # walk every department, so f asks nothing first
            await pilot.press("n")
            await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        assert str(app.screen.query_one(".form-title").render()) == "结束站会（ctrl+s）"
        assert english_words(screen_text(app)) == set()


async def test_a_board_without_departments_says_so_in_chinese(chinese_board: Path) -> None:
    store = BoardStore(chinese_board, user="lin")
    for dept_id in list(store.raw(Table.DEPARTMENTS)):
        store.apply(Operation(kind=OpKind.DELETE, table=Table.DEPARTMENTS, doc_id=dept_id, label="delete"))
    app = make_app(chinese_board)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_standup(pilot)
        assert str(screen.query_one("#walk-position").render()) == "这个看板没有部门"


async def test_the_history_is_chinese(chinese_board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = BoardStore(chinese_board, user="lin")
    record = start_standup(store)
    add_note(store, record.id, "design", "周五前交横幅", decision=True)
    add_note(store, record.id, "design", "摄影师报价超预算")
    finish_standup(store, record.id, decisions=["双12预算不变"])
    monkeypatch.setenv("OPSBOARD_NOW", "2026-06-16T09:30:00+08:00")
    start_standup(store)  # the next day's, not finished: listed first
    app = make_app(chinese_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_standup(pilot)
        await pilot.press("H")
        await pilot.pause()
        assert isinstance(app.screen, StandupHistoryScreen)
        record_shown = str(app.screen.query_one("#history-record").render())
        assert record_shown.startswith("主持人 lin · 09:30 开始，未结束")
        assert english_words(screen_text(app)) == set()
        await pilot.press("j")
        await pilot.pause()
        record_shown = str(app.screen.query_one("#history-record").render())
        assert "决定：周五前交横幅 — lin" in record_shown and "团队决定" in record_shown
        assert english_words(screen_text(app)) == set()


def test_a_record_without_who_ran_it_says_someone_in_chinese() -> None:
    """Records from before run_by was kept: '某人', not 'someone'."""
    i18n.set_language("zh")
    record = StandupRecord(id="su-2026-06-15", started_at="2026-06-15T09:30:00+08:00", run_by="")
    day, start, who, length, said = record_cells(record)
    assert (str(who), length) == ("某人", "未结束")
    text = record_text(record, {}).plain
    assert text.startswith("主持人 某人 · ") and "未结束" in text and "没有记下任何备注" in text
    assert english_words(text) == set()


@pytest.mark.parametrize("order", ["{who} {change}", "{change}（{who}）"])
async def test_the_activity_view_keeps_who_and_what_apart_in_any_word_order(
    chinese_board: Path, monkeypatch: pytest.MonkeyPatch, order: str
) -> None:
    """The 'what' column is the change alone, not the sentence cut at the
    name: a translation may put the name anywhere ('…（lin）')."""
    store = BoardStore(chinese_board, user="lin")
    add_task(store, department="design", title="主图精修")
    i18n.set_language("zh")
    catalogue = i18n._state["catalogue"]
    gettext = catalogue.gettext
    monkeypatch.setattr(catalogue, "gettext", lambda message: order if message == "{who} {change}" else gettext(message))
    app = make_app(chinese_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, ActivityScreen)
        table = app.screen.query_one("#activity")
        who, what = (str(cell) for cell in table.get_row_at(0)[1:3])
        assert who == "lin"
        assert what == "在设计部添加了“主图精修”"
        assert english_words(screen_text(app)) == set()


def test_activity_rows_carry_the_change_apart_from_who_made_it(chinese_board: Path) -> None:
    store = BoardStore(chinese_board, user="lin")
    record = start_standup(store)
    add_note(store, record.id, "design", "周五前交横幅")
    finish_standup(store, record.id, decisions=["双12预算不变"])
    i18n.set_language("zh")
    finished, noted = activity_rows(store, limit=2)
    assert (finished.what, finished.text) == ("结束了站会", "lin 结束了站会")
    assert finished.change.startswith(f"结束时间：— → {when(datetime.fromisoformat(MONDAY))}")  # the activity view's clock
    assert finished.change.endswith("决定：— → 双12预算不变")
    assert noted.what == "为设计部添加了站会备注" and noted.change == "设计部：周五前交横幅 — lin"
    for row in activity_rows(store):
        assert english_words(row.text + row.change) == set(), row


def test_edited_fields_are_named_in_chinese(chinese_board: Path) -> None:
    store = BoardStore(chinese_board, user="lin")
    item = next(iter(store.raw("checklist")))
    edit_item(store, item, owner="chen", due="2026-06-20")
    i18n.set_language("zh")
    row = activity_rows(store, limit=1)[0]
    assert row.what.endswith("（负责人、截止）")
    assert english_words(row.what + row.change) == set()


@pytest.fixture
def damaged_board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", "2026-06-15T09:30:00+08:00")
    store = init_board(tmp_path / "zh.json", user="lin", language="zh", year=2026)
    first = next(iter(store.raw("checklist")))
    toggle_item(store, first)
    toggle_item(store, first)
    good = store.path.read_bytes()
    store.path.write_bytes(good[: len(good) // 2])
    return store.path


@pytest.mark.parametrize("with_backup", [True, False])
async def test_the_recovery_dialog_is_chinese(damaged_board: Path, with_backup: bool) -> None:
    i18n.set_language("zh")
    with pytest.raises(BoardDamagedError) as caught:
        BoardStore(damaged_board, user="lin")
    app = RecoveryApp(caught.value, newest_good_backup(damaged_board) if with_backup else None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RecoveryDialog)
        text = str(app.screen.query_one("#recovery-text").render())
        assert text.startswith(f"无法打开 {damaged_board}：")
        assert ("最新的完好备份是第 1 个" in text) is with_backup
        assert ("没有找到完好的备份" in text) is not with_backup
        assert app.sub_title == "看板已损坏"
        file_names = set(re.findall(r"[A-Za-z]+", f"{damaged_board} .before-restore-"))  # the path may wrap anywhere
        # a wrapped path's pieces ('zh.jso' / 'n：': the colon may not start a line) are the path's
        assert {w for w in english_words(screen_text(app)) if not any(w in name for name in file_names)} == set()


def test_a_change_names_departments_items_statuses_and_comments_in_chinese(chinese_board: Path) -> None:
    """Before → after by the names a reader knows: 设计部 → 市场部, not design → marketing;
    a checklist item's status in words; a comment as it was said."""
    store = BoardStore(chinese_board, user="lin")
    task = add_task(store, department="design", title="主图精修")
    item = next(iter(store.raw(Table.CHECKLIST)))
    update_task(store, task.id, department="marketing", checklist_item=item)
    add_comment(store, task.id, "看一下")
    toggle_item(store, item)
    i18n.set_language("zh")
    done, commented, moved = activity_rows(store, limit=3)
    code_and_title = doc_title(store, Table.CHECKLIST, item)
    assert moved.change == f"部门：设计部 → 市场部；清单事项：— → {code_and_title}"
    assert commented.change == "评论：— → 看一下 — lin"
    assert done.change == "状态：未完成 → 已完成"


def test_the_stand_up_record_export_and_its_refusals_are_chinese(chinese_board: Path, tmp_path: Path) -> None:
    store = BoardStore(chinese_board, user="lin")
    record = start_standup(store)
    add_note(store, record.id, "design", "周五前交横幅")
    finish_standup(store, record.id, seconds={"design": 54})
    i18n.set_language("zh")
    markdown = standup_record_export(store, record.id)
    assert "## 设计部（0:54）" in markdown
    assert "**逾期：** Retouch hero images（chen）" in markdown
    with pytest.raises(InputError) as refused:
        write_standup_record(store, record.id, tmp_path / "no such folder" / "su.md")
    assert str(refused.value).endswith("无法写入导出文件（文件或文件夹不存在）")


def test_a_damaged_chinese_board_is_recovered_in_chinese_on_an_english_locale(damaged_board: Path) -> None:
    """The file cannot say its language: its newest good backup does."""
    from opsboard.commands.tui import recover

    i18n.override_language()  # LANG=C.UTF-8 (tests/conftest.py): English until a board says otherwise
    with pytest.raises(BoardDamagedError) as caught:
        BoardStore(damaged_board, user="lin")
    spoken: list[str] = []
    store, notice = recover(caught.value, "lin", ask=lambda error, backup: spoken.append(i18n.language()) or "quit")
    assert (store, spoken) == (None, ["zh"])


def test_the_conflict_dialog_names_the_field_and_the_title_in_chinese(chinese_board: Path) -> None:
    from opsboard.store.errors import ConflictError
    from opsboard.tui.modals.conflict import conflict_view

    store = BoardStore(chinese_board, user="lin")
    task = add_task(store, department="design", title="主图精修")
    i18n.set_language("zh")
    view = conflict_view(store, ConflictError(task.id, "status", "todo", "doing", "done", ""), Table.TASKS)
    assert (view.title, view.field, view.theirs) == ("“主图精修”", "状态", "进行中")
    finished = conflict_view(store, ConflictError("su-2026-06-15", "finished_at", None, "x", "y", "chen"), Table.STANDUPS)
    assert finished.field == "结束时间"
    i18n.set_language("en")
    assert conflict_view(store, ConflictError("su-2026-06-15", "finished_at", None, "x", "y", ""), Table.STANDUPS).field == "finished at"


async def test_the_conflict_dialog_says_someone_else_in_chinese(chinese_board: Path) -> None:
    from opsboard.tui.modals.conflict import ConflictDialog, ConflictView

    app = make_app(chinese_board)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(ConflictDialog(ConflictView("“主图精修”", "状态", "待办", "进行中", "", "已完成")))
        await pilot.pause()
        assert str(app.screen.query_one(".conflict-title").render()) == "其他人 先改了这里"  # not 'someone else'
        assert english_words(screen_text(app)) == set()

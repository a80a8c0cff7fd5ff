"""The plain rows view 1 draws before the models load (opsboard/store/rows.py)
read every document as the models do, and hand the rest to the models."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import orjson
import pytest

from opsboard.store import BoardDamagedError, BoardStore, rows
from opsboard.store.rows import ChecklistRow

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "demo_board.json"


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.json"
    shutil.copy(SAMPLE, path)
    return path


def rewrite(path: Path, change) -> None:
    data = orjson.loads(path.read_bytes())
    change(data)
    path.write_bytes(orjson.dumps(data))


def test_rows_read_the_demo_board_exactly_as_the_models_do(demo: Path) -> None:
    store = BoardStore(demo, user="t")
    read = {row.id: row for row in rows.checklist_rows(store)}
    models = {item.id: item for item in store.checklist()}
    assert read.keys() == models.keys() and len(read) > 20
    for item_id, item in models.items():
        assert read[item_id] == ChecklistRow(**{name: getattr(item, name) for name in ChecklistRow.__slots__}), item_id
    assert rows.board_name(store) == store.meta().name == "Linen & Loom Tmall flagship"
    assert rows.board_language(store) == "en"
    assert rows.department_names(store) == {d.id: d.name for d in store.departments()}


def test_control_characters_and_stray_spaces_are_cleaned_as_the_models_clean_them(demo: Path) -> None:
    def hand_edit(data: dict) -> None:
        item = data["checklist"]["research-a"]
        item["title"] = "  Size\x1b[31m the\n market "
        item["notes"] = "line one\r\nline two\x07  "
        data["meta"]["meta"]["name"] = "Linen\x9b & Loom"
        data["departments"]["design"]["name"] = " Design\tteam "

    rewrite(demo, hand_edit)
    store = BoardStore(demo, user="t")
    row = next(r for r in rows.checklist_rows(store) if r.id == "research-a")
    item = store.item("research-a")
    assert (row.title, row.notes) == (item.title, item.notes) == ("Size\ufffd[31m the market", "line one\nline two\ufffd")
    assert rows.board_name(store) == store.meta().name == "Linen\ufffd & Loom"
    assert rows.department_names(store)["design"] == store.departments()[0].name == "Design team"


def test_a_value_only_the_models_accept_is_read_through_them(demo: Path) -> None:
    # pydantic reads a date given as a number of seconds; the plain reader does not
    rewrite(demo, lambda data: data["checklist"]["research-a"].update(due=1767225600))  # 2026-01-01 UTC
    store = BoardStore(demo, user="t")
    row = next(r for r in rows.checklist_rows(store) if r.id == "research-a")
    assert row.due == date(2026, 1, 1) == store.item("research-a").due


def test_a_document_nobody_can_read_raises_the_models_error_naming_the_field(demo: Path) -> None:
    rewrite(demo, lambda data: data["checklist"]["research-b"].update(status="half-done"))
    store = BoardStore(demo, user="t")
    with pytest.raises(BoardDamagedError) as caught:
        rows.checklist_rows(store)
    assert caught.value.where == "table 'checklist', document 'research-b': status: Input should be 'open', 'done' or 'skipped'"

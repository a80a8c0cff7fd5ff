"""The plain rows view 1 draws before the models load (opsboard/store/rows.py)
read every document as the models do, and hand the rest to the models."""

from __future__ import annotations

import dataclasses
import shutil
import typing
from datetime import date, datetime, timezone
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from opsboard.model import BoardMeta, ChecklistItem, Department, ItemStatus, Phase
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
    assert caught.value.where == "table 'checklist', document 'research-b': status: 'half-done' is not one of 'open', 'done' or 'skipped'"


# -- the rows are the models' projection, for any document the models accept --

ROW_FIELDS = [field.name for field in dataclasses.fields(ChecklistRow)]


def test_a_rows_fields_are_the_models_fields_with_their_types_and_defaults() -> None:
    model_fields = ChecklistItem.model_fields
    row_types = typing.get_type_hints(ChecklistRow)
    assert set(ROW_FIELDS) <= model_fields.keys()
    for field in dataclasses.fields(ChecklistRow):
        model_field = model_fields[field.name]
        assert row_types[field.name] == model_field.annotation, field.name
        if field.default is dataclasses.MISSING:
            assert model_field.is_required(), field.name
        else:
            assert field.default == model_field.default, field.name


def projection(item: ChecklistItem) -> ChecklistRow:
    return ChecklistRow(**{name: getattr(item, name) for name in ROW_FIELDS})


# Text that finds the differences: whitespace and controls at the ends, NEL
# (\x85, both whitespace and a C1 control), separators \x1c-\x1f (controls
# that str.strip() takes but pydantic does not), runs of spaces, CRLF.
TRICKY = "\t\n\r\x0b\x0c\x1c\x1f\x1b\x07\x85\x9b\xa0\u2028\u3000 ab\u200b"
text = st.text(alphabet=st.sampled_from(TRICKY), max_size=8) | st.text(max_size=12)
line = st.tuples(text, st.text(alphabet="xyz", min_size=1, max_size=3), text).map("".join)
instant = st.datetimes(timezones=st.none() | st.timezones() | st.just(timezone.utc))
optional = {
    "status": st.sampled_from(ItemStatus),
    "owner": text,
    "due": st.none() | st.dates().map(date.isoformat) | st.integers(0, 2_000_000_000) | st.just("20260101"),
    "detail": text,
    "notes": text,
    "done_at": st.none() | instant.map(datetime.isoformat) | instant.map(lambda d: d.isoformat().replace("+00:00", "Z")),
    "done_by": text,
    "order": st.integers(-5, 5) | st.just(True) | st.just("3") | st.just(2.0),
    "updated_by": text,
}
checklist_doc = st.fixed_dictionaries(
    {
        "id": text.map(lambda t: t + "id"),
        "phase": st.sampled_from(Phase),
        "code": st.text(alphabet=st.sampled_from(TRICKY + "AB1"), min_size=1, max_size=6),
        "title": line,
        "department": text.map(lambda t: "dept" + t),
    },
    optional=optional,
).map(lambda doc: {k: v.value if isinstance(v, Phase | ItemStatus) else v for k, v in doc.items()})


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(checklist_doc)
def test_a_row_read_from_any_valid_document_is_the_models_projection_of_it(doc: dict) -> None:
    try:
        item = ChecklistItem.model_validate(doc)
    except ValidationError:
        assume(False)  # not a valid document: the app's check refuses it
    try:
        row = ChecklistRow.from_doc(doc)
    except rows._UNREADABLE:
        return  # checklist_rows reads this document through the models
    assert row == projection(item)


@settings(max_examples=200, deadline=None)
@given(name=line, department_id=text.map(lambda t: "d" + t), department_name=line)
def test_the_board_name_and_department_names_are_the_models_values(
    tmp_path_factory: pytest.TempPathFactory, name: str, department_id: str, department_name: str
) -> None:
    try:
        meta = BoardMeta.model_validate({"name": name, "year": 2026})
        department = Department.model_validate({"id": department_id, "name": department_name})
    except ValidationError:
        assume(False)
    path = tmp_path_factory.mktemp("board") / "b.json"
    shutil.copy(SAMPLE, path)

    def hand_edit(data: dict) -> None:
        data["meta"]["meta"]["name"] = name
        data["departments"]["design"].update(id=department_id, name=department_name)

    rewrite(path, hand_edit)
    store = BoardStore(path, user="t")
    assert rows.board_name(store) == meta.name
    assert list(rows.department_names(store).items())[0] == (department.id, department.name)

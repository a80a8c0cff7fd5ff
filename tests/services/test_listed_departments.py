"""`task list` reads the departments from the stored documents when the
models would keep them as they are (services/departments.py:
listed_departments, no pydantic), else through the models: the same ids,
names and order either way, and the same error for a damaged one."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from opsboard.model import Department
from opsboard.services.departments import _as_stored, listed_departments
from opsboard.store import BoardDamagedError, BoardStore

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "demo_board.json"

_ODD_TEXT = st.text(alphabet=st.sampled_from(["a", "Z", " ", "设", "\u3000", "\u00a0", "\t", "\n", "\x1b", "\u200b", "\x85"]), max_size=5)
_CLEAN = st.sampled_from(["Design", "设计部", "Customer Service", "a b", "x"])
_TIME = st.sampled_from(
    [
        None,
        "2026-01-02T03:04:05Z",
        "2026-01-02T03:04:05.123456+08:00",
        "2026-01-02T03:04:05+00:00",
        "2026-02-30T03:04:05Z",
        "2026-01-02T24:00:00Z",
        "2026-01-02T03:04:05.5Z",
        "2026-01-02 03:04:05",
        "20260102T030405",
        "２０２６-01-02T03:04:05Z",
        1767225600,
        "",
    ]
)
_NUMBER = st.one_of(st.integers(-3, 12), st.sampled_from([True, False, 2.0, 2.5, "3", " 3", None]))
# a department as the app writes it …
_GOOD = st.fixed_dictionaries(
    {"id": st.sampled_from(["design", "d设", "customer_service"]), "name": _CLEAN},
    optional={
        "updated_at": st.sampled_from([None, "2026-01-02T03:04:05Z", "2026-01-02T03:04:05.123456+08:00"]),
        "updated_by": st.sampled_from(["", "ana", "王小明"]),
        "order": st.integers(-3, 12),
        "standup_order": st.one_of(st.none(), st.integers(0, 9)),
    },
)
# … and a hand's changes to a few of its fields
_ODD = st.dictionaries(
    st.sampled_from(["id", "name", "updated_at", "updated_by", "order", "standup_order", "x"]),
    st.one_of(_ODD_TEXT, _TIME, _NUMBER, st.just(None)),
    max_size=2,
)
_DOC = st.builds(lambda doc, changes: {**doc, **changes}, _GOOD, _ODD)


@settings(max_examples=600, deadline=None)
@given(_DOC)
def test_a_department_read_from_its_document_is_what_the_model_makes_of_it(doc: dict) -> None:
    try:
        read = _as_stored(doc)
    except (KeyError, ValueError, TypeError, AttributeError):
        return  # read by the models (which keep, clean or refuse it)
    model = Department.model_validate(doc)  # never refused when read from the document
    assert read == (model.id, model.name, model.order)


def _board(tmp_path: Path, change) -> BoardStore:
    path = tmp_path / "b.json"
    shutil.copy(SAMPLE, path)
    data = orjson.loads(path.read_bytes())
    change(data["departments"])
    path.write_bytes(orjson.dumps(data))
    return BoardStore(path, user="t")


def test_the_demo_boards_departments_are_read_from_their_documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = _board(tmp_path, lambda departments: None)
    expected = [(d.id, d.name, d.order) for d in store.departments()]
    monkeypatch.setattr(BoardStore, "departments", lambda self: pytest.fail("read through the models"))
    assert listed_departments(store) == expected and len(expected) >= 5


@pytest.mark.parametrize(
    "change",
    [
        {"updated_at": "2026-02-30T00:00:00Z"},  # refused by the model
        {"order": "2"},  # read by the model as 2
        {"name": " Design\tteam "},  # cleaned by the model
        {"order": 9, "name": "Last"},  # a document the model keeps: the order read from it
    ],
    ids=["refused", "number as text", "cleaned", "plain"],
)
def test_a_department_the_model_reads_otherwise_is_read_through_it(tmp_path: Path, change: dict) -> None:
    store = _board(tmp_path, lambda departments: departments["design"].update(change))
    try:
        expected: object = [(d.id, d.name, d.order) for d in store.departments()]
    except BoardDamagedError as error:
        with pytest.raises(BoardDamagedError) as raised:
            listed_departments(store)
        assert str(raised.value) == str(error)
        return
    assert listed_departments(store) == expected


def test_its_checks_refuse_what_the_model_refuses() -> None:
    with pytest.raises(ValidationError):
        Department.model_validate({"id": "d", "name": "x", "updated_at": "2026-02-30T00:00:00Z"})
    with pytest.raises(ValueError):
        _as_stored({"id": "d", "name": "x", "updated_at": "2026-02-30T00:00:00Z"})

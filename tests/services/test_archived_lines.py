"""An archived line read without the model (services/archived_lines.py) is
read only when validating it would give back exactly what it holds."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import orjson
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from opsboard.model import Task
from opsboard.model.comment import Comment
from opsboard.services.archived_lines import FIELDS, JsonBoard, JsonNames, read_json_lines, read_line
from opsboard.services.task_board import card_order


def moved(task: dict) -> bytes:
    return orjson.dumps(
        {"id": task.get("id", "t-x"), "kind": "moved", "entry": "a-1", "at": "2026-05-02T09:30:00Z", "by": "ana", "task": task}
    )


def test_its_fields_are_the_models_in_the_models_order() -> None:
    assert FIELDS == tuple(Task.model_fields)
    assert tuple(Comment.model_fields) == ("at", "by", "text")


def test_a_task_as_the_app_writes_it_is_read_from_its_line() -> None:
    task = Task(
        id="t-1",
        department="design",
        title="双十二主图 hero",
        status="done",
        owner="王小明",
        due=date(2026, 12, 1),
        tags=["cny", "大促"],
        rank=3.5,
        created_at=datetime(2026, 11, 2, 8, 30, 0, 120000, tzinfo=timezone(timedelta(hours=8))),
        done_at=datetime(2026, 11, 20, tzinfo=timezone.utc),
        comments=[{"at": datetime(2026, 11, 3, tzinfo=timezone.utc), "by": "mei", "text": "ok"}],
    )
    read = read_line(moved(task.to_doc()))
    assert read is not None
    assert (read.id, read.title, read.owner, read.due, read.priority, read.status) == (
        "t-1",
        "双十二主图 hero",
        "王小明",
        "2026-12-01",
        3,
        "done",
    )
    assert (read.rank, read.created) == card_order(task)[:2]
    assert orjson.loads(read.task_json()) == task.to_doc()


_ODD = ["a", "Z", " ", "双", "\u3000", "\u00a0", "\u202e", "\u200b", "\t", "\n", "\x1b", '"', "\\", "\x7f", "\x85"]
_TEXT = st.text(alphabet=st.sampled_from(_ODD), max_size=6)
_CLEAN = st.sampled_from(["", "mei", "王小明", "Hero images", "双十二 大促", "a b c"])
_DAY = st.builds("{:04d}-{:02d}-{:02d}".format, st.sampled_from([0, 1, 1900, 2000, 2024, 2026]), st.integers(0, 13), st.integers(0, 32))
_TIME = st.builds(
    "{}T{:02d}:{:02d}:{:02d}{}{}".format,
    st.one_of(st.dates().map(date.isoformat), _DAY),
    st.sampled_from([0, 9, 23, 24]),
    st.sampled_from([0, 59, 60]),
    st.sampled_from([0, 30, 60]),
    st.sampled_from(["", ".000000", ".100000", ".5", ".120000"]),
    st.sampled_from(["", "Z", "+00:00", "-00:00", "+08:00", "-05:30", "+23:59", "+24:00", "+0800"]),
)
_ZONES = st.sampled_from([None, timezone.utc, timezone(timedelta(hours=8)), timezone(timedelta(hours=-5, minutes=-30))])
# as the models write them: real days and times, pydantic's form
_REAL_TIME = st.datetimes(datetime(1900, 1, 1), datetime(2100, 12, 31), timezones=_ZONES).map(
    lambda t: TypeAdapter(datetime).dump_python(t, mode="json")
)
_WHEN = st.one_of(st.none(), _REAL_TIME)
_RANK = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-3, 3), st.sampled_from([0.0, -0.0, 1e-05, 1e-4, 1e15, 1e16]))
# a task of the kind the app writes (every value clean: read from its line) …
_GOOD = st.fixed_dictionaries(
    {
        "id": st.sampled_from(["t-1", "t-双"]),
        "updated_at": _WHEN,
        "updated_by": _CLEAN,
        "department": st.sampled_from(["design", "retired team"]),
        "title": _CLEAN.filter(bool),
        "status": st.sampled_from(["todo", "doing", "blocked", "done"]),
        "blocked_reason": _CLEAN,
        "blocked_since": _WHEN,
        "priority": st.integers(1, 4),
        "owner": _CLEAN,
        "due": st.one_of(st.none(), st.dates().map(date.isoformat)),
        "tags": st.lists(_CLEAN, max_size=3),
        "checklist_item": st.one_of(st.none(), _CLEAN),
        "notes": _CLEAN,
        "rank": st.floats(-1e6, 1e6, allow_nan=False),
        "month": st.one_of(st.none(), st.integers(1, 12)),
        "created_at": _WHEN,
        "created_by": _CLEAN,
        "done_at": _WHEN,
        "comments": st.lists(
            st.builds(lambda at, by, text: {"at": at, "by": by, "text": text}, _REAL_TIME, _CLEAN, _CLEAN.filter(bool)), max_size=2
        ),
    }
).map(lambda task: {name: task[name] for name in FIELDS})  # in the model's order, as written
# … and a hand's changes to a few of its fields: odd text, values of the wrong kind or range
_ODD_VALUE = st.one_of(
    _TEXT, _TIME, _DAY, _RANK, st.none(), st.booleans(), st.sampled_from(["P2", "3", "Done", "finished", 0, 5, 13, 2.0, [], {}, ["a", 1]])
)
_TASKS = st.builds(lambda task, changes: {**task, **changes}, _GOOD, st.dictionaries(st.sampled_from(FIELDS), _ODD_VALUE, max_size=2))


_NAME = 'Design "A\\B" 设计'  # a department's name (its quote and backslash escaped in --json)
_BOARD = JsonBoard({}, 0, JsonNames({}))
_BASE = Task(id="t-1", department="design", title="Hero", rank=1.5, created_at=datetime(2026, 1, 2, tzinfo=timezone.utc)).to_doc()
# what a hand may write that the model keeps but writes otherwise, or refuses
_TRAPS = [
    {"created_at": "2026-01-02T00:00:00.000000Z"},
    {"created_at": "2026-01-02T00:00:00+00:00"},
    {"done_at": "2026-01-02T00:00:00-00:00"},
    {"done_at": "2026-02-29T00:00:00Z"},
    {"due": "2028-02-29"},
    {"due": "1900-02-29"},
    {"due": "0000-01-01"},
    {"rank": 1e-05},
    {"rank": 1e16},
    {"rank": 3},
    {"priority": "P2"},
    {"priority": True},
    {"month": 0},
    {"status": "Done"},
    {"title": "Hero "},
    {"title": "Hero\u3000"},
    {"owner": "mei\u00a0lin"},
    {"tags": ["a  b"]},
    {"notes": "\u200bhidden"},
    {"comments": [{"at": "2026-01-02T00:00:00Z", "by": "mei", "text": " "}]},
    {"comments": [{"by": "mei", "at": "2026-01-02T00:00:00Z", "text": "ok"}]},
]


@settings(max_examples=400, deadline=None)
@given(_TASKS)
@example(_BASE)
@example({**_BASE, **_TRAPS[0]})
@example({**_BASE, **_TRAPS[1]})
@example({**_BASE, **_TRAPS[2]})
@example({**_BASE, **_TRAPS[3]})
@example({**_BASE, **_TRAPS[4]})
@example({**_BASE, **_TRAPS[5]})
@example({**_BASE, **_TRAPS[6]})
@example({**_BASE, **_TRAPS[7]})
@example({**_BASE, **_TRAPS[8]})
@example({**_BASE, **_TRAPS[9]})
@example({**_BASE, **_TRAPS[10]})
@example({**_BASE, **_TRAPS[11]})
@example({**_BASE, **_TRAPS[12]})
@example({**_BASE, **_TRAPS[13]})
@example({**_BASE, **_TRAPS[14]})
@example({**_BASE, **_TRAPS[15]})
@example({**_BASE, **_TRAPS[16]})
@example({**_BASE, **_TRAPS[17]})
@example({**_BASE, **_TRAPS[18]})
@example({**_BASE, **_TRAPS[19]})
@example({**_BASE, **_TRAPS[20]})
def test_a_line_read_without_the_model_is_what_the_model_makes_of_it(task: dict) -> None:
    line = moved(task)
    read = read_line(line)
    for_json, unread = read_json_lines([line], JsonBoard({}, 0, JsonNames({"design": _NAME})), 0)
    assert len(for_json) == (read is not None) and unread == ([0] if read is None else [])  # read for --json alike
    if read is None:
        return  # validated by the model: said wrong there, or read as cleaned
    model = Task.model_validate_json(line[line.index(b',"task":{') + 8 : -1])  # never raises for a line read
    assert read.id == model.id and read.department == model.department and read.title == model.title
    assert (read.status, read.blocked_reason, read.priority, read.owner) == (
        model.status,
        model.blocked_reason,
        model.priority,
        model.owner,
    )
    assert read.due == (model.due.isoformat() if model.due else None)
    assert (read.rank, read.created, read.id) == card_order(model)
    dumped = model.to_doc()
    assert list(orjson.loads(read.task_json()).items()) == list(dumped.items())  # every field, the same order
    assert orjson.dumps(dumped) == read.task_json()
    # and --json writes it with orjson as Python's json writes the model's (its floats too)
    assert orjson.dumps(orjson.loads(read.task_json()), option=orjson.OPT_INDENT_2).decode() == json.dumps(
        dumped, ensure_ascii=False, indent=2
    )
    # --json's own reading: its place in board order, and its item written from the line as from the model
    (item,) = for_json
    assert (item.rank, *item.age_and_id()) == (*card_order(model)[:2], model.id.encode()) and item.task_json() == read.task_json()
    assert (item.department, item.status) == (model.department, model.status)
    named: dict[str, object] = {}
    for name, value in dumped.items():
        named[name] = value
        if name == "department":
            named["department_name"] = _NAME if model.department == "design" else model.department
    assert item.item == ("  " + json.dumps(named, ensure_ascii=False, indent=2).replace("\n", "\n  ")).encode()


def test_a_rank_or_a_date_the_model_writes_otherwise_is_validated() -> None:
    """Written by hand: a rank the model writes otherwise ('1.50' is 1.5), a
    date of full-width digits (the model refuses it); a whole rank is read."""
    line = moved(_BASE)
    assert b'"rank":1.5,' in line
    for written in (b'"rank":1.50,', b'"rank":0.1000000000000000055511151231257827,'):
        odd = line.replace(b'"rank":1.5,', written)
        assert read_line(odd) is None and read_json_lines([odd], _BOARD, 0) == ([], [0])
    for field, value in (("due", "２０２６-01-02"), ("created_at", "２０２６-01-02T00:00:00Z")):
        odd = moved({**_BASE, field: value})
        assert read_line(odd) is None and read_json_lines([odd], _BOARD, 0) == ([], [0])
    whole = line.replace(b'"rank":1.5,', b'"rank":12.0,')
    read = read_line(whole)
    (for_json,), unread = read_json_lines([whole], JsonBoard({b"design": 8}, 0, JsonNames({})), first=3)
    assert read is not None and read.rank == for_json.rank == 12.0 and unread == []
    assert (for_json.place, for_json.number) == (8, 3)  # design's place, in its To do column

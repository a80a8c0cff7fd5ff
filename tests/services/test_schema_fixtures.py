"""Every past schema version has a fixture board in tests/fixtures/, and each
opens with this opsboard: an older one is backed up, then migrated; a newer
one opens read-only. schema_v0.json is a fake (no real v0 ever shipped): with
a fake migration step patched in it tests the mechanism itself."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest

from opsboard.model import SCHEMA_VERSION
from opsboard.services.tasks import add_task
from opsboard.store import BoardError, BoardReadOnlyError, BoardStore, migrations

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REAL_VERSIONS = range(1, SCHEMA_VERSION + 1)  # every schema opsboard has written


def copy_fixture(version: int, tmp_path: Path) -> Path:
    target = tmp_path / f"board-v{version}.json"
    shutil.copyfile(FIXTURES / f"schema_v{version}.json", target)
    return target


def on_disk(path: Path) -> dict:
    return orjson.loads(path.read_bytes())


def test_there_is_a_fixture_for_every_schema_version() -> None:
    missing = [v for v in REAL_VERSIONS if not (FIXTURES / f"schema_v{v}.json").exists()]
    assert missing == [], "bumped SCHEMA_VERSION? save a board of the old version as tests/fixtures/schema_v<N>.json"
    for version in REAL_VERSIONS:
        assert on_disk(FIXTURES / f"schema_v{version}.json")["meta"]["meta"]["schema_version"] == version


@pytest.mark.parametrize("version", REAL_VERSIONS)
def test_each_schema_version_opens_and_ends_at_the_current_one(version: int, tmp_path: Path) -> None:
    path = copy_fixture(version, tmp_path)
    original = path.read_bytes()
    store = BoardStore(path, user="lin")
    assert store.read_only_reason is None
    assert store.validate_all() == []
    assert store.meta().schema_version == SCHEMA_VERSION
    assert on_disk(path)["meta"]["meta"]["schema_version"] == SCHEMA_VERSION
    assert {t.title: t.owner for t in store.tasks()} == {"Book 618 ad slots": "lin", "Retouch hero images": "chen"}
    assert store.task("t-fixture01").blocked_reason == "waiting for the budget"
    assert store.item("launch-b").status.value == "done"
    assert store.plan() is not None and store.plan().annual_target == 12_000_000
    assert len(store.actuals()) == 1
    keep = path.with_name(f"{path.name}.v{version}.bak")
    if version < SCHEMA_VERSION:
        assert keep.read_bytes() == original
    else:
        assert not keep.exists()
        assert path.read_bytes() == original  # the current schema is opened as it is
    add_task(store, department="design", title="Still editable")
    reopened = BoardStore(path, user="chen")
    # the first save moved the long-done task to the archive beside the board: still the board's
    assert len(reopened.tasks()) + len(reopened.archived().lines) == 3


def _v0_to_v1(data: dict) -> dict:
    """The fake step: v0 called a task's owner its 'assignee'."""
    for doc in data.get("tasks", {}).values():
        if "assignee" in doc:
            doc["owner"] = doc.pop("assignee")
    return data


def test_an_older_board_is_backed_up_then_migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(migrations.MIGRATIONS, 0, _v0_to_v1)
    path = copy_fixture(0, tmp_path)
    original = path.read_bytes()
    store = BoardStore(path, user="lin")
    assert path.with_name(f"{path.name}.v0.bak").read_bytes() == original
    saved = on_disk(path)
    assert saved["meta"]["meta"]["schema_version"] == SCHEMA_VERSION  # through the fake step, then the real ones
    assert {doc["title"]: doc["owner"] for doc in saved["tasks"].values()} == {
        "Book 618 ad slots": "lin",
        "Retouch hero images": "chen",
    }
    assert all("assignee" not in doc for doc in saved["tasks"].values())
    assert store.validate_all() == []
    # opening it again: already current, the backup of v0 stays the v0 file
    BoardStore(path, user="chen")
    assert path.with_name(f"{path.name}.v0.bak").read_bytes() == original


def test_an_older_board_with_no_migration_step_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = copy_fixture(0, tmp_path)
    original = path.read_bytes()
    with pytest.raises(BoardError, match="cannot upgrade this board from schema version 0"):
        BoardStore(path, user="lin")
    assert path.read_bytes() == original


def test_a_board_from_a_newer_opsboard_opens_read_only(tmp_path: Path) -> None:
    path = tmp_path / "newer.json"
    data = on_disk(FIXTURES / f"schema_v{SCHEMA_VERSION}.json")
    data["meta"]["meta"]["schema_version"] = SCHEMA_VERSION + 1
    path.write_bytes(orjson.dumps(data))
    original = path.read_bytes()
    store = BoardStore(path, user="lin")
    assert store.read_only_reason == (
        f"it was written by a newer opsboard (schema {SCHEMA_VERSION + 1}, this one knows {SCHEMA_VERSION}); upgrade opsboard to edit it"
    )
    assert len(store.tasks()) == 2  # still readable
    with pytest.raises(BoardReadOnlyError, match="upgrade opsboard to edit it"):
        add_task(store, department="design", title="Refused")
    assert path.read_bytes() == original


def test_schema_1_campaigns_become_one_main_phase_and_keep_their_targets(tmp_path: Path) -> None:
    from opsboard.logic.targets import monthly_targets
    from opsboard.model import TargetPlan

    v1 = on_disk(FIXTURES / "schema_v1.json")["targets"]["plan"]
    path = copy_fixture(1, tmp_path)
    BoardStore(path, user="lin")
    [campaign] = on_disk(path)["targets"]["plan"]["campaigns"]
    assert campaign["phases"] == [{"kind": "main", "start": "2026-11-01", "end": "2026-11-11", "weight": 1.0}]
    assert (campaign["platform"], campaign["budget"]) == ("", 0.0)
    assert "start" not in campaign
    # 11 of November's 30 days at +50 %: November's weight × (1 + 0.5 × 11/30), as before
    migrated = BoardStore(path, user="lin").plan()
    assert monthly_targets(migrated) == monthly_targets(TargetPlan.model_validate(v1))

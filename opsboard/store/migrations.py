"""Schema migrations: each step turns a board of version N into N+1.

A board older than SCHEMA_VERSION is backed up (`<board>.v<N>.bak`) and then
migrated step by step; the list is empty until the schema first changes.
"""

from __future__ import annotations

from collections.abc import Callable

from opsboard.model import SCHEMA_VERSION

Tables = dict[str, dict[str, dict]]
Step = Callable[[Tables], Tables]

# MIGRATIONS[n] turns version n into n + 1.
MIGRATIONS: dict[int, Step] = {}


def schema_version(data: Tables) -> int:
    return int(data.get("meta", {}).get("meta", {}).get("schema_version", 1))


def migrate(data: Tables, steps: dict[int, Step] | None = None, target: int = SCHEMA_VERSION) -> Tables:
    """Apply every step from the board's version up to `target`."""
    steps = MIGRATIONS if steps is None else steps
    version = schema_version(data)
    while version < target:
        step = steps.get(version)
        if step is None:
            raise ValueError(f"no migration from schema version {version}")
        data = step(data)
        version += 1
        data.setdefault("meta", {}).setdefault("meta", {})["schema_version"] = version
    return data

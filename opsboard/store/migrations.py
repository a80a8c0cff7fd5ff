"""Schema migrations: each step turns a board of version N into N+1.

A board older than SCHEMA_VERSION is backed up (`<board>.v<N>.bak`) and then
migrated step by step.
"""

from __future__ import annotations

from collections.abc import Callable

from opsboard.i18n import _
from opsboard.model import SCHEMA_VERSION

from .doc_table import Tables

Step = Callable[[Tables], Tables]


def _campaigns_with_phases(data: Tables) -> Tables:
    """Schema 2: a campaign has phases (预售/预热/正式/返场) instead of one
    start and end; its days become one 正式 phase of weight 1, so every
    target stays as it was. It gains a platform ("" = all) and a budget (0)."""
    for plan in data.get("targets", {}).values():
        campaigns = plan.get("campaigns")
        if not isinstance(campaigns, list):
            continue
        for campaign in campaigns:
            if isinstance(campaign, dict) and "phases" not in campaign and "start" in campaign:
                phase = {"kind": "main", "start": campaign.pop("start"), "end": campaign.pop("end", None), "weight": 1.0}
                campaign["phases"] = [phase]
                campaign.setdefault("platform", "")
                campaign.setdefault("budget", 0.0)
    return data


# MIGRATIONS[n] turns version n into n + 1.
MIGRATIONS: dict[int, Step] = {1: _campaigns_with_phases}


def schema_version(data: Tables) -> int:
    return int(data.get("meta", {}).get("meta", {}).get("schema_version", 1))


def migrate(data: Tables, steps: dict[int, Step] | None = None, target: int = SCHEMA_VERSION) -> Tables:
    """Apply every step from the board's version up to `target`."""
    steps = MIGRATIONS if steps is None else steps
    version = schema_version(data)
    while version < target:
        step = steps.get(version)
        if step is None:
            raise ValueError(_("no migration from schema version {version}").format(version=version))
        data = step(data)
        version += 1
        data.setdefault("meta", {}).setdefault("meta", {})["schema_version"] = version
    return data

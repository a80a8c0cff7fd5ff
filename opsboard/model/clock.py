"""One place that says what time it is, so tests can freeze it."""

from __future__ import annotations

import os
from datetime import date, datetime, timezone


def now() -> datetime:
    """The current time, timezone-aware. OPSBOARD_NOW (ISO) freezes it."""
    frozen = os.environ.get("OPSBOARD_NOW")
    if frozen:
        value = datetime.fromisoformat(frozen)
        return value if value.tzinfo else value.astimezone()
    return datetime.now(timezone.utc).astimezone()


def today() -> date:
    return now().date()

"""Who is making a change: `--user`, else the OS user."""

from __future__ import annotations

import getpass
import os


def current_user(override: str | None = None) -> str:
    if override:
        return override.strip()
    try:
        return getpass.getuser()
    except Exception:  # no passwd entry (some containers)
        return os.environ.get("USER") or f"uid{os.getuid()}"

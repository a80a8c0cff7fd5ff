"""What opsboard remembers for one person between starts — the theme, the
last view, the last department, the folder they export to — in a small JSON file in their own config
folder (beside keymap.toml), never in the board: each teammate keeps theirs.

A missing or unreadable file is the defaults; a failed write is a line to
show, never an error: remembering is a convenience.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from platformdirs import user_config_path

from opsboard.i18n import _
from opsboard.i18n.formats import os_reason

SETTINGS_FILE = "settings.json"
_LONGEST = {"export_folder": 1000}  # a path; the others are short names


@dataclass
class PersonalSettings:
    theme: str | None = None
    view: str | None = None  # checklists, boards, targets, review, standup
    department: str | None = None  # a department id, for view 2
    export_folder: str | None = None  # where `x` last wrote an export outside the board's folder


def settings_path() -> Path:
    return user_config_path("opsboard", appauthor=False) / SETTINGS_FILE


def load_settings(path: Path | None = None) -> PersonalSettings:
    path = path or settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return PersonalSettings()
    if not isinstance(data, dict):
        return PersonalSettings()
    known = {f.name for f in fields(PersonalSettings)}
    # only short printable strings: a hand-edited file cannot put anything else on screen
    return PersonalSettings(
        **{k: v for k, v in data.items() if k in known and isinstance(v, str) and 0 < len(v) <= _LONGEST.get(k, 100) and v.isprintable()}
    )


def save_settings(settings: PersonalSettings, path: Path | None = None) -> str | None:
    """Written whole (a temp file put in place); the problem as a line when it could not be."""
    path = path or settings_path()
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        partial.replace(path)
    except OSError as error:
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            pass  # nothing was written there either
        return _("{path}: your settings were not saved ({error})").format(path=path, error=os_reason(error))
    return None

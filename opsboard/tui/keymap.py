"""A user's own keys: `keymap.toml` in the opsboard config folder maps
binding ids to keys, e.g. `"checklists.toggle" = "x"` or `"app.quit" = "ctrl+q"`.
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_config_path


def keymap_path() -> Path:
    return user_config_path("opsboard", appauthor=False) / "keymap.toml"


def load_keymap(path: Path | None = None) -> tuple[dict[str, str], str | None]:
    """The keymap and a warning line when the file could not be used."""
    path = path or keymap_path()
    if not path.exists():
        return {}, None
    import tomllib  # only for those who have a keymap: most start without one

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return {}, f"{path}: keymap ignored ({error})"
    bad = [key for key, value in data.items() if not isinstance(value, str)]
    if bad:
        return {}, f'{path}: keymap ignored ({bad[0]} needs a key as a string, e.g. "ctrl+q")'
    return data, None

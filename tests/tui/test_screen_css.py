"""Screens keep their CSS in a .tcss file beside them (CSS_PATH);
DEFAULT_CSS is for reusable widgets only (Textual's guide; STYLE.md)."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

from textual.screen import Screen

import opsboard.tui

TUI = Path(opsboard.tui.__file__).parent


def screens() -> list[type[Screen]]:
    for path in sorted(TUI.rglob("*.py")):
        importlib.import_module("opsboard." + ".".join(path.relative_to(TUI.parent).with_suffix("").parts))
    found, todo = [], [Screen]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("opsboard."):
                found.append(sub)
    return found


def test_no_screen_carries_default_css() -> None:
    found = screens()
    assert len(found) > 15
    assert [cls.__qualname__ for cls in found if "DEFAULT_CSS" in vars(cls)] == []


def test_every_screen_css_file_is_there() -> None:
    for cls in screens():
        paths = cls.CSS_PATH if isinstance(cls.CSS_PATH, list) else [cls.CSS_PATH] if cls.CSS_PATH else []
        for path in paths:
            assert (Path(inspect.getfile(cls)).parent / path).is_file(), (cls.__qualname__, path)

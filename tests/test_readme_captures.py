"""The README's pictures come from tools/readme_captures.py: each shows the
view its text is about (view 2's: the Marketing board, whose cards the
paragraph under it describes, not the first department or the overview)."""

import importlib.util
import sys
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parent.parent / "tools" / "readme_captures.py"


def load_tool():
    spec = importlib.util.spec_from_file_location("readme_captures", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_view_2_picture_shows_the_marketing_board(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPSBOARD_NOW", "XDG_CONFIG_HOME"):  # the tool sets them; put them back after
        monkeypatch.setenv(name, "")
    picture = load_tool().capture_view("2")
    assert "Marketing  5 open · 1 blocked · 3 overdue" in picture.splitlines()[1]


def test_the_stand_up_keys_in_the_readme_name_the_timebox() -> None:
    """Issue 18 case 16: `t` (the timebox) was in the app but not in the README."""
    readme = (TOOL.parent.parent / "README.md").read_text(encoding="utf-8")
    stand_up = readme[readme.index("### 5 · Stand-up") :]
    stand_up = stand_up[: stand_up.index("\n## ")]
    assert "| `t` | set the timebox per department" in stand_up


def test_every_picture_in_the_readme_is_what_the_app_shows_now() -> None:
    """A view changed without its README picture fails here, so the README
    stays true to the app (`tools/readme_captures.py` redraws them)."""
    import subprocess

    done = subprocess.run([sys.executable, str(TOOL), "--check"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr

"""Start-up timing for the benchmarks: a fresh `python` process running an
app, timed from spawning it to the first frame that shows its content.

The child marks the first time a screen is drawn with `drawn(screen)` true
(for opsboard: the checklist table has rows), then goes on until it is idle
(Pilot's `pause()`), reports, and exits. Both times are kept: the first frame
is what a user waits for; "idle" also counts what the app does just after it
(opsboard checks the board against its models then).

Times are on the system-wide monotonic clock, which parent and child share.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Put before an app's code; `drawn` is a Python expression of `screen`.
# `_time_frames()` patches Textual to note the first frame: called before a
# plain app's code, and for opsboard (cli_app_code) once `opsboard.cli.main`
# has loaded the terminal app, so Textual is imported as the console script
# imports it (garbage collection paused: cli.main), not by this preamble.
PREAMBLE = """
import sys, time

_first_frame = []

def _time_frames():
    from textual.screen import Screen

    _refresh = Screen._compositor_refresh

    def _timed_refresh(screen):
        _refresh(screen)
        if not _first_frame and ({drawn}):
            _first_frame.append((time.monotonic(), time.process_time(), "pydantic" in sys.modules))

    Screen._compositor_refresh = _timed_refresh

async def report(pilot):
    await pilot.pause()
    {then}
    at, cpu, pydantic = _first_frame[0]
    print("ready", at, cpu, pydantic, "pandas" in sys.modules, flush=True)
    pilot.app.exit()
"""

# `opsboard ARGS` as the console script runs it: `import opsboard.cli`, then
# `main()`; once main has imported the terminal app (opsboard.tui.app) its
# frames are timed and App.run runs headless at 120×40, reporting.
THROUGH_CLI = """
import importlib.util

class _WhenTheAppIsLoaded:
    def find_spec(self, name, path=None, target=None):
        if name != "opsboard.tui.app":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            _time_frames()
            from textual.app import App

            run = App.run
            App.run = lambda app, *args, **kwargs: run(app, headless=True, size=(120, 40), auto_pilot=report)

        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, _WhenTheAppIsLoaded())
import opsboard.cli  # as the console script does, collections on

sys.exit(opsboard.cli.main([*sys.argv[1:], *{argv}]))
"""


def cli_app_code(argv: list[str], drawn: str = "True", then: str = "") -> str:
    """A child program running `opsboard [its own arguments] ARGV` through
    `opsboard.cli.main`, timed to the first frame where `drawn` holds."""
    return PREAMBLE.format(drawn=drawn, then=then) + THROUGH_CLI.format(argv=repr(argv))


@dataclass(frozen=True)
class Start:
    first_frame: float  # seconds from spawn to the first frame with content
    idle: float  # seconds from spawn to idle after it
    cpu: float  # CPU seconds the child had used by the first frame
    pydantic: bool  # pydantic loaded before the first frame
    pandas: bool  # pandas loaded by the time it was idle


# A settings folder of the benchmarks' own, empty: an app opens on view 1,
# whatever view the person running them last left.
CONFIG = Path(tempfile.gettempdir()) / f"opsboard-bench-config-{os.getuid()}"


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # cached bytecode, as on a user's machine
    env.pop("OPSBOARD_NOW", None)
    env["PYTHONPATH"] = str(ROOT)
    CONFIG.mkdir(exist_ok=True)
    env["XDG_CONFIG_HOME"] = str(CONFIG)
    return env


def app_code(body: str, run: str, drawn: str = "True", then: str = "") -> str:
    """A child program: the preamble, the app's code, then `run` (which must
    pass `auto_pilot=report`)."""
    return PREAMBLE.format(drawn=drawn, then=then) + "_time_frames()\n" + body + "\n" + run + "\n"


def round_ratio(starts: list[float], bare: list[float]) -> float:
    """Median over the rounds of (this start / the bare app's start in the same round)."""
    return statistics.median(s / b for s, b in zip(starts, bare, strict=True))


def time_start(code: str, *args: str) -> Start:
    # settings of its own, empty: an app started through opsboard.cli keeps the
    # view it was left on, and the next start must open on view 1 again
    with tempfile.TemporaryDirectory(prefix="opsboard-bench-config-") as config:
        started = time.monotonic()
        child = subprocess.Popen(
            [sys.executable, "-c", code, *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**child_env(), "XDG_CONFIG_HOME": config},
        )
        assert child.stdout is not None
        line = child.stdout.readline()
        idle = time.monotonic() - started
        _, stderr = child.communicate(timeout=120)
    if not line.startswith("ready"):
        raise RuntimeError(f"the app did not start: {stderr.strip()[-800:]}")
    _, at, cpu, pydantic, pandas = line.split()
    return Start(float(at) - started, idle, float(cpu), pydantic == "True", pandas == "True")


# What each start is compared with: a bare Textual app to its first frame.
BARE_APP = app_code(
    """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("hello")
        yield Footer()
""",
    "Bare().run(headless=True, size=(120, 40), auto_pilot=report)",
    drawn='screen.query("Static")',
)

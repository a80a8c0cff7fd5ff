"""The README's pictures of the five views, captured from the app itself.

    .venv/bin/python tools/readme_captures.py           # rewrite them in README.md
    .venv/bin/python tools/readme_captures.py --check   # exit 1 when one is out of date
    .venv/bin/python tools/readme_captures.py --show 3  # print view 3's

Each view is opened on a fresh copy of the demo board, at a fixed size and
a fixed moment (Monday 30 November 2026, the demo's "today"), in English,
headless; the screen is taken as plain text (the terminal's characters,
no colour) and replaces the first fenced block under the view's heading.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
NOW = "2026-11-30T09:30:00+08:00"
WIDTH = 100


@dataclass(frozen=True)
class Capture:
    heading: str  # the README heading whose first fenced block is the picture
    keys: tuple[str, ...]  # pressed after the app opens
    height: int


CAPTURES = {
    "1": Capture("### 1 · Checklists", ("1",), 16),
    "2": Capture("### 2 · Boards", ("2", "right_square_bracket", "right_square_bracket"), 18),
    "3": Capture("### 3 · Targets", ("3",), 25),
    "4": Capture("### 4 · Review", ("4",), 30),
    "5": Capture("### 5 · Stand-up", ("5",), 15),
}


async def _capture(capture: Capture, board: Path) -> str:
    from rich.console import Console

    from opsboard.i18n import set_language
    from opsboard.store import BoardStore
    from opsboard.tui.app import OpsboardApp

    set_language("en")
    app = OpsboardApp(BoardStore(board, user="lin"))
    app.animation_level = "none"
    async with app.run_test(size=(WIDTH, capture.height)) as pilot:

        async def settle() -> None:
            for _ in range(50):  # views prepare their figures in workers: wait for them
                await pilot.pause(0.1)
                if not any(worker.is_running for worker in app.workers):
                    break
            await pilot.pause(0.2)

        await settle()
        for key in capture.keys:
            await pilot.press(key)
            await settle()
        app.clear_notifications()
        await pilot.pause(0.3)
        console = Console(width=WIDTH, height=capture.height, record=True, color_system=None, file=open(os.devnull, "w"))
        console.print(app.screen._compositor.render_full_update())
        text = console.export_text()
    lines = [line.rstrip() for line in text.splitlines()][: capture.height]
    return "\n".join(lines)


def capture_view(view: str) -> str:
    """The plain-text picture of one view ("1".."5") on a fresh demo board."""
    os.environ["OPSBOARD_NOW"] = NOW
    os.environ.pop("OPSBOARD_LANG", None)
    folder = Path(tempfile.mkdtemp(prefix="opsboard-capture-"))
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")  # no one's own settings
    try:
        board = folder / "demo.json"
        shutil.copyfile(ROOT / "sample_data" / "demo_board.json", board)
        return asyncio.run(_capture(CAPTURES[view], board))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def with_picture(readme: str, heading: str, picture: str) -> str:
    """The README with the first fenced block under `heading` replaced."""
    start = readme.index(heading + "\n")
    match = re.compile(r"^```\n.*?^```\n", re.S | re.M).search(readme, start)
    if match is None:
        raise SystemExit(f"no fenced block under {heading!r} in {README}")
    return readme[: match.start()] + f"```\n{picture}\n```\n" + readme[match.end() :]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a picture in README.md is out of date")
    parser.add_argument("--show", choices=sorted(CAPTURES), help="print one view's picture")
    args = parser.parse_args(argv)
    if args.show:
        print(capture_view(args.show))
        return 0
    readme = README.read_text(encoding="utf-8")
    updated = readme
    for view, capture in CAPTURES.items():
        updated = with_picture(updated, capture.heading, capture_view(view))
    if args.check:
        if updated != readme:
            print("README.md: a view's picture is out of date; run tools/readme_captures.py", file=sys.stderr)
            return 1
        return 0
    if updated != readme:
        README.write_text(updated, encoding="utf-8")
        print("README.md: the views' pictures updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())

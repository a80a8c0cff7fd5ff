"""The first save of a big board that never archived, off the UI thread.

A board of 100,000 tasks opened for the first time since archives came in
would move some 95,000 done tasks at its first save: seconds of writing
(the archive appended and fsynced, then the board saved) that would freeze
the app on whatever key made that save. Instead, just after the first frame,
a board of LARGE_BOARD tasks or more is archived by another process,
`opsboard archive BOARD --now`, while the user reads it: the same save as
any (the archive first, then the board; a `kill -9` of either process leaves
both files readable and every task in one of them). Meanwhile the app's own
saves leave archiving to it (`BoardStore.archive_elsewhere`; a save waiting
for its lock queues as for any teammate's, `tui/saving.py`), then the app
reads the board it wrote (`check_for_changes`) and says what moved.
"""

from __future__ import annotations

import re
import subprocess
import sys
import threading
from typing import TYPE_CHECKING

from opsboard.i18n import language
from opsboard.model import Table

if TYPE_CHECKING:
    from .app import OpsboardApp

LARGE_BOARD = 20_000  # tasks on the board: a board that archives keeps far fewer
PREFIX = re.compile(r"^opsboard[:：] ?")  # the command's own prefix: the notice is the app's


def needs_first_archive(app: OpsboardApp) -> bool:
    store = app.store
    return not store.read_only and store.archive_days() > 0 and len(store.raw(Table.TASKS)) >= LARGE_BOARD


def archive_in_background(app: OpsboardApp) -> threading.Thread:
    """Start `opsboard archive BOARD --now` and, when it ends, reload the
    board and say what it did (its own words, one notice a line)."""
    store = app.store
    store.archive_elsewhere = True
    command = [sys.executable, "-m", "opsboard", "archive", str(store.path), "--now", "--user", store.user, "--ui-lang", language()]

    def run() -> None:
        try:
            done = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False)
            said = [PREFIX.sub("", line, count=1) for line in done.stderr.splitlines() if line.strip()]
            failed = done.returncode != 0
        except OSError as error:  # no Python to start: the app's own saves archive then
            said, failed = [str(error)], True
        try:
            app.call_from_thread(_finished, app, said, failed)
        except RuntimeError:  # the app ended meanwhile: the board on disk says it all
            pass

    thread = threading.Thread(target=run, name="opsboard-first-archive", daemon=True)
    thread.start()
    return thread


def _finished(app: OpsboardApp, said: list[str], failed: bool) -> None:
    app.store.archive_elsewhere = False
    app.check_for_changes()  # the board without the archived tasks, read and shown
    for line in said[-3:]:
        app.notify(line, severity="error" if failed else "information", timeout=8, markup=False)

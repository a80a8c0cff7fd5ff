"""The app ends when its terminal goes away.

A closed terminal normally sends SIGHUP. Started through `su` or `runuser`,
the app does not get it: its terminal reads end-of-file forever and Textual's
input thread (drivers/linux_driver.py, `run_input_thread`) loops on it, at
85–90 % of a core, with nobody to see it. So, beside SIGHUP, a poll of the
terminal twice a second: a hang-up or an error on it ends the app.
"""

from __future__ import annotations

import asyncio
import os
import select
import signal
import stat
import sys
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

CHECK_SECONDS = 0.5
HANGUP_STATUS = 129  # 128 + SIGHUP, as a shell reports a command ended by a hang-up
GRACE_SECONDS = 3.0  # to end cleanly; then the process ends regardless
GONE = select.POLLHUP | select.POLLERR | select.POLLNVAL


def watch_terminal(app: App) -> None:
    """From the app's mount: end it when its terminal hangs up."""
    if app.is_headless:
        return
    try:
        fd = sys.__stdin__.fileno()  # type: ignore[union-attr]  # None: the AttributeError below
    except (AttributeError, ValueError, OSError):
        return
    if not os.isatty(fd):
        return
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    ending: list[bool] = []

    def hung_up() -> None:
        if ending:
            return
        ending.append(True)
        # Nothing to draw on any more: end as cleanly as we can, and surely.
        timer = threading.Timer(GRACE_SECONDS, os._exit, (HANGUP_STATUS,))
        timer.daemon = True
        timer.start()
        app.exit(return_code=HANGUP_STATUS)

    def check() -> None:
        if any(events & GONE for _, events in poller.poll(0)):
            hung_up()

    asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, hung_up)
    app.set_interval(CHECK_SECONDS, check, name="terminal-watch")


def terminal_hung_up() -> bool:
    """Whether the terminal the app ran on has gone (closed, hung up): asked
    when the app has ended, so that its status says so (HANGUP_STATUS)
    whatever failed while it ended on a terminal nobody can see."""
    try:
        fd = sys.__stdin__.fileno()  # type: ignore[union-attr]
        if not stat.S_ISCHR(os.fstat(fd).st_mode):  # a terminal (isatty is False once it hung up), not a pipe
            return False
        poller = select.poll()
        poller.register(fd, select.POLLIN)
        return any(events & GONE for _, events in poller.poll(0))
    except (AttributeError, ValueError, OSError):
        return False

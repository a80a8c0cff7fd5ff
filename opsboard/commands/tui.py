"""`opsboard [BOARD]` and `opsboard --demo`: open the terminal app.

A damaged board opens to the recovery dialog (restore the newest good backup,
look at it read-only, or quit) instead of a traceback."""

from __future__ import annotations

import argparse
import sys

from opsboard.i18n import _
from opsboard.services.board_files import demo_copy, open_board, open_or_create_default
from opsboard.services.user import current_user
from opsboard.store import BoardDamagedError, BoardStore, rows


def _open(args: argparse.Namespace, user: str) -> tuple[BoardStore, str | None]:
    if args.demo:
        path = demo_copy()
        return open_board(path, user=user), _("Demo board: a fresh copy at {path}").format(path=path)
    if args.board:
        return open_board(args.board, user=user), None
    return open_or_create_default(user)


def _readable(store: BoardStore) -> BoardStore:
    """Check the documents the first screen shows (after a recovery: the
    usual start leaves this to the app, after its first frame)."""
    rows.check_against_models(store)
    return store


def recover(error: BoardDamagedError, user: str, ask=None) -> tuple[BoardStore | None, str | None]:
    """Ask what to do with a damaged board; the store to open (None: quit)
    and a notice saying what was done. `ask(error, backup) -> choice`."""
    from opsboard.services.recovery import newest_good_backup, open_read_only_copy, restore_backup

    backup = newest_good_backup(error.path)
    if ask is None:
        from opsboard.tui.modals.recovery import RecoveryApp

        ask = lambda error, backup: RecoveryApp(error, backup).run()
    choice = ask(error, backup)
    if choice == "restore" and backup is not None:
        result = restore_backup(error.path, backup.number)
        return _readable(open_board(error.path, user=user)), result.message
    if choice == "read-only" and backup is not None:
        return _readable(open_read_only_copy(error.path, user=user)), None  # the app says why it is read-only
    return None, None


def run_tui(args: argparse.Namespace) -> int:
    user = current_user(args.user)
    store: BoardStore | None
    try:
        store, notice = _open(args, user)
    except BoardDamagedError as error:  # not JSON, or not a board
        store, notice = recover(error, user)
        if store is None:
            print(_("opsboard: {error}").format(error=error), file=sys.stderr)
            return 1
    from opsboard.tui.app import OpsboardApp

    # The app checks the documents it shows just after its first frame; a
    # hand-broken one ends it with the error, before any change: recover, and
    # open the recovered board.
    while True:
        app = OpsboardApp(store, notice=notice)
        damaged = app.run()
        if damaged is None:
            # non-zero when it ended on an error (1) or a hang-up (129)
            return app.return_code or 0
        store, notice = recover(damaged, user)
        if store is None:
            print(_("opsboard: {error}").format(error=damaged), file=sys.stderr)
            return 1

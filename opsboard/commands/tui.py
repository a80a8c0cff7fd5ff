"""`opsboard [BOARD]` and `opsboard --demo`: open the terminal app.

A damaged board opens to the recovery dialog (restore the newest good backup,
look at it read-only, or quit) instead of a traceback."""

from __future__ import annotations

import argparse
import sys

from opsboard.i18n import _
from opsboard.services.board_files import demo_copy, discard_demo, open_board, open_or_create_default, speak_language_of
from opsboard.services.settings import load_settings
from opsboard.services.user import current_user
from opsboard.store import BoardDamagedError, BoardStore, rows
from opsboard.tui.app import OpsboardApp
from opsboard.tui.terminal import HANGUP_STATUS, terminal_hung_up


def _open(args: argparse.Namespace, user: str) -> tuple[BoardStore, str | None]:
    if args.demo:
        path = demo_copy()
        _DEMO.append(path)
        # the folder whole on a line of its own at 80 columns (the toast is 40 wide)
        notice = _("Demo board: a fresh copy, {name} in {folder}").format(name=path.name, folder=path.parent)
        return open_board(path, user=user), notice
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
    from opsboard.services.recovery import newest_good_backup, open_read_only_copy, parse_day, restore_backup, restore_day, snapshot_of

    backup = newest_good_backup(error.path)
    # the dialog in the board's language: read from its backup when the file itself cannot be read
    speak_language_of(backup.path if backup is not None else error.path)
    yesterday = snapshot_of(error.path, parse_day("yesterday"))
    yesterday = yesterday if yesterday is not None and yesterday.good else None
    if ask is None:
        from opsboard.tui.modals.recovery import RecoveryApp

        ask = lambda error, backup: RecoveryApp(error, backup, yesterday=yesterday).run()
    choice = ask(error, backup)
    if choice == "yesterday" and yesterday is not None:
        result = restore_day(error.path, yesterday.day)  # type: ignore[arg-type]
        return _readable(open_board(error.path, user=user)), result.message
    if choice == "restore" and backup is not None:
        result = restore_backup(error.path, backup.number)
        return _readable(open_board(error.path, user=user)), result.message
    if choice == "read-only" and backup is not None:
        return _readable(open_read_only_copy(error.path, user=user)), None  # the app says why it is read-only
    return None, None


def run_tui(args: argparse.Namespace) -> int:
    user = current_user(args.user)
    if not args.demo:
        return _run(args, user)
    try:
        return _run(args, user)
    finally:  # a demo leaves no folder behind, only what the user exported there
        _end_demo()


_DEMO: list = []  # the demo board this process made


def _end_demo() -> None:
    for board in _DEMO:
        kept = discard_demo(board)
        if kept:
            print(
                _("opsboard: the demo board is gone; your files from the demo are kept in {folder}").format(folder=board.parent),
                file=sys.stderr,
            )
    _DEMO.clear()


def _run(args: argparse.Namespace, user: str) -> int:
    store: BoardStore | None
    try:
        store, notice = _open(args, user)
    except BoardDamagedError as error:  # not JSON, or not a board
        store, notice = recover(error, user)
        if store is None:
            print(_("opsboard: {error}").format(error=error), file=sys.stderr)
            return 1
    # The app checks the documents it shows just after its first frame; a
    # hand-broken one ends it with the error, before any change: recover, and
    # open the recovered board.
    personal = load_settings()  # theme, view, department as this person left them
    while True:
        app = OpsboardApp(store, notice=notice, personal=personal)
        try:
            damaged = app.run()
        except Exception:
            if terminal_hung_up():  # something failed writing to a closed terminal: it ended by the hang-up
                return HANGUP_STATUS
            raise
        if app.settings_problem:
            print(_("opsboard: {error}").format(error=app.settings_problem), file=sys.stderr)
        if damaged is None:
            if terminal_hung_up():
                # Its terminal closed: the status says so (129), also when
                # something failed first on the dead terminal (the input or
                # output thread, before the twice-a-second look saw the
                # hang-up) and Textual ended the app with an error (1).
                return HANGUP_STATUS
            # non-zero when it ended on an error (1)
            return app.return_code or 0
        store, notice = recover(damaged, user)
        if store is None:
            print(_("opsboard: {error}").format(error=damaged), file=sys.stderr)
            return 1

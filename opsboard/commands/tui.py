"""`opsboard [BOARD]` and `opsboard --demo`: open the terminal app."""

from __future__ import annotations

import argparse

from opsboard.services.board_files import demo_copy, open_board, open_or_create_default
from opsboard.services.user import current_user


def run_tui(args: argparse.Namespace) -> int:
    user = current_user(args.user)
    notice = None
    if args.demo:
        path = demo_copy()
        notice = f"Demo board: a fresh copy at {path}"
        store = open_board(path, user=user)
    elif args.board:
        store = open_board(args.board, user=user)
    else:
        store, notice = open_or_create_default(user)
    from opsboard.tui.app import OpsboardApp

    OpsboardApp(store, notice=notice).run()
    return 0

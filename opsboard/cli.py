"""The command line: `opsboard [BOARD]` opens the TUI; subcommands are the
headless face of the same services (keep their names: scripts rely on them).

Exit codes: 0 success, 1 bad input or a damaged board (one line on stderr),
2 wrong usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from opsboard import __version__
from opsboard.commands import COMMANDS, command_modules
from opsboard.store import BoardError

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _common(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: a subcommand's own --user must not reset one given before the
    # command (`opsboard --user mei init b.json`); the top parser's default is None.
    parser.add_argument("--user", default=argparse.SUPPRESS, help="who is recorded as making changes (default: the OS user)")


def build_command_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="opsboard", description="A terminal planning board for an e-commerce operations lead.")
    parser.add_argument("--version", action="version", version=f"opsboard {__version__}")
    _common(parser)
    parser.set_defaults(user=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in command_modules():
        module.register(sub, _common)
    return parser


def build_tui_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="opsboard",
        description="Open a board in the terminal app. Commands: "
        + ", ".join(sorted(command_names()))
        + " (see `opsboard COMMAND --help`).",
    )
    parser.add_argument("board", nargs="?", help="the board file (default: your per-user board)")
    parser.add_argument("--demo", action="store_true", help="open a fresh copy of the sample board")
    parser.add_argument("--version", action="version", version=f"opsboard {__version__}")
    _common(parser)
    parser.set_defaults(user=None)
    return parser


def command_names() -> set[str]:
    return set(COMMANDS)


def _first_positional(argv: Sequence[str]) -> str | None:
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "--user":
            skip = True
            continue
        if not arg.startswith("-"):
            return arg
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if _first_positional(argv) in command_names():
            args = build_command_parser().parse_args(argv)
            return args.handler(args) or EXIT_OK
        from opsboard.commands.tui import run_tui

        return run_tui(build_tui_parser().parse_args(argv))
    except BoardError as error:
        print(f"opsboard: {error}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # never a traceback on a user's terminal
        if os.environ.get("OPSBOARD_DEBUG"):
            raise
        print(f"opsboard: unexpected error: {type(error).__name__}: {error} (set OPSBOARD_DEBUG=1 for details)", file=sys.stderr)
        return EXIT_INPUT


if __name__ == "__main__":
    sys.exit(main())

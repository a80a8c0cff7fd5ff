"""The command line: `opsboard [BOARD]` opens the TUI; subcommands are the
headless face of the same services (keep their names: scripts rely on them).

Exit codes: 0 success, 1 bad input or a damaged board (one line on stderr),
2 wrong usage.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence

from opsboard import __version__
from opsboard.commands import COMMANDS, command_modules
from opsboard.i18n import LANGUAGES, _, override_language
from opsboard.i18n.argparse_words import translate_argparse
from opsboard.services.board_files import archive_notices, forget_opened_boards
from opsboard.store import BoardError

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, _("{prog}: error: {message}").format(prog=self.prog, message=message) + "\n")


def _common(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: a subcommand's own --user must not reset one given before the
    # command (`opsboard --user mei init b.json`); the top parser's default is None.
    parser.add_argument("--user", default=argparse.SUPPRESS, help=_("who is recorded as making changes (default: the OS user)"))
    parser.add_argument(
        "--ui-lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help=_("language of the interface (default: the board's; with no board, the locale's)"),
    )


def build_command_parser(command: str | None = None) -> argparse.ArgumentParser:
    """Every command's parser, or only `command`'s (the one being run)."""
    parser = _Parser(prog="opsboard", description=_("A terminal planning board for an e-commerce operations lead."))
    parser.add_argument("--version", action="version", version=f"opsboard {__version__}", help=_("show program's version number and exit"))
    _common(parser)
    parser.set_defaults(user=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in command_modules(command):
        module.register(sub, _common)
    return parser


def build_tui_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="opsboard",
        description=_("Open a board in the terminal app. Commands: {commands} (see `opsboard COMMAND --help`).").format(
            commands=", ".join(sorted(command_names()))
        ),
    )
    parser.add_argument("board", nargs="?", help=_("the board file (default: your per-user board)"))
    parser.add_argument("--demo", action="store_true", help=_("open a fresh copy of the sample board"))
    parser.add_argument("--version", action="version", version=f"opsboard {__version__}", help=_("show program's version number and exit"))
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
        if arg in ("--user", "--ui-lang"):
            skip = True
            continue
        if not arg.startswith("-"):
            return arg
    return None


def _ui_lang(argv: Sequence[str]) -> str | None:
    """`--ui-lang` before argparse runs: its help and errors speak that language."""
    for i, arg in enumerate(argv):
        if arg == "--ui-lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--ui-lang="):
            return arg.partition("=")[2]
    return None


# Arguments that name files: any bytes the file system allows are fine there.
_FILE_ARGUMENTS = {"board", "file", "output"}


def _refuse_undecodable_text(args: argparse.Namespace) -> None:
    """Text that is not UTF-8 (a terminal in another encoding: Python keeps
    the bytes as lone surrogates) would be refused deep in validation; say
    which argument it is instead. File names may be any bytes."""
    for name, value in vars(args).items():
        if name in _FILE_ARGUMENTS or not isinstance(value, str):
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            shown = value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            option = name.replace("_", "-")
            raise BoardError(
                _("{option}: '{shown}' is not UTF-8 text (is the terminal set to UTF-8, e.g. LANG=C.UTF-8?); nothing was changed").format(
                    option=option, shown=shown
                )
            ) from None


def _printable_output() -> None:
    """A file name that is not UTF-8 (or text the terminal's encoding lacks)
    is printed escaped (`b\\udcff.json`) rather than failing the command
    after its work is done."""
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def _say_archive_notices() -> None:
    """Done tasks a command's save moved to the archive (or could not), on stderr."""
    for notice in archive_notices():
        print(_("opsboard: {notice}").format(notice=notice), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    forget_opened_boards()
    _printable_output()
    override_language(_ui_lang(argv))  # a board opened later speaks its language unless overridden
    translate_argparse()
    try:
        command = _first_positional(argv)
        if command in command_names():
            args = build_command_parser(command).parse_args(argv)
            _refuse_undecodable_text(args)
            status = args.handler(args) or EXIT_OK
            _say_archive_notices()
            return status
        # No garbage collection until view 1 is on screen (the app turns it
        # back on then: OpsboardApp.collect_again): a start allocates
        # hundreds of thousands of objects and frees few; a tenth of it went
        # to collections that found next to nothing.
        gc.disable()
        try:
            from opsboard.commands.tui import run_tui

            args = build_tui_parser().parse_args(argv)
            _refuse_undecodable_text(args)
            return run_tui(args)
        finally:
            gc.enable()
    except BoardError as error:
        print(_("opsboard: {error}").format(error=error), file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (`opsboard task list --json | head`): as other
        # Unix tools, stop quietly; stdout to /dev/null so the exit's flush cannot fail again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as error:  # never a traceback on a user's terminal
        if os.environ.get("OPSBOARD_DEBUG"):
            raise
        first = " ".join(str(error).split("\n", 1)[0].split())[:200]  # one line, whatever raised it
        print(
            _("opsboard: unexpected error: {kind}: {error} (set OPSBOARD_DEBUG=1 for details)").format(
                kind=type(error).__name__, error=first
            ),
            file=sys.stderr,
        )
        return EXIT_INPUT


if __name__ == "__main__":
    sys.exit(main())

"""Subcommands of `opsboard`, one module per area. Each has NAMES and
`register(subparsers, add_common)`; its handlers return an exit code.

Opening the app runs none of them, so they are imported only when a
subcommand is asked for: the start of the app does not pay for them.
"""

from __future__ import annotations

import importlib
from types import ModuleType

# command name → the module that registers it
COMMANDS: dict[str, str] = {
    "init": "board",
    "export": "board",
    "check": "board",
    "task": "tasks",
    "target": "targets",
    "import-actuals": "targets",
    "restore": "recovery",
    "people": "people",
    "digest": "digest",
    "keys": "keys",
    "archive": "archive",
}


def command_modules(command: str | None = None) -> list[ModuleType]:
    """The modules that register the commands (`command`'s only: a command
    run does not import the others, a tenth of a second of `task list`)."""
    names = dict.fromkeys([COMMANDS[command]] if command in COMMANDS else COMMANDS.values())  # each module once, in order
    return [importlib.import_module(f"{__name__}.{name}") for name in names]

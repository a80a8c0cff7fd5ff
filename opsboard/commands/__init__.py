"""Subcommands of `opsboard`, one module per area. Each has NAMES and
`register(subparsers, add_common)`; its handlers return an exit code."""

import importlib
import importlib.util

_AREAS = ("board", "tasks", "targets", "recovery", "standup")

# An area whose module is not there yet offers no commands.
COMMAND_MODULES = [
    importlib.import_module(f"{__name__}.{area}") for area in _AREAS if importlib.util.find_spec(f"{__name__}.{area}")
]

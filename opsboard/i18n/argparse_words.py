"""argparse's own words ("usage:", "options", its errors) in the interface language.

argparse looks up its messages through the module-level `_` and `ngettext`
it imported from gettext; pointing those at ours translates them with the
rest of the catalogue. The messages are listed here so extraction finds them
(Python 3.11's argparse; a message it does not list stays English).
"""

from __future__ import annotations

import argparse
import unicodedata

from . import _, _l, lazy_pgettext, ngettext

MESSAGES = (
    _l("usage: "),
    _l("positional arguments"),
    _l("options"),
    _l("show this help message and exit"),
    _l("argument %(argument_name)s: %(message)s"),
    _l("unrecognized arguments: %s"),
    _l("ambiguous option: %(option)s could match %(matches)s"),
    _l("invalid choice: %(value)r (choose from %(choices)s)"),
    _l("can't open '%(filename)s': %(error)s"),
    _l("expected one argument"),
    _l("expected at most one argument"),
    _l("expected at least one argument"),
    _l("invalid %(type)s value: %(value)r"),
    _l("unknown parser %(parser_name)r (choices: %(choices)s)"),
    _l("the following arguments are required: %s"),
    _l("one of the arguments %s is required"),
    _l("not allowed with argument %s"),
    _l("ignored explicit argument %r"),
)
PLURALS = (ngettext("expected %s argument", "expected %s arguments", 1),)


# what a positional argument or a sub-command is called in --help and in
# errors ("缺少必需的参数：看板"): its name as declared, in English
ARGUMENT_WORDS = {
    "board": lazy_pgettext("argument", "board"),
    "id": lazy_pgettext("argument", "id"),
    "name": lazy_pgettext("argument", "name"),
    "old": lazy_pgettext("argument", "old"),
    "new": lazy_pgettext("argument", "new"),
    "ACTION": lazy_pgettext("argument", "ACTION"),
    "COMMAND": lazy_pgettext("argument", "COMMAND"),
    "FILE.csv|.xlsx|.xls": lazy_pgettext("argument", "FILE.csv|.xlsx|.xls"),
}
_metavar_formatter = argparse.HelpFormatter._metavar_formatter
_format_action = argparse.HelpFormatter._format_action
_action_name = argparse._get_action_name  # type: ignore[attr-defined]


def _word(name: object) -> object:
    return str(ARGUMENT_WORDS[name]) if isinstance(name, str) and name in ARGUMENT_WORDS else name


def _translated_metavar(self, action, default_metavar):
    if action.option_strings:
        return _metavar_formatter(self, action, default_metavar)
    return _metavar_formatter(self, argparse.Namespace(metavar=_word(action.metavar), choices=action.choices), _word(default_metavar))


def _translated_action_name(argument):
    name = _action_name(argument)
    return name if argument is None or argument.option_strings else _word(name)


def _cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _aligned_action(self, action):
    """argparse pads an argument's name by its length: 看板 is 2 long but 4 cells
    wide, so its help would start 2 columns right of the others'."""
    text = _format_action(self, action)
    invocation = self._format_action_invocation(action)
    extra = _cells(invocation) - len(invocation)
    head = " " * self._current_indent + invocation
    if extra > 0 and text.startswith(head) and text[len(head) :].startswith(" " * (extra + 2)):
        text = head + text[len(head) + extra :]
    return text


def translate_argparse() -> None:
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
    argparse.HelpFormatter._metavar_formatter = _translated_metavar  # type: ignore[method-assign]
    argparse._get_action_name = _translated_action_name  # type: ignore[attr-defined]
    argparse.HelpFormatter._format_action = _aligned_action  # type: ignore[method-assign]

"""argparse's own words ("usage:", "options", its errors) in the interface language.

argparse looks up its messages through the module-level `_` and `ngettext`
it imported from gettext; pointing those at ours translates them with the
rest of the catalogue. The messages are listed here so extraction finds them
(Python 3.11's argparse; a message it does not list stays English).
"""

from __future__ import annotations

import argparse

from . import _, _l, ngettext

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


def translate_argparse() -> None:
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]

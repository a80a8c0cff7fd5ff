"""`opsboard keys`: the key binding ids a keymap.toml can change."""

from __future__ import annotations

import argparse

from opsboard.i18n import _
from opsboard.tui.key_ids import PLACE_WORDS, key_ids
from opsboard.tui.keymap import keymap_path

NAMES = ("keys",)


def register(sub, add_common) -> None:
    keys = sub.add_parser(
        "keys",
        help=_("list the key binding ids, for keymap.toml"),
        description=_(
            'A keymap.toml in your opsboard config folder maps ids to keys, e.g. "boards.add" = "n" '
            'or "app.quit" = "ctrl+q" (several keys: "n,insert").'
        ),
    )
    add_common(keys)
    keys.set_defaults(handler=cmd_keys)


def _place_words(places: str) -> str:
    """'checklists, boards' (key_ids joins the places) in the interface language."""
    return _(", ").join(str(PLACE_WORDS.get(place, place)) for place in places.split(", "))


def cmd_keys(args: argparse.Namespace) -> int:
    from tabulate import tabulate

    rows = [(b.id, ",".join(b.keys), str(b.description), _place_words(b.place)) for b in key_ids()]
    print(tabulate(rows, headers=(_("Id"), _("Keys"), _("Does"), _("Where")), tablefmt="plain", disable_numparse=True))
    print("\n" + _("Your keymap: {path}").format(path=keymap_path()))
    return 0

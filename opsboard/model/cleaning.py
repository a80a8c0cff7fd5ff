"""User text is data: titles, notes and CSV cells never reach a terminal raw.

Control characters (C0 except tab/newline, DEL, C1) could carry escape sequences
from one teammate's board to another's terminal, and bidi controls,
zero-width characters and BOMs make text show as something it is not, so
validation replaces them with U+FFFD (visible, and the same on screen, in
exports and in `--json`).

`line_field`, `text_field` and `trimmed` are how a saved record's strings are
kept: the models' types (text.py) validate with them, and the first screen
(store/rows.py) reads stored documents with them before the models have
loaded, so both show the same text. Plain functions, no pydantic.
"""

from __future__ import annotations

import re

from opsboard.i18n import _

# C0 controls except \t and \n, DEL, the C1 block; the bidi controls
# (U+061C, U+200E/F, U+202A-E, U+2066-9: "\u202egnp.exe" shows as "exe.png"),
# zero-width characters (U+200B-D, U+2060) and U+FEFF, which hide text; and
# lone surrogates (a non-UTF-8 file name or argument), which no file can hold.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\ud800-\udfff]")
REPLACEMENT = "\ufffd"

# What the models trim from both ends of a saved record's strings (pydantic's
# str_strip_whitespace, i.e. Unicode White_Space): str.isspace() without the
# separators \x1c-\x1f, which are controls and get replaced instead.
WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"


def clean_text(value: str) -> str:
    """Replace control characters; keep newlines and tabs (notes have lines)."""
    if value.isprintable():  # the common case, checked in C: nothing to replace
        return value
    return _CONTROL.sub(REPLACEMENT, value.replace("\r\n", "\n"))


def _is_clean_line(value: str) -> bool:
    # Loading a 10,000-task board checks 60,000 values: most are already clean
    # (printable, single spaces, no space at either end).
    return value.isprintable() and "  " not in value and value[:1] != " " and value[-1:] != " "


def clean_line(value: str) -> str:
    """One line of text (a title, an owner): control characters replaced,
    runs of whitespace including newlines folded to one space."""
    if _is_clean_line(value):
        return value
    return " ".join(clean_text(value).split())


def trimmed(value: str) -> str:
    """A plain string of a saved record (an id, a department key), as the
    models keep it. TypeError when it is not a string."""
    if not isinstance(value, str):
        raise TypeError(_("expected text, not {kind}").format(kind=type(value).__name__))
    return value.strip(WHITE_SPACE)


def line_field(value: str) -> str:
    """A one-line field of a saved record (title, owner): trimmed, then
    `clean_line` (so a line ending in NEL, \\x85, loses it rather than show
    a replacement character)."""
    if _is_clean_line(value):  # nothing at either end to trim either
        return value
    return clean_line(trimmed(value))


def text_field(value: str) -> str:
    """A free-text field of a saved record (notes): whitespace at either end
    stripped, then `clean_text`."""
    if not isinstance(value, str):
        raise TypeError(_("expected text, not {kind}").format(kind=type(value).__name__))
    return clean_text(value.strip())

"""User text is data: titles, notes and CSV cells never reach a terminal raw.

Control characters (C0 except tab/newline, DEL, C1) could carry escape sequences
from one teammate's board to another's terminal, so validation replaces them.

Plain functions (no pydantic): the first screen uses them on stored text
before the models have loaded.
"""

from __future__ import annotations

import re

# C0 controls except \t and \n, DEL, and the C1 block.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
REPLACEMENT = "\ufffd"


def clean_text(value: str) -> str:
    """Replace control characters; keep newlines and tabs (notes have lines)."""
    if value.isprintable():  # the common case, checked in C: nothing to replace
        return value
    return _CONTROL.sub(REPLACEMENT, value.replace("\r\n", "\n"))


def clean_line(value: str) -> str:
    """One line of text (a title, an owner): control characters replaced,
    runs of whitespace including newlines folded to one space."""
    # Loading a 10,000-task board runs this 60,000 times: most values are
    # already clean (printable, single spaces, no space at either end).
    if value.isprintable() and "  " not in value and value[:1] != " " and value[-1:] != " ":
        return value
    return " ".join(clean_text(value).split())

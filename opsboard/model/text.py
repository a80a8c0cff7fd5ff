"""User text is data: titles, notes and CSV cells never reach a terminal raw.

Control characters (C0 except tab/newline, DEL, C1) could carry escape sequences
from one teammate's board to another's terminal, so validation replaces them.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator

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


def _strip_none(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def _non_empty(value: str) -> str:
    if not value:
        raise ValueError("must not be empty")
    return value


Line = Annotated[str, AfterValidator(clean_line)]
"""A single line of user text (title, owner, tag)."""

RequiredLine = Annotated[str, AfterValidator(clean_line), AfterValidator(_non_empty)]
"""A single line of user text that must not be empty."""

Text = Annotated[str, BeforeValidator(_strip_none), AfterValidator(clean_text)]
"""Free text with lines (notes, details)."""

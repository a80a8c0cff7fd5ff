"""User text as the models validate it: single lines and free text, cleaned
of control characters by the functions in cleaning.py (which the first screen
uses too, before the models load)."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator

from opsboard.i18n import _

from .cleaning import REPLACEMENT, clean_line, clean_text, line_field, text_field

__all__ = ["REPLACEMENT", "Line", "RequiredLine", "Text", "clean_line", "clean_text"]


def _non_empty(value: str) -> str:
    if not value:
        raise ValueError(_("must not be empty"))
    return value


Line = Annotated[str, AfterValidator(line_field)]
"""A single line of user text (title, owner, tag)."""

RequiredLine = Annotated[str, AfterValidator(line_field), AfterValidator(_non_empty)]
"""A single line of user text that must not be empty."""

Text = Annotated[str, AfterValidator(text_field)]
"""Free text with lines (notes, details)."""

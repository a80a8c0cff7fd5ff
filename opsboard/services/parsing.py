"""Turning what a user typed into values, with messages that say what is valid."""

from __future__ import annotations

from datetime import date

from .errors import InputError


def parse_date(text: str | None, field: str = "due") -> date | None:
    """'' → None; '2026-03-01' → date; anything else → InputError."""
    if text is None:
        return None
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{field}: '{text}' is not a date (use YYYY-MM-DD, e.g. 2026-03-01)") from None

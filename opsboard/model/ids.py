"""Stable string ids: unique across processes, short enough to type."""

from __future__ import annotations

import secrets

# Crockford-style alphabet: no I, L, O, U to misread.
_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"


def new_id(prefix: str) -> str:
    """`prefix-` and 8 random characters (40 bits: no collision in practice
    between people adding tasks to one board at the same time)."""
    return prefix + "-" + "".join(secrets.choice(_ALPHABET) for _ in range(8))

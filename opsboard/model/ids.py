"""Stable string ids: unique across processes, short enough to type."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from random import Random

# Crockford-style alphabet: no I, L, O, U to misread.
_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"

source: Random | None = None
"""Where the characters come from: the system's randomness (`secrets`), set
with the first id rather than at import (it loads hashlib, which opening a
board does not need). The sample-data script sets a seeded one."""


def new_id(prefix: str) -> str:
    """`prefix-` and 8 random characters (40 bits: no collision in practice
    between people adding tasks to one board at the same time)."""
    global source
    if source is None:
        import secrets

        source = secrets.SystemRandom()
    return prefix + "-" + "".join(source.choice(_ALPHABET) for _ in range(8))

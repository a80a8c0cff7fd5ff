"""The TinyDB table as the store uses it: documents keyed by our string ids.

TinyDB types its document ids as int; ours are strings (`board_store._Table`),
so the store talks to its tables through this protocol instead of TinyDB's
signatures, and `keyed` is the one place a string id enters a Document.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from tinydb.table import Document

Doc = dict[str, Any]
"""A stored document (JSON-ready)."""
Docs = dict[str, Doc]
"""A table's documents by id."""
Tables = dict[str, Docs]
"""The whole board: table name → its documents."""


class DocTable(Protocol):
    def __len__(self) -> int: ...
    def contains(self, *, doc_id: str) -> bool: ...
    def get(self, *, doc_id: str) -> Mapping[str, Any] | None: ...
    def insert(self, document: Mapping[str, Any]) -> object: ...
    def insert_multiple(self, documents: Iterable[Mapping[str, Any]]) -> object: ...
    def update(self, fields: Mapping[str, Any], *, doc_ids: Iterable[str]) -> object: ...
    def remove(self, *, doc_ids: Iterable[str]) -> object: ...


def keyed(doc: Mapping[str, Any], doc_id: str) -> Document:
    """A document to insert under our string id."""
    return Document(doc, doc_id=doc_id)  # type: ignore[arg-type]  # TinyDB says int; our tables key by str

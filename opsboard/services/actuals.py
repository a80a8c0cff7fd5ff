"""Importing the store's daily metrics (`opsboard import-actuals`).

All or nothing: the whole file is read and checked first; one bad row and
nothing is saved. The rows go in as one REPLACE: a row's id is `date|channel`,
so importing the same days and channels again replaces them.
"""

from __future__ import annotations

from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from opsboard.model import Operation, OpKind, Table
from opsboard.model.cleaning import clean_line
from opsboard.store import BoardStore
from opsboard.store.input_files import CSV_LIMIT, read_input_file

from .errors import InputError


@dataclass(frozen=True)
class ActualsImport:
    rows: int
    new: int  # days and channels the board did not have
    replaced: int  # days and channels imported before, now replaced
    first_day: str  # ISO date
    last_day: str
    channels: tuple[str, ...]  # "" is "not split by channel"


def import_actuals_counted(store: BoardStore, path: str | PathLike[str]) -> ActualsImport:
    """Read, check and save the file's rows; InputError listing every bad row
    (line number and reason) with nothing imported."""
    from opsboard.export.actuals_csv import ActualsImportError, parse_actuals_csv

    data = read_input_file(path, what="CSV", limit=CSV_LIMIT)  # a FIFO, a device, a huge file: one line, no hang
    try:
        metrics = parse_actuals_csv(data, clean_line(str(path)))
    except ActualsImportError as error:
        raise InputError(str(error)) from None
    name = clean_line(Path(path).name)
    docs = [metric.to_doc() | {"id": metric.id} for metric in metrics]
    entries = store.apply(
        Operation(
            kind=OpKind.REPLACE,
            table=Table.ACTUALS,
            docs=docs,
            summary=f"imported 1 row from {name}" if len(docs) == 1 else f"imported {len(docs)} rows from {name}",
        )
    )
    replaced = int(entries[0].after.get("replaced", 0)) if entries else 0
    days = sorted(metric.date for metric in metrics)
    channels = tuple(sorted({metric.channel for metric in metrics}))
    return ActualsImport(len(docs), len(docs) - replaced, replaced, days[0].isoformat(), days[-1].isoformat(), channels)


def import_actuals(store: BoardStore, path: str | PathLike[str]) -> int:
    """The number of rows imported (see import_actuals_counted)."""
    return import_actuals_counted(store, path).rows

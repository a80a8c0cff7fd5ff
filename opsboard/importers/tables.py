"""A file's bytes as rows of cells: CSV text or an Excel sheet.

What a file is comes from its bytes, not its name: a ZIP is `.xlsx`, an OLE2
compound file is `.xls`, anything else is read as text (back offices also
save tab-separated text or a web page under a `.xls` name). CSV is UTF-8
(with or without a BOM), UTF-16 with a BOM, or GBK/GB18030; comma-, tab- or
semicolon-separated. Excel is read by python-calamine through pandas
(`engine="calamine"`), the first sheet or the one named; its cells keep
their types (numbers, dates).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from opsboard.i18n import _
from opsboard.model.cleaning import clean_line

from .errors import ActualsImportError

_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DELIMITERS = (",", "\t", ";")


@dataclass
class Sheet:
    """The rows of a file, each (line or row number, cells)."""

    kind: str  # "csv", "xlsx" or "xls"
    rows: list[tuple[int, list[object]]]
    sheet: str | None = None  # the Excel sheet read
    where: str = "line"  # how a message names a row: "line" (CSV) or "row" (Excel)


def file_kind(data: bytes) -> str:
    if data.startswith(_ZIP):
        return "xlsx"
    if data.startswith(_OLE2):
        return "xls"
    return "csv"


def read_sheet(data: bytes, name: str, sheet: str | None = None) -> Sheet:
    """The file's rows, or ActualsImportError saying why it cannot be read."""
    kind = file_kind(data)
    if kind == "csv":
        if sheet is not None:
            raise ActualsImportError(
                _("{name} is a text file, not a workbook: --sheet is for .xlsx and .xls files").format(name=name), [(1, _("no sheets"))]
            )
        return Sheet("csv", [], None)  # rows are read per delimiter: see csv_rows
    return _excel(data, name, kind, sheet)


def decode(data: bytes, name: str) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings: tuple[str, ...] = ("utf-16",)
    elif data.startswith(codecs.BOM_UTF8):
        encodings = ("utf-8-sig",)
    else:
        encodings = ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        if text.lstrip()[:15].casefold().startswith(("<!doctype html", "<html", "<table")):
            raise ActualsImportError(
                _("{name} is a web page saved under a spreadsheet's name: open it and save it as .xlsx or CSV").format(name=name),
                [(1, _("a web page"))],
            )
        return text
    raise ActualsImportError(
        _("{name} is not a CSV text file in UTF-8 or GBK/GB18030, nor an Excel workbook (.xlsx, .xls)").format(name=name),
        [(1, _("not a text file"))],
    )


def csv_rows(text: str, delimiter: str, name: str) -> Iterator[tuple[int, list[object]]]:
    """(first line number, cells) of each CSV record."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ActualsImportError(
                _("{name}, line {line}: {error}").format(name=name, line=line, error=error), [(line, str(error))]
            ) from None
        yield line, list(cells)


def delimiters() -> tuple[str, ...]:
    return _DELIMITERS


def _excel(data: bytes, name: str, kind: str, sheet: str | None) -> Sheet:
    import pandas as pd

    try:
        book = pd.ExcelFile(io.BytesIO(data), engine="calamine")
        names = [str(n) for n in book.sheet_names]
    except Exception as error:  # a damaged workbook: calamine's own error types vary
        raise ActualsImportError(
            _("{name} is not a readable .{kind} workbook ({reason})").format(name=name, kind=kind, reason=_reason(error)),
            [(1, _("unreadable workbook"))],
        ) from None
    if not names:
        raise ActualsImportError(_("{name} has no sheets").format(name=name), [(1, _("no sheets"))])
    chosen = names[0] if sheet is None else sheet
    if chosen not in names:
        shown = ", ".join(clean_line(n) for n in names[:10]) + (", …" if len(names) > 10 else "")
        raise ActualsImportError(
            _("{name} has no sheet named '{sheet}' (sheets: {sheets})").format(name=name, sheet=clean_line(str(sheet)), sheets=shown),
            [(1, _("no such sheet"))],
        )
    try:
        frame = pd.read_excel(book, sheet_name=chosen, header=None, dtype=object)
    except Exception as error:
        raise ActualsImportError(
            _("{name}, sheet {sheet}: cannot be read ({reason})").format(name=name, sheet=clean_line(chosen), reason=_reason(error)),
            [(1, _("unreadable sheet"))],
        ) from None
    frame = frame.astype(object).where(frame.notna(), None)
    rows = [(number, cells) for number, cells in enumerate(frame.values.tolist(), start=1)]
    return Sheet(kind, rows, clean_line(chosen), "row")


def _reason(error: Exception) -> str:
    text = clean_line(" ".join(str(error).split()))[:120]
    return text or type(error).__name__

"""Spreadsheets (xlsx, csv) of a view, made from the tables of its Markdown
export: every figure a manager reads in the spreadsheet is the one the
Markdown report shows, and a table added to a report is in the spreadsheet
with no second renderer to keep in step.

xlsx: one sheet per table, amounts and percentages as numbers (formatted as
the report shows them); text stays text (a title starting with "=" is never
a formula). csv: one tidy table — a `Table` column naming the
report table each row came from, then the union of their columns; text a
spreadsheet would take for a formula starts with a quote.
openpyxl is imported only when an xlsx is written.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

from opsboard.i18n import _, pgettext

SHEET_NAME_MAX = 31  # Excel's limit
_UNESCAPE = re.compile(r"\\(.)")
_NUMBER = re.compile(r"^[+−-]?\d{1,3}(,\d{3})*(\.\d+)?$|^[+−-]?\d+(\.\d+)?$")
# a growth the report marks ‡ (per day of data) stays a number: the mark is the Markdown's
_PERCENT = re.compile(r"^([+−-]?\d[\d,]*(\.\d+)?)%‡?$")
_DECORATION = re.compile(r"^(\*\*|_)(.*)\1$")


@dataclass(frozen=True)
class SheetTable:
    title: str  # the headings above it, e.g. "Design · To do (3)"
    headers: list[str]
    rows: list[list[object]]  # str, int or float


class Percent(float):
    """A figure the report shows as a percentage (xlsx formats it so)."""


def _split_row(line: str) -> list[str]:
    """`| a | b \\| c |` → ["a", "b \\| c"] (an escaped pipe stays in its cell)."""
    line = line.strip()
    line = line[1:] if line.startswith("|") else line
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    cells: list[str] = []
    current: list[str] = []
    escaped = False
    for ch in line:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "|":
            cells.append("".join(current).strip())
            current = []
            continue
        current.append(ch)
    cells.append("".join(current).strip())
    return cells


def cell_value(text: str) -> object:
    """A Markdown cell as a value: escapes undone, bold dropped, "1,234" →
    1234, "3.5%" → 0.035, "−2.0%" → -0.02; other text as text."""
    while (match := _DECORATION.match(text)) is not None:
        text = match.group(2)
    plain = _UNESCAPE.sub(r"\1", text.replace("**", "")).strip()  # a literal * is escaped: \*
    if _NUMBER.match(plain):
        number = float(plain.replace(",", "").replace("−", "-"))
        return int(number) if number.is_integer() and "." not in plain else number
    percent = _PERCENT.match(plain)
    if percent:
        shown = percent.group(1).replace(",", "").replace("−", "-")
        decimals = len(shown.partition(".")[2]) + 2  # 143.8% is 1.438, not 1.4380000000000002
        return Percent(round(float(shown) / 100, decimals))
    return plain


def markdown_tables(markdown: str) -> list[SheetTable]:
    """Every pipe table in a Markdown report, titled by the headings above it."""
    tables: list[SheetTable] = []
    headings: dict[int, str] = {}
    top_level = 1  # the report's own title: '# Shop — checklists', '## Shop — Targets'
    lines = markdown.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        heading = re.match(r"^(#{1,6}) (.*)$", line)
        if heading:
            level = len(heading.group(1))
            if not headings and not tables:
                top_level = level
            headings = {k: v for k, v in headings.items() if k < level}
            headings[level] = str(cell_value(heading.group(2)))
        elif line.startswith("|") and i + 1 < len(lines) and re.match(r"^\|[\s:|-]+\|?$", lines[i + 1]):
            headers = [str(cell_value(c)) for c in _split_row(line)]
            rows = []
            i += 2
            while i < len(lines) and lines[i].startswith("|"):
                rows.append([cell_value(c) for c in _split_row(lines[i])])
                i += 1
            below_top = [headings[k] for k in sorted(headings) if k > top_level]  # a sheet named 'Months', not 'Shop — Targets · Mo'
            top = headings.get(top_level, "").rpartition(" — ")[2]  # "Shop — department boards" → "department boards"
            title = " · ".join(below_top) or top or _("Table {number}").format(number=len(tables) + 1)
            tables.append(SheetTable(title, headers, rows))
            continue
        i += 1
    return tables


def _sheet_names(tables: Sequence[SheetTable]) -> list[str]:
    """Unique names Excel accepts (31 characters, none of []:*?/\\)."""
    names: list[str] = []
    for table in tables:
        base = " ".join(re.sub(r"[\[\]:*?/\\]", " ", table.title).split())[:SHEET_NAME_MAX] or "Sheet"  # 'Channels plan vs actual'
        name, n = base, 2
        while name.casefold() in (existing.casefold() for existing in names):
            suffix = f" ({n})"
            name, n = base[: SHEET_NAME_MAX - len(suffix)] + suffix, n + 1
        names.append(name)
    return names


def xlsx_bytes(tables: Sequence[SheetTable]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for name, table in zip(_sheet_names(tables), tables, strict=True):
        sheet = book.create_sheet(name)
        sheet.append(table.headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([float(v) if isinstance(v, Percent) else v for v in row])
            for i, value in enumerate(row):
                if isinstance(value, str) and value.startswith("="):
                    sheet.cell(row=sheet.max_row, column=i + 1).data_type = "s"  # text, never a formula
                elif isinstance(value, Percent):
                    sheet.cell(row=sheet.max_row, column=i + 1).number_format = "0.0%"
                elif isinstance(value, int | float):
                    sheet.cell(row=sheet.max_row, column=i + 1).number_format = "#,##0.##" if isinstance(value, float) else "#,##0"
        sheet.freeze_panes = "A2"
        for i, header in enumerate(table.headers):
            width = max([len(str(header))] + [len(str(r[i])) for r in table.rows if i < len(r)])
            sheet.column_dimensions[sheet.cell(row=1, column=i + 1).column_letter].width = min(60, width + 2)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: object) -> object:
    """Text a spreadsheet would run as a formula gets a leading quote (the
    usual guard against formula injection); numbers are numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_text(tables: Sequence[SheetTable]) -> str:
    columns: list[str] = []
    for table in tables:
        columns += [h for h in table.headers if h not in columns]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([pgettext("csv column", "Table"), *columns])
    for table in tables:
        for row in table.rows:
            values = dict(zip(table.headers, row, strict=False))
            writer.writerow([_csv_cell(table.title), *(_csv_cell(values.get(c, "")) for c in columns)])
    return out.getvalue()

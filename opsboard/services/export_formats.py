"""Export formats, in one registry: each format's name (`--format NAME` and
the file's suffix), the label the app's export dialog shows, the views it can
write and its renderer.

Every renderer starts from the view's Markdown report, so a spreadsheet's
figures are the report's by construction. `opsboard export --format` takes
its choices from FORMATS and the app's export dialog (`x`) offers
`formats_for(view)`: adding a format is one `ExportFormat` here and its
renderer in `export/` (tests/services/test_export_formats.py checks the
front ends agree).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from opsboard.export.spreadsheet import SheetTable, csv_text, markdown_tables, xlsx_bytes  # openpyxl loads in xlsx_bytes
from opsboard.i18n import _, _l

from .errors import InputError

# views with tables a spreadsheet can hold (the checklists and the stand-up are lists)
SPREADSHEET_VIEWS = ("boards", "targets", "review", "calendar")


def _markdown(markdown: str) -> bytes:
    return markdown.encode("utf-8")


def _tables(markdown: str) -> Sequence[SheetTable]:
    tables = markdown_tables(markdown)
    if not tables:
        raise InputError(_("this view has no table to export yet"))
    return tables


def _csv(markdown: str) -> bytes:
    return csv_text(_tables(markdown)).encode("utf-8-sig")  # the BOM: Excel reads it as UTF-8


def _xlsx(markdown: str) -> bytes:
    return xlsx_bytes(_tables(markdown))


@dataclass(frozen=True)
class ExportFormat:
    name: str  # `--format NAME`; the file's suffix
    label: str  # the export dialog's choice
    render: Callable[[str], bytes]  # the view's Markdown → the file's bytes
    views: tuple[str, ...] | None = None  # the views it writes; None: every view

    @property
    def suffix(self) -> str:
        return f".{self.name}"

    def writes(self, view: str) -> bool:
        return self.views is None or view in self.views


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("md", _l("Markdown (.md)"), _markdown),
    ExportFormat("xlsx", _l("Excel (.xlsx)"), _xlsx, SPREADSHEET_VIEWS),
    ExportFormat("csv", _l("CSV (.csv)"), _csv, SPREADSHEET_VIEWS),
)
BY_NAME: dict[str, ExportFormat] = {fmt.name: fmt for fmt in FORMATS}


def format_names() -> tuple[str, ...]:
    """`--format`'s choices, the default first."""
    return tuple(BY_NAME)


def formats_for(view: str) -> list[ExportFormat]:
    """What the export dialog offers for `view`."""
    return [fmt for fmt in BY_NAME.values() if fmt.writes(view)]


def suffixes() -> set[str]:
    return {fmt.suffix for fmt in BY_NAME.values()}


def export_format(name: str, view: str) -> ExportFormat:
    """The format, or InputError naming the valid ones (for that view)."""
    fmt = BY_NAME.get(name)
    if fmt is None:
        raise InputError(_("unknown format '{format}' (valid: {valid})").format(format=name, valid=", ".join(BY_NAME)))
    if not fmt.writes(view):
        valid = ", ".join(fmt.views or ())
        raise InputError(_("no {format} of the {view} view (valid: {valid})").format(format=name, view=view, valid=valid))
    return fmt

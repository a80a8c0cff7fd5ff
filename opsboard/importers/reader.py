"""A back-office export read into the day's figures per channel.

The header row is found among the first rows (title lines sit above it) and
recognised as one of the registered layouts (layouts.py), or as the columns
mapped by hand. Every row is checked; if any is bad, ActualsImportError
lists each bad line with its reason and nothing is returned: an import is
all or nothing. Totals rows (合计, 总计) are skipped; week or month rows are
refused with a line saying to export daily rows (按日).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import NoReturn

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from opsboard.i18n import _, ngettext
from opsboard.model.actuals import DailyMetric
from opsboard.model.cleaning import clean_line
from opsboard.model.validation_messages import field_refusal

from . import cells
from .errors import ActualsImportError, bad_rows_error
from .layouts import AMOUNTS, COUNTS, LAYOUTS, Layout, Match, mapped_layout, match, missing
from .tables import Sheet, csv_rows, decode, delimiters, read_sheet

HEADER_SEARCH = 30  # rows looked at for the header
_FIGURES = (*COUNTS, *AMOUNTS)


@dataclass(frozen=True)
class ImportedFile:
    """What a file holds, as the preview shows it before anything is saved."""

    metrics: list[DailyMetric]
    layout: Layout
    columns: dict[str, str]  # figure → the file's header for it ("A + B" for summed spend)
    header_line: int
    kind: str  # "csv", "xlsx", "xls"
    sheet: str | None
    totals_skipped: int
    warnings: tuple[str, ...]
    # the headers summed into the ad spend, whole, as the column pickers list them
    spend_columns: tuple[str, ...] = ()


def parse_actuals(
    data: bytes,
    name: str = "the file",
    *,
    sheet: str | None = None,
    channel: str | None = None,
    mapping: Mapping[str, list[str]] | None = None,
    remembered: Mapping[str, list[str]] | None = None,
) -> ImportedFile:
    """Every day of the file as a DailyMetric, or ActualsImportError.
    `channel` names the channel of a file without a channel column;
    `mapping` (figure → column headers) overrides the layouts; `remembered`
    is the board's last mapping, tried when no layout knows the header."""
    try:
        layouts = (mapped_layout(mapping),) if mapping else LAYOUTS
        fallback = mapped_layout(remembered) if remembered and not mapping else None
    except ValueError as error:
        raise ActualsImportError(str(error), [(1, str(error))]) from None
    table = read_sheet(data, name, sheet)
    if table.kind == "csv":
        text = decode(data, name)
        if not text.strip():
            raise ActualsImportError(
                _("{name} is empty: expected a header row and one row per day").format(name=name), [(1, _("empty file"))]
            )
        found, rows, seen = _csv_header(text, name, layouts, fallback)
    else:
        if not any(any(not cells.is_empty(c) for c in row) for _, row in table.rows):
            raise ActualsImportError(
                _("{name} is empty: expected a header row and one row per day").format(name=name), [(1, _("empty sheet"))]
            )
        found, rows = _header(iter(table.rows), layouts, fallback)
        seen = table.rows[:HEADER_SEARCH]
    if found is None:
        _no_layout(name, seen, mapping)
    line, header, chosen = found
    return _read_rows(name, table, line, header, chosen, rows, channel)


def _header(records, layouts, fallback):
    """((line, header cells, Match), the records after it), or (None, ...)."""
    for _row in range(HEADER_SEARCH):
        try:
            line, row = next(records)
        except (StopIteration, ActualsImportError):
            break
        best = _best(row, layouts) or (_best(row, (fallback,)) if fallback else None)
        if best is not None:
            return (line, row, best), records
    return None, records


def _best(row: list[object], layouts) -> Match | None:
    found = [m for m in (match(layout, row) for layout in layouts) if m is not None]
    return max(found, key=lambda m: m.score, default=None)  # on a tie the earlier layout wins


def _csv_header(text: str, name: str, layouts, fallback):
    """As _header, trying each delimiter; with the rows looked at when none matched."""
    seen: list[tuple[int, list[object]]] = []
    for delimiter in delimiters():
        found, rows = _header(csv_rows(text, delimiter, name), layouts, fallback)
        if found is not None:
            return found, rows, seen
        records = csv_rows(text, delimiter, name)
        for _row in range(HEADER_SEARCH):
            try:
                seen.append(next(records))
            except (StopIteration, ActualsImportError):
                break
    return None, None, seen


def _no_layout(name: str, rows: list[tuple[int, list[object]]], mapping) -> NoReturn:
    """The closest layout's missing columns, in one message."""
    best: tuple[int, int, list[object], Layout] | None = None
    for line, row in rows:
        if not any(not cells.is_empty(c) for c in row):
            continue
        for layout in reversed(LAYOUTS):  # on a tie, the plain opsboard layout is named
            found = len(layout.required) - len(missing(layout, row))
            if best is None or found > best[0]:
                best = (found, line, row, layout)
    if best is None:
        raise ActualsImportError(_("{name} has no header row").format(name=name), [(1, _("no header row"))])
    _found, line, row, layout = best
    if mapping:
        wanted = ", ".join(f"{f}={'/'.join(c)}" for f, c in mapping.items())
        raise ActualsImportError(
            _("{name}: no header row has the mapped columns ({wanted})").format(name=name, wanted=wanted),
            [(line, _("mapped columns not found"))],
        )
    lacking = missing(layout, row)
    shown = [cells.shown(c) for c in row[:20] if not cells.is_empty(c)]
    more = ", …" if len(row) > 20 else ""
    known = "; ".join(str(layout.name) for layout in LAYOUTS)
    said = {"name": name, "missing": ", ".join(lacking), "found": (", ".join(shown) or _("nothing")) + more, "layouts": known}
    message = _(
        "{name}: missing columns {missing} (found: {found}). "
        "Expected date, pv, uv, orders, revenue (or 统计日期, 浏览量, 访客数, 支付订单数, 支付金额), or a known layout: {layouts}; "
        "or name the columns with --map FIELD=COLUMN"
    ).format(**said)
    in_dialog = _(  # the dialog's pickers sit above this message: point at them, not at the command line
        "{name}: missing columns {missing} (found: {found}). "
        "Expected date, pv, uv, orders, revenue (or 统计日期, 浏览量, 访客数, 支付订单数, 支付金额), or a known layout: {layouts}; "
        "or pick above which column gives each figure (Tab to a picker, ↓ to open it), then Enter"
    ).format(**said)
    raise ActualsImportError(message, [(line, _("missing columns: {missing}").format(missing=", ".join(lacking)))], in_dialog)


def _read_rows(name: str, table: Sheet, header_line: int, header, found: Match, rows, channel: str | None) -> ImportedFile:
    layout = found.layout
    metrics: list[DailyMetric] = []
    errors: list[tuple[int, str]] = []
    seen: dict[tuple[date, str], int] = {}
    totals = 0
    given = clean_line(channel) if channel else ""
    for line, row in rows:
        if all(cells.is_empty(c) for c in row):
            continue
        if _is_totals(row, found):
            totals += 1
            continue
        metric, reasons = _row(row, found, given)
        if metric is not None:
            earlier = seen.setdefault((metric.date, metric.channel), line)
            if earlier != line:
                same = _("the same date and channel as line {n}") if table.where == "line" else _("the same date and channel as row {n}")
                reasons.append(same.format(n=earlier))
        if reasons:
            errors.append((line, _("; ").join(reasons)))
        elif metric is not None:
            metrics.append(metric)
    if errors:
        raise bad_rows_error(name, errors, table.where)
    if not metrics:
        raise ActualsImportError(_("{name} has a header but no rows of figures").format(name=name), [(header_line, _("no data rows"))])
    columns = {figure: cells.shown(header[index]) for figure, index in found.columns.items()}
    if found.spend:
        columns["ad_spend"] = " + ".join(cells.shown(header[index]) for index in found.spend)
    spend = tuple(clean_line(cells.plain(header[index])) for index in found.spend)
    return ImportedFile(metrics, layout, columns, header_line, table.kind, table.sheet, totals, _warnings(found, totals), spend)


def _is_totals(row: list[object], found: Match) -> bool:
    index = found.columns["date"]
    if index < len(row) and cells.is_totals(row[index]):
        return True
    first = next((c for c in row if not cells.is_empty(c)), None)
    return cells.is_totals(first)


def _cell(row: list[object], index: int | None) -> object:
    return row[index] if index is not None and index < len(row) else None


def _row(row: list[object], found: Match, given: str) -> tuple[DailyMetric | None, list[str]]:
    """The row's metric, or None and every reason the row is bad."""
    layout, columns = found.layout, found.columns
    reasons: list[str] = []
    day, reason = cells.day(_cell(row, columns["date"]))
    if reason:
        reasons.append(reason)
    raw_channel = _cell(row, columns.get("channel"))
    channel = given if cells.is_empty(raw_channel) else clean_line(cells.plain(raw_channel))
    values: dict[str, object] = {"date": day, "channel": channel, "source": layout.source}
    if not layout.source:
        for figure in _FIGURES:
            if figure in columns:
                values[figure], reason = cells.number(figure, _cell(row, columns[figure]), whole=figure in COUNTS)
                if reason:
                    reasons.append(reason)
    values["ad_spend"] = None
    if found.spend:
        spend = 0.0  # a spend column's "-" is no spend that day
        for index in found.spend:
            value, reason = cells.number("ad_spend", _cell(row, index), whole=False)
            if reason:
                reasons.append(reason)
            spend += value or 0.0
        values["ad_spend"] = spend
    if reasons:
        return None, reasons
    if all(values.get(figure) is None for figure in (*_FIGURES, "ad_spend")):
        return None, [_("no figures on this row")]
    try:
        return DailyMetric.model_validate(values), []
    except ValidationError as error:
        return None, [_reason(detail) for detail in error.errors()]


def _warnings(found: Match, totals: int) -> tuple[str, ...]:
    layout, columns = found.layout, found.columns
    notes = [str(layout.note)] if layout.note else []
    if not layout.source:
        lacking = [figure for figure in _FIGURES if figure not in columns and figure not in ("refunds",)]
        if lacking and not layout.note:
            notes.append(_("no {figures} column: those figures stay unknown (not 0)").format(figures=", ".join(lacking)))
        if not found.spend:
            notes.append(_("no ad spend column: ad spend stays unknown (not 0)"))
    if totals:
        notes.append(ngettext("{n} totals row (合计/总计) skipped", "{n} totals rows (合计/总计) skipped", totals).format(n=totals))
    return tuple(notes)


def _reason(detail: ErrorDetails) -> str:
    return field_refusal(detail)

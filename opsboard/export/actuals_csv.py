"""Reading the store's daily metrics from a CSV exported by the back office.

Columns: date, channel, pv, uv, orders, revenue, ad_spend (channel and
ad_spend may be left out), or the Chinese back-office headers (统计日期,
浏览量, 访客数, 支付订单数, 支付金额, 推广花费, 渠道 …). Headers match whatever
their case, spacing, underscores, full-width characters or a unit in
brackets ("支付金额(元)"). A few title lines above the header are skipped, as
back-office exports have them. Files may be UTF-8 (with or without a BOM),
UTF-16 with a BOM, or GBK/GB18030; comma-, tab- or semicolon-separated.

The import is all or nothing: every row is checked, and if any is bad,
`ActualsImportError` lists each bad line with its reason and nothing is
returned.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from os import PathLike

from pydantic import ValidationError

from opsboard.model.actuals import DailyMetric
from opsboard.model.cleaning import clean_line

REQUIRED = ("date", "pv", "uv", "orders", "revenue")
OPTIONAL = ("channel", "ad_spend")

# Normalised header names (see _header_key), the first listed wins when a file has several.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "date": ("date", "统计日期", "日期"),
    "channel": ("channel", "渠道", "店铺", "渠道/店铺", "店铺名称"),
    "pv": ("pv", "浏览量"),
    "uv": ("uv", "访客数"),
    "orders": ("orders", "支付订单数", "支付子订单数"),
    "revenue": ("revenue", "支付金额"),
    "ad_spend": ("adspend", "推广花费", "花费"),
}
_COUNTS = ("pv", "uv", "orders")
_LARGEST = 1e15  # no store's day comes near; a bigger figure is a broken export
_HEADER_SEARCH = 10  # rows looked at for the header
_MESSAGE_LINES = 50  # bad rows spelled out in the message (all are in .errors)
_SKIPPED_DATES = {"合计", "总计", "汇总", "total", "sum"}  # a totals row at the end
_EMPTY = {"", "-", "--", "—"}  # back offices write "-" for no figure

_INTEGER = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.0*)?")
_DECIMAL = re.compile(r"[¥$]?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")
_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"  # "2025/3/1 0:00" from a spreadsheet
_DATES = (
    re.compile(r"(\d{4})([-/])(\d{1,2})\2(\d{1,2})" + _TIME),
    re.compile(r"(\d{4})()(\d{2})(\d{2})"),
    re.compile(r"(\d{4})(年)(\d{1,2})月(\d{1,2})日"),
)


class ActualsImportError(ValueError):
    """The file cannot be imported. `errors` holds (line number, reason) for
    every bad row (or one entry for a problem with the whole file)."""

    def __init__(self, message: str, errors: list[tuple[int, str]] | None = None) -> None:
        super().__init__(message)
        self.errors: list[tuple[int, str]] = list(errors or [])


def read_actuals_csv(path: str | PathLike[str]) -> list[DailyMetric]:
    """Every row of the file as a DailyMetric, or ActualsImportError."""
    name = clean_line(str(path))
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as error:
        raise ActualsImportError(f"cannot read {name}: {error.strerror or error}") from None
    return parse_actuals_csv(data, name)


def parse_actuals_csv(data: bytes, name: str = "the file") -> list[DailyMetric]:
    """The same as read_actuals_csv, from the file's bytes."""
    text = _decode(data, name)
    if not text.strip():
        raise ActualsImportError(f"{name} is empty: expected a header row and one row per day", [(1, "empty file")])
    line, columns, records = _find_header(text, name)
    metrics: list[DailyMetric] = []
    errors: list[tuple[int, str]] = []
    seen: dict[tuple[date, str], int] = {}
    for line, cells in records:
        if not any(cell.strip() for cell in cells):
            continue
        metric, reasons = _row(cells, columns)
        if metric is not None:
            earlier = seen.setdefault((metric.date, metric.channel), line)
            if earlier != line:
                reasons.append(f"the same date and channel as line {earlier}")
        if reasons:
            errors.append((line, "; ".join(reasons)))
        elif metric is not None:
            metrics.append(metric)
    if errors:
        listed = [f"line {number}: {reason}" for number, reason in errors[:_MESSAGE_LINES]]
        if len(errors) > _MESSAGE_LINES:
            listed.append(f"… and {len(errors) - _MESSAGE_LINES} more bad rows")
        rows = "row" if len(errors) == 1 else "rows"
        raise ActualsImportError(f"{name}: {len(errors)} bad {rows}, nothing imported:\n" + "\n".join(listed), errors)
    if not metrics:
        raise ActualsImportError(f"{name} has a header but no rows of figures", [(line, "no data rows")])
    return metrics


def _decode(data: bytes, name: str) -> str:
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
        return text
    raise ActualsImportError(
        f"{name} is not a CSV text file in UTF-8 or GBK/GB18030: save it from the spreadsheet as CSV",
        [(1, "not a text file")],
    )


def _header_key(cell: str) -> str:
    """'  Ad_Spend ', 'AD SPEND', '支付金额（元）' → 'adspend', 'adspend', '支付金额'."""
    text = unicodedata.normalize("NFKC", cell).replace("\ufeff", "").strip().casefold()
    text = re.sub(r"\([^()]*\)$", "", text)
    return re.sub(r"[\s_\-]+", "", text)


def _columns(header: list[str]) -> dict[str, int]:
    keys = [_header_key(cell) for cell in header]
    columns = {}
    for field, aliases in HEADER_ALIASES.items():
        for alias in aliases:
            if alias in keys:
                columns[field] = keys.index(alias)
                break
    return columns


def _records(text: str, delimiter: str, name: str) -> Iterator[tuple[int, list[str]]]:
    """(first line number, cells) of each CSV record."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ActualsImportError(f"{name}, line {line}: {error}", [(line, str(error))]) from None
        yield line, cells


def _find_header(text: str, name: str) -> tuple[int, dict[str, int], Iterator[tuple[int, list[str]]]]:
    """The header's line, its columns and the records after it."""
    best: tuple[int, list[str]] | None = None
    best_count = -1
    for delimiter in (",", "\t", ";"):
        records = _records(text, delimiter, name)
        for _ in range(_HEADER_SEARCH):
            try:
                line, cells = next(records)
            except (StopIteration, ActualsImportError):
                break
            columns = _columns(cells)
            if all(field in columns for field in REQUIRED):
                return line, columns, records
            if any(cell.strip() for cell in cells) and len(columns) > best_count:
                best, best_count = (line, cells), len(columns)
    line, cells = best or (1, [])
    columns = _columns(cells)
    missing = [field for field in REQUIRED if field not in columns]
    shown = [clean_line(cell)[:30] for cell in cells[:20] if cell.strip()]
    more = ", …" if len(cells) > 20 else ""
    message = (
        f"{name}: missing columns {', '.join(missing)} (found: {', '.join(shown) or 'nothing'}{more}). "
        f"Expected {', '.join(REQUIRED)} and optionally {', '.join(OPTIONAL)}, "
        "or the back office's 统计日期, 浏览量, 访客数, 支付订单数, 支付金额"
    )
    raise ActualsImportError(message, [(line, f"missing columns: {', '.join(missing)}")])


def _cell(cells: list[str], columns: dict[str, int], field: str) -> str:
    index = columns.get(field)
    if index is None or index >= len(cells):
        return ""
    return cells[index]


def _shown(text: str) -> str:
    value = clean_line(text)
    return value if len(value) <= 30 else value[:29] + "…"


def _plain(raw: str) -> str:
    """The cell stripped, full-width digits and signs folded to ASCII."""
    return raw.strip() if raw.isascii() else unicodedata.normalize("NFKC", raw).strip()


def _number(field: str, raw: str, whole: bool) -> tuple[float | int | None, str | None]:
    """The cell's value, or the reason it is not one."""
    text = _plain(raw)
    if text.isascii() and text.isdigit() and len(text) <= 15:  # the common case, quickly
        return (int(text) if whole else float(text)), None
    if text in _EMPTY:
        return None, f"{field} is missing"
    if text.endswith("%"):
        return None, f"{field} ({_shown(text)}) is a percentage; expected {'a count' if whole else 'an amount'}"
    if text.startswith("-") and _DECIMAL.fullmatch(text[1:]):
        return None, f"{field} ({_shown(text)}) is negative"
    match = (_INTEGER if whole else _DECIMAL).fullmatch(text)
    if match is None:
        kind = "a whole number" if whole else "a number"
        return None, f"{field} ({_shown(text)}) is not {kind}"
    digits = match.group(1).replace(",", "").lstrip("0") or "0"
    if len(digits) > 16:  # before int(): Python refuses to parse thousands of digits
        return None, f"{field} ({_shown(text)}) is too large"
    value: float | int = int(digits) if whole else float(digits + (match.group(2) or ""))
    if value > _LARGEST:
        return None, f"{field} ({_shown(text)}) is too large"
    return value, None


def _date(raw: str) -> tuple[date | None, str | None]:
    text = _plain(raw)
    if not text:
        return None, "date is missing"
    for pattern in _DATES:
        match = pattern.fullmatch(text)
        if match:
            try:
                return date(int(match.group(1)), int(match.group(3)), int(match.group(4))), None
            except ValueError:
                return None, f"date ({_shown(text)}) is not a calendar day"
    return None, f"date ({_shown(text)}) is not YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD"


def _row(cells: list[str], columns: dict[str, int]) -> tuple[DailyMetric | None, list[str]]:
    """The row's metric, or None and every reason the row is bad.
    A totals row (合计, Total) gives neither."""
    raw_date = _cell(cells, columns, "date")
    if _plain(raw_date).casefold() in _SKIPPED_DATES:
        return None, []
    reasons: list[str] = []
    day, reason = _date(raw_date)
    if reason:
        reasons.append(reason)
    values: dict[str, object] = {"date": day, "channel": _cell(cells, columns, "channel").strip()}
    for field in (*_COUNTS, "revenue", "ad_spend"):
        raw = _cell(cells, columns, field)
        if field == "ad_spend" and _plain(raw) in _EMPTY:
            values[field] = 0.0  # optional: no spend recorded
            continue
        values[field], reason = _number(field, raw, whole=field in _COUNTS)
        if reason:
            reasons.append(reason)
    if reasons:
        return None, reasons
    try:
        return DailyMetric.model_validate(values), []
    except ValidationError as error:
        return None, [_reason(detail) for detail in error.errors()]


def _reason(detail: dict) -> str:
    message = str(detail.get("msg", "is not valid")).removeprefix("Value error, ")
    field = ".".join(str(part) for part in detail.get("loc", ()))
    return f"{field}: {message}" if field else message

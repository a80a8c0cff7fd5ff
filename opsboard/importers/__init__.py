"""Reading what the store's back office exports: CSV (UTF-8 with or without a
BOM, GBK/GB18030, UTF-16) and Excel (.xlsx, .xls) files, in the layouts of
生意参谋, 京东商智, 拼多多, 抖店/罗盘 and 巨量千川 or opsboard's own columns.

- `tables.py` turns bytes into rows of cells (the kind of file from its bytes);
- `layouts.py` is the registry of layouts, each recognised from its header row;
- `cells.py` reads one cell as the back office means it (万, %, ￥, -, dates);
- `reader.py` finds the header, checks every row, all or nothing.

Like export/, this package knows only model/: the service reads the file
(through store/input_files.py's checks) and hands the bytes here.
"""

from __future__ import annotations

from .errors import ActualsImportError
from .reader import ImportedFile, parse_actuals

__all__ = ["ActualsImportError", "ImportedFile", "parse_actuals", "parse_actuals_csv"]


def parse_actuals_csv(data: bytes, name: str = "the file"):
    """The file's DailyMetrics (the reader before layouts had names)."""
    return parse_actuals(data, name).metrics

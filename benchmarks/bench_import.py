"""The importers' budgets: a year of daily rows for five channels from an
`.xlsx` in at most 1.5× the same rows from a CSV, and three years × five
channels from an `.xlsx` in at most 1.5 s — each read, checked and saved as
one REPLACE into an empty board (a fresh file per run), as
`opsboard import-actuals` does.

    python benchmarks/bench_import.py        (or through benchmarks/run.py)

The files are 生意参谋-like: title lines, the Chinese header, the four split
spend columns. The workbook is written with XlsxWriter (a dev dependency).
Medians of RUNS runs; the first run of each kind warms up, so pandas' own
import (once per process, in the app's worker) is not what is measured: it
is shown on its own row.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from timing import warm_median_ms

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

RATIO_BUDGET = 1.5
THREE_YEARS_BUDGET_MS = 1500.0
CHANNELS = ("天猫旗舰店", "京东自营", "抖音小店", "拼多多店", "快手小店")
RUNS = 7
HEADER = ["统计日期", "店铺名称", "浏览量", "访客数", "支付买家数", "支付父订单数", "支付金额", "成功退款金额"]
SPEND = ["关键词推广花费", "精准人群推广花费", "智能场景花费", "全站推广花费"]


def daily_rows(years: tuple[int, ...], seed: int = 14) -> list[list[object]]:
    rng = random.Random(seed)
    rows: list[list[object]] = []
    day = date(years[0], 1, 1)
    while day.year <= years[-1]:
        for n, channel in enumerate(CHANNELS):
            uv = int((3000 - 400 * n) * rng.uniform(0.8, 1.2))
            buyers = int(uv * rng.uniform(0.02, 0.04))
            revenue = round(buyers * rng.uniform(150, 260), 2)
            spend = [round(uv * rng.uniform(0.02, 0.1), 2) for _ in SPEND]
            rows.append([day, channel, int(uv * rng.uniform(2, 4)), uv, buyers, buyers + n, revenue, round(revenue * 0.03, 2), *spend])
        day += timedelta(days=1)
    return rows


def write_csv(path: Path, rows: list[list[object]]) -> None:
    lines = ["店铺概况", ",".join(HEADER + SPEND)]
    lines += [",".join([r[0].isoformat(), *(str(c) for c in r[1:])]) for r in rows]
    path.write_bytes(("\n".join(lines) + "\n").encode("gb18030"))


def write_xlsx(path: Path, rows: list[list[object]]) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("店铺概况")
    dates = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, ["店铺概况"])
    sheet.write_row(1, 0, HEADER + SPEND)
    for r, row in enumerate(rows, start=2):
        sheet.write_datetime(r, 0, row[0], dates)
        sheet.write_row(r, 1, row[1:])
    book.close()


def _pandas_import_ms() -> float:
    code = "import time; t = time.perf_counter(); import pandas; print((time.perf_counter() - t) * 1000)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout) for _ in range(3)]
    return statistics.median(runs)


def main() -> list[tuple[str, str, str, bool | None]]:
    from opsboard.services.actuals import import_actuals_counted
    from opsboard.services.board_files import init_board

    rows: list[tuple[str, str, str, bool | None]] = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        boards = iter(range(10_000))

        def import_into_fresh_board(path: Path, count: int) -> None:
            store = init_board(out / f"fresh-{next(boards)}.json", user="bench", year=2025)
            assert import_actuals_counted(store, path).new == count

        year = daily_rows((2025,))
        csv, xlsx = out / "year.csv", out / "year.xlsx"
        write_csv(csv, year)
        write_xlsx(xlsx, year)
        csv_ms = warm_median_ms(lambda: import_into_fresh_board(csv, len(year)), RUNS)
        xlsx_ms = warm_median_ms(lambda: import_into_fresh_board(xlsx, len(year)), RUNS)
        ratio = xlsx_ms / csv_ms
        rows.append((f"import a year × 5 channels ({len(year):,} rows) from .csv", f"{csv_ms:.0f} ms", "", None))
        rows.append(
            (f"import the same rows from .xlsx: {xlsx_ms:.0f} ms", f"{ratio:.2f}× the .csv", f"≤ {RATIO_BUDGET}×", ratio <= RATIO_BUDGET)
        )

        three = daily_rows((2023, 2024, 2025))
        big = out / "three-years.xlsx"
        write_xlsx(big, three)
        big_ms = warm_median_ms(lambda: import_into_fresh_board(big, len(three)), 5)
        rows.append(
            (
                f"import 3 years × 5 channels ({len(three):,} rows) from .xlsx",
                f"{big_ms:.0f} ms",
                f"≤ {THREE_YEARS_BUDGET_MS:.0f} ms",
                big_ms <= THREE_YEARS_BUDGET_MS,
            )
        )
    rows.append(("import pandas in a fresh process (once, in the app's worker)", f"{_pandas_import_ms():.0f} ms", "", None))
    return rows


if __name__ == "__main__":
    results = main()
    for name, result, budget, ok in results:
        mark = "" if ok is None else ("ok" if ok else "MISSED")
        print(f"{name:70} {result:>16} {budget:>10} {mark}")
    sys.exit(0 if all(ok is not False for *_, ok in results) else 1)

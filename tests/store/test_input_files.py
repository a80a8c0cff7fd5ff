"""Special files and oversized inputs as the board or as a CSV to import:
refused with one line, never a hang (issue 11, case 10)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from opsboard.services.actuals import import_actuals
from opsboard.store import BoardStore, InputFileError
from opsboard.store.input_files import read_input_file

ROOT = Path(__file__).resolve().parents[2]


def run_bounded(code: str, timeout: float = 20) -> subprocess.CompletedProcess[str]:
    """In a child process: a hang is a failed test, not a stuck suite."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout, cwd=ROOT)


def test_a_fifo_as_the_board_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "b.json"
    os.mkfifo(fifo)
    done = run_bounded(
        "from opsboard.store import BoardStore, BoardError\n"
        f"try:\n    BoardStore({str(fifo)!r}, user='ana')\nexcept BoardError as e:\n    print(e)\n"
    )
    assert done.stdout == f"{fifo}: is a FIFO, not a board file; nothing was read\n"


def test_dev_zero_as_the_board_or_the_csv_is_refused_without_reading_it(board: Path) -> None:
    done = run_bounded(
        "from opsboard.store import BoardStore, BoardError\n"
        "from opsboard.services.actuals import import_actuals\n"
        "try:\n    BoardStore('/dev/zero', user='ana')\nexcept BoardError as e:\n    print(e)\n"
        f"try:\n    import_actuals(BoardStore({str(board)!r}, user='ana'), '/dev/zero')\nexcept BoardError as e:\n    print(e)\n"
    )
    assert done.stdout.splitlines() == [
        "/dev/zero: is a device, not a board file; nothing was read",
        "/dev/zero: is a device, not a CSV file; nothing was read",
    ]


def test_a_fifo_as_the_csv_is_refused_and_the_board_unchanged(board: Path, store: BoardStore, tmp_path: Path) -> None:
    fifo = tmp_path / "metrics.csv"
    os.mkfifo(fifo)
    before = board.read_bytes()
    with pytest.raises(InputFileError, match="is a FIFO, not a CSV file"):
        import_actuals(store, fifo)  # O_NONBLOCK: returns at once (a hang would stall the suite, see above)
    assert board.read_bytes() == before


def test_an_oversized_csv_or_board_is_refused_with_its_size(tmp_path: Path) -> None:
    big = tmp_path / "metrics.csv"
    with open(big, "wb") as handle:
        handle.truncate(3 * 1024 * 1024)
    with pytest.raises(InputFileError, match=r"metrics.csv: 3 MB is larger than a CSV may be \(2 MB\)"):
        read_input_file(big, what="CSV", limit=2 * 1024 * 1024)
    assert read_input_file(big, what="CSV", limit=4 * 1024 * 1024)[:1] == b"\0"


def test_the_documented_limits_refuse_a_huge_board_and_a_huge_csv(board: Path, store: BoardStore, tmp_path: Path) -> None:
    huge_board, huge_csv = tmp_path / "huge.json", tmp_path / "huge.csv"
    for path, size in ((huge_board, 65), (huge_csv, 17)):
        with open(path, "wb") as handle:
            handle.truncate(size * 1024 * 1024)  # sparse: nothing is written
    with pytest.raises(InputFileError, match=r"huge.json: 65 MB is larger than a board may be \(64 MB\)"):
        BoardStore(huge_board, user="ana")
    with pytest.raises(InputFileError, match=r"huge.csv: 17 MB is larger than a CSV may be \(16 MB\)"):
        import_actuals(store, huge_csv)


def test_lines_read_a_megabyte_at_a_time_are_the_files_lines(tmp_path: Path) -> None:
    from opsboard.store.input_files import MB, read_input_lines

    path = tmp_path / "b.json.archive.jsonl"
    # lines across the megabyte boundaries, one longer than a megabyte, an empty one, and a last one cut short
    lines = [b"x" * n for n in (10, MB - 20, 3 * MB, 0, 7)] + [bytes(range(1, 10)) * 1000]
    path.write_bytes(b"\n".join(lines) + b"\ncut sh")
    assert read_input_lines(path, what="task archive", limit=16 * MB) == lines
    path.write_bytes(b"no newline at all")
    assert read_input_lines(path, what="task archive", limit=16 * MB) == []
    with pytest.raises(InputFileError, match="is larger than a task archive may be"):
        read_input_lines(path, what="task archive", limit=5)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(InputFileError, match="is a FIFO, not a task archive file; nothing was read"):
        read_input_lines(fifo, what="task archive", limit=16 * MB)

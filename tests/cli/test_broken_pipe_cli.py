"""A reader that stops early (`| head`, `| grep -q`) ends the command quietly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_a_reader_that_went_away_ends_the_listing_without_a_message(tmp_path: Path) -> None:
    board = tmp_path / "b.json"
    run = [sys.executable, "-m", "opsboard"]
    subprocess.run([*run, "init", str(board), "--name", "pipe"], check=True, capture_output=True)
    subprocess.run([*run, "task", "add", str(board), "--dept", "design", "--title", "one"], check=True, capture_output=True)
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before anything is written
    try:
        done = subprocess.run([*run, "task", "list", str(board), "--json"], stdout=write_end, stderr=subprocess.PIPE, timeout=60)
    finally:
        os.close(write_end)
    assert done.stderr.decode() == ""
    assert done.returncode == 141

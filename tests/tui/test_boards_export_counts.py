"""The boards export's overview counts what the app's overview counts: the
archived done tasks in Done (the board keeps count per department), whether
the export lists them (--include-archived) or not, and says so as the app
does."""

from __future__ import annotations

from pathlib import Path

import pytest
from boards_app import board, make_app  # noqa: F401  (the fixture)
from gfm import tables

from opsboard.services.archived_tasks import set_archive_days
from opsboard.services.export import export_view
from opsboard.store import BoardStore
from opsboard.tui.widgets.board_overview import BoardOverview


@pytest.fixture
def archived_board(board: Path) -> Path:
    set_archive_days(BoardStore(board, user="ana"), 30)  # this save moves Design's t-d6 and t-d9 (done in January)
    return board


async def app_overview(board: Path) -> list[list[str]]:
    """The app's overview rows: each department and the total, as shown."""
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        table = pilot.app.screen.query_one(BoardOverview)
        rows = [[str(cell).removesuffix(" !") for cell in table.get_row_at(i)] for i in range(table.row_count)]
        note = pilot.app.screen.query_one("#card-line").text.plain
    return [row for row in rows if not row[0].startswith("· ")] + [[note]]


@pytest.mark.parametrize("include_archived", [False, True])
async def test_the_export_overview_counts_as_the_app_overview(archived_board: Path, include_archived: bool) -> None:
    shown = await app_overview(archived_board)
    assert shown[-1] == ["Done includes 2 archived cards (archived:yes finds them)"]
    markdown = export_view(BoardStore(archived_board, user="ana"), "boards", include_archived=include_archived)
    overview = tables(markdown)[0]
    assert overview[1:] == shown[:-1]
    assert [row for row in overview if row[0] == "Design"][0][4] == "4"  # t-d7, t-d8 on the board, t-d6, t-d9 archived
    if include_archived:
        assert "Done includes 2 archived cards, listed with the others.\n" in markdown
        assert "t-d6" in markdown
    else:
        assert (
            "Done includes 2 archived cards, not listed (export with --include-archived, "
            "or filter archived:yes in the app, to list them).\n" in markdown
        )
        assert "t-d6" not in markdown


def test_a_board_without_an_archive_says_nothing_of_it(board: Path) -> None:
    assert "archived" not in export_view(BoardStore(board, user="ana"), "boards")

"""KeyedTable.show_rows: rows the same as those held stay as drawn, a
changed row is replaced alone and drawn again alone (Textual forgets every
line of a table on any change: views 1 and 5 redrawn after a save drew all
their rows again), and what the table shows is what a table built anew
with those rows shows. Leans on DataTable's caches: this fails if a Textual
upgrade changes them."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content
from textual.geometry import Region

from opsboard.tui.widgets.keyed_table import KeyedTable

COLUMNS = [("mark", "", 3), ("title", "Title", 20), ("owner", "Owner", 8)]


def rows(changed: dict[int, str] | None = None) -> list[tuple[str, tuple[object, ...]]]:
    titles = {n: f"task {n}" for n in range(12)} | (changed or {})
    return [(f"t{n}", ("·", Content(titles[n]), "lin")) for n in range(12)]


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield KeyedTable(id="shown", cursor_type="row", zebra_stripes=True)
        yield KeyedTable(id="anew", cursor_type="row", zebra_stripes=True)


def lines(table: KeyedTable) -> list[str]:
    return [strip.text for strip in table.render_lines(Region(0, 0, table.size.width, table.size.height))]


def drawn_cells(table: KeyedTable) -> dict[object, object]:
    """Textual's rendered cells, as it keeps them (key → lines)."""
    cache = table._cell_render_cache
    return {key: cache.get(key) for key in list(cache.keys())}


def cells_drawn_since(table: KeyedTable, before: dict[object, object]) -> set[str]:
    """The keys of the rows whose cells Textual rendered since `before`."""
    return {str(key[0].value) for key, lines in drawn_cells(table).items() if before.get(key) is not lines}  # type: ignore[index]


async def test_a_changed_row_is_drawn_again_alone_and_shows_as_a_table_built_anew() -> None:
    async with TableApp().run_test(size=(40, 40)) as pilot:
        shown, anew = pilot.app.query_one("#shown", KeyedTable), pilot.app.query_one("#anew", KeyedTable)
        shown.show_rows(COLUMNS, rows())
        await pilot.pause()
        shown.move_cursor(row=4)
        shown.refresh()  # every row drawn as the table is now (sized)
        await pilot.pause()
        lines(shown)
        before = drawn_cells(shown)
        shown.show_rows(COLUMNS, rows())  # the same rows
        assert lines(shown) and cells_drawn_since(shown, before) == set()  # nothing drawn again
        shown.show_rows(COLUMNS, rows({7: "task 7, renamed"}))
        await pilot.pause()
        after = lines(shown)
        assert cells_drawn_since(shown, before) == {"t7"}  # the changed row alone
        anew.show_rows(COLUMNS, rows({7: "task 7, renamed"}))
        anew.move_cursor(row=4)
        await pilot.pause()
        assert after == lines(anew)
        assert any("task 7, renamed" in line for line in after)
        assert shown.cursor_row == 4


async def test_other_keys_or_columns_build_the_table_anew() -> None:
    async with TableApp().run_test(size=(40, 40)) as pilot:
        shown, anew = pilot.app.query_one("#shown", KeyedTable), pilot.app.query_one("#anew", KeyedTable)
        shown.show_rows(COLUMNS, rows())
        await pilot.pause()
        fewer = rows()[:5]
        shown.show_rows(COLUMNS, fewer)
        assert shown.row_count == 5
        wider = [("mark", "", 3), ("title", "Title", 24), ("owner", "Owner", 8)]
        shown.show_rows(wider, fewer)
        anew.show_rows(wider, fewer)
        await pilot.pause()
        assert [column.width for column in shown.ordered_columns] == [3, 24, 8]
        assert lines(shown) == lines(anew)
        shown.clear()  # emptied by other code: shown again whole
        shown.show_rows(wider, fewer)
        await pilot.pause()
        assert lines(shown) == lines(anew)


async def test_rows_shown_again_after_a_clear_from_elsewhere_are_all_there() -> None:
    """A view that empties the table itself (view 1 on an error, say), then
    shows the same rows: they are put back, not taken as still held."""
    async with TableApp().run_test(size=(60, 20)) as pilot:
        table = pilot.app.query_one("#shown", KeyedTable)
        table.show_rows(COLUMNS, rows())
        table.clear()
        table.show_rows(COLUMNS, rows())
        await pilot.pause()
        assert table.row_count == 12 and lines(table)[1].strip().startswith("·")
        table.clear(columns=True)
        table.show_rows(COLUMNS, rows())
        await pilot.pause()
        assert table.row_count == 12 and [c.key.value for c in table.ordered_columns] == ["mark", "title", "owner"]

"""QuickTable: the columns and the scrollable size Textual's DataTable gives the same rows, with
the console's options made once per update instead of once per cell."""

from rich.text import Text
from textual.app import App
from textual.widgets import DataTable

from someplan.tui.quick_table import QuickTable
from someplan.tui.screens.figures import FiguresScreen

ROWS = [
    ("12,5 %", Text("Sommerfest på kontoret"), 3, 0.25, None),
    (Text.assemble(("◎ ", "green"), "7,1 %"), "[bold]not markup[/]", 1234567, 1.5, "日本語のタイトル"),
    ("", Text("two\nlines"), -1, 0.0, "tab\there"),
    ("🎉 emoji", Text("x" * 70), 0, 12.345, Text("")),
]


class Tables(App):
    def compose(self):
        for kind in (DataTable, QuickTable):
            table = kind()
            table.add_columns("Engagement", "Title", "n", "rate", "note")
            yield table


async def test_a_quick_table_measures_its_rows_as_the_data_table_does():
    app = Tables()
    async with app.run_test(size=(200, 40)) as pilot:
        stock, quick = app.query_one(DataTable), app.query_one(QuickTable)
        for table in (stock, quick):
            table.add_rows(ROWS)
        await pilot.pause()
        assert [c.content_width for c in quick.ordered_columns] == [c.content_width for c in stock.ordered_columns]
        assert quick.virtual_size == stock.virtual_size
        assert quick.options_made == 1  # one update, five columns of four rows
        for table in (stock, quick):
            table.add_row("a much wider cell than before", "", 1, 2.0, "")
        await pilot.pause()
        assert [c.content_width for c in quick.ordered_columns] == [c.content_width for c in stock.ordered_columns]
        assert quick.virtual_size == stock.virtual_size and quick.options_made == 2
        for table in (stock, quick):  # a labelled row: measured by Textual, which renders its label
            table.add_row("x", "", 1, 2.0, "", label="label")
        await pilot.pause()
        assert [c.content_width for c in quick.ordered_columns] == [c.content_width for c in stock.ordered_columns]
        assert quick.virtual_size == stock.virtual_size and quick.options_made == 2


async def test_the_figures_view_lists_in_quick_tables(make_app):
    # The reuse candidates of a long history are some 300 rows, measured after the first frame.
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("F")
        await pilot.pause()
        assert isinstance(app.screen, FiguresScreen)
        tables = list(app.screen.query(DataTable))
        assert len(tables) == 5 and all(isinstance(table, QuickTable) for table in tables)
        assert all(table.options_made >= 1 for table in tables if table.row_count)

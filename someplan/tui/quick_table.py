"""A DataTable that measures its new rows with the console's options made once per update.

Textual's DataTable measures every new cell when the table is next idle, and its `measure` asks
the console for a fresh set of options for each cell: for the figures view's lists (some 300 reuse
candidates on the 3,000-post bench, five columns) that was ~30 ms of CPU after the view's first
frame, most of it making those options. The widths come out the same: each cell is measured as
`textual.render.measure` does it, with the options it would make (the console's size does not
change while the table measures). Rows with a label or an automatic height are left to Textual,
which renders those to find their height.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.protocol import rich_cast
from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey


class QuickTable(DataTable):
    options_made = 0  # how often the table asked the console for options (tests count them)

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        new_rows = list(new_rows)
        indexes = []
        for row_key in new_rows:
            index = self._row_locations.get(row_key)
            if index is None:  # removed before the table was idle
                continue
            row = self.rows.get(row_key)
            if row is None or row.label is not None or row.auto_height:
                super()._update_dimensions(new_rows)
                return
            indexes.append(index)
        if indexes:
            console = self.app.console
            options = console.options
            self.options_made += 1
            columns = self.ordered_columns
            widths = [column.content_width for column in columns]
            for index in indexes:
                _label, cells = self._get_row_renderables(index)
                for position, cell in enumerate(cells[: len(widths)]):
                    width = _measure(console, options, cell)
                    if width > widths[position]:
                        widths[position] = width
            for column, width in zip(columns, widths, strict=True):
                column.content_width = width
        # As DataTable._update_dimensions ends.
        data_cells_width = sum(column.get_render_width(self) for column in self.columns.values())
        header_height = self.header_height if self.show_header else 0
        self.virtual_size = Size(data_cells_width + self._row_label_column_width, self._total_row_height + header_height)


def _measure(console, options, renderable) -> int:
    """`textual.render.measure(console, renderable, 1)` with the options given."""
    if isinstance(renderable, str):
        return cell_len(renderable)
    renderable = rich_cast(renderable)
    measure = getattr(renderable, "__rich_measure__", None)
    if measure is None:
        return 1
    return max(0, measure(console, options).maximum)

"""The rotation: each category in the user's order, its state, last post → next due, backlog,
cadence, and a strip of its posts over the last 12 weeks."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from someplan.i18n import N_, _, language
from someplan.services.overview import RotationRow
from someplan.textsafe import literal
from someplan.tui import labels
from someplan.tui.panes.base import Pane

STATE_STYLE = {"overdue": "bold red", "due": "yellow", "ok": "green", "paused": "dim"}


def strip(counts: tuple[int, ...], colour: str) -> Text:
    """One cell a week, oldest first: · none, ▄ one post, █ two or more."""
    text = Text()
    for count in counts:
        text.append("·" if not count else "▄" if count == 1 else "█", style="dim" if not count else colour)
    return text


class RotationPane(Pane):
    _keep: str | None = None

    TITLE = N_("Rotation")
    NUMBER = 2
    BINDINGS = [
        Binding("p", "screen.toggle_category", N_("Pause/resume"), id="rotation.pause"),
        Binding("e,enter", "screen.edit_category", N_("Edit"), id="rotation.edit"),
        Binding("K,shift+up", "screen.move_category(-1)", N_("Move up"), id="rotation.move_up"),
        Binding("J,shift+down", "screen.move_category(1)", N_("Move down"), id="rotation.move_down"),
    ]

    def compose(self):
        table = DataTable(id="rotation-table", cursor_type="row", zebra_stripes=False)
        self._add_columns(table)
        yield table

    @staticmethod
    def _add_columns(table: DataTable) -> None:
        table.add_columns(_("Category"), _("State"), _("12 weeks"), _("Last → due"), _("Backlog"), _("Cadence"))

    def retranslate(self) -> None:
        super().retranslate()
        self._keep = self.selected_category_id  # the screen fills the rows again
        self.main.clear(columns=True)
        self._add_columns(self.main)

    @property
    def main(self) -> DataTable:
        return self.query_one(DataTable)

    @property
    def selected_category_id(self) -> str | None:
        table = self.main
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value

    def show(self, rows: list[RotationRow]) -> None:
        table = self.main
        keep = self.selected_category_id or self._keep
        self._keep = None
        table.clear()
        for row in rows:
            r = row.rotation
            state = labels.rotation_state(r.state.value)
            if r.state.value == "overdue":
                state = _("! {state} {days}d").format(state=state, days=r.days_overdue)
            table.add_row(
                Text.assemble(("■ ", r.category.colour), literal(r.category.name)),
                Text(state, style=STATE_STYLE.get(r.state.value, "")),
                strip(row.coverage, r.category.colour),
                Text((labels.day(r.last_post) if r.last_post else "  —  ") + f" → {labels.day(r.next_due)}"),
                Text(str(row.backlog) if row.backlog else "–", justify="right"),
                Text(r.category.cadence.label(language())),
                key=r.category.id,
            )
        ids = [row.rotation.category.id for row in rows]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))

"""The rotation: each category's cadence, last post, next due date and backlog."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.widgets import DataTable

from someplan.services.overview import RotationRow
from someplan.textsafe import literal
from someplan.tui.panes.base import Pane

STATE_STYLE = {"overdue": "bold red", "due": "yellow", "ok": "green", "paused": "dim"}


class RotationPane(Pane):
    TITLE = "Rotation"
    NUMBER = 2

    def compose(self):
        table = DataTable(id="rotation-table", cursor_type="row", zebra_stripes=False)
        table.add_columns("Category", "State", "Last → due", "Backlog", "Cadence")
        yield table

    @property
    def main(self) -> DataTable:
        return self.query_one(DataTable)

    def show(self, rows: list[RotationRow], today: dt.date) -> None:
        table = self.main
        cursor = table.cursor_row
        table.clear()
        for row in rows:
            r = row.rotation
            state = ("! overdue " + f"{r.days_overdue}d") if r.state.value == "overdue" else r.state.value
            table.add_row(
                Text.assemble(("■ ", r.category.colour), literal(r.category.name)),
                Text(state, style=STATE_STYLE.get(r.state.value, "")),
                Text((f"{r.last_post:%d.%m}" if r.last_post else "  —  ") + f" → {r.next_due:%d.%m}"),
                Text(str(row.backlog) if row.backlog else "–", justify="right"),
                Text(r.category.cadence.label("nb")),
                key=r.category.id,
            )
        if rows:
            table.move_cursor(row=min(cursor, len(rows) - 1))

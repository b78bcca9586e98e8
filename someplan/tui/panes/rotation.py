"""The rotation: each category in the user's order, its state, last post → next due, backlog,
cadence, and a strip of its posts over the last 12 weeks."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from someplan.i18n import N_, _, language
from someplan.services.overview import RotationRow
from someplan.textsafe import literal
from someplan.tui import labels
from someplan.tui.panes.base import Pane

STATE_STYLE = {"overdue": "bold red", "due": "yellow", "ok": "green", "paused": "dim"}
GAP = "  "  # between two columns
RIGHT = {4}  # the columns set to the right (the backlog's count)


def strip(counts: tuple[int, ...], colour: str) -> Text:
    """One cell a week, oldest first: · none, ▄ one post, █ two or more."""
    text = Text()
    for count in counts:
        text.append("·" if not count else "▄" if count == 1 else "█", style="dim" if not count else colour)
    return text


def headings() -> list[str]:
    return [_("Category"), _("State"), _("12 weeks"), _("Last → due"), _("Backlog"), _("Cadence")]


def cells(row: RotationRow) -> list[Text]:
    r = row.rotation
    state = labels.rotation_state(r.state.value)
    if r.state.value == "overdue":
        state = _("! {state} {days}d").format(state=state, days=r.days_overdue)
    return [
        Text.assemble(("■ ", r.category.colour), literal(r.category.name)),
        Text(state, style=STATE_STYLE.get(r.state.value, "")),
        strip(row.coverage, r.category.colour),
        Text((labels.day(r.last_post) if r.last_post else "  —  ") + f" → {labels.day(r.next_due)}"),
        Text(str(row.backlog) if row.backlog else "–"),
        Text(r.category.cadence.label(language())),
    ]


def lined_up(rows: list[list[Text]]) -> list[Text]:
    """Each row's cells padded to its column's widest cell, one gap between columns (the last
    column not padded)."""
    widths = [max(cell_len(row[column].plain) for row in rows) for column in range(len(rows[0]))]
    lines = []
    for row in rows:
        line = Text()
        for column, (cell, width) in enumerate(zip(row, widths, strict=True)):
            pad = " " * (width - cell_len(cell.plain))
            if column:
                line.append(GAP)
            if column in RIGHT:
                line.append(pad)
                line.append_text(cell)
            else:
                line.append_text(cell)
                if column < len(widths) - 1:
                    line.append(pad)
        lines.append(line)
    return lines


class RotationList(OptionList):
    """One category a row, its cells lined up under the pane's headings. An OptionList, not a
    DataTable: the table drew each of its cells through Rich, a fifth of the planner's first
    frame on the 3,000-post bench (issue 15)."""


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
        yield Static(id="rotation-head", markup=False)
        yield RotationList(id="rotation-table", markup=False)

    def retranslate(self) -> None:
        super().retranslate()
        self._keep = self.selected_category_id  # the screen fills the rows again

    @property
    def main(self) -> RotationList:
        return self.query_one(RotationList)

    @property
    def selected_category_id(self) -> str | None:
        option = self.main.highlighted_option
        return option.id if option is not None else None

    @property
    def rows_shown(self) -> list[str]:
        """Each row as shown, without its styles (for tests and the language check)."""
        listing = self.main
        return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]

    def show(self, rows: list[RotationRow]) -> None:
        listing = self.main
        keep = self.selected_category_id or self._keep
        self._keep = None
        table = [[Text(heading, style="bold") for heading in headings()]] + [cells(row) for row in rows]
        head, *lines = lined_up(table)
        self.query_one("#rotation-head", Static).update(head)
        listing.clear_options()
        listing.add_options([Option(line, id=row.rotation.category.id) for line, row in zip(lines, rows, strict=True)])
        # Its height now, not as it first draws (a row is one line): the first layout knows
        # whether the list needs its scrollbar (screens/first_layout.py).
        listing.virtual_size = Size(cell_len(head.plain), len(lines))
        ids = [row.rotation.category.id for row in rows]
        if ids:
            listing.highlighted = ids.index(keep) if keep in ids else 0

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # enter: what the footer says it does (the list's own enter only selects)
        event.stop()
        await self.run_action("screen.edit_category")

"""Edit a campaign or season of the year wheel: title, kind, first and last day, notes."""

from __future__ import annotations

import dataclasses
import datetime as dt

from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, TextArea

from someplan.domain.event import Event, EventKind
from someplan.i18n import N_, _, pgettext
from someplan.services.campaigns import kind_label
from someplan.services.errors import UserError
from someplan.services.user_input import parse_date
from someplan.textsafe import literal
from someplan.tui import labels
from someplan.tui.screens.dialogs import form_field, kept_text, show_errors


class CampaignEditor(ModalScreen[Event | None]):
    """Returns the edited campaign (not yet written), or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save the campaign"), id="campaign.save", priority=True),
        Binding("escape", "cancel", N_("Close without saving"), id="campaign.cancel"),
    ]

    def __init__(self, event: Event, today: dt.date, is_new: bool) -> None:
        super().__init__()
        self.event, self.today, self.is_new = event, today, is_new

    def compose(self):
        e = self.event
        kinds = [(kind_label(kind).capitalize(), kind) for kind in EventKind]
        with Vertical(classes="dialog", id="campaign-editor"):
            yield Label(pgettext("campaign", "New campaign") if self.is_new else pgettext("campaign", "Campaign"), classes="dialog-title")
            yield form_field(N_("Title"), Input(literal(e.title), id="campaign-title"))
            with Horizontal(classes="row"):
                yield form_field(N_("Kind"), Select(kinds, value=e.kind, allow_blank=False, id="campaign-kind"))
                yield form_field(N_("First day"), Input(labels.date_field(e.start), id="campaign-start", placeholder="23.11.2026"))
                yield form_field(N_("Last day"), Input(labels.date_field(e.end), id="campaign-end", placeholder="30.11.2026"))
            yield form_field(N_("Notes"), TextArea(literal(e.notes, keep_newlines=True), id="campaign-notes"))
            yield Label(_("ctrl+s saves · esc closes without saving"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#campaign-title", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def _date(self, widget: str, errors: dict) -> dt.date | None:
        text = self.query_one(f"#{widget}", Input).value.strip()
        if not text:
            errors[widget] = _("A date is needed, like 23.11.2026.")
            return None
        try:
            return parse_date(text, self.today)
        except UserError:
            errors[widget] = _("Not a date: write 23.11.2026 or 2026-11-23.")
            return None

    def read(self) -> tuple[Event, dict[str, str]]:
        """The campaign as the fields say, and an error per field that is not right."""
        errors: dict[str, str] = {}
        title = kept_text(self.query_one("#campaign-title", Input).value.strip(), self.event.title)
        if not title.strip():
            errors["campaign-title"] = _("A campaign needs a title.")
        start, end = self._date("campaign-start", errors), self._date("campaign-end", errors)
        if start and end and end < start:
            errors["campaign-end"] = _("The last day is before the first.")
        notes = kept_text(self.query_one("#campaign-notes", TextArea).text, self.event.notes, keep_newlines=True)
        kind = self.query_one("#campaign-kind", Select).value
        edited = dataclasses.replace(self.event, title=title, start=start, end=end, notes=notes,
                                     kind=kind if isinstance(kind, EventKind) else self.event.kind)  # fmt: skip
        show_errors(self, errors)
        return edited, errors

    def action_save(self) -> None:
        edited, errors = self.read()
        if not errors:
            self.dismiss(edited)

    def action_cancel(self) -> None:
        self.dismiss(None)

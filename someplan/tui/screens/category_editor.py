"""Edit a category's cadence and preferences: what the rotation plans with."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Switch, TextArea

from someplan.domain.cadence import Cadence
from someplan.domain.category import Category, normalise_colour
from someplan.services.errors import UserError
from someplan.services.user_input import parse_time
from someplan.domain.weeks import weekday_name
from someplan.i18n import N_, _, language
from someplan.textsafe import literal
from someplan.tui.language import Caption
from someplan.tui.screens.dialogs import form_field, kept_text, show_errors


class CategoryEditor(ModalScreen[dict | None]):
    """Returns the changed fields (possibly none), or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="category.save", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="category.cancel"),
    ]

    def __init__(self, category: Category, channels: list) -> None:
        super().__init__()
        self.category, self.channels = category, channels

    def compose(self):
        c = self.category
        with Vertical(classes="dialog", id="category-editor"):
            yield Caption(N_("Category"), classes="dialog-title")
            yield form_field(N_("Name"), Input(literal(c.name), id="cat-name"))
            with Horizontal(classes="row"):
                cadences = " · ".join(Cadence(unit, n).label(language()) for unit, n in (("week", 1), ("week", 2), ("month", 1)))
                yield form_field(N_("Cadence"), Input(c.cadence.label(language()), id="cat-cadence", placeholder=cadences))
                yield form_field(N_("Colour"), Input(c.colour, id="cat-colour"))
            with Horizontal(classes="row"):
                yield form_field(N_("Weekday"), Select([(weekday_name(i, language()), i) for i in range(7)], value=c.weekday if c.weekday is not None else Select.NULL, prompt=_("Select"), id="cat-weekday"))
                yield form_field(N_("Time"), Input(c.time.strftime("%H:%M") if c.time else "", id="cat-time", placeholder="09:30"))
            yield form_field(N_("Channel"), Select([(Text(literal(ch.name)), ch.id) for ch in self.channels], value=c.channel if any(ch.id == c.channel for ch in self.channels) else Select.NULL, prompt=_("Select"), id="cat-channel"))
            yield form_field(N_("Questions (the batch session's template)"), TextArea(literal(c.question, keep_newlines=True), id="cat-question"))
            with Horizontal(classes="row"):
                yield Caption(N_("Active in the rotation"), classes="field-label switch-label")
                yield Switch(value=c.active, id="cat-active")
            yield Caption(N_("ctrl+s save · esc cancel"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#cat-cadence", Input).focus()

    def _read(self) -> tuple[dict, dict]:
        c, errors, fields = self.category, {}, {}
        value = lambda name: self.query_one(f"#{name}", Input).value.strip()  # noqa: E731
        name = kept_text(value("cat-name"), c.name)
        if not name.strip():
            errors["cat-name"] = _("A category needs a name.")
        elif name != c.name:
            fields["name"] = name
        try:
            cadence = Cadence.parse(value("cat-cadence"))
            if cadence != c.cadence:
                fields["cadence"] = cadence
        except ValueError:
            examples = ", ".join(Cadence(unit, n).label(language()) for unit, n in (("week", 1), ("week", 2), ("month", 2), ("month", 1)))
            errors["cat-cadence"] = _("Try {examples}.").format(examples=examples)
        colour = normalise_colour(value("cat-colour"))
        if colour is None:
            errors["cat-colour"] = _("A colour like #e4572e.")
        elif colour != c.colour:
            fields["colour"] = colour
        try:
            at = parse_time(value("cat-time")) if value("cat-time") else None
            if at != c.time:
                fields["time"] = at
        except UserError:
            errors["cat-time"] = _("A time like 09:30, or empty.")
        weekday = self.query_one("#cat-weekday", Select).value
        weekday = None if weekday is Select.NULL else weekday
        if weekday != c.weekday:
            fields["weekday"] = weekday
        channel = self.query_one("#cat-channel", Select).value
        channel = None if channel is Select.NULL else channel
        if channel != c.channel:
            fields["channel"] = channel
        question = kept_text(self.query_one("#cat-question", TextArea).text, c.question, keep_newlines=True)
        if question != c.question:
            fields["question"] = question
        active = self.query_one("#cat-active", Switch).value
        if active != c.active:
            fields["active"] = active
        show_errors(self, errors)
        return fields, errors

    def action_save(self) -> None:
        fields, errors = self._read()
        if not errors:
            self.dismiss(fields)

    def action_cancel(self) -> None:
        self.dismiss(None)

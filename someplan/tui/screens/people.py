"""The people registry: who may appear in posts, their consent, and when each was featured."""

from __future__ import annotations

import dataclasses
import datetime as dt

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.coordinate import Coordinate
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Input, Static, Switch

from someplan.domain.doc_fields import parse_hours
from someplan.domain.person import Person
from someplan.i18n import N_, _, language
from someplan.services import people as registry
from someplan.services.errors import UserError
from someplan.services.user_input import parse_date
from someplan.textsafe import literal
from someplan.tui import labels
from someplan.tui.footer import Footer
from someplan.tui.language import Caption
from someplan.tui.screens.batch import consent_text
from someplan.tui.screens.dialogs import Confirm, kept_text
from someplan.tui.screens.paint_first import PaintsFirst
from someplan.tui.write_guard import attempt, done

ROLE_WIDTH = 24


class PeopleScreen(PaintsFirst, Screen):
    BINDINGS = [
        Binding("n", "add", N_("Add"), id="people.add"),
        Binding("e,enter", "edit", N_("Edit"), id="people.edit"),
        Binding("d", "remove", N_("Remove"), id="people.remove"),
        Binding("s", "toggle_stale", N_("Not featured lately"), id="people.stale"),
        Binding("escape,q", "close", N_("Back"), id="people.close"),
    ]

    def __init__(self, today: dt.date) -> None:
        super().__init__()
        self.today = today
        self.only_stale = False

    @property
    def catalog(self):
        return self.app.catalog

    def compose(self):
        yield Static("", id="people-header", markup=False)
        table = DataTable(id="people-table", cursor_type="row")
        self._add_columns(table)
        yield table
        yield Footer()

    @staticmethod
    def _add_columns(table: DataTable) -> None:
        table.add_column(_("Name"))
        table.add_column(_("Role"), width=ROLE_WIDTH)  # roles can be long: "daglig leder, … (samarbeidspartner)"
        table.add_columns(_("Consent"), _("Last featured"), _("Next"), _("Posts"))

    def retranslate(self) -> None:
        """The language changed (tui/language.py): headers and rows anew, the cursor kept."""
        keep = self.selected_id
        table = self.query_one(DataTable)
        table.clear(columns=True)
        self._add_columns(table)
        self.show(keep=keep)

    def on_mount(self) -> None:
        self.show()
        self.query_one(DataTable).focus()

    def show(self, keep: str | None = None) -> None:
        table = self.query_one(DataTable)
        keep = keep or self.selected_id
        table.clear()
        seen = registry.featured_by_person(self.catalog, self.today)
        people = registry.stale_people(self.catalog, self.today) if self.only_stale else self.catalog.people()
        for person in people:
            entry = seen.get(person.id)
            table.add_row(
                Text(literal(person.name), style="bold"),
                Text(literal(person.role), no_wrap=True, overflow="ellipsis"),
                consent_text(person, self.today, short=True),
                Text(
                    labels.day(entry.last, year=True) if entry and entry.last else _("never"),
                    style="" if entry and entry.last else "dim",
                ),
                Text(labels.day(entry.next, year=True) if entry and entry.next else ""),
                Text(str(entry.posts if entry else 0), justify="right"),
                key=person.id,
            )
        ids = [p.id for p in people]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))
        if self.only_stale:
            what = _("not featured for {days} days and nothing planned").format(days=registry.STALE_DAYS)
        else:
            what = _("everyone")
        self.query_one("#people-header", Static).update(
            Text.assemble((_("People"), "bold"), " · " + _("{who} ({count}) · s switches").format(who=what, count=len(people)))
        )

    @property
    def selected_id(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value

    def _selected(self) -> Person | None:
        return next((p for p in self.catalog.people() if p.id == self.selected_id), None)

    def _write(self, action, *args, **fields):
        return attempt(self, action, self.catalog, *args, **fields)[1]

    def action_add(self) -> None:
        def saved(fields: dict | None) -> None:
            if fields:
                person = self._write(registry.add_person, fields.pop("name"), **fields)
                if person:
                    done(self, _("Added {name}").format(name=literal(person.name)))
                self.show(keep=person.id if person else None)

        self.app.push_screen(PersonEditor(Person(""), self.today), saved)

    def action_edit(self) -> None:
        person = self._selected()
        if person is None:
            return

        def saved(fields: dict | None) -> None:
            if fields:
                saved_ok, _result = attempt(self, registry.edit_person, self.catalog, person.id, **fields)
                if saved_ok:
                    done(self, _("Saved {name}").format(name=literal(fields.get("name") or person.name)))
                self.show()

        self.app.push_screen(PersonEditor(person, self.today), saved)

    def action_remove(self) -> None:
        person = self._selected()
        if person is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                removed, _result = attempt(self, registry.remove_person, self.catalog, person.id)
                if removed:
                    done(self, _("Removed {name} from the registry").format(name=literal(person.name)))
                self.show()

        question = _("Remove {name} from the registry? Posts keep what they were.").format(name=literal(person.name))
        self.app.push_screen(Confirm(question), answered)

    def action_toggle_stale(self) -> None:
        self.only_stale = not self.only_stale
        self.show()

    def action_close(self) -> None:
        self.dismiss(None)


class PersonEditor(ModalScreen[dict | None]):
    """Name, role, consent and its last day, hours a week for content; returns the changed fields."""

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="person.save", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="person.cancel"),
    ]

    def __init__(self, person: Person, today: dt.date) -> None:
        super().__init__()
        self.person, self.today = person, today

    def compose(self):
        p = self.person
        with Vertical(classes="dialog", id="person-editor"):
            yield Caption(N_("New person") if not p.id else N_("Person"), classes="dialog-title")
            yield Caption(N_("Name"), classes="field-label")
            yield Input(literal(p.name), id="person-name")
            yield Caption(N_("Role"), classes="field-label")
            yield Input(literal(p.role), id="person-role")
            with Horizontal(classes="row"):
                yield Caption(N_("Consent to be shown"), classes="field-label switch-label")
                yield Switch(value=p.consent, id="person-consent")
            # Side by side: one more row would push the hint off a 24-line terminal.
            with Horizontal(classes="row"):
                with Vertical(classes="field"):
                    yield Caption(N_("Consent holds until (empty: no end)"), classes="field-label")
                    yield Input(p.consent_until.isoformat() if p.consent_until else "", id="person-until",
                                placeholder="2027-12-31")  # fmt: skip
                with Vertical(classes="field"):
                    yield Caption(N_("Hours a week for content"), classes="field-label")
                    yield Input(hours_text(p.hours), id="person-hours", placeholder="7,5")
            yield Static("", classes="error", id="person-error", markup=False)
            yield Caption(N_("ctrl+s save · esc cancel"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#person-name", Input).focus()

    def action_save(self) -> None:
        p = self.person
        text = lambda name: self.query_one(f"#{name}", Input).value.strip()  # noqa: E731
        name, until_text = kept_text(text("person-name"), p.name), text("person-until")
        try:
            if not name.strip():
                raise UserError(_("A person needs a name."))
            until = parse_date(until_text, self.today) if until_text else None
            hours = parse_hours(text("person-hours")) if text("person-hours") else None
            if text("person-hours") and hours is None:
                raise UserError(_("Hours a week: a number from 0 to 168, e.g. 7,5."))
        except UserError as error:
            self.query_one("#person-error", Static).update(str(error))
            return
        edited = dataclasses.replace(
            p, name=name, role=kept_text(text("person-role"), p.role),
            consent=self.query_one("#person-consent", Switch).value, consent_until=until, hours=hours,
        )  # fmt: skip
        fields = {
            k: getattr(edited, k)
            for k in ("name", "role", "consent", "consent_until", "hours")
            if getattr(edited, k) != getattr(p, k)
        }
        if not p.id:
            fields["name"] = name
        self.dismiss(fields)

    def action_cancel(self) -> None:
        self.dismiss(None)


def hours_text(hours: float | None) -> str:
    """7.5 → "7,5" in Bokmål: as the user types it back."""
    if hours is None:
        return ""
    number = f"{hours:g}"
    return number.replace(".", ",") if language() == "nb" else number

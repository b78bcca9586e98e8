"""The post editor's one-line fields that Textual has no light widget for.

A `Select` is five widgets and a hidden list each; the editor has four of them and opened in half
a second on a busy machine. `Choice` is one widget on one line: ←/→ or space step through the
values, a letter jumps to the next value starting with it, enter lists them all. `PeopleField`
shows the people a post features with their consent; enter picks them from the registry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Label, OptionList, SelectionList
from textual.widgets.option_list import Option

from someplan.domain.caption_limits import CAPTION_LIMITS, caption_length, over_limit
from someplan.domain.channel import Network
from someplan.domain.person import Person
from someplan.i18n import N_, _, language
from someplan.textsafe import literal
from someplan.tui.consent_label import consent_text
from someplan.tui.language import Caption


class Choice(Widget, can_focus=True):
    """One of a few values on one line. `label(value)` names a value in the language spoken
    (a user's own names through `literal`); with `blank`, None is a value too ("none")."""

    BINDINGS = [
        Binding("left", "step(-1)", N_("Previous choice"), id="choice.previous", show=False),
        Binding("right,space", "step(1)", N_("Next choice"), id="choice.next", show=False),
        Binding("enter", "pick", N_("List the choices"), id="choice.pick", show=False),
    ]

    class Changed(Message):
        def __init__(self, choice: Choice) -> None:
            super().__init__()
            self.choice = choice

        @property
        def control(self) -> Choice:
            return self.choice

    def __init__(self, values: Sequence[Any], label: Callable[[Any], str], value: Any, blank: bool = False,
                 id: str | None = None) -> None:  # fmt: skip
        super().__init__(id=id)
        self.blank = blank
        self.values: list[Any] = ([None] if blank else []) + list(values)
        self.label = label
        self._value = value if value in self.values else (self.values[0] if self.values else None)
        self.title = ""  # what the pick list is headed with (the field's label)

    def reset(self, values: Sequence[Any], value: Any, label: Callable[[Any], str] | None = None) -> None:
        """Other values (a post opened in a reused editor), without a `Changed`."""
        self.values = ([None] if self.blank else []) + list(values)
        self.label = label or self.label
        self._value = value if value in self.values else self.values[0]
        self.refresh()

    @property
    def value(self) -> Any:
        return self._value

    @value.setter
    def value(self, value: Any) -> None:
        if value not in self.values or value == self._value:
            return
        self._value = value
        self.refresh()
        self.post_message(self.Changed(self))

    def name_of(self, value: Any) -> str:
        return self.label(value) if value is not None else _("none")

    def render(self) -> Text:
        return Text(f"‹ {self.name_of(self._value)} ›", no_wrap=True, overflow="ellipsis")

    def action_step(self, step: int) -> None:
        index = self.values.index(self._value)
        self.value = self.values[(index + step) % len(self.values)]

    def on_key(self, event) -> None:
        letter = event.character
        if not letter or len(letter) != 1 or not letter.isprintable() or letter.isspace():
            return
        event.stop()
        start = self.values.index(self._value)
        for offset in range(1, len(self.values) + 1):
            value = self.values[(start + offset) % len(self.values)]
            if self.name_of(value).casefold().startswith(letter.casefold()):
                self.value = value
                return
        self.app.bell()

    def action_pick(self) -> None:
        def picked(index: int | None) -> None:
            if index is not None:
                self.value = self.values[index]

        names = [self.name_of(v) for v in self.values]
        self.app.push_screen(Pick(self.title, names, self.values.index(self._value)), picked)


class Pick(ModalScreen[int | None]):
    """A list of names; enter takes the highlighted one (its index), esc none."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="pick.cancel")]

    def __init__(self, title: str, names: list[str], current: int) -> None:
        super().__init__()
        self.title_text, self.names, self.current = title, names, current

    def compose(self):
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield OptionList(*(Option(Text(name)) for name in self.names), id="pick-list")

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        listing.highlighted = self.current
        listing.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_index)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PeopleField(Widget, can_focus=True):
    """The people a post features (ids), each with their consent on `day`; enter or space picks."""

    BINDINGS = [Binding("enter,space", "pick", N_("Pick people"), id="people.pick", show=False)]

    class Changed(Message):
        pass

    def __init__(self, chosen: Sequence[str], registry: list[Person], day: dt.date, id: str | None = None) -> None:
        super().__init__(id=id)
        self.value: tuple[str, ...] = tuple(chosen)
        self.registry = registry
        self.day = day

    def reset(self, chosen: Sequence[str], registry: list[Person], day: dt.date) -> None:
        self.value, self.registry, self.day = tuple(chosen), registry, day
        self.refresh(layout=True)

    def set_day(self, day: dt.date) -> None:
        if day != self.day:
            self.day = day
            self.refresh(layout=True)

    def render(self) -> Text:
        if not self.value:
            return Text(_("nobody (enter: pick from the people registry)"), style="italic")
        by_id = {p.id: p for p in self.registry}
        shown = Text()
        for number, person_id in enumerate(self.value):
            if number:
                shown.append("  ·  ")
            person = by_id.get(person_id)
            if person is None:  # removed from the registry; the post keeps the id
                shown.append(_("removed person"), style="italic")
                continue
            shown.append(literal(person.name), style="bold")
            shown.append(" ")
            shown.append_text(consent_text(person, self.day, short=True))
        return shown

    def action_pick(self) -> None:
        def picked(chosen: tuple[str, ...] | None) -> None:
            if chosen is not None and chosen != self.value:
                self.value = chosen
                self.refresh(layout=True)
                self.post_message(self.Changed())

        self.app.push_screen(PeoplePicker(self.registry, self.value, self.day), picked)


class PeoplePicker(ModalScreen[tuple[str, ...] | None]):
    """Everyone in the registry with their consent; space marks, enter takes the marked, esc none."""

    BINDINGS = [
        Binding("enter", "done", N_("Take the marked"), id="people_pick.done", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="people_pick.cancel"),
    ]

    def __init__(self, registry: list[Person], chosen: tuple[str, ...], day: dt.date) -> None:
        super().__init__()
        self.registry, self.chosen, self.day = registry, chosen, day

    def compose(self):
        with Vertical(classes="dialog wide"):
            yield Caption(N_("People in this post"), classes="dialog-title")
            people = sorted(self.registry, key=lambda p: p.name.casefold())
            yield SelectionList[str](
                *((self._prompt(p), p.id, p.id in self.chosen) for p in people), id="people-pick"
            )
            if not people:
                yield Caption(N_("The registry is empty: P in the plan adds people."), classes="hint")
            yield Caption(N_("space: mark or unmark · enter: take the marked · esc: cancel"), classes="hint")

    def _prompt(self, person: Person) -> Text:
        prompt = Text.assemble((literal(person.name), "bold"))
        if person.role:
            prompt.append(f"  {literal(person.role)}")
        prompt.append("  ")
        prompt.append_text(consent_text(person, self.day))
        return prompt

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def action_done(self) -> None:
        marked = self.query_one(SelectionList).selected
        listed = {p.id for p in self.registry}
        # The post's order stays, the newly marked after it; a removed person (not listed) stays.
        kept = tuple(p for p in self.chosen if p in marked or p not in listed)
        self.dismiss(kept + tuple(p for p in marked if p not in self.chosen))

    def action_cancel(self) -> None:
        self.dismiss(None)


def caption_count(text: str, network: Network | None) -> Text:
    """ "312 / 2 200 Instagram", red and "over by 12" past the channel's limit; without a channel
    or a known limit, the length alone. Over the limit is shown, never refused."""
    length = caption_length(text)
    sep = "\u00a0" if language() == "nb" else ","
    number = lambda n: f"{n:,}".replace(",", sep)  # noqa: E731
    limit = CAPTION_LIMITS.get(network) if network is not None else None
    if network is None or limit is None:
        return Text(_("{count} characters").format(count=number(length)), style="dim")
    name = NETWORK_NAMES.get(network, network.value)
    shown = Text(f"{number(length)} / {number(limit)} {name}")
    if over_limit([network], text):
        shown.stylize("bold red")
        shown.append("  " + _("{count} over the limit").format(count=number(length - limit)), style="bold red")
    else:
        shown.stylize("dim")
    return shown


NETWORK_NAMES: dict[Network, str] = {Network.FACEBOOK: "Facebook", Network.INSTAGRAM: "Instagram", Network.LINKEDIN: "LinkedIn",
                 Network.TIKTOK: "TikTok"}  # fmt: skip

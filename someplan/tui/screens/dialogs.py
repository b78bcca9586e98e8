"""Small modal questions (a line of text, yes or no, a list to read) and what the editors' forms share."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from someplan.i18n import N_
from someplan.textsafe import literal
from someplan.tui.language import Caption


def form_field(label: str, widget: Widget) -> Vertical:
    """A form's field: its label (marked with `N_`, it follows the language), the widget, and
    beneath it the line `show_errors` fills, `#error-<widget id>`."""
    return Vertical(
        Caption(label, classes="field-label"), widget, Static("", classes="error", id=f"error-{widget.id}", markup=False),
        classes="field",
    )  # fmt: skip


def show_errors(screen: Screen, errors: dict[str, str]) -> None:
    """Each field's error (by widget id) beneath it, and the others' cleared."""
    for line in screen.query(".field > .error").results(Static):
        line.update(errors.get((line.id or "").removeprefix("error-"), ""))


def kept_text(shown: str, stored: str, keep_newlines: bool = False) -> str:
    """What a text field saves: the stored text when the field still shows it (control characters
    are shown escaped, see `literal`, and must not be saved escaped), else what was typed."""
    return stored if shown.strip() == literal(stored, keep_newlines=keep_newlines).strip() else shown


class Ask(ModalScreen[str | None]):
    """One line of input; enter answers, esc cancels. `check` returns an error or None."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="dialog.cancel")]

    def __init__(self, question: str, value: str = "", placeholder: str = "", check=None) -> None:
        super().__init__()
        self.question, self.value, self.placeholder, self.check = question, value, placeholder, check

    def compose(self):
        with Vertical(classes="dialog"):
            yield Label(self.question, markup=False)
            yield Input(self.value, placeholder=self.placeholder, id="ask-input")
            yield Static("", classes="error", id="ask-error", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        error = self.check(event.value) if self.check else None
        if error:
            self.query_one("#ask-error", Static).update(error)
            return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class Confirm(ModalScreen[bool]):
    BINDINGS = [
        Binding("y,j", "answer(True)", N_("Yes"), id="confirm.yes"),
        Binding("n,escape", "answer(False)", N_("No"), id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self):
        with Vertical(classes="dialog"):
            yield Label(self.question, markup=False)
            yield Caption(N_("y: yes   n / esc: no"), classes="hint")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class ShowList(ModalScreen[None]):
    """A titled list of lines (problems from doctor, help); any of esc, q, enter closes it."""

    BINDINGS = [Binding("escape,q,enter", "close", N_("Close"), id="list.close")]

    def on_mount(self) -> None:
        self.query_one("#list-scroll").focus()  # arrows and page keys scroll

    def __init__(self, title: str, lines: Sequence[Text | str]) -> None:
        super().__init__()
        self.title_text, self.lines = title, lines

    def compose(self):
        with Vertical(classes="dialog wide"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            body = Text()
            for line in self.lines:
                body.append_text(line if isinstance(line, Text) else Text(literal(line)))
                body.append("\n")
            with VerticalScroll(id="list-scroll"):  # help is longer than a 24-line terminal
                yield Static(body, markup=False, id="list-body")

    def action_close(self) -> None:
        self.dismiss(None)

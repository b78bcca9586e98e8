"""`S` in the week plan: the selected post's purpose and, for earned content, whose it is, what
they allowed and until when. The format and the surface have their keys (`O`, `X`); these are
words and a date, so they get a small form of their own beside the post editor."""

from __future__ import annotations

import dataclasses
import datetime as dt

from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from someplan.domain.post import Post, Surface
from someplan.i18n import N_, _
from someplan.services.errors import UserError
from someplan.services.user_input import parse_date
from someplan.textsafe import literal
from someplan.tui.language import Caption
from someplan.tui.screens.dialogs import kept_text


class PostStrategy(ModalScreen[Post | None]):
    """Returns the post with the fields as typed (None: cancelled)."""

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="strategy.save", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="strategy.cancel"),
    ]

    def __init__(self, post: Post, today: dt.date) -> None:
        super().__init__()
        self.post, self.today = post, today

    def compose(self):
        p = self.post
        with Vertical(classes="dialog", id="post-strategy"):
            yield Static(literal(p.title) or _("(untitled)"), classes="dialog-title", markup=False)
            yield Caption(N_("Purpose, in your words"), classes="field-label")
            yield Input(literal(p.purpose), id="strategy-purpose", placeholder=_("recruiting"))
            yield Caption(N_("Earned content: whose post or photo it is"), classes="field-label")
            yield Input(literal(p.source), id="strategy-source", placeholder=_("Maria Olsen (guest)"))
            with Horizontal(classes="row"):
                with Vertical(classes="field"):
                    yield Caption(N_("What they allowed"), classes="field-label")
                    yield Input(literal(p.permission), id="strategy-permission", placeholder=_("the photo, on Instagram"))
                with Vertical(classes="field"):
                    yield Caption(N_("Until (empty: no end)"), classes="field-label")
                    yield Input(p.permission_until.isoformat() if p.permission_until else "", id="strategy-until",
                                placeholder="2026-12-31")  # fmt: skip
            yield Static("", classes="error", id="strategy-error", markup=False)
            yield Caption(N_("a source makes the post earned · ctrl+s save · esc cancel"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#strategy-purpose", Input).focus()

    def action_save(self) -> None:
        p = self.post
        text = lambda name: self.query_one(f"#strategy-{name}", Input).value.strip()  # noqa: E731
        try:
            until = parse_date(text("until"), self.today) if text("until") else None
        except UserError as error:
            self.query_one("#strategy-error", Static).update(str(error))
            return
        source = kept_text(text("source"), p.source).strip()
        # Naming whose content it is makes it earned; a paid boost of it stays paid.
        surface = Surface.EARNED if source and p.surface in (None, Surface.OWNED) else p.surface
        self.dismiss(dataclasses.replace(
            p, purpose=kept_text(text("purpose"), p.purpose).strip(), source=source,
            permission=kept_text(text("permission"), p.permission).strip(), permission_until=until, surface=surface,
        ))  # fmt: skip

    def action_cancel(self) -> None:
        self.dismiss(None)

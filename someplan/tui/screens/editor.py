"""The post editor: every field of a post, checked beside the field, saved with ctrl+s.

Saving writes only the fields the user changed since the editor opened, so a colleague's edit
of another field that arrived meanwhile is kept. When a colleague changes the open post, a
banner names the fields; nothing is replaced under the user's cursor.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Static, TextArea
from textual.widgets.select import NoSelection

from someplan.domain.post import FIGURE_FIELDS, FunnelStage, Post, Status
from someplan.i18n import N_, _, ngettext
from someplan.services.errors import UserError
from someplan.services.user_input import parse_date, parse_time
from someplan.textsafe import literal
from someplan.tui import labels
from someplan.tui.language import Caption
from someplan.tui.planner_app import planner_app
from someplan.tui.screens.dialogs import Confirm, form_field, kept_text, show_errors

MAX_COUNT_DIGITS = 12

FIGURE_LABELS = {"reach": N_("Reach"), "views": N_("Views"), "reactions": N_("Reactions"), "comments": N_("Comments"),
                 "shares": N_("Shares"), "clicks": N_("Clicks"), "saves": N_("Saves"), "video_views": N_("Video views"),
                 "followers": N_("Followers")}  # fmt: skip
# A post's fields by name, for the notice that a colleague changed some of them.
FIELD_LABELS = {"title": N_("Title"), "date": N_("Date"), "time": N_("Time"), "status": N_("Status"),
                "channel": N_("Channel"), "category": N_("Category"), "funnel": N_("Funnel"), "caption": N_("Caption"),
                "owner": N_("Owner"), "link": N_("Link"), "assets": N_("Assets"), "notes": N_("Notes"),
                **FIGURE_LABELS}  # fmt: skip


class PostEditor(ModalScreen[Post | None]):
    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="editor.save", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="editor.cancel"),
    ]

    def __init__(self, post: Post, channels: list, categories: list, today: dt.date, is_new: bool,
                 asset_hint: str = "") -> None:  # fmt: skip
        super().__init__()
        self.asset_hint = asset_hint  # the post's assets, found or missing in the asset folder
        self.original = post
        self.channels, self.categories, self.today, self.is_new = channels, categories, today, is_new

    # -- layout ----------------------------------------------------------------------------------

    def compose(self):
        post = self.original
        with Vertical(id="editor"):
            yield Caption(N_("New post") if self.is_new else N_("Edit post"), id="editor-title")
            yield Static("", id="editor-flag", markup=False)
            with VerticalScroll(id="editor-form"):
                yield form_field(N_("Title"), Input(literal(post.title), id="title"))
                if post.contributor:  # a colleague's idea: credited wherever the post is shown
                    yield Static(
                        _("Idea from {name}").format(name=literal(self._contributor_name())), id="editor-credit", markup=False
                    )
                with Horizontal(classes="row"):
                    yield form_field(N_("Date"), Input(labels.date_field(post.date), placeholder="23.11.2026", id="date"))
                    yield form_field(
                        N_("Time"), Input(post.time.strftime("%H:%M") if post.time else "", placeholder="09:30", id="time")
                    )
                    yield form_field(
                        N_("Status"),
                        Select(
                            [(labels.status(s.value), s.value) for s in Status],
                            value=post.status.value,
                            allow_blank=False,
                            id="status",
                        ),
                    )
                with Horizontal(classes="row"):
                    yield form_field(
                        N_("Channel"),
                        Select(
                            [(Text(literal(c.name)), c.id) for c in self.channels],
                            value=self._choice(post.channel, self.channels),
                            prompt=_("Select"),
                            id="channel",
                        ),
                    )
                    yield form_field(
                        N_("Category"),
                        Select(
                            [(Text(literal(c.name)), c.id) for c in self.categories],
                            value=self._choice(post.category, self.categories),
                            prompt=_("Select"),
                            id="category",
                        ),
                    )
                    yield form_field(
                        N_("Funnel"),
                        Select(
                            [(labels.funnel(f.value), f.value) for f in FunnelStage],
                            value=post.funnel.value if post.funnel else Select.NULL,
                            prompt=_("Select"),
                            id="funnel",
                        ),
                    )
                yield form_field(N_("Caption"), TextArea(literal(post.caption, keep_newlines=True), id="caption", soft_wrap=True))
                with Horizontal(classes="row"):
                    yield form_field(N_("Owner"), Input(literal(post.owner), id="owner"))
                    yield form_field(N_("Link"), Input(literal(post.link), id="link"))
                yield form_field(
                    N_("Assets (comma-separated, inside the asset folder)"), Input(literal(", ".join(post.assets)), id="assets")
                )
                if self.asset_hint:
                    yield Static(literal(self.asset_hint), id="assets-hint", markup=False)
                yield form_field(N_("Notes"), TextArea(literal(post.notes, keep_newlines=True), id="notes", soft_wrap=True))
                with Horizontal(classes="row figures"):
                    for name in (*FIGURE_FIELDS, "followers"):
                        value = getattr(post, name)
                        yield form_field(
                            FIGURE_LABELS[name], Input("" if value is None else str(value), id=name, classes="count")
                        )
                # The counts' fields are a few columns wide: their error takes the row's width.
                yield Vertical(Static("", classes="error", id="error-figures", markup=False), classes="field")
            yield Caption(N_("ctrl+s save · esc cancel · tab next field"), classes="hint")

    def _contributor_name(self) -> str:
        person = planner_app(self).catalog.workspace.get("people", self.original.contributor) or {}
        return str(person.get("name") or _("removed person"))

    @staticmethod
    def _choice(value, records):
        return value if any(r.id == value for r in records) else Select.NULL

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()
        self._initial = self._form_values()

    def on_resize(self, event) -> None:
        # Under 100 columns the nine counts take two lines (app.tcss), so each keeps its label.
        self.set_class(event.size.width < 100, "narrow")

    def _form_values(self) -> dict[str | None, Any]:
        values: dict[str | None, Any] = {w.id: w.value for w in self.query(Input)}
        values |= {w.id: w.text for w in self.query(TextArea)}
        values |= {w.id: w.value for w in self.query(Select)}
        return values

    # -- reading the form ------------------------------------------------------------------------

    def _read(self) -> tuple[Post | None, dict[str, str]]:
        errors: dict[str, str] = {}
        text = lambda name: self.query_one(f"#{name}", Input).value.strip()  # noqa: E731
        post = self.original
        fields: dict[str, Any] = {name: kept_text(text(name), getattr(post, name)).strip() for name in ("title", "owner", "link")}
        if not fields["title"]:
            errors["title"] = _("A post needs a title.")
        for name in ("caption", "notes"):
            fields[name] = kept_text(self.query_one(f"#{name}", TextArea).text, getattr(post, name), keep_newlines=True)
        try:
            fields["date"] = parse_date(text("date"), self.today) if text("date") else None
        except UserError:
            errors["date"] = _("Use a date like 23.11.2026 or 2026-11-23.")
        try:
            fields["time"] = parse_time(text("time")) if text("time") else None
        except UserError:
            errors["time"] = _("Use a time like 09:30.")
        status: Any = self.query_one("#status", Select).value  # allow_blank=False: always a status
        fields["status"] = Status(status)
        for name in ("channel", "category"):
            value = self.query_one(f"#{name}", Select).value
            fields[name] = None if value is Select.NULL else value
        funnel = self.query_one("#funnel", Select).value
        fields["funnel"] = None if isinstance(funnel, NoSelection) else FunnelStage(funnel)
        shown_assets = text("assets")
        if shown_assets == self._initial.get("assets", "").strip():
            assets = list(post.assets)
        else:
            assets = [a.strip() for a in shown_assets.split(",") if a.strip()]
        bad = [a for a in assets if a.startswith(("/", "\\")) or ".." in a.replace("\\", "/").split("/")]
        if bad:
            errors["assets"] = _("Paths stay inside the asset folder: no '..' and no absolute paths.")
        fields["assets"] = tuple(assets)
        wrong = []
        for name in (*FIGURE_FIELDS, "followers"):
            raw = text(name).replace(" ", "").replace("\u00a0", "")
            if not raw:
                fields[name] = None
            elif raw.isascii() and raw.isdigit() and len(raw) <= MAX_COUNT_DIGITS:
                fields[name] = int(raw)
            else:
                wrong.append(_(FIGURE_LABELS[name]))
        if wrong:
            errors["figures"] = _("{fields}: a whole number, like 1250.").format(fields=", ".join(wrong))
        show_errors(self, errors)
        if errors:  # the first one in view: the form scrolls, and a cut message says nothing
            self.query_one(f"#error-{next(iter(errors))}").scroll_visible(animate=False)
        if errors:
            return None, errors
        return dataclasses.replace(self.original, **fields), errors

    @property
    def dirty(self) -> bool:
        return self._form_values() != self._initial

    # -- actions ---------------------------------------------------------------------------------

    def action_save(self) -> None:
        post, errors = self._read()
        if errors:
            count = len(errors)
            self.notify(
                ngettext("{count} field needs a look", "{count} fields need a look", count).format(count=count),
                severity="warning",
            )
            return
        self.dismiss(post)

    def action_cancel(self) -> None:
        if not self.dirty:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(Confirm(_("Discard your changes to this post?")), answered)

    def colleague_changed(self, who: str, fields: list[str]) -> None:
        """Called by the main screen when another device changed this post meanwhile."""
        if not fields:
            return
        self.query_one("#editor-flag", Static).update(
            _("⚠ {who} changed this post meanwhile ({fields}). Saving keeps their changes to fields you did not "
              "touch; their values stay in the history.").format(
                who=who, fields=", ".join(_(FIELD_LABELS[f]).lower() if f in FIELD_LABELS else f for f in fields))
        )  # fmt: skip
        self.add_class("flagged")

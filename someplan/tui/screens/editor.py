"""The post editor: every field of a post on one line each, checked beside the field, saved with ctrl+s.

One-line fields, so that title to caption fit on an 80x24 terminal; what a post has less often
(funnel, assets, notes, the key figures) is below. Saving writes only the fields the user changed
since the editor opened, so a colleague's edit of another field that arrived meanwhile is kept.
When a colleague changes the open post, a banner names the fields; nothing is replaced under the
user's cursor.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static, TextArea

from someplan.domain.post import FIGURE_FIELDS, FunnelStage, Post, Status
from someplan.domain.web_address import is_web_address
from someplan.i18n import N_, _, language, ngettext
from someplan.services.errors import UserError
from someplan.services.user_input import parse_date, parse_time
from someplan.textsafe import literal
from someplan.tui import labels
from someplan.tui.language import Caption
from someplan.tui.planner_app import planner_app
from someplan.tui.screens.dialogs import Confirm, kept_text
from someplan.tui.screens.editor_fields import Choice, PeopleField, caption_count
from someplan.tui.screens.paint_first import hold_collection
from someplan.tui.translated_bindings import rebind

MAX_COUNT_DIGITS = 12

FIGURE_LABELS = {"reach": N_("Reach"), "views": N_("Views"), "reactions": N_("Reactions"), "comments": N_("Comments"),
                 "shares": N_("Shares"), "clicks": N_("Clicks"), "saves": N_("Saves"), "video_views": N_("Video views"),
                 "followers": N_("Followers")}  # fmt: skip
# A post's fields by name, for the notice that a colleague changed some of them.
FIELD_LABELS = {"title": N_("Title"), "date": N_("Date"), "time": N_("Time"), "status": N_("Status"),
                "channel": N_("Channel"), "category": N_("Category"), "funnel": N_("Funnel"), "caption": N_("Caption"),
                "owner": N_("Owner"), "link": N_("Link"), "assets": N_("Assets"), "notes": N_("Notes"),
                "people": N_("People"), **FIGURE_LABELS}  # fmt: skip
# Each field's error goes on the line beneath its row, whole (a row holds up to three fields).
ERROR_LINES = {"title": "title", "date": "when", "time": "when", "link": "link", "owner": "link", "assets": "assets",
               "figures": "figures"}  # fmt: skip


def _line(*widgets) -> Horizontal:
    return Horizontal(*widgets, classes="line")


def _label(message: str, first: bool = True) -> Caption:
    return Caption(message, classes="lbl" if first else "lbl next")


def _error(name: str) -> Static:
    return _hidden(Static("", classes="error", id=f"error-{name}", markup=False))


def _hidden(widget: Static) -> Static:
    widget.display = False
    return widget


class PostEditor(Screen[Post | None]):
    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="editor.save", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="editor.cancel"),
    ]

    def __init__(self, post: Post, channels: list, categories: list, today: dt.date, is_new: bool,
                 asset_hint: str = "") -> None:  # fmt: skip
        super().__init__()
        self._set_post(post, channels, categories, today, is_new, asset_hint)
        self.language = language()
        self._styled_at = -1
        self.field: dict[str, Any] = {}  # the form's widgets by id, once mounted

    def _set_post(self, post: Post, channels: list, categories: list, today: dt.date, is_new: bool, asset_hint: str) -> None:
        self.asset_hint = asset_hint  # the post's assets, found or missing in the asset folder
        self.original = post
        self.channels, self.categories, self.today, self.is_new = channels, categories, today, is_new

    # -- layout ----------------------------------------------------------------------------------

    def compose(self):
        # The fields are built empty and filled by `_fill`, which also fills them again when the
        # screen is reused for another post (see `post_editor`).
        with Vertical(id="editor"):
            yield Caption(N_("Edit post"), id="editor-title")
            yield Static("", id="editor-flag", markup=False)
            with VerticalScroll(id="editor-form"):
                yield _line(_label(N_("Title")), Input(id="title", select_on_focus=False))
                yield _hidden(Static("", id="editor-credit", markup=False))
                yield _error("title")
                yield _line(
                    _label(N_("Date")), Input(placeholder="23.11.2026", id="date"),
                    _label(N_("Time"), first=False), Input(placeholder="09:30", id="time"),
                    _label(N_("Status"), first=False), Choice([s.value for s in Status], labels.status, None, id="status"),
                )  # fmt: skip
                yield _error("when")
                yield _line(
                    _label(N_("Channel")), Choice([], str, None, blank=True, id="channel"),
                    _label(N_("Category"), first=False), Choice([], str, None, blank=True, id="category"),
                )  # fmt: skip
                yield _line(_label(N_("People")), PeopleField((), [], self.today, id="people"))
                yield _line(
                    _label(N_("Link")), Input(placeholder="https://", id="link"),
                    _label(N_("Owner"), first=False), Input(id="owner"),
                )  # fmt: skip
                yield _error("link")
                yield _line(_label(N_("Caption")), Static("", id="caption-count", markup=False))
                yield TextArea(id="caption", soft_wrap=True)
                yield _line(
                    _label(N_("Funnel")), Choice([f.value for f in FunnelStage], labels.funnel, None, blank=True, id="funnel"),
                    _label(N_("Assets"), first=False), Input(id="assets"),
                )  # fmt: skip
                yield _error("assets")
                yield _hidden(Static("", id="assets-hint", markup=False))
                yield _line(_label(N_("Notes")))
                yield TextArea(id="notes", soft_wrap=True)
                with Horizontal(id="editor-figures"):
                    for name in (*FIGURE_FIELDS, "followers"):
                        yield Caption(FIGURE_LABELS[name], classes="lbl count-label")
                        yield Input(id=name, classes="count")
                yield _error("figures")
            yield Caption(N_("ctrl+s save · esc cancel · tab next field · ←/→ or enter: choose"), classes="hint")

    def on_mount(self) -> None:
        # Looked up once: the editor is filled again for every post it shows.
        field = {w.id: w for w in self.query("#editor *") if w.id}
        if "title" not in field or not self.app.screen_stack:  # built ahead as the app closed
            return
        self.field = field
        # Textual marks an Input "-valid" the first time its value changes, which restyles it
        # (~1 ms each of the nine the first post fills); nothing styles "-valid", so the form is
        # built with it and showing the first post restyles none of them.
        for widget in field.values():
            if isinstance(widget, Input):
                widget.add_class("-valid")
        self._fill()
        self._styled_at = self.app._css_update_count  # styled as it mounted
        if self not in self.app.screen_stack:  # built ahead (`prebuild`)
            self.call_later(self._lay_out_ahead)

    def _lay_out_ahead(self) -> None:
        """Lay the editor built ahead out at the terminal's size, off screen: its fields learn
        their widths now (the caption's wrapping, the figures' grid) instead of after the first
        `e` has drawn it, which laid it all out a second time (~30 ms on the 3,000-post bench).
        Textual has no public call for it; shown at another size, it is laid out again as always."""
        if self.is_attached and self not in self.app.screen_stack:
            self._refresh_layout(self.app.size)

    def on_screen_resume(self, event) -> None:
        # Runs before Screen's own handler, which restyles every widget of a screen shown again.
        # This one is shown again for every post, and its styles change only with the theme or
        # the CSS (Textual counts those changes; a screen off the stack misses them).
        if self._styled_at == self.app._css_update_count:
            event.refresh_styles = False
        self._styled_at = self.app._css_update_count

    def _choices(self) -> list[Choice]:
        return [w for w in self.field.values() if isinstance(w, Choice)]

    def load(self, post: Post, channels: list, categories: list, today: dt.date, is_new: bool, asset_hint: str = "") -> None:
        """Show another post in this (built, not shown) editor, as if it had just been opened."""
        self._set_post(post, channels, categories, today, is_new, asset_hint)
        if self.language != language():  # switched while the editor was not on screen
            self.language = language()
            for node in (self, *self.walk_children()):
                rebind(node)
                if isinstance(node, Caption):
                    node.retranslate()
        self.remove_class("flagged")
        self.field["editor-flag"].update("")
        self._fill()

    def _fill(self) -> None:
        post = self.original
        title = self.field["editor-title"]
        title.message = N_("New post") if self.is_new else N_("Edit post")
        title.retranslate()
        for name in ("title", "owner", "link"):
            self.field[name].value = literal(getattr(post, name))
        self.field["date"].value = labels.date_field(post.date)
        self.field["time"].value = post.time.strftime("%H:%M") if post.time else ""
        self.field["assets"].value = literal(", ".join(post.assets))
        self.field["assets"].placeholder = _("comma-separated, in the asset folder")
        for name in (*FIGURE_FIELDS, "followers"):
            value = getattr(post, name)
            self.field[name].value = "" if value is None else str(value)
        for name in ("caption", "notes"):
            self.field[name].load_text(literal(getattr(post, name), keep_newlines=True))
        channels = {c.id: c for c in self.channels}
        categories = {c.id: c for c in self.categories}
        self.field["status"].reset([s.value for s in Status], post.status.value)
        self.field["channel"].reset(list(channels), post.channel, lambda c: literal(channels[c].name))
        self.field["category"].reset(list(categories), post.category, lambda c: literal(categories[c].name))
        self.field["funnel"].reset([f.value for f in FunnelStage], post.funnel.value if post.funnel else None)
        for choice in self._choices():
            choice.title = _(FIELD_LABELS[choice.id or ""])
        self.field["people"].reset(post.people, planner_app(self).catalog.people(), post.date or self.today)
        credit = self.field["editor-credit"]
        if post.contributor:  # a colleague's idea: credited wherever the post is shown
            credit.update(_("Idea from {name}").format(name=literal(self._contributor_name())))
        credit.display = bool(post.contributor)
        hint = self.field["assets-hint"]
        hint.update(literal(self.asset_hint))
        hint.display = bool(self.asset_hint)
        self._show_errors({})
        self._show_count()
        self.field["editor-form"].scroll_home(animate=False)
        self.field["title"].focus()
        self._initial = self._form_values()

    def _contributor_name(self) -> str:
        person = planner_app(self).catalog.workspace.get("people", self.original.contributor) or {}
        return str(person.get("name") or _("removed person"))

    def on_resize(self, event) -> None:
        # Under 100 columns the nine counts take three lines (editor.tcss), each keeping its label.
        self.set_class(event.size.width < 100, "narrow")

    def retranslate(self) -> None:
        for choice in self._choices():
            choice.title = _(FIELD_LABELS[choice.id or ""])
            choice.refresh()
        self.field["people"].refresh(layout=True)
        self._show_count()

    def _form_values(self) -> dict[str | None, Any]:
        return {name: w.text if isinstance(w, TextArea) else w.value for name, w in self.field.items()
                if isinstance(w, (Input, TextArea, Choice, PeopleField))}  # fmt: skip

    # -- live hints ------------------------------------------------------------------------------

    def _show_count(self) -> None:
        channel_id = self.field["channel"].value
        channel = next((c for c in self.channels if c.id == channel_id), None)
        text = self.field["caption"].text
        self.field["caption-count"].update(caption_count(text, channel.network if channel else None))

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "caption":
            self._show_count()

    def on_choice_changed(self, event: Choice.Changed) -> None:
        if event.choice.id == "channel":
            self._show_count()

    def on_input_changed(self, event: Input.Changed) -> None:
        # Consent is judged on the day the post goes out.
        if event.input.id == "date" and event.value.strip():
            try:
                day = parse_date(event.value.strip(), self.today)
            except UserError:
                return
            self.field["people"].set_day(day)

    # -- reading the form ------------------------------------------------------------------------

    def _read(self) -> tuple[Post | None, dict[str, str]]:
        errors: dict[str, str] = {}
        text = lambda name: self.field[name].value.strip()  # noqa: E731
        post = self.original
        fields: dict[str, Any] = {name: kept_text(text(name), getattr(post, name)).strip() for name in ("title", "owner", "link")}
        if not fields["title"]:
            errors["title"] = _("A post needs a title.")
        if fields["link"] and fields["link"] != post.link and not is_web_address(fields["link"]):
            errors["link"] = _("Link: a web address starting with http:// or https://, like https://example.no/side.")
        for name in ("caption", "notes"):
            fields[name] = kept_text(self.field[name].text, getattr(post, name), keep_newlines=True)
        try:
            fields["date"] = parse_date(text("date"), self.today) if text("date") else None
        except UserError:
            errors["date"] = _("Date: use a date like 23.11.2026 or 2026-11-23.")
        try:
            fields["time"] = parse_time(text("time")) if text("time") else None
        except UserError:
            errors["time"] = _("Time: use a time like 09:30.")
        fields["status"] = Status(self.field["status"].value)
        for name in ("channel", "category"):
            fields[name] = self.field[name].value
        funnel = self.field["funnel"].value
        fields["funnel"] = FunnelStage(funnel) if funnel else None
        fields["people"] = self.field["people"].value
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
        self._show_errors(errors)
        if errors:
            return None, errors
        return dataclasses.replace(self.original, **fields), errors

    def _show_errors(self, errors: dict[str, str]) -> None:
        lines: dict[str, list[str]] = {}
        for field, message in errors.items():
            lines.setdefault(ERROR_LINES[field], []).append(message)
        for name in set(ERROR_LINES.values()):
            line = self.field[f"error-{name}"]
            shown = " ".join(lines.get(name, []))
            line.update(shown)
            line.display = bool(shown)
        if errors:  # the first one in view: the form scrolls, and a message out of view says nothing
            first = self.field[f"error-{ERROR_LINES[next(iter(errors))]}"]
            self.call_after_refresh(first.scroll_visible, animate=False)

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
        self.field["editor-flag"].update(
            _("⚠ {who} changed this post meanwhile ({fields}). Saving keeps their changes to fields you did not "
              "touch; their values stay in the history.").format(
                who=who, fields=", ".join(_(FIELD_LABELS[f]).lower() if f in FIELD_LABELS else f for f in fields))
        )  # fmt: skip
        self.add_class("flagged")


EDITOR_SCREEN = "post-editor"


def post_editor(app, post: Post, channels: list, categories: list, today: dt.date, is_new: bool,
                asset_hint: str = "") -> PostEditor:  # fmt: skip
    """The app's one editor, filled with `post`. Built once and kept (installed) between posts:
    building its widgets and styling them was most of the time it took to open."""
    if not app.is_screen_installed(EDITOR_SCREEN):
        editor = PostEditor(post, channels, categories, today, is_new, asset_hint)
        app.install_screen(editor, EDITOR_SCREEN)
        return editor
    editor = app.get_screen(EDITOR_SCREEN)
    if editor.field and editor not in app.screen_stack:
        hold_collection(editor)
        editor.load(post, channels, categories, today, is_new, asset_hint)
        return editor
    # Still being built ahead (a key right after the start), or open already: one of its own.
    return PostEditor(post, channels, categories, today, is_new, asset_hint)


def prebuild(app, today: dt.date) -> None:
    """Build the editor while the planner is idle after its first frame: `e` then only fills it."""
    if app.is_screen_installed(EDITOR_SCREEN) or not app.screen_stack or not app.screen_stack[0].is_attached:
        return  # built already, or the planner is closing
    editor = PostEditor(Post(id=""), [], [], today, is_new=True)
    app.install_screen(editor, EDITOR_SCREEN)
    # Composed and mounted off screen; Textual has no public call for it (push_screen shows it).
    app._register(app, editor)

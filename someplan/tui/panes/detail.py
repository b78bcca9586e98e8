"""The selected post in full, beside the week plan (under it, on `D`, where the screen is small):
title, caption with its length against each channel's limit, people and their consent, link,
assets with the first picture, figures and rates, and who changed it last.

The text is drawn at once on every cursor move (one post read from the merged view: well under
a millisecond); the picture is decoded on a worker thread, and only once the cursor has rested
for PICTURE_DELAY_S, so holding `j` through a week does not decode every photo on the way.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.containers import VerticalScroll
from textual.timer import Timer
from textual.widgets import Static

from someplan.domain.channel import Network
from someplan.domain.person import ConsentState
from someplan.i18n import N_, _, language
from someplan.i18n import percent as pct
from someplan.services.post_detail import PersonConsent, PostDetail
from someplan.textsafe import literal
from someplan.tui import labels
from someplan.tui.panes.base import Pane
from someplan.tui.panes.plan import STATUS_GLYPH, STATUS_STYLE
from someplan.tui.picture import graphics_widget, open_picture

if TYPE_CHECKING:
    from someplan.services.assets import AssetIndex

PICTURE_DELAY_S = 0.12
PICTURE_ROWS = 10  # the picture's height in cells (#detail-picture in app.tcss)

FIGURE_LABELS = {
    "reach": N_("Reach"), "views": N_("Views"), "reactions": N_("Reactions"), "comments": N_("Comments"),
    "shares": N_("Shares"), "clicks": N_("Clicks"), "saves": N_("Saves"), "video_views": N_("Video views"),
}  # fmt: skip
NETWORK_NAMES = {Network.FACEBOOK: "Facebook", Network.INSTAGRAM: "Instagram", Network.LINKEDIN: "LinkedIn",
                 Network.TIKTOK: "TikTok"}  # fmt: skip


def count(value: int) -> str:
    """ "63 206" in Bokmål (a no-break space between thousands), "63,206" in English."""
    return f"{value:,}".replace(",", "\u00a0" if language() == "nb" else ",")


def consent_text(person: PersonConsent) -> Text:
    until = labels.day(person.until, year=True) if person.until else ""
    if person.state is ConsentState.MISSING:
        return Text(_("⚠ no consent"), style="bold yellow")
    if person.state is ConsentState.EXPIRED:
        return Text(_("⚠ consent ended {day}").format(day=until), style="bold yellow")
    shown = _("✓ consent until {day}").format(day=until) if until else _("✓ consent")
    return Text(shown, style="yellow" if person.state is ConsentState.EXPIRING else "green")


def _heading(text: Text, label: str) -> None:
    text.append(f"\n{label}", style="bold")


def detail_text(detail: PostDetail) -> Text:
    """Everything but the picture, as one text (user text literal: never markup)."""
    post = detail.post
    text = Text()
    text.append(literal(post.title) or _("(no title)"), style="bold")
    status = post.status.value
    line = Text("\n")
    line.append(f"{STATUS_GLYPH.get(status, '?')} {labels.status(status)}", style=STATUS_STYLE.get(status, ""))
    if post.date:
        when = labels.day(post.date, weekday="short") + (f" {post.time:%H:%M}" if post.time else "")
        line.append(f" · {when}")
    if detail.channel:
        line.append(" · ")
        line.append(literal(detail.channel), style="cyan")
    if detail.category:
        line.append(" · ")
        line.append("■ ", style=detail.colour or "white")
        line.append(literal(detail.category))
    text.append_text(line)

    _heading(text, _("Caption"))
    text.append("  " + _("{count} characters").format(count=count(detail.caption_length)), style="dim")
    for limit in detail.limits:
        style = "bold red" if limit.over else "green"
        mark = "✗" if limit.over else "✓"
        name = NETWORK_NAMES.get(limit.network, limit.network.value)
        text.append(f"  {mark} {name} {count(detail.caption_length)}/{count(limit.limit)}", style=style)
    text.append("\n")
    caption = post.caption.strip()
    text.append(literal(post.caption, keep_newlines=True) if caption else _("(no caption)"), style="" if caption else "dim")

    if detail.people:
        _heading(text, _("People"))
        for person in detail.people:
            text.append("\n  " + literal(person.name) + "  ")
            text.append_text(consent_text(person))
    if post.link:
        _heading(text, _("Link"))
        text.append("  " + literal(post.link))
    if post.assets:
        _heading(text, _("Assets"))
        for ref in post.assets:
            text.append("\n  " + literal(ref), style="cyan")

    _heading(text, _("Figures"))
    if detail.figures:
        shown = " · ".join(f"{_(FIGURE_LABELS[name]).lower()} {count(value)}" for name, value in detail.figures)
        text.append("\n  " + shown)
        rates = _("reach {reach} of followers · engagement {engagement} of reach").format(
            reach=pct(detail.reach_rate), engagement=pct(detail.engagement_rate))
        text.append("\n  " + rates)
        if detail.numerator:
            text.append("\n  " + _("engagements: {counts}").format(counts=detail.numerator), style="dim")
    else:
        text.append("  " + _("none yet"), style="dim")

    if detail.changed:
        changed = detail.changed
        day = labels.day(changed.when.date(), year=changed.other_year)
        who = _("{who} (you)").format(who=literal(changed.who)) if changed.mine else literal(changed.who)
        text.append("\n\n" + _("Changed by {who}, {day} {time}").format(who=who, day=day, time=f"{changed.when:%H:%M}"),
                    style="dim")  # fmt: skip
    return text


class DetailScroll(VerticalScroll):
    """Focusable, so a long caption can be scrolled with the arrows (`5` or tab reach it)."""

    can_focus = True


class DetailPane(Pane):
    TITLE = N_("Post")
    NUMBER = 5

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.detail: PostDetail | None = None
        self._picture_for: tuple[str, ...] | None = None  # (root, reference, size) drawn or being drawn
        self._picture_timer: Timer | None = None
        self._assets: AssetIndex | None = None
        self._picture_missing = False  # the file was not found: looked for again as the folder changes
        self._picture_drawn: tuple[str, ...] | None = None

    @property
    def picture_pending(self) -> bool:
        """A picture is wanted and not drawn yet (waiting for the cursor to rest, or decoding)."""
        return self._picture_for is not None and self._picture_drawn != self._picture_for

    def compose(self):
        with DetailScroll(id="detail-scroll"):
            yield Static(id="detail-text", markup=False)
            graphics = graphics_widget()
            # The terminal's own graphics where it has them (textual-image), else half-blocks.
            yield graphics(id="detail-picture") if graphics else Static(id="detail-picture", markup=False)

    @property
    def main(self) -> DetailScroll:
        return self.query_one(DetailScroll)

    def show(self, detail: PostDetail | None, assets: AssetIndex | None) -> None:
        """Draw `detail` (None: nothing selected); the picture follows once the cursor rests.
        `assets` finds the picture's file as the hint and `o` do (None: no asset folder)."""
        self.detail = detail
        self._assets = assets
        body = self.query_one("#detail-text", Static)
        if detail is None:
            body.update(Text(_("No post selected. n makes one on the selected day."), style="dim"))
        else:
            body.update(detail_text(detail))
        wanted = self._wanted_picture(detail, assets.root if assets else None)
        if wanted == self._picture_for:
            return
        self._picture_for = wanted
        self._picture_missing = False
        picture = self.query_one("#detail-picture")
        picture.display = wanted is not None
        self._clear_picture()
        if self._picture_timer is not None:
            self._picture_timer.stop()
            self._picture_timer = None
        if wanted is not None:
            self._picture_timer = self.set_timer(PICTURE_DELAY_S, lambda: self._start_picture(wanted))

    def _wanted_picture(self, detail: PostDetail | None, root: Path | None) -> tuple[str, ...] | None:
        if detail is None or root is None or not detail.images:
            return None
        columns = max(8, (self.main.scrollable_content_region.width or self.size.width) - 1)
        return (str(root), detail.images[0], str(columns))

    def _start_picture(self, wanted: tuple[str, ...]) -> None:
        self._picture_timer = None
        if wanted != self._picture_for:
            return
        self.run_worker(lambda: self._decode(wanted), thread=True, exclusive=True, group="detail-picture")

    def _decode(self, wanted: tuple[str, ...]) -> None:
        from someplan.domain.assets import BadReference
        from someplan.services.assets import resolve_reference
        from someplan.tui.screens.asset_preview import half_block_lines

        root, ref, columns = wanted
        try:
            path = resolve_reference(Path(root), ref)
        except BadReference as error:
            drawn: Text = Text(str(error), style="dim")
        else:
            assets = self._assets
            indexed = assets is not None and assets.ready
            if assets is not None and indexed and (key := assets.find(ref)) is not None:
                path = assets.disk_path(key)  # the index knows the legacy `assets/` prefix and the disk's spelling
            if not path.is_file():
                self._deliver(wanted, Text(_("(missing from the asset folder)"), style="dim"), missing=True, indexed=indexed)
                return
            if graphics_widget() is not None:
                try:
                    image = open_picture(path, int(columns), PICTURE_ROWS)
                except Exception as error:  # noqa: BLE001 - Pillow raises many kinds for a bad file
                    drawn = Text(_("(cannot draw this file: {reason})").format(reason=type(error).__name__), style="dim")
                else:
                    self._deliver(wanted, image)
                    return
            else:
                lines = half_block_lines(path, int(columns), PICTURE_ROWS)
                drawn = Text(lines, style="dim") if isinstance(lines, str) else Text("\n").join(lines)
        self._deliver(wanted, drawn)

    def _deliver(self, wanted: tuple[str, ...], drawn, missing: bool = False, indexed: bool = True) -> None:
        try:
            self.app.call_from_thread(self._put_picture, wanted, drawn, missing, indexed)
        except RuntimeError:
            pass  # the app is closing

    def _put_picture(self, wanted: tuple[str, ...], drawn, missing: bool = False, indexed: bool = True) -> None:
        if wanted != self._picture_for or not self.is_mounted:  # the cursor moved on meanwhile
            return
        if self._pruning:  # the planner is closing: Textual takes the pane down, its children first
            return
        if missing and not indexed and self._assets is not None and self._assets.ready:
            # Looked for before the asset index was read, and the index came meanwhile (its
            # `assets_changed` found nothing missing yet): look again, through the index.
            self.run_worker(lambda: self._decode(wanted), thread=True, exclusive=True, group="detail-picture")
            return
        self._picture_drawn = wanted
        self._picture_missing = missing
        picture: Any = self.query_one("#detail-picture")  # a Static, or textual-image's widget
        if isinstance(picture, Static):
            picture.update(drawn if isinstance(drawn, Text) else "")
        else:  # textual-image's widget: a picture, or nothing (the note goes in the text)
            picture.image = None if isinstance(drawn, Text) else drawn

    def _clear_picture(self) -> None:
        picture: Any = self.query_one("#detail-picture")
        if isinstance(picture, Static):
            picture.update("")
        else:
            picture.image = None

    def on_resize(self) -> None:
        # The picture is made for the pane's width (drawn first before the layout has one).
        if self._picture_for is not None:
            self.show(self.detail, self._assets)

    def assets_changed(self) -> None:
        """The asset folder was read or changed: a picture not found before may be there now."""
        if self._picture_missing:
            self._picture_for = None
            self.show(self.detail, self._assets)

    def retranslate(self) -> None:
        super().retranslate()
        self._picture_for = None  # the screen redraws the text; a missing file's note is in words

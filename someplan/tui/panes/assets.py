"""The asset folder: its files, newest first, with the posts that use each; new ones marked,
missing ones (referenced by a post, not in the folder) on top.

`/` filters (new, unused, unused:6, top, missing, folder:, type:, category:, words of the name),
`a` attaches the asset to the post selected in the week plan, `n` makes a new post from it,
`enter` previews it. The pane only shows; the screen reads, writes and coordinates.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from someplan.domain.assets import AssetRow
from someplan.i18n import N_, _, ngettext
from someplan.textsafe import literal
from someplan.tui import labels
from someplan.tui.panes.base import Pane

KIND_MARK = {"image": "▣", "video": "▶", "other": "≡"}


def size_text(size: float) -> str:
    for unit in ("B", "KB", "MB"):
        if size < 1024:
            return f"{size:.0f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


class AssetList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", N_("Down"), show=False, id="assets.down"),
        Binding("k", "cursor_up", N_("Up"), show=False, id="assets.up"),
    ]


class AssetsPane(Pane):
    TITLE = N_("Assets")
    NUMBER = 3
    BINDINGS = [
        Binding("a", "screen.attach_asset", N_("Attach"), id="assets.attach"),
        Binding("n", "screen.new_post_from_asset", N_("New post"), id="assets.new_post"),
        Binding("slash", "screen.filter_assets", N_("Filter"), id="assets.filter"),
        # The list answers enter itself (OptionSelected → preview); listed here for help and keymaps.
        Binding("enter", "screen.preview_asset", N_("Preview"), id="assets.preview", show=False),
    ]

    class Looked(Message):
        """The user turned to the assets pane (what is there is no longer new next time)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.query_text = ""
        self._shown: tuple | None = None

    def compose(self):
        yield Static(_("Reading the asset folder…"), id="assets-status", markup=False)
        yield AssetList(id="assets-list", markup=False)

    @property
    def main(self) -> OptionList:
        return self.query_one(AssetList)

    @property
    def selected_path(self) -> str | None:
        option = self.main.highlighted_option
        return option.id.removeprefix("asset:") if option and option.id and option.id.startswith("asset:") else None

    # -- drawing ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        self._shown = None  # the screen draws the list again

    def show_progress(self, files: int) -> None:
        count = f"{files:,}".replace(",", "\u00a0")
        shown = ngettext("Indexing the asset folder… {count} file", "Indexing the asset folder… {count} files", files)
        self._status_line(Text(shown.format(count=count), style="italic"))

    def show(self, listing) -> None:
        """Draw an `AssetList` (services.assets); nothing is rebuilt when nothing changed."""
        key = (tuple(listing.rows), listing.total, listing.matched, listing.new, listing.unused, self.query_text)
        if key == self._shown:
            return
        self._shown = key
        self._status(listing)
        widget = self.main
        previous = self.selected_path
        widget.clear_options()
        if not listing.rows:
            empty = _("No asset matches the filter.") if self.query_text else _("The asset folder is empty.")
            widget.add_option(Option(Text(empty, style="dim"), disabled=True))
            return
        # Made into Textual's Content here, as the list would on its first draw: the files are
        # listed when the folder is read or changes, and `3` then draws them without making
        # 200 of them (~8 ms on the 3,000-post bench).
        console = self.app.console
        options = [Option(Content.from_rich_text(_row_text(row), console), id=f"asset:{row.path}") for row in listing.rows]
        if listing.matched > len(listing.rows):
            more = listing.matched - len(listing.rows)
            options.append(Option(Text(_("… and {count} more: narrow with /").format(count=more), style="dim"), disabled=True))
        widget.add_options(options)  # one layout pass, not one per file
        if previous is not None:
            try:
                widget.highlighted = widget.get_option_index(f"asset:{previous}")
            except Exception:  # noqa: BLE001 - the asset is gone or filtered out
                pass

    def _status(self, listing) -> None:
        nbsp = "\u00a0"  # no-break spaces: plain ones are trimmed where the line is cut

        def shown(message: str, **counts) -> str:
            return message.format(**counts).replace(" ", nbsp)

        total = f"{listing.total:,}".replace(",", nbsp)
        text = Text(shown(ngettext("{count} file", "{count} files", listing.total), count=total))
        if listing.new:
            text.append(
                nbsp + "·" + nbsp + shown(ngettext("{count} new", "{count} new", listing.new), count=listing.new),
                style="bold green",
            )
        text.append(
            nbsp + "·" + nbsp + shown(ngettext("{count} unused", "{count} unused", listing.unused), count=listing.unused),
            style="dim",
        )
        if listing.missing:
            missing = shown(ngettext("⚠ {count} missing", "⚠ {count} missing", listing.missing), count=listing.missing)
            text.append(nbsp + "·" + nbsp + missing, style="bold yellow")
        if listing.refused:
            refused = shown(ngettext("⚠ {count} refused", "⚠ {count} refused", listing.refused), count=listing.refused)
            text.append(nbsp + "·" + nbsp + refused, style="bold red")
        if self.query_text:
            text.append(f"{nbsp}·{nbsp}")
            text.append(
                _("filter: {words} ({count})").format(words=literal(self.query_text), count=listing.matched), style="reverse"
            )
        self._status_line(text)

    def _status_line(self, text: Text) -> None:
        # The scan reports from its thread: a report that lands as the planner closes finds the
        # pane's widgets already gone, and is dropped rather than raised in a closing app.
        for status in self.query("#assets-status").results(Static):
            status.update(text)

    def on_descendant_focus(self, event) -> None:
        self.post_message(self.Looked())

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.call_later(self.app.run_action, "screen.preview_asset")


def _row_text(row: AssetRow) -> Text:
    if row.refused:
        text = Text("⚠ ", style="bold red")
        text.append(literal(row.path), style="red")
        text.append("  " + _("refused: outside the asset folder, not read"), style="bold red")
    elif row.missing:
        text = Text("⚠ ", style="bold yellow")
        text.append(literal(row.path), style="yellow")
        text.append("  " + _("missing"), style="bold yellow")
    else:
        text = Text("● " if row.is_new else "  ", style="bold green")
        text.append(f"{KIND_MARK.get(row.kind, '≡')} ", style="dim")
        text.append(literal(row.path), style="bold" if not row.post_ids else "")
        text.append(f"  {size_text(row.size)} · {labels.day(dt.date.fromtimestamp(row.modified), year=True)}", style="dim")
    if row.post_ids:
        titles = list(dict.fromkeys(row.titles))  # one post on two channels is one title
        text.append(f"\n    ↳ {used_text(row)}: ", style="cyan")
        text.append(literal(", ".join(titles)), style="cyan")
    else:
        text.append("\n    ↳ " + _("not used yet"), style="dim italic")
    return text


def used_text(row: AssetRow) -> str:
    """ "6×, last 24. nov 2026": how often the posts used the file, and when last."""
    if row.last_used:
        return _("{uses}×, last {day}").format(uses=row.uses, day=labels.day(row.last_used, year=True))
    return f"{row.uses}×"

"""The ideas inbox (`i`): what colleagues dropped into the ideas folder, live.

The folder is read in a thread worker and watched with the asset watcher (complete files only,
sync tools' temp files ignored); what it reports before the first read is in is applied after.
`enter` makes a draft of the selected idea, `x` sets it aside or brings it back, `a` shows
every idea or only the new ones. The dropped files are only ever read.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Static

from someplan.domain.ideas import IdeaState
from someplan.i18n import N_, _, ngettext
from someplan.services import ideas as inbox
from someplan.services.asset_watch import AssetWatcher
from someplan.services.assets import scan_folder
from someplan.textsafe import literal
from someplan.tui import labels
from someplan.tui.footer import Footer
from someplan.tui.messages import WorkspaceChanged
from someplan.tui.planner_app import planner_app
from someplan.tui.write_guard import attempt

KINDS = {"note": N_("note"), "image": N_("photo"), "video": N_("video"), "audio": N_("voice memo"), "other": N_("file")}
STATES = {IdeaState.NEW: N_("new"), IdeaState.DRAFTED: N_("made a draft"), IdeaState.SET_ASIDE: N_("set aside")}


def kind_label(kind: str) -> str:
    return _(KINDS[kind]) if kind in KINDS else _("file")


class InboxScreen(Screen):
    CSS_PATH = "../inbox.tcss"  # beside app.tcss, shipped with it
    BINDINGS = [
        Binding("enter", "draft", N_("Make a draft"), id="inbox.draft"),
        Binding("x", "set_aside", N_("Set aside / bring back"), id="inbox.set_aside"),
        Binding("a", "toggle_all", N_("All / new"), id="inbox.all"),
        Binding("escape,q", "close", N_("Back"), id="inbox.close"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.box: inbox.IdeaBox | None = None
        self.ideas: list[inbox.Idea] = []
        self.everything = False
        self.updates = 0  # watcher batches applied: tests wait on it
        self.drafted: list[str] = []  # post ids made here, for the main screen to show
        self._pending: list | None = []
        self._watcher: AssetWatcher | None = None

    @property
    def catalog(self):
        return self.app.catalog

    def compose(self):
        yield Static("", id="inbox-header", markup=False)
        table = DataTable(id="inbox-table", cursor_type="row")
        self._add_columns(table)
        yield table
        yield Static("", id="inbox-preview", markup=False)
        yield Footer()

    @staticmethod
    def _add_columns(table: DataTable) -> None:
        table.add_column(_("When"))
        table.add_column(_("From"), width=16)
        table.add_column(_("Kind"))
        table.add_column(_("Idea"))

    def retranslate(self) -> None:
        table = self.query_one(DataTable)
        table.clear(columns=True)
        self._add_columns(table)
        self.show()

    def on_mount(self) -> None:
        root = inbox.ideas_root(self.catalog)
        self.box = inbox.IdeaBox(root, self.catalog.workspace.devices())
        self.show()
        self.query_one(DataTable).focus()
        if getattr(self.app, "_watch", False):
            try:  # before the first read, so nothing dropped meanwhile is missed
                self._watcher = AssetWatcher(root, self._from_watcher).start()
            except OSError as error:
                self.notify(_("The ideas folder is not watched: {error}").format(error=error), severity="warning", markup=False)
        self.run_worker(self._read, thread=True, exclusive=True, group="ideas")

    def on_unmount(self) -> None:
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None

    def _read(self) -> None:
        shown = self.box
        assert shown is not None  # made as the screen mounts, before this worker starts
        root = shown.root
        entries = scan_folder(root) if root.is_dir() else {}
        box = inbox.IdeaBox(root, shown.devices)
        box.load(entries)  # fingerprints and notes read here, off the UI thread
        self._call(self._read_done, box)

    def _call(self, callback, *args) -> None:
        try:
            self.app.call_from_thread(callback, *args)
        except RuntimeError:
            pass  # the app is closing

    def _read_done(self, box: inbox.IdeaBox) -> None:
        if not self.is_attached:  # closed while the folder was read
            return
        self.box = box
        pending, self._pending = self._pending or [], None
        box.apply(pending)
        self.show()

    def _from_watcher(self, changes: list) -> None:
        self._call(self._changed, changes)

    def _changed(self, changes: list) -> None:
        if not self.is_attached:  # a batch the watcher queued before the screen closed
            return
        if self._pending is not None:
            self._pending.extend(changes)
            return
        assert self.box is not None  # made as the screen mounts
        self.box.apply(changes)
        self.updates += 1
        self.show()

    def on_workspace_changed(self, message: WorkspaceChanged) -> None:
        if any(table == inbox.IDEAS for table, _id in message.changed):
            self.show()  # a colleague drafted or set aside an idea

    # -- drawing ---------------------------------------------------------------------------------

    def show(self) -> None:
        table = self.query_one(DataTable)
        keep = self.selected.id if self.selected else None
        self.ideas = inbox.listing(self.catalog, self.box, self.everything) if self.box else []
        table.clear()
        for idea in self.ideas:
            first = (idea.preview() or [""])[0]
            style = "dim" if idea.state is not IdeaState.NEW else ""
            kind = kind_label(idea.kind) + (" +" if idea.attachment else "")
            if idea.state is not IdeaState.NEW:  # only in the list of all
                kind += " · " + _(STATES[idea.state])
            table.add_row(
                Text(labels.day(idea.when.date()) + idea.when.strftime(" %H:%M"), style=style),
                Text(literal(idea.contributor or "?"), style="bold" if idea.contributor else "dim", no_wrap=True,
                     overflow="ellipsis"),  # fmt: skip
                Text(kind, style=style),
                Text(literal(first), style=style, no_wrap=True, overflow="ellipsis"),
                key=idea.id,
            )
        ids = [idea.id for idea in self.ideas]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))
        new = sum(1 for idea in self.ideas if idea.state is IdeaState.NEW)
        which = _("all ideas") if self.everything else _("new ideas")
        count = ngettext("{count} new", "{count} new", new).format(count=new)
        folder = literal(str(self.box.root.name if self.box else "")) + "/"
        self.query_one("#inbox-header", Static).update(Text.assemble(
            (_("Ideas inbox"), "bold"), f" · {which} · {count} · ", (folder, "dim"),
            " · " + _("enter makes a draft · x sets aside · a all or new")))  # fmt: skip
        self._show_selected()

    @property
    def selected(self) -> inbox.Idea | None:
        table = self.query_one(DataTable)
        if not table.row_count or not self.ideas:
            return None
        row = table.cursor_row
        return self.ideas[row] if 0 <= row < len(self.ideas) else None

    def on_data_table_row_highlighted(self, _event) -> None:
        self._show_selected()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()  # the table takes `enter` before the screen's binding sees it
        self.action_draft()

    def _show_selected(self) -> None:
        idea = self.selected
        panel = self.query_one("#inbox-preview", Static)
        if idea is None:
            panel.update(Text(_("No new ideas. Anyone can drop a note, photo, video or voice memo into {folder}, "
                                "or run: someplan idea \"…\"").format(folder=literal(str(self.box.root) if self.box else "")),
                              style="dim"))  # fmt: skip
            return
        lines = Text()
        lines.append(_("From: {name}").format(name=literal(idea.contributor or "?")), style="bold")
        lines.append(" · " + _(STATES[idea.state]) + " · " + literal(idea.key), style="dim")
        if idea.attachment:
            lines.append(" + " + literal(idea.attachment), style="dim")
        for line in idea.preview():
            lines.append("\n" + literal(line))
        panel.update(lines)

    # -- acts ------------------------------------------------------------------------------------

    def _open_idea(self) -> inbox.Idea | None:
        """The selected idea if it can still be acted on; a drafted one is said so."""
        idea = self.selected
        if idea is not None and idea.state is IdeaState.DRAFTED:
            self.notify(_("This idea is a draft already."), markup=False)
            return None
        return idea

    def action_draft(self) -> None:
        idea = self._open_idea()
        if idea is None:
            return
        saved, made = attempt(self, inbox.draft_with_undo, self.catalog, idea)
        if saved and made:
            post_id, undo = made
            planner_app(self).undo_stack.push(undo)  # `u` in the plan takes the draft back
            self.drafted.append(post_id)
            title = self.catalog.workspace.view("posts").get(post_id, {}).get("title", "")
            self.notify(_("Draft made: {title} (in the backlog)").format(title=literal(title)), markup=False)
            self.show()

    def action_set_aside(self) -> None:
        idea = self._open_idea()
        if idea is None:
            return
        aside = idea.state is IdeaState.NEW
        saved, _result = attempt(self, inbox.set_aside, self.catalog, idea, aside)
        if not saved:
            return
        self.notify(
            _("Set aside: a shows every idea, x there brings it back") if aside else _("Back among the new ideas"), markup=False
        )
        self.show()

    def action_toggle_all(self) -> None:
        self.everything = not self.everything
        self.show()

    def action_close(self) -> None:
        self.dismiss(self.drafted)

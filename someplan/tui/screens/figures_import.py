"""Importing key figures in the planner (`I`, or "Import key figures…" in the command palette).

The files of the Downloads folder (where browsers save the networks' exports) are listed newest
first; `enter` on one shows the dry run that `someplan import --dry-run` prints (matched / new /
skipped / errors, which rule matched, times as stored), and `ctrl+s` writes it as one batch.
Below, the past posts that were never marked published: `m` marks the selected one, for posts
whose figures will come by hand or not at all.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from someplan.domain.weeks import day_label
from someplan.i18n import N_, _, language, ngettext
from someplan.services.errors import UserError
from someplan.services.figures.by_hand import downloads_folder, export_files, mark_published, past_without_figures
from someplan.services.figures.importer import ImportPlan, apply_import, plan_import
from someplan.store.problems import WorkspaceError
from someplan.textsafe import literal
from someplan.tui.planner_app import planner_app

PREVIEW_ROWS = 40
OUTCOMES = {"matched": N_("matched"), "new": N_("new"), "duplicate": N_("duplicate"), "skipped": N_("skipped")}
HOW = {"id": N_("by id"), "permalink": N_("by permalink"), "time and title": N_("by time, its title in the text"),
       "time and text": N_("by time and text"), "time": N_("by time")}  # fmt: skip
# The command palette's entry (tui/app.py lists it; marked here so the catalog has it).


class FiguresImportScreen(ModalScreen[str | None]):
    """Returns a message saying what was written, or None when nothing was."""

    CSS_PATH = "../figures_import.tcss"
    BINDINGS = [
        Binding("ctrl+s", "write", N_("Import"), id="import.write", priority=True),
        Binding("m", "mark_published", N_("Mark as published"), id="import.mark_published"),
        Binding("escape", "close", N_("Close"), id="import.close"),
    ]

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        self.folder = folder or downloads_folder()
        self.plan: ImportPlan | None = None
        self.marked = 0

    @property
    def catalog(self):
        return self.app.catalog

    def compose(self):
        with Vertical(classes="dialog", id="figures-import"):
            yield Label(_("Import key figures"), classes="dialog-title")
            with Horizontal(classes="row"):
                yield Label(_("Folder"), classes="import-label")
                yield Input(str(self.folder), id="import-folder")
            yield OptionList(id="import-files")
            with VerticalScroll(id="import-preview-scroll"):
                yield Static("", id="import-preview", markup=False)
            yield Label(_("Past posts not marked published"), classes="import-label-wide")
            yield OptionList(id="import-past")
            yield Static(_("enter: preview   ctrl+s: import   m: mark as published   esc: close"), classes="hint", markup=False)

    def on_mount(self) -> None:
        self._list_files()
        self._list_past()
        self.query_one("#import-files", OptionList).focus()

    def _list_files(self) -> None:
        files = self.query_one("#import-files", OptionList)
        files.clear_options()
        found = export_files(self.folder)
        files.add_options([Option(literal(path.name), id=str(path)) for path in found])
        if not found:
            self._show(Text(_("No CSV or XLSX files in {folder}").format(folder=literal(self.folder))))

    def _list_past(self) -> None:
        past = self.query_one("#import-past", OptionList)
        past.clear_options()
        for post in past_without_figures(self.catalog, planner_app(self).today):
            when = day_label(post.date, language())
            past.add_option(Option(Text(f"{when}  {literal(post.channel)}  {literal(post.title)}"), id=post.id))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.folder = Path(event.value).expanduser()
        self.plan = None
        self._list_files()
        self.query_one("#import-files", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "import-files":
            self.preview(Path(event.option.id or ""))  # each file's option has its path as id

    def preview(self, path: Path) -> None:
        try:
            self.plan = plan_import(self.catalog, path)
        except (UserError, WorkspaceError, OSError) as error:
            self.plan = None
            self._show(Text(literal(str(error)), style="red"))
            return
        self._show(preview_text(self.plan, self._titles()))

    def _titles(self) -> dict[str, str]:
        return {rid: str(doc.get("title") or "") for rid, doc in self.catalog.workspace.view("posts").items()}

    def _show(self, text: Text) -> None:
        self.query_one("#import-preview", Static).update(text)

    def action_write(self) -> None:
        if self.plan is None:
            self._show(Text(_("Choose a file first: enter shows what it would change")))
            return
        if self.plan.all_failed:
            self._show(Text(_("every row failed: nothing was imported"), style="red"))
            return
        try:
            written = apply_import(self.catalog, self.plan)
        except (UserError, WorkspaceError) as error:
            self._show(Text(literal(str(error)), style="red"))
            return
        message = ngettext("Imported: {count} field written", "Imported: {count} fields written", written).format(count=written)
        self.dismiss(message + " (" + self.plan.summary() + ")")

    def action_mark_published(self) -> None:
        past = self.query_one("#import-past", OptionList)
        if past.highlighted is None or not past.option_count:
            return
        option = past.get_option_at_index(past.highlighted)
        if option.id is None:  # not met: each past post's option has its id
            return
        try:
            mark_published(self.catalog, option.id)
        except WorkspaceError as error:
            self._show(Text(literal(str(error)), style="red"))
            return
        self.marked += 1
        self._list_past()

    def action_close(self) -> None:
        if self.marked:
            self.dismiss(
                ngettext("{count} post marked published", "{count} posts marked published", self.marked).format(count=self.marked)
            )
        else:
            self.dismiss(None)


def preview_text(plan: ImportPlan, titles: dict[str, str]) -> Text:
    """The dry run as `someplan import --dry-run` shows it; user text is shown literally."""
    text = Text()
    text.append(f"{_(plan.format)} → {literal(plan.channel.name)}: {plan.summary()}\n", style="bold")
    if plan.times:
        text.append(_("times stored in {zone}:").format(zone=plan.stored_zone) + " ")
        text.append(", ".join(f"{literal(read)} → {stored}" for _line, read, stored in plan.times) + "\n")
    names = {key: _(name) for key, name in OUTCOMES.items()}
    rows = []
    for match in plan.matches:
        outcome = "skipped" if match.outcome.value == "new" and plan.unmatched == "skip" else match.outcome.value
        title = titles.get(match.post_id, "") if match.post_id else match.row.text
        when = match.row.published.strftime("%d.%m %H:%M") if match.row.published and match.row.timed else ""
        how = f"  ({_(HOW[match.how])})" if match.how in HOW else ""
        shown = literal(" ".join(title.split("\n", 1)[0].split()))[:60]  # a tab is a space, not \x09
        rows.append((match.row.line, f"{names.get(outcome, outcome):10} {when:11} {shown}{how}"))
    rows += [(error.line, f"{_('error'):10} {literal(error.message)}") for error in plan.errors]
    for line, shown in sorted(rows)[:PREVIEW_ROWS]:
        text.append(f"{line:>5}  {shown}\n")
    for low in plan.lowered:
        title = literal(titles.get(low.post_id, ""))[:40]
        text.append(f"{low.line:>5}  {_('lowered')}: {title} {low.field} {low.before} → {low.after}\n", style="yellow")
    for note in plan.notes:
        text.append(_("note: {note}").format(note=note) + "\n", style="dim")
    return text

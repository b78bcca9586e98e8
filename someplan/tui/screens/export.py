"""The export dialog (`E`, or "Export…" in the command palette): choose a format, a period and a
channel, see what goes in and what is left out, then write the file.

The preview is made by the same use case as `someplan export` (`services.exports.run`), so the
dialog shows exactly the posts and the Hootsuite violations the file will have. The file name is
prefilled with the default (the workspace's `exports/` folder, a name with this machine's id) and
follows the choices until the user types their own. A file someplan did not write is replaced
only after a yes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from someplan.domain.weeks import IsoWeek, day_label
from someplan.i18n import N_, _, language, ngettext, pgettext
from someplan.services.exports.digest import Period
from someplan.services.exports.files import NotOurs, default_folder
from someplan.services.exports.run import ExportRequest, ExportResult, default_period, prepare, range_period, write
from someplan.services.user_input import parse_date
from someplan.store.problems import WorkspaceError
from someplan.textsafe import literal
from someplan.tui.screens.dialogs import Confirm
from someplan.tui.screens.export_select import LineSelect
from someplan.tui.screens.paint_first import PaintsFirst

FORMAT_LABELS = (
    ("ics", N_("Calendar (.ics): import or subscribe")),
    ("hootsuite", N_("Hootsuite bulk composer (CSV), one channel")),
    ("markdown", N_("Markdown plan, to send")),
    ("html", N_("HTML plan, to send or print")),
    ("csv", N_("CSV of posts, for a spreadsheet")),
)
# the period each format starts with: what it is most often made for
FIRST_PERIOD = {"ics": "default", "hootsuite": "default", "markdown": "week", "html": "week", "csv": "default"}
DEFAULT_PERIODS = {
    "ics": N_("Standard: 4 weeks back to 26 weeks ahead"),
    "hootsuite": N_("Standard: today to the end of the 4th week"),
    "markdown": N_("Standard: this week"),
    "html": N_("Standard: this week"),
    "csv": N_("Standard: every post"),
}
PREVIEW_LINES = 40
SHORT_HEIGHT = 34
# The command palette's entry (tui/app.py lists it; marked here so the catalog has it).


class ExportScreen(PaintsFirst, ModalScreen[str | None]):
    """Returns the message saying what was written where, or None when nothing was written."""

    CSS_PATH = "../export.tcss"  # beside app.tcss, shipped with it
    BINDINGS = [
        Binding("ctrl+s", "export", N_("Export"), id="export.write", priority=True),
        Binding("escape", "cancel", N_("Cancel export"), id="export.cancel"),
    ]

    def __init__(self, week: IsoWeek, today: dt.date, fmt: str = "ics") -> None:
        super().__init__()
        self.week, self.today, self.first_format = week, today, fmt
        self.result: ExportResult | None = None
        self._auto_path = ""  # the last path the dialog filled in itself
        self._pending = False  # a preview is due after this refresh
        self._auto_period = FIRST_PERIOD[fmt]  # the period the dialog chose itself, not the user
        self._period_chosen = False
        self._requested: ExportRequest | None = None  # the choices of the preview shown or on its way

    @property
    def catalog(self):
        return self.app.catalog

    def compose(self):
        periods = [*self._period_options(), (_("Standard for the format"), "default")]
        with Vertical(classes="dialog", id="export"):
            yield Label(pgettext("export", "Export"), classes="dialog-title")
            with Horizontal(classes="row"):
                yield Label(pgettext("export", "Format"), classes="export-label")
                yield LineSelect([(_(label), fmt) for fmt, label in FORMAT_LABELS], self.first_format, id="export-format")
            with Horizontal(classes="row", id="export-period-row"):
                yield Label(pgettext("export", "Period"), classes="export-label")
                yield LineSelect(periods, FIRST_PERIOD[self.first_format], id="export-period")
            with Horizontal(classes="row", id="export-channel-row"):
                yield Label(pgettext("export", "Channel"), classes="export-label")
                yield LineSelect(self._channel_options(self.first_format), "", id="export-channel")
            with Horizontal(classes="row"):
                yield Label(pgettext("export", "File"), classes="export-label")
                yield Input("", compact=True, id="export-path")
            with VerticalScroll(id="export-preview-scroll"):
                yield Static("", id="export-preview", markup=False)
            yield Static("", classes="error", id="export-error", markup=False)
            yield Label(_("ctrl+s export · esc cancel"), classes="hint")

    # The rows only some choices use (the dates of a range, Hootsuite's date format) are built
    # when first chosen: hidden, they were still built and styled as the dialog opened.

    def _range_row(self) -> list[Widget]:
        return [
            Label(pgettext("export", "From – to"), classes="export-label"),
            Input(self.week.monday.strftime("%d.%m.%Y"), compact=True, id="export-from", placeholder="23.11.2026"),
            Input(self.week.sunday.strftime("%d.%m.%Y"), compact=True, id="export-to", placeholder="29.11.2026"),
        ]

    def _date_row(self) -> list[Widget]:
        return [
            Label(pgettext("export", "Dates as"), classes="export-label"),
            LineSelect([(_("dd/mm/yyyy (as in Norway)"), "dmy"), (_("mm/dd/yyyy (as in the US)"), "mdy")], "dmy",
                       id="export-date-format"),  # fmt: skip
        ]

    def _show_row(self, row_id: str, shown: bool, fields: Callable[[], list[Widget]], below: str) -> None:
        rows = self.query(f"#{row_id}")
        if rows:
            rows.first().display = shown
        elif shown:
            row = Horizontal(classes="row", id=row_id)
            self.query_one("#export").mount(row, after=self.query_one(f"#{below}-row", Horizontal))
            # Mounted into the row now, not passed to it: so they are in the DOM at once and the
            # choices read from them now (a container's own children wait for it to compose).
            row.mount(*fields())

    def on_mount(self) -> None:
        self._fit(self.app.size.height)
        self._arrange(later=True)  # the dialog is drawn at once; its preview follows from a thread
        self.query_one("#export-format", LineSelect).focus()

    def on_resize(self, event) -> None:
        self._fit(event.size.height)

    def _fit(self, height: int) -> None:
        # A short terminal (24 lines) gets the rows without gaps, so the preview and the hint fit.
        self.set_class(height < SHORT_HEIGHT, "short")

    # -- choices --------------------------------------------------------------------------------

    def _channel_options(self, fmt: str) -> list[tuple[Text | str, str]]:
        channels: list[tuple[Text | str, str]] = [(Text(literal(c.name)), c.id) for c in self.catalog.channels()]
        return channels if fmt == "hootsuite" else [(pgettext("export", "All channels"), ""), *channels]

    @property
    def format(self) -> str:
        fmt: Any = self.query_one("#export-format", LineSelect).value  # never blank: always a format
        return fmt

    def on_line_select_changed(self, event: LineSelect.Changed) -> None:
        if event.select.id == "export-format":
            self._format_changed()
        if event.select.id == "export-period" and event.value != self._auto_period:
            self._period_chosen = True
        self._arrange_soon()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id in ("export-from", "export-to"):
            self._arrange_soon()

    def _arrange_soon(self) -> None:
        # A format change sets three selects, each saying so: make the preview once for them all.
        if not self._pending:
            self._pending = True
            self.call_later(self._arrange)

    def _format_changed(self) -> None:
        fmt = self.format
        channel = self.query_one("#export-channel", LineSelect)
        current = channel.value
        options = self._channel_options(fmt)
        channel.set_options(options)
        values = [value for _label, value in options]
        if current in values:
            channel.value = current
        period = self.query_one("#export-period", LineSelect)
        if not self._period_chosen:  # the user's own choice of period stays; else the format's usual one
            self._auto_period = period.value = FIRST_PERIOD[fmt]

    def _period_options(self) -> list[tuple[str, str]]:
        locale = language()
        month = self._month()
        return [
            (_("The week shown: {week}").format(week=Period.week(self.week).label(locale)), "week"),
            (_("Its month: {month}").format(month=month.label(locale)), "month"),
            (_("From – to (below)"), "range"),
        ]

    def _period(self) -> Period | None:
        choice = self.query_one("#export-period", LineSelect).value
        if choice == "week":
            return Period.week(self.week)
        if choice == "month":
            return self._month()
        if choice == "range":
            first = parse_date(self.query_one("#export-from", Input).value, self.today)
            last = parse_date(self.query_one("#export-to", Input).value, self.today)
            return range_period(first, last, self.today)
        return None

    def _month(self) -> Period:
        thursday = self.week.monday + dt.timedelta(days=3)  # an ISO week belongs to its Thursday's month
        return Period.month(thursday.year, thursday.month)

    def _request(self) -> ExportRequest:
        fmt = self.format
        channel = self.query_one("#export-channel", LineSelect).value
        channels = (channel,) if isinstance(channel, str) and channel else ()
        dates = self.query("#export-date-format").results(LineSelect)
        date_format: Any = next((d.value for d in dates), "dmy")  # the row is built when Hootsuite is first chosen
        return ExportRequest(fmt, self._period(), channels, (), date_format)

    # -- preview --------------------------------------------------------------------------------

    def _arrange(self, later: bool = False, again: bool = False) -> None:
        """Show the fields the format uses, remake the preview and the default file name;
        `later`: the preview made on a thread (the first one, so opening the dialog does not wait
        for a whole calendar file to be built); `again`: made anew even for the same choices."""
        self._pending = False
        fmt = self.format
        ranged = self.query_one("#export-period", LineSelect).value == "range"
        self._show_row("export-range", ranged, self._range_row, "export-period")
        self._show_row("export-date-row", fmt == "hootsuite", self._date_row, "export-channel")
        try:
            request = self._request()
        except (WorkspaceError, OSError) as problem:  # a date that is not one
            self._requested = None
            self._show(None, problem)
            return
        if request == self._requested and not again:
            # Made or on its way: the selects say their first values as they mount, which built
            # the whole file a second time, on the UI thread, right after the dialog opened.
            return
        self._requested = request
        if later:
            # Started after the dialog's first frame: a thread started before it would compete
            # with drawing the dialog for the interpreter.
            self.call_after_refresh(self._prepare_later, request)
            return
        self._show(*self._prepared(request))

    def _prepared(self, request: ExportRequest) -> tuple[ExportResult | None, Exception | None]:
        try:
            return prepare(self.catalog, request, self.today), None
        except (WorkspaceError, OSError) as problem:
            return None, problem

    def _prepare_later(self, request: ExportRequest) -> None:
        if self.is_attached:
            self.run_worker(lambda: self._prepare_on_thread(request), thread=True, exclusive=True, group="export-preview")

    def _prepare_on_thread(self, request: ExportRequest) -> None:
        result, problem = self._prepared(request)
        self.app.call_from_thread(self._show_if_current, request, result, problem)

    def _show_if_current(self, request: ExportRequest, result: ExportResult | None, problem: Exception | None) -> None:
        try:
            current = self._request() if self.is_attached else None
        except (WorkspaceError, OSError):  # a half-typed date: the choice being made shows its own
            return
        if request == current:  # else the dialog closed, or a newer choice has its own preview
            self._show(result, problem)

    def _show(self, result: ExportResult | None, problem: Exception | None) -> None:
        error = self.query_one("#export-error", Static)
        self.result = result
        if result is None:
            error.update(str(problem))
            self.query_one("#export-preview", Static).update("")
            return
        error.update("")
        self.query_one("#export-preview", Static).update(self._preview(result))
        path = self.query_one("#export-path", Input)
        if path.value in ("", self._auto_path):
            self._auto_path = str(default_folder(self.catalog.workspace.root) / result.default_name)
            path.value = self._auto_path
            # A long path shows its end, the file's name, rather than the folders every export shares.
            path.cursor_position = len(path.value)
            path.call_after_refresh(lambda: path.scroll_to(x=path.max_scroll_x, animate=False, immediate=True))

    def _preview(self, result: ExportResult) -> Text:
        text = Text()
        if self.query_one("#export-period", LineSelect).value == "default":
            text.append(_(DEFAULT_PERIODS[result.format]) + "\n")
        period = result.period or default_period(result.format, self.today)
        if period is not None:
            text.append(_("{first} to {last}: ").format(first=day_label(period.first, language(), year=True),
                                                        last=day_label(period.last, language(), year=True)))  # fmt: skip
        text.append(ngettext("{n} post goes into the file", "{n} posts go into the file", result.count).format(n=result.count),
                    style="bold")  # fmt: skip
        for note in result.notes:
            text.append("\n" + note, style="dim")
        if result.skipped:
            text.append("\n" + ngettext("{n} post is left out:", "{n} posts are left out:", len(result.skipped))
                        .format(n=len(result.skipped)), style="bold yellow")  # fmt: skip
        for skipped in result.skipped[:PREVIEW_LINES]:
            post = skipped.post
            when = (day_label(post.date, language(), weekday="short") if post.date else "") + (
                f" {post.time:%H:%M}" if post.time else ""
            )  # a skipped post is dated: an export picks from a period
            text.append(f"\n{when}  ")
            text.append(literal(" ".join((post.title or post.caption).split())[:50]), style="bold")
            text.append(f"  {skipped.reasons}", style="yellow")
        if len(result.skipped) > PREVIEW_LINES:
            text.append("\n…")
        return text

    # -- writing --------------------------------------------------------------------------------

    def action_export(self) -> None:
        self._arrange(again=True)
        if self.result is None:
            return
        output = self.query_one("#export-path", Input).value.strip()
        if not output:
            self.query_one("#export-error", Static).update(_("Name the file to write."))
            return
        self._write(output, force=False)

    def _write(self, output: str, force: bool) -> None:
        result = self.result
        if result is None:  # not met: action_export writes only a prepared result
            return
        try:
            path = write(result, self.catalog, output, force)
        except NotOurs as refused:
            def answered(yes: bool | None) -> None:
                if yes:
                    self._write(output, force=True)

            question = _("{path} exists and someplan did not write it. Replace it?").format(path=literal(refused.path))
            self.app.push_screen(Confirm(question), answered)
            return
        except (WorkspaceError, OSError) as problem:
            self.query_one("#export-error", Static).update(str(problem))
            return
        self.dismiss(result.done_message(literal(path)))

    def action_cancel(self) -> None:
        self.dismiss(None)

"""Search (`/`): posts of every week by words and `channel:` `category:` `status:` `person:`.

The terms are read by services/search.py, as `someplan search` and the week filter read them;
a key or value that names nothing is shown as the error it is, never as no results. The list
follows the typing; `enter` (or `down`) goes to it, `enter` on a post closes the screen with its
id, for the main screen to show it in its week with the cursor on it.

The search runs once the typing pauses (SETTLE), not on every key: a key typed never waits for
the query and the list of the word before. `enter` and `down` run a search still waiting at
once, so they always go to the hits of what is in the field. The list is built again only when
the hits shown change ("fjo" and "fjord" often show the same first ones).
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from someplan.domain.weeks import IsoWeek, week_word
from someplan.i18n import N_, _, language, ngettext
from someplan.services.errors import UserError
from someplan.services.search import Hit, first_found, hits
from someplan.textsafe import literal
from someplan.tui import labels
from someplan.tui.footer import Footer
from someplan.tui.planner_app import planner_app

STATUS_STYLE = {"idea": "dim", "draft": "yellow", "ready": "cyan", "scheduled": "bold blue", "published": "green"}
HINT = N_("words, #hashtags, or channel:facebook category:ansatte status:draft person:kari")
SHOWN = 200  # the first hits by date; more is a search to narrow (`someplan search` lists all)
SETTLE = 0.12  # seconds without a key before the search runs: a pause, not a typist's pace


class SearchScreen(Screen[str | None]):
    CSS_PATH = "../search.tcss"  # beside app.tcss, shipped with it
    BINDINGS = [
        Binding("escape", "close", N_("Back"), id="search.close"),
        Binding("down", "to_results", N_("Results"), show=False, id="search.results"),
    ]

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.text = text
        self.found: list[Hit] = []
        self.total = 0
        self.error: str | None = None
        self.searched: str | None = None  # the text whose hits are shown (tests and the bench wait on it)
        self._waiting: Timer | None = None
        self._listed: tuple[str, list[Hit]] | None = None  # what the list was built from: the same is not built again

    def compose(self):
        yield Static(_("Search all weeks"), id="search-title", markup=False)
        yield Input(self.text, placeholder=_(HINT), id="search-input")
        yield Static("", id="search-status", markup=False)
        yield OptionList(id="search-results", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._run(self.text)

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._waiting is not None:
            self._waiting.stop()
        self._waiting = self.set_timer(SETTLE, self._run_waiting)

    def _run_waiting(self) -> None:
        if self._waiting is not None:
            self._waiting.stop()
            self._waiting = None
            self._run(self.query_one(Input).value)

    def _run(self, text: str) -> None:
        catalog = planner_app(self).catalog
        status = self.query_one("#search-status", Static)
        self.error = None
        self.found, self.total = [], 0
        if len(text.strip()) > 1:  # one letter matches nearly every post: wait for the second
            try:
                posts, self.total = first_found(catalog, text, SHOWN)
                self.found = hits(catalog, posts)
            except UserError as error:
                self.error = str(error)
        listed = (language(), self.found)
        if listed != self._listed:
            results = self.query_one(OptionList)
            results.clear_options()
            results.add_options([Option(_row(hit), id=hit.post.id) for hit in self.found])
            self._listed = listed
        status.set_class(self.error is not None, "error")
        if self.error is not None:
            status.update(self.error)
        elif len(text.strip()) > 1:
            count = self.total
            line = ngettext("{count} post", "{count} posts", count).format(count=count)
            if count > len(self.found):
                line += " · " + _("the first {shown} shown: add a word to narrow it").format(shown=len(self.found))
            status.update(line + (" · " + _("enter: show it in its week") if count else ""))
        else:
            status.update("")
        self.searched = text

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_to_results()

    def action_to_results(self) -> None:
        self._run_waiting()
        results = self.query_one(OptionList)
        if results.option_count:
            results.focus()
            if results.highlighted is None:
                results.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_id)

    def action_close(self) -> None:
        self.dismiss(None)


def _row(hit: Hit) -> Text:
    """week, day, time, channel, title: as the plan shows a post, with where it lies first."""
    post = hit.post
    text = Text(no_wrap=True, overflow="ellipsis")  # one row a post: the list reads as a table
    if post.date:
        text.append(f"{week_word(language())} {IsoWeek.of(post.date).week:<2}  ", style="bold")
        text.append(f"{labels.day(post.date, weekday='short', year=True):<16} ")
    else:
        text.append(f"{_('no date'):<24} ", style="dim")
    text.append(f"{post.time.strftime('%H:%M') if post.time else '  ·  '} ")
    text.append(f"{labels.status(post.status):<9} ", style=STATUS_STYLE.get(post.status, ""))
    text.append(f"{literal(hit.channel)[:9]:<9} ", style="cyan")
    text.append(literal(post.title))
    return text

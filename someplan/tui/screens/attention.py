"""Needs attention (`!`): every warning of the plan, by day; `enter` shows the post in its week.

The warnings come from services/attention.py (the rules are domain/attention.py's); the main
screen works them out and hands them over, so this screen only shows them.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from someplan.domain.attention import Attention
from someplan.i18n import N_, _, ngettext
from someplan.services.errors import UserError
from someplan.textsafe import literal
from someplan.tui import labels
from someplan.tui.footer import Footer
from someplan.tui.planner_app import planner_app


class AttentionScreen(Screen[str | None]):
    CSS_PATH = "../attention.tcss"  # beside app.tcss, shipped with it
    BINDINGS = [Binding("escape,q", "close", N_("Back"), id="attention.close")]

    def __init__(self, found: Sequence[Attention]) -> None:
        super().__init__()
        self.found = list(found)

    def compose(self):
        count = len(self.found)
        title = ngettext("Needs attention: {count} warning", "Needs attention: {count} warnings", count).format(count=count)
        yield Static(title + ("  ·  " + _("enter: show the post in its week") if count else ""), id="attention-title",
                     markup=False)  # fmt: skip
        listing = OptionList(id="attention-list", markup=False)
        yield listing
        yield Footer()

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        titles = self._titles()
        if self.found:
            listing.add_options([Option(_row(item, titles.get(item.post, "")), id=str(index))
                                 for index, item in enumerate(self.found)])  # fmt: skip
            listing.highlighted = 0
        else:
            listing.add_option(Option(Text(_("Nothing needs attention."), style="dim"), disabled=True))
        listing.focus()

    def _titles(self) -> dict[str, str]:
        """Each post's channel and title: two posts of one batch often share the title."""
        catalog = planner_app(self).catalog
        channels = catalog.channel_names()
        titles = {}
        for post_id in {item.post for item in self.found}:
            try:
                post = catalog.post(post_id)
            except UserError:  # deleted since: the warning still says what it was about
                titles[post_id] = ""
                continue
            channel = channels.get(post.channel or "", "")
            titles[post_id] = f"{channel} «{post.title}»" if channel else f"«{post.title}»"
        return titles

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:
            self.dismiss(self.found[int(event.option_id)].post)

    def action_close(self) -> None:
        self.dismiss(None)


def _row(item: Attention, title: str) -> Text:
    text = Text()
    day = labels.day(item.date, weekday="short") if item.date else _("no date")
    text.append(f"{day:<12} ", style="bold")
    text.append("! ", style="bold yellow")
    text.append(literal(title) + " ", style="bold")
    text.append(literal(item.message))
    return text

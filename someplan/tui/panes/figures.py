"""Key figures of the last weeks: posts published, reach and engagement rates, what works."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from someplan.domain.weeks import week_word
from someplan.i18n import N_, _, language, ngettext
from someplan.i18n import percent as pct
from someplan.services.overview import FiguresSummary
from someplan.textsafe import literal
from someplan.tui.panes.base import Pane
from someplan.tui.sparkline import sparkline


class FiguresText(Static):
    """The pane's summary, focusable so `4` and `tab` reach the pane like the others."""

    can_focus = True


class FiguresPane(Pane):
    TITLE = N_("Key figures")
    NUMBER = 4

    def compose(self):
        yield FiguresText(id="figures-text", markup=False)
        yield Static(id="figures-trend", markup=False)
        yield Static(id="figures-top", markup=False)

    @property
    def main(self) -> Static:
        return self.query_one("#figures-text", Static)

    def show(self, summary: FiguresSummary) -> None:
        weeks = summary.weeks
        published = sum(w.posts for w in weeks)
        rates = [w.engagement_rate for w in weeks if w.engagement_rate is not None]
        reach = [w.reach_rate for w in weeks if w.reach_rate is not None]
        text = Text()
        text.append(ngettext("Last {count} week: ", "Last {count} weeks: ", len(weeks)).format(count=len(weeks)), style="bold")
        text.append(_("{posts} published · reach {reach} of followers · engagement {engagement} of reach").format(
            posts=published, reach=pct(sum(reach) / len(reach) if reach else None),
            engagement=pct(sum(rates) / len(rates) if rates else None),
        ) + "\n")  # fmt: skip
        if summary.best_category:
            text.append(_("Best category: "), style="bold")
            text.append(literal(summary.best_category), style="green")
            text.append(" " + _("({rate} engagement)").format(rate=pct(summary.best_category_rate)) + "\n")
        numbers = f"{week_word(language())} " + ", ".join(str(w.week.week) for w in weeks)
        text.append(_("Engagement by week ({weeks}):").format(weeks=numbers), style="dim")
        self.query_one("#figures-text", Static).update(text)
        # Three cells a week, a space between: a week without figures is "···", not the lowest bar.
        trend = sparkline([w.engagement_rate for w in weeks], width=3, gap=" ")
        self.query_one("#figures-trend", Static).update(Text(trend, style="green"))
        top = Text(_("Top posts:") + "\n", style="bold")
        for post, rate in summary.top_posts[:3]:
            top.append(f"  {pct(rate):>7}  ", style="green")
            top.append(literal(post.title)[:60] + "\n", style="")
        self.query_one("#figures-top", Static).update(top)

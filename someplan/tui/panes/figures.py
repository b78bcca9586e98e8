"""Key figures of the last weeks: posts published, reach and engagement rates (the mean of the
per-post rates over all the weeks' posts), a chart of engagement by week, planned vs target of
the coming weeks, and what works."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from someplan.domain.weeks import week_word
from someplan.i18n import N_, _, language, ngettext
from someplan.i18n import percent as pct
from someplan.services.overview import FiguresSummary, WeekLoad
from someplan.textsafe import literal
from someplan.tui.panes.base import Pane
from someplan.tui.sparkline import bar_chart

CHART_ROWS = 4
LOAD_BAR = 10  # cells of a coming week's planned-vs-target bar


class FiguresText(VerticalScroll):
    """The pane's content, focusable so `4` and `tab` reach the pane and the arrows scroll it."""

    can_focus = True


def chart_width(columns: int, weeks: int) -> int:
    """Cells a week's column takes: as wide as fits, but 2 to 5 (8 weeks never stretch over a
    wide pane, and the week numbers below still fit)."""
    return max(2, min(5, (columns + 1) // max(weeks, 1) - 1))


def chart(summary: FiguresSummary, columns: int) -> Text:
    """Engagement by week as columns from zero, the week numbers below; a week without figures
    is `·`, not the lowest bar."""
    weeks = summary.weeks
    width = chart_width(columns, len(weeks))
    rates = [w.engagement_rate for w in weeks]
    top = max((r for r in rates if r is not None), default=None)
    top_rate = pct(top).replace(" ", "\u00a0")  # "7,9 %" stays on one line
    text = Text(_("Engagement/week (max {rate}):").format(rate=top_rate) + "\n", style="dim")
    for row in bar_chart(rates, CHART_ROWS, width=width, gap=1):
        text.append(row + "\n", style="green")
    text.append(" ".join(f"{w.week.week:>{width}}"[-width:] for w in weeks), style="dim")
    return text


def load_lines(coming: tuple[WeekLoad, ...]) -> Text:
    text = Text(_("Planned vs target:"), style="bold")
    word = week_word(language())
    for load in coming:
        text.append(f"\n{word} {load.week.week:>2} ")
        if load.target:
            filled = min(LOAD_BAR, round(load.planned / load.target * LOAD_BAR))
            style = "green" if load.planned >= load.target else "yellow"
            text.append("█" * filled, style=style)
            text.append("░" * (LOAD_BAR - filled), style="dim")
            text.append(f" {load.planned}/{load.target}", style=style)
        else:
            text.append(ngettext("{count} post", "{count} posts", load.planned).format(count=load.planned))
    return text


class FiguresPane(Pane):
    TITLE = N_("Key figures")
    NUMBER = 4

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.summary: FiguresSummary | None = None
        self._drawn_width = 0
        # The chart's width before the first layout, from the screen's grid: drawn for a guess of
        # 32, the first frame's chart was drawn again (a frame later) once the layout was in.
        self.width_hint = 0

    def compose(self):
        with FiguresText(id="figures-text"):
            yield Static(id="figures-summary", markup=False)
            yield Static(id="figures-trend", markup=False)
            yield Static(id="figures-coming", markup=False)
            yield Static(id="figures-top", markup=False)

    @property
    def main(self) -> FiguresText:
        return self.query_one(FiguresText)

    @property
    def _columns(self) -> int:
        trend = self.query_one("#figures-trend")
        return trend.size.width or self.main.scrollable_content_region.width or self.width_hint or 32

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit)  # the chart has its new width after this layout

    @property
    def fit_pending(self) -> bool:
        """The chart was drawn for a width it no longer has (the first frame waits)."""
        return self.summary is not None and self._columns != self._drawn_width

    def fit(self) -> None:
        if self.fit_pending:
            assert self.summary is not None
            self.show(self.summary)

    def show(self, summary: FiguresSummary) -> None:
        self.summary = summary
        self._drawn_width = self._columns
        weeks = summary.weeks
        published = sum(w.posts for w in weeks)
        text = Text()
        text.append(ngettext("Last {count} week: ", "Last {count} weeks: ", len(weeks)).format(count=len(weeks)), style="bold")
        text.append(_("{posts} published · reach {reach} of followers · engagement {engagement} of reach").format(
            posts=published, reach=pct(summary.reach_rate), engagement=pct(summary.engagement_rate),
        ))  # fmt: skip
        if summary.best_category:
            text.append("\n" + _("Best category: "), style="bold")
            text.append(literal(summary.best_category), style="green")
            text.append(" " + _("({rate} engagement)").format(rate=pct(summary.best_category_rate)))
        self.query_one("#figures-summary", Static).update(text)
        self.query_one("#figures-trend", Static).update(chart(summary, self._drawn_width))
        coming = self.query_one("#figures-coming", Static)
        coming.display = bool(summary.coming)
        coming.update(load_lines(summary.coming))
        top = Text(_("Top posts:"), style="bold")
        for post, rate in summary.top_posts[:3]:
            top.append(f"\n{pct(rate):>7}  ", style="green")
            top.append(literal(post.title))
        self.query_one("#figures-top", Static).update(top)

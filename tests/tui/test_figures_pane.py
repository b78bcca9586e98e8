"""Issue 16 item 10: the key-figures pane's chart of the weeks, planned vs target of the coming
weeks, and rates averaged per post (formats.md), not per week."""

import datetime as dt

from someplan.domain.figures import average, post_rates
from someplan.domain.post import Status
from someplan.domain.weeks import IsoWeek
from someplan.i18n import percent
from someplan.services.catalog import POSTS
from someplan.store.workspace import Workspace
from someplan.tui.sparkline import bar_chart


def test_a_bar_chart_from_zero_with_gaps_as_gaps():
    rows = bar_chart([2.0, None, 4.0, 0.0], height=2, width=2, gap=1)
    assert rows == ["      ██   ", "██ ·· ██ ▁▁"]
    assert bar_chart([None, None], height=1, width=1, gap=0) == ["··"]
    assert bar_chart([1.0, 1.0], height=1) == ["███ ███"]  # equal weeks are equal bars, not two lowest ones


def _chart_rows(app) -> list[str]:
    return str(app.screen.query_one("#figures-trend").render()).split("\n")[1:]


async def test_a_week_without_figures_is_a_gap_in_the_chart(make_app, sample_copy):
    """Issue 17.16 and 16.10: a week without figures drew as the lowest bar."""
    workspace = Workspace.open(sample_copy)
    for post_id, doc in list(workspace.view(POSTS).items()):  # week 44 (26 Oct – 1 Nov) loses its figures
        if "2026-10-26" <= (doc.get("date") or "") <= "2026-11-01" and doc.get("status") == "published":
            workspace.update(POSTS, post_id, {"status": "draft"})
    workspace.close()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        *bars, labels = _chart_rows(app)
        assert labels.split() == [str(week) for week in range(40, 48)]
        width = (len(labels) + 1) // 8  # each week's column and the space after it
        columns = [[row[i * width : i * width + width - 1] for row in bars] for i in range(8)]
        assert columns[4][-1] == "·" * (width - 1) and all(cell.strip() == "" for cell in columns[4][:-1])
        assert all(column[-1].strip("▁▂▃▄▅▆▇█") == "" for i, column in enumerate(columns) if i != 4)
        assert len(labels) <= 32  # 8 weeks are not stretched over the pane


async def test_rates_are_the_mean_of_the_posts_and_the_coming_weeks_are_planned_vs_target(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        catalog = app.catalog
        this_week = IsoWeek.of(dt.date(2026, 11, 18))
        first = this_week - 7
        posts = [p for p in catalog.posts_between(first.monday, this_week.sunday) if p.status is Status.PUBLISHED]
        channels = {c.id: c for c in catalog.channels()}
        per_post = average(post_rates(p, channels)[1] for p in posts)
        weekly = [average(post_rates(p, channels)[1] for p in posts if p.date in first + i) for i in range(8)]
        per_week = average(weekly)
        assert percent(per_post) != percent(per_week)  # the sample tells the two apart
        summary = str(app.screen.query_one("#figures-summary").render())
        assert f"engagement {percent(per_post)} of reach" in summary.replace("\n", " ")
        coming = str(app.screen.query_one("#figures-coming").render()).split("\n")
        assert coming[0] == "Planned vs target:" and [line.split()[1] for line in coming[1:]] == ["47", "48", "49", "50"]
        assert all(line.rstrip().endswith("/13") for line in coming[1:])

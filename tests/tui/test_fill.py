"""Filling weeks from the rotation in the planner: preview, accept/reject/change, write, undo."""

import datetime as dt

from someplan.domain.rotation_plan import Standing, propose
from someplan.domain.weeks import IsoWeek
from someplan.services.catalog import POSTS
from someplan.services.rotation_fill import holidays_between

W47 = IsoWeek(2026, 47)
TODAY = dt.date(2026, 11, 18)


def _plan_weeks(catalog, weeks):
    posts = catalog.posts()
    return {w: [p for p in posts if p.date in w] for w in weeks}


async def test_f_previews_the_shown_week_and_writes_only_the_accepted_lines(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right_square_bracket", "f")  # week 48
        preview = app.screen
        assert type(preview).__name__ == "FillPreview"
        lines = [line.proposal for line in preview.lines]
        assert lines and all(p.week == W47 + 1 for p in lines)
        before = len(app.catalog.workspace.view(POSTS))
        if len(lines) > 1:
            await pilot.press("space")  # reject the first
        await pilot.press("ctrl+s")
        assert type(app.screen).__name__ == "MainScreen"
        accepted = lines[1:] if len(lines) > 1 else lines
        new = {rid: doc for rid, doc in app.catalog.workspace.view(POSTS).items()}
        assert len(new) == before + sum(1 for p in accepted if p.post is None)
        planned = {(doc.get("date"), doc.get("channel"), doc.get("category")) for doc in new.values()}
        assert all((p.date.isoformat(), p.channel, p.category) in planned for p in accepted)
        if len(lines) > 1:
            first = lines[0]
            assert (
                sum(1 for d in new.values() if (d.get("date"), d.get("category")) == (first.date.isoformat(), first.category))
                == 0
            )
        await pilot.press("u")  # the whole fill is undone at once
        assert len(app.catalog.workspace.view(POSTS)) == before


async def test_esc_writes_nothing_and_a_changed_line_is_written_as_changed(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        before = dict(app.catalog.workspace.view(POSTS))
        await pilot.press("right_square_bracket", "f", "escape")
        assert app.catalog.workspace.view(POSTS) == before
        await pilot.press("f", "a", "e")
        change = app.screen
        assert type(change).__name__ == "ChangeLine"
        date_input = change.query_one("#line-date")
        date_input.value = "2026-11-29"
        time_input = change.query_one("#line-time")
        time_input.value = "07:45"
        await pilot.press("ctrl+s")
        line = app.screen.lines[0]
        assert line.changed and line.proposal.date == dt.date(2026, 11, 29) and line.proposal.time == dt.time(7, 45)
        await pilot.press("r", "space", "ctrl+s")  # only the changed line
        new = [d for rid, d in app.catalog.workspace.view(POSTS).items() if rid not in before]
        assert [(d["date"], d["time"], d["status"]) for d in new] == [("2026-11-29", "07:45", "draft")]


async def test_fill_the_next_four_weeks_keeps_targets_and_cadences(make_app):
    """The acceptance: fill the next 4 weeks and accept; no channel over target, nobody starves."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.run_action("screen.fill_weeks")
        await pilot.press("enter")  # 4 weeks is the default answer
        await pilot.pause()  # the preview mounts its table on the next idle, later on a busy machine
        assert type(app.screen).__name__ == "FillPreview"
        await pilot.press("ctrl+s")
        catalog = app.catalog
        weeks = [W47 + i for i in range(4)]
        channels = catalog.channels()
        by_week = _plan_weeks(catalog, weeks)
        for week in weeks[1:]:  # week 47 was over target before someplan planned anything
            for channel in channels:
                planned = sum(1 for p in by_week[week] if p.channel == channel.id)
                assert planned <= channel.target_per_week, (week, channel.name)
        # A second fill finds nothing the cadence still asks for.
        holidays = holidays_between(weeks[0].monday, weeks[-1].sunday)
        again = propose(catalog.categories(), channels, catalog.posts(), weeks, TODAY, holidays, fill_ahead=False)
        assert again.proposals == () and again.unplaced == ()
        assert all(entry.state is not Standing.OVERDUE for week in again.weeks for entry in week.categories)


async def test_nothing_to_fill_is_said_not_shown(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("left_square_bracket", "f")  # week 46 has passed
        assert type(app.screen).__name__ == "MainScreen"


async def test_nothing_to_fill_gives_the_real_reason(make_app, monkeypatch):
    """Issue 17.3: week 49 of the sample has empty slots (Facebook 4/5, Instagram 4/5, TikTok 1/2)
    but every category is on track: the notice must not say every channel is at its target."""
    monkeypatch.setenv("SOMEPLAN_LANG", "en")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g", *"49", "enter", "f")
        await pilot.pause()
        assert type(app.screen).__name__ == "MainScreen"
        [notice] = [n.message for n in app._notifications if "Nothing to fill" in n.message]
        assert "every channel is at its target" not in notice
        assert "every category is on track with its cadence (3 empty slots left for later)" in notice


async def test_the_change_dialog_labels_its_fields(make_app, monkeypatch):
    """Issue 17.21: the fill preview's edit dialog showed four boxes without a word."""
    monkeypatch.setenv("SOMEPLAN_LANG", "nb")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right_square_bracket", "f", "e")
        change = app.screen
        assert type(change).__name__ == "ChangeLine"
        labels = [str(c.render()) for c in change.query(".field-label")]
        assert labels == ["Dato", "Tid", "Kanal", "Kategori"]
        fields = zip(change.query(".field-label"), labels, strict=False)
        assert all(c.region.height == 1 and c.region.width >= len(text) for c, text in fields)


async def test_the_preview_reads_the_hours_once_and_warns_as_lines_are_accepted(make_app, sample_copy):
    from textual.widgets import Static

    from someplan.services.catalog import PEOPLE, Catalog
    from someplan.store.workspace import Workspace

    catalog = Catalog(Workspace.open(sample_copy))
    people = list(catalog.workspace.view(PEOPLE))
    # 6 minutes a week in all: any post overbooks it
    catalog.workspace.write([(PEOPLE, person_id, "hours", 0.1 if person_id == people[0] else None) for person_id in people])
    catalog.workspace.close()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*["right_square_bracket"] * 4, "f")  # week 51: after the weeks planned
        preview = app.screen
        assert type(preview).__name__ == "FillPreview" and preview.lines

        def note() -> str:
            return str(preview.query_one("#fill-load", Static).render())

        assert "week 51 · 14–20 Dec is overbooked" in note()
        # The start's work done, and its results handed over from their threads (the editor built
        # ahead reads the people, the asset scan redraws the plan): only the preview's reads count.
        await app.workers.wait_for_complete()
        await pilot.pause()
        reads = []
        for name in ("posts_between", "posts", "people", "categories", "settings"):
            real = getattr(app.catalog, name)
            counted = lambda *args, _real=real, _name=name, **kwargs: reads.append(_name) or _real(*args, **kwargs)  # noqa: E731
            setattr(app.catalog, name, counted)
        view = app.catalog.workspace.view
        app.catalog.workspace.view = lambda table, **kwargs: reads.append(f"view {table}") or view(table, **kwargs)
        await pilot.press("r")
        assert "overbooked" not in note()
        await pilot.press("space", "space", "r", "a")
        assert "week 51 · 14–20 Dec is overbooked" in note()
        assert reads == []

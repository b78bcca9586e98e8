"""Issue 19 in the planner: the hours mark and the permissions in the header, `O`/`X` on a post,
the mix and hours view (`M`), the year wheel's hours row; snapshots at 120x40 and 80x24."""

import datetime as dt

from someplan.domain.capacity import Capacity
from someplan.domain.post import Surface
from someplan.domain.weeks import IsoWeek
from someplan.services.catalog import POSTS
from someplan.tui.language import switch_language


def header(app) -> str:
    return str(app.screen.query_one("#header").render()).replace("\xa0", " ")


async def test_the_header_marks_the_weeks_hours_and_the_permissions_to_check(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        assert "⏱ 10.8 / 10.5 h ✗" in header(app)  # this week is overbooked
        assert "2 permissions to check (M)" in header(app)
        await pilot.press("right_square_bracket")
        assert "⏱ 9.8 / 10.5 h ◐" in header(app)  # next week is nearly full
        await pilot.press("right_square_bracket")
        assert "⏱ 9.4 / 10.5 h ✓" in header(app)


async def test_O_and_X_cycle_the_selected_posts_format_and_surface_and_warn_of_the_hours(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        post_id = app.screen.plan.selected_post_id
        assert post_id is not None
        workspace = app.catalog.workspace
        before = workspace.view(POSTS)[post_id].get("format")
        await pilot.press("O")
        after = workspace.view(POSTS)[post_id].get("format")
        assert after != before and after is not None
        message = app._notifications and list(app._notifications)[-1].message
        assert message.startswith("Format: ") and "overbooked" in message  # week 47 has no hours to spare
        await pilot.press("u")
        assert workspace.view(POSTS)[post_id].get("format") == before
        await pilot.press("X")
        assert workspace.view(POSTS)[post_id].get("surface") == "earned"
        await pilot.press("X", "X")
        assert workspace.view(POSTS)[post_id].get("surface") is None  # owned again: the field cleared


async def test_the_mix_view_by_month_week_and_year(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("M")
        screen = app.screen
        assert type(screen).__name__ == "MixScreen"

        def text(selector: str) -> str:
            return str(screen.query_one(selector).render())

        assert text("#mix-heading").startswith("Mix and hours · November 2026 · 48 posts")
        shares = text("#mix-shares")
        assert "Format" in shares and "reel" in shares and "target 20 %" in shares and "Surface" in shares
        assert "week 48" in text("#mix-hours") and "10.5 h" in text("#mix-hours")
        rates = text("#mix-rates")  # the month's published posts, by format and by surface
        assert "image" in rates and "owned" in rates and "%" in rates
        earned = text("#mix-earned")
        assert "Maria Olsen" in earned and "without a recorded permission" in earned
        await pilot.press("w")
        assert "week 47" in text("#mix-heading") and "12 posts" in text("#mix-heading")
        await pilot.press("right_square_bracket")
        assert "week 48" in text("#mix-heading")
        await pilot.press("y")
        assert "2026" in text("#mix-heading") and "weeks nearly full or overbooked" in text("#mix-hours")
        switch_language(app, "nb")
        await pilot.pause()
        assert text("#mix-heading").startswith("Miks og timer · 2026")
        await pilot.press("escape")
        assert type(app.screen).__name__ == "MainScreen"


def test_the_year_wheel_has_an_hours_row_only_when_people_have_hours():
    from someplan.domain.year_wheel import year_wheel
    from someplan.tui.year_wheel_render import weeks_lines

    wheel = year_wheel(2026, [dt.date(2026, 11, 18)], [], [], 5)
    weeks = [row.week for row in wheel.weeks]
    loads = {week: Capacity(week, 0, 0, 600) for week in weeks}
    loads[IsoWeek(2026, 47)] = Capacity(IsoWeek(2026, 47), 5, 700, 600)
    loads[IsoWeek(2026, 48)] = Capacity(IsoWeek(2026, 48), 5, 560, 600)
    plain = [str(line) for line in weeks_lines(wheel, "en", 120, 0, None, dt.date(2026, 11, 18))]
    marked = [str(line) for line in weeks_lines(wheel, "en", 120, 0, None, dt.date(2026, 11, 18), loads)]
    assert len(marked) == len(plain) + 1
    [row] = [line for line in marked if line.startswith("hours")]
    assert "■" in row and "▲" in row
    unknown = {week: Capacity(week, 1, 30, None) for week in weeks}
    assert len(weeks_lines(wheel, "en", 120, 0, None, dt.date(2026, 11, 18), unknown)) == len(plain)


def test_snapshot_mix_view(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(120, 40), press=["M"])


def test_snapshot_mix_view_small_in_bokmal(snap_compare, make_app, monkeypatch):
    monkeypatch.setenv("SOMEPLAN_LANG", "nb")
    assert snap_compare(make_app(), terminal_size=(80, 24), press=["M"])


async def test_S_records_the_purpose_and_an_earned_posts_permission(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        post_id = app.screen.plan.selected_post_id
        await pilot.press("S")
        assert type(app.screen).__name__ == "PostStrategy"
        assert app.screen.query_one(".hint").region.bottom <= 24  # the whole form fits a small terminal
        await pilot.press(*"salg")
        app.screen.query_one("#strategy-source").value = "Fjordbakeriet"
        app.screen.query_one("#strategy-permission").value = "bildet av julekaka"
        app.screen.query_one("#strategy-until").value = "nonsense"
        await pilot.press("ctrl+s")
        assert str(app.screen.query_one("#strategy-error").render())  # a wrong date is said, nothing saved
        app.screen.query_one("#strategy-until").value = "1.12.2026"
        await pilot.press("ctrl+s")
        post = app.catalog.post(post_id)
        assert (post.purpose, post.source, post.permission, post.permission_until) == (
            "salg", "Fjordbakeriet", "bildet av julekaka", dt.date(2026, 12, 1))
        assert post.surface is Surface.EARNED  # whose content it is makes it earned
        assert "3 permissions to check" in header(app)
        await pilot.press("u")
        assert app.catalog.post(post_id).source == ""

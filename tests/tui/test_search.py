"""Search (`/`) and the week filter (`ctrl+f`) in the planner (issue 16.3)."""

from someplan.services.catalog import POSTS
from someplan.tui.screens.dialogs import Ask
from tests.tui.test_assets_pane import until


def shown_posts(app):
    listing = app.screen.plan.main
    ids = [listing.get_option_at_index(i).id for i in range(listing.option_count)]
    return [i.removeprefix("post:") for i in ids if i.startswith("post:")]


async def test_search_finds_posts_of_every_week_and_enter_jumps_to_one(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        await until(pilot, lambda: type(app.screen).__name__ == "SearchScreen", "the search screen")
        await pilot.press(*"person:lise")
        screen = app.screen
        await until(pilot, lambda: screen.searched == "person:lise", "the search")
        assert len(screen.found) == 6 and {h.week for h in screen.found} == {"2026-W37", "2026-W41", "2026-W49"}
        assert "6 posts" in str(screen.query_one("#search-status").render())
        await pilot.press("enter", "end", "enter")  # to the list, the last hit (week 49), show it
        await until(pilot, lambda: type(app.screen).__name__ == "MainScreen", "the plan")
        last = screen.found[-1].post
        assert app.screen.week.week == 49 and app.screen.plan.selected_post_id == last.id


async def test_an_unknown_value_is_an_error_not_an_empty_list(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        await until(pilot, lambda: type(app.screen).__name__ == "SearchScreen", "the search screen")
        await pilot.press(*"status:ferdig")
        await until(pilot, lambda: app.screen.searched == "status:ferdig", "the search")
        status = str(app.screen.query_one("#search-status").render())
        assert "unknown status 'ferdig'" in status and "draft" in status
        await pilot.press("escape")
        assert type(app.screen).__name__ == "MainScreen"


async def test_the_week_filter_shows_refuses_unknown_values_and_esc_clears_it(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        everything = shown_posts(app)
        await pilot.press("ctrl+f")
        await until(pilot, lambda: isinstance(app.screen, Ask), "the filter dialog")
        await pilot.press(*"status:ferdig", "enter")
        assert isinstance(app.screen, Ask)  # refused beside the field, not an empty week
        assert "unknown status 'ferdig'" in str(app.screen.query_one("#ask-error").render())
        app.screen.query_one("#ask-input").value = "kanal:tiktok"
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, Ask), "the filter")
        plan = app.screen.plan
        docs = app.catalog.workspace.view(POSTS)
        tiktok = next(c.id for c in app.catalog.channels() if c.name == "TikTok")
        shown = shown_posts(app)
        assert shown and shown == [p for p in everything if docs[p]["channel"] == tiktok]
        assert "filter: kanal:tiktok" in str(plan.border_title)
        await pilot.press("right_square_bracket")  # it stays on in the next week, and says so
        assert "filter: kanal:tiktok" in str(plan.border_title)
        assert all(docs[p]["channel"] == tiktok for p in shown_posts(app))
        await pilot.press("left_square_bracket", "escape")
        assert shown_posts(app) == everything and "filter" not in str(plan.border_title)


async def test_a_search_hit_hidden_by_the_week_filter_clears_it(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.set_week_filter("status:published")
        draft = next(rid for rid, doc in app.catalog.workspace.view(POSTS).items()
                     if doc.get("status") == "draft" and doc.get("date"))  # fmt: skip
        app.screen.show_post(draft)
        await pilot.pause()
        assert app.screen.plan.selected_post_id == draft and app.screen.week_filter is None


async def test_a_wide_search_shows_the_first_hits_and_says_how_many_match(make_app, monkeypatch):
    from someplan.tui.screens import search as search_screen

    monkeypatch.setattr(search_screen, "SHOWN", 3)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        await until(pilot, lambda: type(app.screen).__name__ == "SearchScreen", "the search screen")
        await pilot.press("j")  # one letter: nearly everything; wait for the next
        await until(pilot, lambda: app.screen.searched == "j", "the search")
        assert app.screen.found == [] and app.screen.error is None
        await pilot.press("u", "l")
        screen = app.screen
        await until(pilot, lambda: screen.searched == "jul", "the search")
        assert len(screen.found) == 3 and screen.total > 3
        assert [h.post.date for h in screen.found] == sorted(h.post.date for h in screen.found)
        assert f"{screen.total} posts · the first 3 shown" in str(screen.query_one("#search-status").render())


async def test_a_day_the_filter_empties_says_so(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.set_week_filter("status:idea")
        await pilot.pause()
        listing = app.screen.plan.main
        rows = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert "   —  (2 hidden by the filter)" in rows  # Monday's two published posts
        assert "   —  (n: new post)" in rows  # Saturday has nothing planned


async def test_typing_runs_one_search_when_the_typing_pauses_and_enter_goes_to_what_is_typed(make_app, monkeypatch):
    # Each key typed ran the search and built the list again before the next key was read
    # (issue 15): the search waits for a pause in the typing, and enter does not wait for it.
    from someplan.tui.screens import search as search_screen

    searched = []
    real = search_screen.first_found
    monkeypatch.setattr(search_screen, "first_found", lambda catalog, text, n: searched.append(text) or real(catalog, text, n))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        await until(pilot, lambda: type(app.screen).__name__ == "SearchScreen", "the search screen")
        screen = app.screen
        # The start's work done first (the screens preloaded, the editor built ahead: a third of a
        # second on the UI thread), or a key typed meanwhile waits longer than the search's pause.
        await app.workers.wait_for_complete()
        await pilot.press(*"person:lise")
        await until(pilot, lambda: screen.searched == "person:lise", "the search")
        assert searched == ["person:lise"] and len(screen.found) == 6
        built = []
        results = screen.query_one("#search-results")
        real_add = results.add_options
        monkeypatch.setattr(results, "add_options", lambda options: built.append(1) or real_add(options))
        await pilot.press("space")  # the same hits: the list stays as it is
        await until(pilot, lambda: screen.searched == "person:lise ", "the search")
        assert built == []
        await pilot.press(*"status:draft", "enter")  # at once, before the pause: its hits, not the last ones
        assert screen.searched == "person:lise status:draft"
        assert app.focused is screen.query_one("#search-results")
        assert {(h.post.title, h.post.status.value) for h in screen.found} == {("Lise pynter til jul", "draft")}

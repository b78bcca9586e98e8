import datetime as dt

from someplan.services.catalog import POSTS


async def test_the_week_opens_on_today_with_every_day(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        plan = app.screen.plan
        assert plan.report.week.week == 47
        assert [d.date.day for d in plan.report.days] == [16, 17, 18, 19, 20, 21, 22]
        assert plan.selected_day == dt.date(2026, 11, 18)
        await pilot.press("right_square_bracket")
        assert app.screen.plan.report.week.week == 48
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert app.screen.plan.report.week.week == 46
        await pilot.press("t")
        assert app.screen.plan.report.week.week == 47


async def test_go_to_a_week_or_a_date(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g", *"uke 51", "enter")
        assert app.screen.plan.report.week.week == 51
        await pilot.press("g", *"01.01.2027", "enter")
        assert (app.screen.plan.report.week.year, app.screen.plan.report.week.week) == (2026, 53)
        await pilot.press("g", *"nonsense", "enter")
        assert "A week" in str(app.screen.query_one("#ask-error").render())
        await pilot.press("escape")
        assert app.screen.plan.report.week.week == 53


async def test_new_post_on_the_selected_day_then_move_status_delete_undo(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right_square_bracket")  # week 48
        await pilot.press("l", "l", "l")  # from wednesday 25.11 to saturday 28.11, an empty day
        assert app.screen.plan.selected_day == dt.date(2026, 11, 28)
        await pilot.press("n")
        await pilot.press(*"Lørdagskos")
        await pilot.press("ctrl+s")
        await pilot.pause()
        workspace = app.catalog.workspace
        [new_id] = [rid for rid, doc in workspace.view(POSTS).items() if doc.get("title") == "Lørdagskos"]
        assert workspace.view(POSTS)[new_id]["date"] == "2026-11-28"
        assert app.screen.plan.selected_post_id == new_id
        await pilot.press("L")
        assert workspace.view(POSTS)[new_id]["date"] == "2026-11-29"
        await pilot.press("H", "H")
        assert workspace.view(POSTS)[new_id]["date"] == "2026-11-27"
        await pilot.press("space")
        assert workspace.view(POSTS)[new_id]["status"] == "draft"
        await pilot.press("d")
        assert new_id not in workspace.view(POSTS)
        await pilot.press("u")
        assert workspace.view(POSTS)[new_id]["status"] == "draft"
        await pilot.press("u")  # the status change
        assert workspace.view(POSTS)[new_id]["status"] == "idea"
        notices = [n.message for n in app._notifications]
        assert notices[-2:] == ["Undone: deleting “Lørdagskos”", "Undone: setting “Lørdagskos” to draft"]


async def test_duplicate_to_reuse_is_a_draft_without_figures(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g", *"16.11.2026", "enter")
        source = app.screen.plan.selected_post_id
        await pilot.press("y")
        copy = app.screen.plan.selected_post_id
        docs = app.catalog.workspace.view(POSTS)
        assert copy != source and docs[copy]["title"] == docs[source]["title"]
        assert docs[copy]["status"] == "draft" and "reach" not in docs[copy] and source in docs[copy]["notes"]


async def test_filter_by_channel(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+f", *"channel:tiktok", "enter")
        shown = [p for d in app.screen.plan.report.days for p in d.posts]
        listing = app.screen.plan.main
        ids = [listing.get_option_at_index(i).id for i in range(listing.option_count)]
        posts = [i for i in ids if i.startswith("post:")]
        assert posts and all(p.channel == "TikTok" for p in shown if f"post:{p.id}" in posts)
        assert len(posts) == sum(1 for p in shown if p.channel == "TikTok")


async def test_editor_validates_beside_the_field_and_asks_before_discarding(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        editor = app.screen
        editor.query_one("#time").value = "25:99"
        editor.query_one("#reach").value = "many"
        await pilot.press("ctrl+s")
        assert "09:30" in str(editor.query_one("#error-when").render())
        assert "Reach: a whole number" in str(editor.query_one("#error-figures").render())
        await pilot.press("escape")
        assert type(app.screen).__name__ == "Confirm"
        await pilot.press("y")
        assert type(app.screen).__name__ == "MainScreen"


async def test_enter_edits_and_jk_move(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        first = app.screen.plan.selected_post_id
        await pilot.press("j")
        assert app.screen.plan.selected_post_id != first
        await pilot.press("k")
        assert app.screen.plan.selected_post_id == first
        await pilot.press("enter")
        assert type(app.screen).__name__ == "PostEditor" and app.screen.original.id == first
        app.screen.query_one("#title").value = "Ny tittel"
        await pilot.press("ctrl+s")
        assert app.catalog.workspace.view("posts")[first]["title"] == "Ny tittel"


async def test_saving_keeps_a_colleagues_edit_of_another_field(make_app, sample_copy, tmp_path):
    from someplan.store.device import IdentityStore
    from someplan.store.workspace import Workspace

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        post_id = app.screen.plan.selected_post_id
        await pilot.press("e")
        colleague = Workspace.open(sample_copy, IdentityStore(tmp_path / "c2", tmp_path / "s2"))
        colleague.update("posts", post_id, {"caption": "Ola's caption"})
        app.catalog.workspace.refresh()
        app.screen.query_one("#title").value = "Kari's title"
        await pilot.press("ctrl+s")
        doc = app.catalog.workspace.view("posts")[post_id]
        assert (doc["title"], doc["caption"]) == ("Kari's title", "Ola's caption")


async def test_a_workspace_that_refuses_writes_gives_a_notice_not_a_crash(make_app, sample_copy):
    import json

    meta = sample_copy / "someplan-workspace.json"
    doc = json.loads(meta.read_text())
    doc["format"] = 99
    meta.write_text(json.dumps(doc))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        before = dict(app.catalog.workspace.view("posts"))
        await pilot.press("space", "d", "y", "L")
        await pilot.pause()
        assert app.catalog.workspace.view("posts") == before
        assert any("Not saved" in n.message and "format 99" in n.message for n in app._notifications)
        assert type(app.screen).__name__ == "MainScreen"


async def test_the_editor_shows_control_characters_escaped_and_keeps_them_when_untouched(make_app, sample_copy):
    from someplan.store.workspace import Workspace

    workspace = Workspace.open(sample_copy)
    post_id = workspace.insert("posts", {"title": "T\x1b]2;PWNED\x1b\\X", "caption": "a\x1b[2Jb\nline 2",
                                         "date": "2026-11-18", "time": "00:01", "status": "idea"})  # fmt: skip
    category = workspace.insert("categories", {"name": "[/]", "colour": "#123456"})
    workspace.update("posts", post_id, {"category": category})
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.plan._move_to(f"post:{post_id}")
        await pilot.press("e")
        editor = app.screen
        assert editor.query_one("#title").value == "T\\x1b]2;PWNED\\x1b\\X"
        assert "\x1b" not in editor.query_one("#caption").text
        await pilot.press("escape")  # nothing changed: no question
        assert type(app.screen).__name__ == "MainScreen"
        await pilot.press("e")
        app.screen.query_one("#notes").text = "new note"
        await pilot.press("ctrl+s")
        doc = app.catalog.workspace.view("posts")[post_id]
        assert doc["title"] == "T\x1b]2;PWNED\x1b\\X" and doc["caption"] == "a\x1b[2Jb\nline 2"
        assert doc["notes"] == "new note"


async def test_figures_need_plain_digits(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        for value in ("²", "1²", "9" * 5000):
            app.screen.query_one("#reach").value = value
            await pilot.press("ctrl+s")
            assert "Reach: a whole number" in str(app.screen.query_one("#error-figures").render())


async def test_a_count_fields_error_is_shown_whole_and_in_view(make_app, monkeypatch):
    """Issue 17.7: "Et helt tall." under a 9-column count field was cut to "Et helt"."""
    monkeypatch.setenv("SOMEPLAN_LANG", "nb")
    for size in ((120, 40), (100, 30), (80, 24)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await pilot.press("e")
            editor = app.screen
            editor.query_one("#followers").value = "mange"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is editor
            shown = [e for e in editor.query(".error") if str(e.render())]
            assert len(shown) == 1, size
            [error] = shown
            text = str(error.render())
            assert "Følgere" in text and "helt tall" in text
            assert len(text) <= error.size.width, (size, text, error.size)  # one line, not wrapped out of view
            form = editor.query_one("#editor-form")
            assert form.region.contains_region(error.region), size


async def test_space_asks_before_a_future_post_becomes_published(make_app):
    """Issue 17.13: a scheduled post next week went to "published" on one key."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        workspace = app.catalog.workspace
        post_id = workspace.insert(POSTS, {"title": "Neste uke", "date": "2026-11-25", "time": "10:00", "status": "scheduled"})
        await pilot.press("g", *"25.11.2026", "enter")
        app.screen.refresh_all(keep=post_id)
        assert app.screen.plan.selected_post_id == post_id
        await pilot.press("space")
        assert type(app.screen).__name__ == "Confirm"
        assert "Neste uke" in str(app.screen.query_one("Label").render())
        await pilot.press("n")
        assert workspace.view(POSTS)[post_id]["status"] == "scheduled"
        await pilot.press("space", "y")
        assert workspace.view(POSTS)[post_id]["status"] == "published"
        # today's scheduled post goes out without a question
        today_id = workspace.insert(POSTS, {"title": "I dag", "date": "2026-11-18", "time": "23:00", "status": "scheduled"})
        await pilot.press("t")
        app.screen.refresh_all(keep=today_id)
        await pilot.press("space")
        assert type(app.screen).__name__ == "MainScreen"
        assert workspace.view(POSTS)[today_id]["status"] == "published"


async def test_the_editors_date_is_shown_and_read_as_people_write_it(make_app, monkeypatch):
    """Issue 17.24: the date field showed 2026-11-16 in Bokmål; it shows 16.11.2026 (in either
    language, as the campaign editor) and reads 13.12.2026 back."""
    for lang in ("nb", "en"):
        monkeypatch.setenv("SOMEPLAN_LANG", lang)
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("g", *"16.11.2026", "enter")
            post_id = app.screen.plan.selected_post_id
            await pilot.press("e")
            field = app.screen.query_one("#date")
            assert field.value == "16.11.2026"
            field.value = "13.12.2026"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.catalog.workspace.view(POSTS)[post_id]["date"] == "2026-12-13"


def _visible_lines(listing):
    top = round(listing.scroll_y)
    height = listing.scrollable_content_region.height
    texts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
    return texts[top : top + height], top


async def test_the_week_opens_at_its_top_with_the_selection_visible(make_app, monkeypatch):
    """Issue 17.25: at 100x30 the plan opened scrolled, Monday and Tuesday out of view."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        listing = app.screen.plan.main
        shown, top = _visible_lines(listing)
        assert top == 0 and shown[0].startswith("Mon 16 Nov")  # today is Wednesday: all from Monday
        assert listing.highlighted < len(shown)


async def test_a_late_selection_shows_its_day_from_the_heading(make_app, monkeypatch):
    """Today a Sunday in a full week: Sunday's heading and all its posts show, not its first
    post on the bottom line under Tuesday's."""
    monkeypatch.setenv("SOMEPLAN_TODAY", "2026-12-06")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        for step in ([], ["left_square_bracket"]):  # as opened; then the week before, its Sunday selected
            await pilot.press(*step)
            await pilot.pause()
            listing, plan = app.screen.plan.main, app.screen.plan
            shown, top = _visible_lines(listing)
            heading = listing.get_option_index(f"day:{plan.selected_day.isoformat()}")
            assert plan.selected_day.weekday() == 6
            assert top <= heading < listing.highlighted < top + len(shown), shown
            assert top + len(shown) == listing.option_count  # Sunday's later posts too

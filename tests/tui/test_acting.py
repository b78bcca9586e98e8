"""Acting on posts from the plan: copy the caption (OSC 52), open an asset in the system's
viewer, and the selection mode (`v`, `space` marks) for status, move and duplicate at once."""

from someplan.services.catalog import POSTS
from someplan.services.errors import UserError

MORNING = "01m823v2q6p5qv425ck9jww0jc"  # 18.11 07:45, with natur/fjord-morgen.png
EVENING = "01m823v2q93nkv5dpvyk6m969n"  # 18.11 18:00, no assets


def _notices(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_c_copies_the_caption_and_says_so(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.screen.plan.selected_post_id == MORNING
        await pilot.press("c")
        caption = app.catalog.post(MORNING).caption
        assert app.clipboard == caption
        assert any(f"({len(caption)} characters)" in n for n in _notices(app))


async def test_o_opens_the_posts_asset_in_the_viewer_or_says_why_not(make_app, monkeypatch):
    opened = []
    monkeypatch.setattr("someplan.services.viewer.open_in_viewer", opened.append)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()  # the asset scan
        await pilot.pause()
        await pilot.press("o")
        assert [p.name for p in opened] == ["fjord-morgen.png"] and opened[0].is_file()
        assert any("fjord-morgen.png" in n for n in _notices(app))
        await pilot.press("j")
        assert app.screen.plan.selected_post_id == EVENING
        await pilot.press("o")
        assert len(opened) == 1 and any("has no assets" in n for n in _notices(app))

        def refuse(path):
            raise UserError("No screen to show it on over SSH")

        monkeypatch.setattr("someplan.services.viewer.open_in_viewer", refuse)
        await pilot.press("k", "o")
        assert _notices(app)[-1] == "No screen to show it on over SSH"


async def test_marked_posts_move_and_change_status_at_once_with_one_undo(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        posts = app.catalog.workspace.view(POSTS)
        await pilot.press("v", "space", "j", "space")
        assert app.screen.plan.marked == {MORNING, EVENING}
        await pilot.press("L")
        assert (posts[MORNING]["date"], posts[EVENING]["date"]) == ("2026-11-19", "2026-11-19")
        await pilot.press("s", *"draft", "enter")
        assert (posts[MORNING]["status"], posts[EVENING]["status"]) == ("draft", "draft")
        undos = len(app.undo_stack)
        await pilot.press("u")
        assert len(app.undo_stack) == undos - 1
        assert (posts[MORNING]["status"], posts[EVENING]["status"]) == ("published", "scheduled")
        assert _notices(app)[-1] == "Undone: setting 2 posts to “draft”"
        await pilot.press("u")
        assert (posts[MORNING]["date"], posts[EVENING]["date"]) == ("2026-11-18", "2026-11-18")
        assert _notices(app)[-1] == "Undone: moving 2 posts"


async def test_marked_posts_duplicate_at_once_and_v_ends_the_marks(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        before = set(app.catalog.workspace.view(POSTS))
        await pilot.press("v", "space", "j", "space", "y")
        new = set(app.catalog.workspace.view(POSTS)) - before
        assert {app.catalog.post(i).reused_from for i in new} == {MORNING, EVENING}
        assert any(n.startswith("Duplicating 2 posts") for n in _notices(app))
        await pilot.press("v")
        assert not app.screen.plan.selecting and not app.screen.plan.marked
        await pilot.press("u")
        assert set(app.catalog.workspace.view(POSTS)) == before


async def test_every_post_action_answers_in_a_toast_and_u_names_what_it_undid(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        title = app.catalog.post(MORNING).title
        await pilot.press("space")  # published already: said, not silent
        assert _notices(app)[-1].startswith(f"“{title}” is published, the last status")
        await pilot.press("L")
        assert _notices(app)[-1] == f"Moved “{title}” to Thursday 19 Nov — u undoes"
        await pilot.press("u")
        assert _notices(app)[-1] == f"Undone: moving “{title}” to Thursday 19 Nov"
        await pilot.press("j")
        evening = app.catalog.post(EVENING).title
        await pilot.press("space")
        assert _notices(app)[-1] == f"“{evening}”: published — u undoes"
        await pilot.press("u")
        assert _notices(app)[-1] == f"Undone: setting “{evening}” to published"
        await pilot.press("y")
        assert _notices(app)[-1] == f"Duplicated “{evening}” as a draft — u undoes"
        await pilot.press("u")
        assert _notices(app)[-1] == f"Undone: duplicating “{evening}”"


def test_snapshot_of_marked_posts_and_a_colleague_here(snap_compare, make_app, sample_copy):
    import json
    import time

    from someplan.services.presence import Presence
    from someplan.store.layout import PRESENCE_FILE
    from someplan.tui.presence_beat import PresenceBeat

    (sample_copy / "devices" / "7zkhmhw1sgnk" / PRESENCE_FILE).write_text(json.dumps({"beat": time.time()}))

    async def mark(pilot):
        app = pilot.app
        app.presence = PresenceBeat(app, Presence(app.catalog.workspace)).start()
        await app.workers.wait_for_complete()
        await pilot.press("v", "space", "j", "space")
        app.clear_notifications()
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=mark)

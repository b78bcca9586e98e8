"""Needs attention in the planner (issue 16.4): marked on the rows, counted in the header,
listed on `!`, and `enter` there shows the post in its week."""

from someplan.services.catalog import POSTS
from tests.tui.test_assets_pane import until


def lise_drafts(app):
    lise = next(p.id for p in app.catalog.people() if p.name.startswith("Lise"))
    return sorted(rid for rid, doc in app.catalog.workspace.view(POSTS).items()
                  if lise in doc.get("people", []) and doc.get("status") != "published")  # fmt: skip


def header(app):
    return str(app.screen.query_one("#header").render())


async def test_the_samples_lise_needs_attention_and_enter_shows_her_post(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        drafts = lise_drafts(app)
        assert len(drafts) == 2
        found = app.screen.attention
        assert {a.post for a in found if a.kind == "consent"} == set(drafts)
        assert f"! {len(found)} need attention (!)" in header(app)
        await pilot.press("exclamation_mark")
        await until(pilot, lambda: type(app.screen).__name__ == "AttentionScreen", "the attention list")
        listing = app.screen.query_one("#attention-list")
        rows = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert any("Lise" in row and "consent ended" in row for row in rows)
        index = next(i for i, a in enumerate(app.screen.found) if a.post == drafts[0])
        listing.highlighted = index
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "MainScreen", "the plan")
        assert app.screen.week.week == 49 and app.screen.plan.selected_post_id == drafts[0]
        row = str(app.screen.plan.main.get_option_at_index(app.screen.plan.main.highlighted).prompt)
        assert row.startswith(" ! ")  # the mark on the row


async def test_a_fix_clears_the_warning_at_once(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        before = len(app.screen.attention)
        drafts = lise_drafts(app)
        for post_id in drafts:
            app.catalog.workspace.write([(POSTS, post_id, "people", [])])
        app.screen.refresh_all()
        await pilot.pause()
        assert len(app.screen.attention) == before - 2
        assert not {a.post for a in app.screen.attention} & set(drafts)

"""Issue 16 items 1 and 2: the selected post in the detail pane, and rows that give the title
the width."""

import dataclasses

import pytest

from someplan.services import planning
from someplan.tui.panes.detail import DetailPane
from someplan.tui.panes.plan import STATUS_WORD_FROM

from .conftest import picture_drawn

MORNING_POST = "01m823v2q6p5qv425ck9jww0jc"  # Wed 18 Nov 07:45, Instagram, natur/fjord-morgen.png


def _visible_texts(listing) -> list[str]:
    return ["".join(segment.text for segment in listing.render_line(y)) for y in range(listing.scrollable_content_region.height)]


def _detail_text(app) -> str:
    return str(app.screen.query_one("#detail-text").render())


async def test_the_detail_follows_the_cursor(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen, pane = app.screen, app.screen.query_one(DetailPane)
        assert pane.display and pane.region.width > 30  # beside the plan at 120x40
        assert pane.detail.post.id == MORNING_POST == screen.plan.selected_post_id
        text = _detail_text(app)
        assert "God morgen fra en frostklar fjord" in text and "Minus fire og helt stille" in text
        assert "Instagram 64/2,200" in text and "natur/fjord-morgen.png" in text
        assert "Changed by Ingrid (bærbar)" in text  # the sample's formats came from her laptop (issue 19)
        updates = screen.detail_updates
        await pilot.press("j")
        await pilot.pause()
        assert screen.detail_updates > updates
        assert pane.detail.post.id == screen.plan.selected_post_id != MORNING_POST
        assert "Pepperkakehuset, dag 1" in _detail_text(app)


async def test_a_caption_over_a_limit_and_a_consent_that_ended(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        catalog = app.catalog
        post = catalog.post(MORNING_POST)
        planning.change_post(catalog, post, dataclasses.replace(post, caption="[bold]x[/bold] " + "x" * 2_300))
        app.screen.refresh_all(keep=MORNING_POST)
        await pilot.pause()
        text = _detail_text(app)
        assert "✗ Instagram 2,315/2,200" in text and "[bold]x[/bold]" in text  # user text is never markup
        await pilot.press("g", *"1.12.2026", "enter")
        await pilot.pause()
        assert "Lise Haugland  ⚠ consent ended 31 Oct 2026" in _detail_text(app)


async def test_the_picture_is_drawn_in_half_blocks_after_the_cursor_rests(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        picture = app.screen.query_one("#detail-picture")
        await picture_drawn(pilot)  # past the debounce, then the decoding worker
        assert picture.display and "▀" in str(picture.render())
        await pilot.press("j")  # a post without a picture: none shown
        await pilot.pause()
        assert not picture.display


async def test_d_shows_the_detail_under_the_plan_on_a_small_screen(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(DetailPane)
        assert not pane.display
        await pilot.press("D")
        await pilot.pause()
        plan = app.screen.plan
        assert pane.display and plan.display and pane.region.y >= plan.region.bottom
        assert pane.detail.post.id == plan.selected_post_id
        await pilot.press("D")
        await pilot.pause()
        assert not pane.display


@pytest.mark.parametrize(("size", "word"), [((100, 30), False), ((120, 40), False), ((80, 24), True)])
async def test_rows_give_the_title_the_width(make_app, size, word):
    """No title cut below 30 characters; the status word only where the row has room."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        plan = app.screen.plan
        listing = plan.main
        for _ in range(100):  # the rows are drawn again once the list has its width (after a layout)
            if plan._drawn_wide == (listing.scrollable_content_region.width >= STATUS_WORD_FROM):
                break
            await pilot.pause(0.02)
        report = plan.report
        titles = [post.title for day in report.days for post in day.posts]
        shown = "\n".join(_visible_texts(listing))
        visible = [title for title in titles if title[:12] in shown]
        assert len(visible) >= 8
        for title in visible:
            assert title[:30] in shown, title
        assert ("published" in shown) is word
        assert " IG " in shown and " FB " in shown and "Instagram" not in shown.split("\n", 1)[1]


def test_the_terminals_graphics_are_chosen_from_its_environment():
    from someplan.tui.picture import graphics_protocol

    assert graphics_protocol({"TERM": "xterm-kitty"}) == "kitty"
    assert graphics_protocol({"TERM": "xterm-256color", "KITTY_WINDOW_ID": "1"}) == "kitty"
    assert graphics_protocol({"TERM": "foot"}) == graphics_protocol({"TERM_PROGRAM": "WezTerm"}) == "sixel"
    assert graphics_protocol({"TERM": "xterm-256color"}) == "halfblock"  # over SSH from anything else
    assert graphics_protocol({"TERM": "xterm-kitty", "SOMEPLAN_GRAPHICS": "halfblock"}) == "halfblock"


async def test_where_the_terminal_has_graphics_the_picture_goes_to_textual_image(make_app, monkeypatch):
    from PIL import Image
    from textual_image.widget import HalfcellImage  # a stand-in: the tests have no kitty to draw in

    from someplan.tui import picture

    monkeypatch.setattr(picture, "_widget_class", HalfcellImage)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        widget = app.screen.query_one("#detail-picture")
        assert isinstance(widget, HalfcellImage)
        await picture_drawn(pilot)
        assert isinstance(widget.image, Image.Image) and widget.image.width <= widget.parent.size.width * 20


async def test_a_caption_keeps_its_line_breaks_in_the_detail(make_app):
    """A paragraph break showed as the text "\\x0a"."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        catalog = app.catalog
        post = catalog.post(MORNING_POST)
        planning.change_post(catalog, post, dataclasses.replace(post, caption="Første avsnitt.\n\nAndre avsnitt."))
        app.screen.refresh_all(keep=MORNING_POST)
        await pilot.pause()
        text = _detail_text(app)
        assert "Første avsnitt.\n\nAndre avsnitt." in text and "\\x0a" not in text


async def test_a_change_draws_the_detail_once(make_app):
    """refresh_all drew it, and the plan's highlight set again drew it a second time."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        before = app.screen.detail_updates
        post_id = app.screen.plan.selected_post_id
        planning.edit_post(app.catalog, post_id, title="Endret tittel")
        app.screen.refresh_all(keep=post_id)
        await pilot.pause()
        assert app.screen.detail_updates == before + 1
        assert "Endret tittel" in _detail_text(app)


async def test_a_picture_named_with_the_legacy_assets_prefix_is_found_as_o_finds_it(make_app, sample_copy):
    """Older posts name their files `assets/…`: the asset index finds them, and so must the pane
    (it said the file was missing while `o` and the editor's hint found it)."""
    from someplan.services.catalog import Catalog
    from someplan.store.workspace import Workspace

    workspace = Workspace.open(sample_copy)
    catalog = Catalog(workspace)
    for post in catalog.posts():
        if post.assets:
            planning.edit_post(catalog, post.id, assets=["assets/" + ref for ref in post.assets])
    workspace.close()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        picture = app.screen.query_one("#detail-picture")
        await picture_drawn(pilot)
        assert app.screen.asset_index.ready
        assert picture.display and "▀" in str(picture.render())


async def test_the_first_frame_draws_the_detail_once(make_app):
    """The screen draws the detail before its first layout; the plan's highlight, set as the week
    is drawn, must not read the post (and who changed it) a second time."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.detail_updates == 1
        await pilot.press("j")
        await pilot.pause()
        assert app.screen.detail_updates == 2


async def test_a_picture_found_missing_before_the_asset_index_was_read_is_looked_for_again(make_app, sample_copy):
    """The index may be read while the picture is decoded without it: that decode's "missing"
    is not the last word (the index's arrival found nothing missing yet to look for again)."""
    from rich.text import Text

    from someplan.tui.panes.detail import DetailPane

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await picture_drawn(pilot)
        pane = app.screen.query_one(DetailPane)
        picture = app.screen.query_one("#detail-picture")
        assert app.screen.asset_index.ready and "▀" in str(picture.render())
        # What a decode begun before the index came delivers for a file named as the index knows it:
        pane._picture_drawn = None
        pane._put_picture(pane._picture_for, Text("(missing from the asset folder)"), True, False)
        await picture_drawn(pilot)
        assert "▀" in str(picture.render())


async def test_a_picture_delivered_as_the_pane_is_taken_down_is_dropped(make_app):
    """A decode that ends as the planner closes finds the pane's picture already removed
    (Textual takes children down first): dropped, not an error that fails the worker."""
    from rich.text import Text

    from someplan.tui.panes.detail import DetailPane

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(DetailPane)
        wanted = pane._picture_for
        await pane.query_one("#detail-picture").remove()
        pane._pruning = True  # as Textual marks it when it takes the pane down
        try:
            pane._put_picture(wanted, Text("late"))
        finally:
            pane._pruning = False

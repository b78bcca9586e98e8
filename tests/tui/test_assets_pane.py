"""The assets pane: index, filters, attach, new post from an asset, preview, and the live folder."""

import os
import shutil

from someplan.services.catalog import POSTS
from someplan.tui.panes.assets import AssetsPane
from someplan.tui.screens.asset_preview import AssetPreview, HalfBlockImage
from someplan.tui.screens.dialogs import Ask
from someplan.tui.screens.editor import PostEditor

from .conftest import FROZEN_MTIME, picture_drawn


async def until(pilot, condition, what="condition"):
    """Let the app run until `condition()` holds (bounded, so a failure does not hang)."""
    for _ in range(400):
        if condition():
            return
        await pilot.pause(0.025)
    raise AssertionError(f"timed out waiting for {what}")


async def ready(pilot):
    await until(pilot, lambda: pilot.app.screen.asset_index is not None and pilot.app.screen.asset_index.ready
                and pilot.app.screen.asset_listing is not None, "the asset index")  # fmt: skip
    return pilot.app.screen


def shown(screen):
    return [row.path for row in screen.asset_listing.rows]


async def select_asset(pilot, path):
    screen = pilot.app.screen
    pane = screen.query_one(AssetsPane)
    await pilot.press("3")
    pane.main.highlighted = pane.main.get_option_index(f"asset:{path}")
    await pilot.pause()


def posts_using(app, path):
    return {pid for pid, doc in app.catalog.workspace.view(POSTS).items() if path in (doc.get("assets") or [])}


async def test_the_pane_lists_every_asset_with_its_posts(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        assert len(shown(screen)) == 10
        assert screen.asset_listing.unused == 0
        nordlys = next(r for r in screen.asset_listing.rows if r.path == "natur/nordlys.png")
        assert nordlys.uses == 3


async def test_attach_the_selected_asset_to_the_selected_post(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        post_id = app.screen.plan.selected_post_id
        before = app.catalog.workspace.get(POSTS, post_id)["assets"]
        target = next(p for p in shown(app.screen) if p not in before)
        await select_asset(pilot, target)
        await pilot.press("a")
        assert app.catalog.workspace.get(POSTS, post_id)["assets"] == [*before, target]
        await pilot.press("a")  # twice is once
        assert app.catalog.workspace.get(POSTS, post_id)["assets"] == [*before, target]


async def test_new_post_from_an_asset(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        before = posts_using(app, "natur/kajakk.png")
        await select_asset(pilot, "natur/kajakk.png")
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, PostEditor), "the editor")
        assert app.screen.query_one("#title").value == "Kajakk"
        assert app.screen.query_one("#assets").value == "natur/kajakk.png"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, PostEditor), "saving")
        [new] = posts_using(app, "natur/kajakk.png") - before
        assert app.catalog.workspace.get(POSTS, new)["title"] == "Kajakk"


async def test_filters_unused_folder_type_and_name(make_app, sample_copy):
    (sample_copy / "assets" / "natur" / "ubrukt bilde.png").write_bytes(b"\x89PNG")
    (sample_copy / "assets" / "video").mkdir()
    (sample_copy / "assets" / "video" / "film.mp4").write_bytes(b"\x00" * 10)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)

        async def filter_by(text):
            await pilot.press("3", "slash")
            await until(pilot, lambda: isinstance(app.screen, Ask), "the filter dialog")
            app.screen.query_one("Input").value = text
            await pilot.press("enter")
            await until(pilot, lambda: not isinstance(app.screen, Ask), "the filter")
            return sorted(shown(screen))

        assert await filter_by("unused") == ["natur/ubrukt bilde.png", "video/film.mp4"]
        assert await filter_by("type:video") == ["video/film.mp4"]
        assert await filter_by("folder:natur unused") == ["natur/ubrukt bilde.png"]
        assert await filter_by("nordlys") == ["natur/nordlys.png"]
        assert await filter_by("category:ansatte") == [
            "ansatte/ahmed-kjokkenet.png", "ansatte/kari-resepsjonen.png", "tekster/intervju-spørsmål.txt"]  # fmt: skip
        assert "natur/ubrukt bilde.png" in await filter_by("unused:6")
        assert await filter_by("") == sorted(shown(screen)) and len(shown(screen)) == 12


async def test_enter_previews_an_image_in_half_blocks_and_a_text_file_by_its_facts(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await select_asset(pilot, "natur/nordlys.png")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, AssetPreview), "the preview")
        assert app.screen.query(HalfBlockImage)
        assert "160 × 100" in str(app.screen.query_one("#preview-facts").render())
        await pilot.press("escape")
        await select_asset(pilot, "tekster/intervju-spørsmål.txt")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, AssetPreview), "the preview")
        assert not app.screen.query(HalfBlockImage)


async def test_the_folder_is_watched_while_the_app_runs(make_app, sample_copy, tmp_path):
    root = sample_copy / "assets"
    app = make_app(watch=True)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        # a file copied in
        source = tmp_path / "IMG_0001.jpg"
        source.write_bytes(b"\xff\xd8\xff" + b"j" * 3000)
        shutil.copy(source, root / "natur" / "IMG_0001.jpg")
        await until(pilot, lambda: "natur/IMG_0001.jpg" in shown(screen), "the new file")
        # a referenced file renamed: its posts follow
        users = posts_using(app, "natur/nordlys.png")
        os.rename(root / "natur" / "nordlys.png", root / "natur" / "nordlys-2026.png")
        await until(pilot, lambda: posts_using(app, "natur/nordlys-2026.png") == users, "the posts to follow")
        assert "natur/nordlys.png" not in shown(screen)
        # a folder renamed
        os.rename(root / "mat", root / "mat og drikke")
        await until(pilot, lambda: posts_using(app, "mat og drikke/hostmeny.png"), "the folder move")
        # deleted: flagged as missing on top, never dropped from its posts
        users = posts_using(app, "natur/kajakk.png")
        os.remove(root / "natur" / "kajakk.png")
        await until(pilot, lambda: screen.asset_listing.missing == 1, "the missing file")
        assert screen.asset_listing.rows[0].path == "natur/kajakk.png" and screen.asset_listing.rows[0].missing
        assert posts_using(app, "natur/kajakk.png") == users


async def test_a_rename_seen_as_delete_and_create_is_found_by_its_content(make_app, sample_copy):
    root = sample_copy / "assets"
    app = make_app(watch=True)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await until(pilot, lambda: "hotellet/julebord.png" in screen.asset_index.fingerprints, "the fingerprints")
        users = posts_using(app, "hotellet/julebord.png")
        data = (root / "hotellet" / "julebord.png").read_bytes()
        os.remove(root / "hotellet" / "julebord.png")  # how a sync tool may deliver a colleague's rename
        (root / "hotellet" / "julebord-2026.png").write_bytes(data)
        await until(pilot, lambda: posts_using(app, "hotellet/julebord-2026.png") == users, "the posts to follow")


def test_snapshot_of_the_pane_with_a_half_block_preview(snap_compare, make_app):
    async def preview(pilot):
        await ready(pilot)
        await picture_drawn(pilot)
        await select_asset(pilot, "natur/nordlys.png")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(pilot.app.screen, AssetPreview), "the preview")

    assert FROZEN_MTIME  # the dates shown are the frozen ones
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=preview)


def test_snapshot_of_the_assets_pane_at_80x24(snap_compare, make_app):
    async def assets(pilot):
        await ready(pilot)
        await pilot.press("3")

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=assets)


async def test_a_reference_leading_out_of_the_folder_is_listed_as_refused(make_app):
    app = make_app()
    post_id = next(iter(app.catalog.workspace.view(POSTS)))
    app.catalog.workspace.update(POSTS, post_id, {"assets": ["../../../etc/passwd", "\x1b]0;pwned\x07/etc/shadow"]})
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        refused = [row for row in screen.asset_listing.rows if row.refused]
        assert sorted(row.path for row in refused) == sorted(["../../../etc/passwd", "\x1b]0;pwned\x07/etc/shadow"])
        pane = screen.query_one(AssetsPane)
        status = str(pane.query_one("#assets-status").render())
        assert "2\u00a0refused" in status
        lines = [str(option.prompt) for option in pane.main._options]
        assert any("\\x1b]0;pwned\\x07/etc/shadow" in line and "refused" in line for line in lines)


async def test_a_shared_asset_folder_outside_the_users_folders_is_not_indexed_and_says_so(make_app, sample_copy):
    app = make_app()
    app.catalog.workspace.update("settings", "workspace", {"asset_folder": "/"})
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        assert screen.asset_index.root == sample_copy.resolve() / "assets"
        assert len(shown(screen)) == 10
        assert any("--trust-folder" in n.message for n in app._notifications)


async def test_the_folder_watch_starts_off_the_ui_thread(make_app, monkeypatch):
    import threading

    from someplan.services.asset_watch import AssetWatcher

    threads = []
    real_start = AssetWatcher.start
    monkeypatch.setattr(AssetWatcher, "start", lambda self: threads.append(threading.current_thread()) or real_start(self))
    app = make_app(watch=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await until(pilot, lambda: threads, "the folder watch")  # it starts once the scan is in
        assert threads[0] is not threading.main_thread()  # walking 200 folders holds no key


async def test_an_unknown_filter_key_is_refused_in_the_dialog(make_app):
    """Issue 17.8: the filter dialog says what is wrong with `foo:bar` instead of showing no file."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("3", "slash")
        await until(pilot, lambda: isinstance(app.screen, Ask), "the filter dialog")
        app.screen.query_one("Input").value = "foo:bar"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Ask)
        assert "foo:bar: not a filter" in str(app.screen.query_one("#ask-error").render())


async def test_the_listed_files_are_made_for_drawing_as_listed_not_as_3_shows_them(make_app, monkeypatch):
    # `3` draws up to 200 files: their text is made into Textual's Content as they are listed.
    from textual.content import Content

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        pane = screen.query_one(AssetsPane)
        await until(pilot, lambda: pane.main.option_count == len(shown(screen)), "the list")
        made = []
        real = Content.from_rich_text.__func__

        def making(cls, text, *args, **kwargs):
            if "↳" in str(text):  # a listed file's two lines (other widgets make Content too)
                made.append(text)
            return real(cls, text, *args, **kwargs)

        monkeypatch.setattr(Content, "from_rich_text", classmethod(making))
        await pilot.press("3")
        await pilot.pause()
        assert pane.main.region.height > 0 and pane.main.has_focus
        assert str(pane.main.get_option_at_index(0).prompt).strip() and made == []


async def test_asset_news_arriving_as_the_screen_is_taken_down_is_dropped(make_app):
    """A worker's news that arrives while Textual takes the screen down (its panes first) has
    nothing to be shown in: dropped, not an error that fails the worker and the app's exit."""
    import asyncio

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        called = []
        loop = asyncio.get_running_loop()
        screen._pruning = True  # as Textual marks it when it takes the screen down
        try:
            await loop.run_in_executor(None, screen._from_thread, called.append, 1)
        finally:
            screen._pruning = False
        await loop.run_in_executor(None, screen._from_thread, called.append, 2)
        assert called == [2]

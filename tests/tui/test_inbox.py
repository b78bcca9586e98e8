"""The ideas inbox in the planner: live from the folder, drafts, set aside and back."""

import threading

from someplan.domain.ideas import IdeaState
from someplan.services import ideas as inbox
from someplan.services.catalog import PEOPLE, POSTS
from someplan.tui.screens.inbox import InboxScreen

# What sync tools and editors leave while a file is on its way: never an idea.
TEMP_NAMES = (".~x", "x.tmp", ".dropbox.cache", "~$x.docx", ".syncthing.x.tmp", "x.jpg.part")


async def until(pilot, condition, what="condition", limit=400):
    """Let the app run until `condition()` holds; `limit` bounds the app time granted (25 ms a turn)."""
    for _ in range(limit):
        if condition():
            return
        await pilot.pause(0.025)
    raise AssertionError(f"timed out waiting for {what}")


def upload(path, done: threading.Event):
    """A sync tool writing a large file: a chunk every 20 ms (the watcher waits for 250 ms without
    change), until `done`. A thread, as the sync tool is another process beside the app."""
    with open(path, "wb") as file:
        while not done.wait(0.02):
            file.write(b"\0" * 1000)
            file.flush()


def keys(screen):
    return [idea.key for idea in screen.ideas]


async def open_inbox(pilot):
    await pilot.press("i")
    await until(pilot, lambda: isinstance(pilot.app.screen, InboxScreen) and pilot.app.screen._pending is None, "the inbox")
    return pilot.app.screen


async def test_a_dropped_idea_shows_live_and_a_half_synced_file_does_not(make_app, sample_copy):
    root = sample_copy / "ideas"
    app = make_app(watch=True)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_inbox(pilot)
        before = set(keys(screen))
        growing = threading.Event()
        uploader = threading.Thread(target=upload, args=(root / "video.mp4", growing))
        uploader.start()  # a phone's video still arriving, chunk by chunk, beside the app's loop
        try:
            for name in TEMP_NAMES:
                (root / name).write_bytes(b"half")
            (root / "Fra Ola.txt").write_text("Fra: Ola Nordmann\nLa oss vise frokosten med fjordutsikt\n", encoding="utf-8")
            await until(pilot, lambda: "Fra Ola.txt" in keys(screen), "the note", limit=60)  # 1.5 s of app time
            new = next(idea for idea in screen.ideas if idea.key == "Fra Ola.txt")
            assert new.contributor == "Ola Nordmann" and new.preview() == ["La oss vise frokosten med fjordutsikt"]
            assert set(keys(screen)) - before == {"Fra Ola.txt"}  # no temp file, no half a video
        finally:
            growing.set()
            uploader.join()
        await until(pilot, lambda: "video.mp4" in keys(screen), "the video once complete")
        assert not set(keys(screen)) & set(TEMP_NAMES)


async def test_enter_makes_a_draft_credits_the_contributor_and_x_sets_aside(make_app, sample_copy):
    root = sample_copy / "ideas"
    (root / "petra").mkdir(parents=True, exist_ok=True)
    (root / "petra" / "frokost.jpg").write_bytes(b"\xff\xd8\xff" + b"p" * 500)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_inbox(pilot)
        screen.query_one("DataTable").move_cursor(row=keys(screen).index("petra/frokost.jpg"))
        await pilot.press("enter")
        idea_id = inbox.fingerprint(root / "petra" / "frokost.jpg", 503)
        assert "petra/frokost.jpg" not in keys(screen)  # only new ideas are listed
        record = app.catalog.workspace.get(inbox.IDEAS, idea_id)
        post = app.catalog.workspace.get(POSTS, record["post"])
        assert post["status"] == "draft" and post["idea"] == idea_id
        assert "ideas/petra/frokost.jpg" in post["notes"]  # outside the asset folder: named, not attached
        person = app.catalog.workspace.get(PEOPLE, post["contributor"])
        assert person["name"] == "petra" and person["contributor"] is True
        # x sets the first idea aside; in the list of all, x brings it back
        first = screen.ideas[0]
        screen.query_one("DataTable").move_cursor(row=0)
        await pilot.press("x")
        assert first.key not in keys(screen)
        await pilot.press("a")
        screen.query_one("DataTable").move_cursor(row=keys(screen).index(first.key))
        assert screen.selected.state is IdeaState.SET_ASIDE
        await pilot.press("x")
        assert screen.selected.state is IdeaState.NEW
        await pilot.press("escape")
        assert not isinstance(app.screen, InboxScreen)
        # the draft credits petra in the post editor
        from someplan.domain.post import Post
        from someplan.tui.screens.editor import PostEditor

        draft = Post.from_doc(post, record["post"])
        await app.push_screen(PostEditor(draft, app.catalog.channels(), app.catalog.categories(), app.today, False))
        await pilot.pause()
        assert "petra" in str(app.screen.query_one("#editor-credit").render())


async def test_the_inbox_fits_80x24(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_inbox(pilot)
        assert screen.ideas  # the sample's ideas
        assert screen.query_one("#inbox-preview").region.bottom <= 23


async def test_a_drafted_idea_renamed_on_disk_stays_drafted(make_app, sample_copy):
    root = sample_copy / "ideas"
    app = make_app(watch=True)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_inbox(pilot)
        screen.query_one("DataTable").move_cursor(row=keys(screen).index("ahmed/rakfisk.md"))
        await pilot.press("enter")
        assert "ahmed/rakfisk.md" not in keys(screen)
        await pilot.press("a")
        (root / "kjøkken").mkdir()
        (root / "ahmed" / "rakfisk.md").rename(root / "kjøkken" / "rakfisk-torsdag.md")
        await until(pilot, lambda: "kjøkken/rakfisk-torsdag.md" in keys(screen), "the renamed idea")
        renamed = next(idea for idea in screen.ideas if idea.key == "kjøkken/rakfisk-torsdag.md")
        assert renamed.state is IdeaState.DRAFTED and "ahmed/rakfisk.md" not in keys(screen)
        assert renamed.contributor == "Ahmed Karimi"  # from its first line, wherever it lies


async def test_a_set_aside_that_is_not_saved_says_only_that(make_app, monkeypatch):
    from someplan.store.problems import WorkspaceError

    def refuse(*_args):
        raise WorkspaceError("the shared folder is read-only")

    monkeypatch.setattr(inbox, "set_aside", refuse)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_inbox(pilot)
        first = screen.ideas[0]
        screen.query_one("DataTable").move_cursor(row=0)
        await pilot.press("x")
        said = [n.message for n in app._notifications]
        assert any("Not saved" in message for message in said)
        assert not any("Set aside" in message for message in said)  # no success after a failure
        assert first.key in keys(screen) and first.state is IdeaState.NEW

"""The post editor (issue 16 item 5): one-line fields, the caption against the channel's limit,
the people field, the link checked, errors whole, and one editor built ahead and reused."""

from __future__ import annotations

import pytest

from someplan.domain.web_address import is_web_address
from someplan.services.catalog import POSTS

# The sample: the post selected when the planner opens (18.11.2026 07:45, Instagram, published).
FIRST = "01m823v2q6p5qv425ck9jww0jc"
LISE = "01m823v2e2n0wn8tjw7n16hb5z"  # her consent ended 31.10.2026
KARI = "01m823v2dykxs8gq9pdm4349m0"
FACEBOOK = "01m823v2d8m53xaxf3bmn8tjs9"


async def built_ahead(app, pilot):
    """The editor the planner builds after its first frame, once it has mounted."""
    await app.workers.wait_for_complete()
    for _ in range(20):
        if app.is_screen_installed("post-editor") and app.get_screen("post-editor").field:
            return app.get_screen("post-editor")
        await pilot.pause()
    raise AssertionError("the editor was not built ahead")


async def open_editor(app, pilot):
    await pilot.press("e")
    await pilot.pause()
    assert type(app.screen).__name__ == "PostEditor"
    return app.screen


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_title_to_caption_fit_on_a_small_terminal(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        editor = await open_editor(app, pilot)
        form = editor.query_one("#editor-form")
        for name in ("title", "date", "time", "status", "channel", "category", "people", "link", "owner", "caption"):
            widget = editor.query_one(f"#{name}")
            assert form.region.contains_region(widget.region), (name, widget.region, form.region)
        assert editor.query_one("#title").size.height == 1  # one line, not a 3-row box
        assert editor.query_one("#caption").size.height >= 4


async def test_the_caption_is_counted_against_the_channels_limit_and_saved_when_over(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await open_editor(app, pilot)
        count = editor.query_one("#caption-count")
        assert "/ 2,200 Instagram" in str(count.render())
        editor.query_one("#caption").text = "x" * 2300
        await pilot.pause()
        shown = str(count.render())
        assert "2,300 / 2,200 Instagram" in shown and "100 over the limit" in shown
        editor.query_one("#channel").value = FACEBOOK
        await pilot.pause()
        assert "2,300 / 63,206 Facebook" in str(count.render())
        assert "over" not in str(count.render())
        editor.query_one("#channel").value = None
        await pilot.pause()
        assert str(count.render()) == "2,300 characters"
        editor.query_one("#channel").value = "01m823v2da19x9rrbnez2rsgh8"  # Instagram again: over, and saved all the same
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "MainScreen"
        assert app.catalog.workspace.view(POSTS)[FIRST]["caption"] == "x" * 2300


async def test_the_count_speaks_bokmal(make_app, monkeypatch):
    monkeypatch.setenv("SOMEPLAN_LANG", "nb")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await open_editor(app, pilot)
        editor.query_one("#caption").text = "x" * 2300
        await pilot.pause()
        assert str(editor.query_one("#caption-count").render()) == "2\u00a0300 / 2\u00a0200 Instagram  100 over grensen"


async def test_people_are_picked_from_the_registry_with_their_consent(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await open_editor(app, pilot)
        people = editor.query_one("#people")
        assert "nobody" in str(people.render())
        people.focus()
        await pilot.press("enter")
        picker = app.screen
        assert type(picker).__name__ == "PeoplePicker"
        listing = picker.query_one("#people-pick")
        prompts = {listing.get_option_at_index(i).value: str(listing.get_option_at_index(i).prompt)
                   for i in range(listing.option_count)}  # fmt: skip
        assert "consent ended 31 Oct 2026" in prompts[LISE]
        assert "no consent" in prompts["01m823v2e81abgzy365wx9wmz6"]  # Sondre
        assert "consent until 31 Aug 2027" in prompts[KARI]
        listing.select(KARI)
        listing.select(LISE)
        await pilot.press("enter")
        assert app.screen is editor
        shown = str(people.render())
        assert "Kari Solheim ✓ until 31 Aug 2027" in shown
        assert "Lise Haugland ⚠ ended 31 Oct 2026" in shown  # marked: her consent has ended
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.catalog.workspace.view(POSTS)[FIRST]["people"] == [KARI, LISE]


async def test_escape_in_the_people_picker_keeps_the_people(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await open_editor(app, pilot)
        editor.query_one("#people").focus()
        await pilot.press("enter", "space", "escape")
        assert app.screen is editor and editor.query_one("#people").value == ()
        assert not editor.dirty


@pytest.mark.parametrize(
    ("text", "ok"),
    [("https://example.no/side", True), ("http://a.no", True), ("HTTPS://Example.NO/x?y=1", True),
     ("example.no", False), ("www.example.no", False), ("https://", False), ("mailto:kari@example.no", False),
     ("ftp://example.no", False), ("https://exa mple.no", False), ("https://a.no:port/", False), ("", False)],
)  # fmt: skip
def test_a_web_address_is_http_or_https_with_a_host(text, ok):
    assert is_web_address(text) is ok


async def test_a_link_that_is_not_a_web_address_is_refused_with_a_whole_message(make_app, monkeypatch):
    monkeypatch.setenv("SOMEPLAN_LANG", "nb")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        editor.query_one("#link").value = "solvik.no/julebord"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is editor
        error = editor.query_one("#error-link")
        message = "Lenke: en nettadresse som begynner med http:// eller https://, f.eks. https://example.no/side."
        assert str(error.render()) == message
        # Whole: wrapped onto as many lines as it needs, all of them in view.
        assert error.size.height * error.size.width >= len(message)
        assert editor.query_one("#editor-form").region.contains_region(error.region)
        editor.query_one("#link").value = "https://solvik.no/julebord"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.catalog.workspace.view(POSTS)[FIRST]["link"] == "https://solvik.no/julebord"


async def test_every_error_at_once_each_whole_beneath_its_row(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        editor.query_one("#title").value = ""
        editor.query_one("#date").value = "32.13.2026"
        editor.query_one("#time").value = "25:99"
        editor.query_one("#link").value = "nettsiden"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert str(editor.query_one("#error-title").render()) == "A post needs a title."
        assert str(editor.query_one("#error-when").render()) == (
            "Date: use a date like 23.11.2026 or 2026-11-23. Time: use a time like 09:30."
        )
        assert str(editor.query_one("#error-link").render()).startswith("Link: a web address")
        assert not editor.query_one("#error-figures").display  # no error: no line taken
        editor.query_one("#title").value = "Tittel"
        editor.query_one("#date").value = "23.11.2026"
        editor.query_one("#time").value = "09:30"
        editor.query_one("#link").value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "MainScreen"


async def test_a_choice_steps_with_arrows_jumps_by_letter_and_lists_on_enter(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await open_editor(app, pilot)
        status = editor.query_one("#status")
        status.focus()
        assert status.value == "published"
        await pilot.press("left")
        assert status.value == "scheduled"
        await pilot.press("right", "right")  # past the last: round to the first
        assert status.value == "idea"
        await pilot.press("d")
        assert status.value == "draft"
        await pilot.press("enter")
        assert type(app.screen).__name__ == "Pick"
        await pilot.press("down", "enter")
        assert app.screen is editor and status.value == "ready"
        funnel = editor.query_one("#funnel")
        funnel.focus()
        await pilot.press("left")  # the funnel may be empty
        assert funnel.value is None and "none" in str(funnel.render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        doc = app.catalog.workspace.view(POSTS)[FIRST]
        assert (doc["status"], doc["funnel"]) == ("ready", None)


async def test_the_editor_is_built_ahead_and_reused_with_nothing_of_the_last_post(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        built = await built_ahead(app, pilot)
        editor = await open_editor(app, pilot)
        assert editor is built
        editor.query_one("#title").value = "Not kept"
        editor.query_one("#link").value = "nonsense"
        await pilot.press("ctrl+s")  # an error shown
        await pilot.pause()
        editor.colleague_changed("Ola", ["title"])
        assert editor.has_class("flagged")
        await pilot.press("escape", "y")  # discard
        await pilot.press("j")
        second = app.screen.plan.selected_post_id
        assert second != FIRST
        again = await open_editor(app, pilot)
        assert again is editor and editor.original.id == second
        assert editor.query_one("#title").value == app.catalog.post(second).title
        assert not editor.has_class("flagged")
        assert not any(line.display for line in editor.query(".error"))
        assert not editor.dirty
        assert app.focused is editor.query_one("#title")
        await pilot.press("escape")  # nothing changed: closes without asking
        assert type(app.screen).__name__ == "MainScreen"
        await pilot.press("n")  # a new post in the same editor: empty
        assert app.screen is editor and editor.is_new
        assert editor.query_one("#title").value == "" and editor.query_one("#caption").text == ""
        assert "New post" in str(editor.query_one("#editor-title").render())


async def test_a_reused_editor_speaks_the_language_chosen_meanwhile(make_app):
    from someplan.tui.language import switch_language

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await open_editor(app, pilot)
        await pilot.press("escape")
        switch_language(app, "nb")
        again = await open_editor(app, pilot)
        assert again is editor
        assert str(editor.query_one("#editor-title").render()) == "Rediger innlegg"
        assert "publisert" in str(editor.query_one("#status").render())
        assert "/ 2\u00a0200 Instagram" in str(editor.query_one("#caption-count").render())
        switch_language(app, "en")


async def test_shift_space_steps_the_status_back_and_a_status_key_that_does_nothing_says_why(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        workspace = app.catalog.workspace
        assert app.screen.plan.selected_post_id == FIRST
        await pilot.press("space")  # published: the last status
        await pilot.pause()
        assert workspace.view(POSTS)[FIRST]["status"] == "published"
        assert "is published, the last status" in list(app._notifications)[-1].message
        await pilot.press("shift+space")
        assert workspace.view(POSTS)[FIRST]["status"] == "scheduled"
        # Most terminals send shift+space as a plain space: backspace steps back too.
        await pilot.press("backspace", "shift+space", "backspace")
        assert workspace.view(POSTS)[FIRST]["status"] == "idea"
        await pilot.press("shift+space")
        await pilot.pause()
        assert workspace.view(POSTS)[FIRST]["status"] == "idea"
        assert "is an idea, the first status" in list(app._notifications)[-1].message
        await pilot.press("u")
        assert workspace.view(POSTS)[FIRST]["status"] == "draft"
        await pilot.press("space")
        assert workspace.view(POSTS)[FIRST]["status"] == "ready"


def _opened(*keys: str, errors: dict[str, str] | None = None):
    async def run_before(pilot):
        from textual.widgets import Input

        await pilot.app.workers.wait_for_complete()  # the asset hint needs the scan done
        await pilot.pause()  # the scan's result, handed over from its thread
        await pilot.app.workers.wait_for_complete()
        await pilot.press("e", *keys)
        await pilot.pause()
        editor = pilot.app.screen
        for name, value in (errors or {}).items():
            editor.query_one(f"#{name}").value = value
        if errors:
            await pilot.press("ctrl+s")
            await pilot.pause()
        for field in editor.query(Input):
            field.cursor_blink = False  # a blink under a busy CI machine is not a difference

    return run_before


def test_snapshot_at_80x24_in_bokmal(snap_compare, make_app, monkeypatch):
    monkeypatch.setenv("SOMEPLAN_LANG", "nb")
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=_opened())


def test_snapshot_with_errors_at_80x24(snap_compare, make_app):
    errors = {"time": "25:99", "link": "solvik.no/julebord"}
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=_opened(errors=errors))


def test_snapshot_with_people_at_120x40_in_bokmal(snap_compare, make_app, monkeypatch):
    monkeypatch.setenv("SOMEPLAN_LANG", "nb")

    async def with_people(pilot):
        await _opened()(pilot)
        people = pilot.app.screen.query_one("#people")
        people.value = (KARI, LISE)
        people.refresh(layout=True)
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=with_people)


async def test_a_key_that_comes_while_the_editor_is_still_being_built_ahead(make_app, monkeypatch):
    from someplan.tui.screens import lazy

    build_ahead = lazy.prebuild_editor
    monkeypatch.setattr(lazy, "prebuild_editor", lambda app, today: None)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.is_screen_installed("post-editor")
        build_ahead(app, app.today)
        app.screen.action_edit_post()  # before the editor built ahead has mounted: one of its own
        await pilot.pause()
        editor = app.screen
        assert type(editor).__name__ == "PostEditor" and editor is not app.get_screen("post-editor")
        assert editor.query_one("#title").value == "God morgen fra en frostklar fjord"
        await pilot.press("escape")
        await pilot.press("j")
        second = app.catalog.post(app.screen.plan.selected_post_id)
        await pilot.press("e")  # the one built ahead from now on
        assert app.screen is app.get_screen("post-editor")
        assert app.screen.query_one("#title").value == second.title


async def test_a_status_key_on_a_day_without_posts_says_so(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        plan = app.screen.plan
        for _ in range(30):  # down to Saturday's empty line
            if plan.selected_post_id is None:
                break
            await pilot.press("j")
        assert plan.selected_post_id is None
        await pilot.press("space")
        await pilot.pause()
        assert list(app._notifications)[-1].message == "No post selected: space steps a post's status forward."
        await pilot.press("backspace")
        await pilot.pause()
        assert list(app._notifications)[-1].message.startswith("No post selected: shift+space or backspace")


async def test_the_editor_built_ahead_is_laid_out_off_screen_and_shows_its_first_post_as_if_built_for_it(make_app):
    # Its fields learn their widths before the first `e` (the caption's wrapping), and its inputs
    # carry the class Textual gives on a first change, so showing a post neither lays the form
    # out twice nor restyles nine inputs.
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await built_ahead(app, pilot)
        await pilot.pause()
        caption = editor.query_one("#caption")
        assert caption.size.width > 0 and editor not in app.screen_stack
        width = caption.size.width
        assert all(field.has_class("-valid") for field in editor.query("Input"))
        await open_editor(app, pilot)
        assert app.screen is editor and caption.size.width == width
        assert editor.query_one("#title").value == "God morgen fra en frostklar fjord"

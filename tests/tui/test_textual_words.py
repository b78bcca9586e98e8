"""Textual's own words in Bokmål (tui/textual_words.py), and the header re-labelled at once when
the language changes."""

from textual.command import CommandList
from textual.widgets import Static

from someplan.tui.textual_words import CommandPalette


def _header(app) -> str:
    return str(app.screen.query_one("#header", Static).render())


async def test_ctrl_c_says_how_to_quit_in_bokmal(make_app, monkeypatch):
    monkeypatch.setenv("SOMEPLAN_LANG", "nb")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+c")
        [toast] = list(app._notifications)
        assert toast.title == "Vil du avslutte?" and toast.message in ("Trykk ^q for å avslutte", "Trykk q for å avslutte")


async def test_the_palettes_no_matches_in_bokmal(make_app, monkeypatch):
    monkeypatch.setenv("SOMEPLAN_LANG", "nb")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"zqxzqx")
        await pilot.pause(0.8)  # Textual shows it after half a second without a match
        listing = app.screen.query_one(CommandList)
        shown = [str(listing.get_option_at_index(i).prompt.renderable) for i in range(listing.option_count)]
        assert shown == ["Ingen treff"]


async def test_textuals_screenshot_toasts_in_bokmal(make_app, monkeypatch):
    monkeypatch.setenv("SOMEPLAN_LANG", "nb")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.notify("Saved screenshot", title="Screenshot")
        await pilot.pause()
        [toast] = list(app._notifications)
        assert (toast.title, toast.message) == ("Skjermbilde", "Lagret skjermbilde")


async def test_the_header_is_relabelled_at_once_on_a_switch(make_app, monkeypatch, sample_copy):
    monkeypatch.setenv("SOMEPLAN_LANG", "nb")
    (sample_copy / "devices" / "stray.txt").write_text("not ours")  # one problem in the header
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        main.last_colleague = "Jonas (resepsjonen) 10:15"
        main.redraw_header()
        assert "uke 47" in _header(app) and "problem" in _header(app)
        await pilot.press("ctrl+p", *"English")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        header = _header(app)
        assert "week 47" in header and "⟳ Jonas (resepsjonen) 10:15" in header
        assert "uke" not in header and "problemer" not in header and "doktor" not in header

"""The footer (tui/footer.py): the keys that fit, whole; the focused pane's most used first; `?`
and the palette always at the right, the palette once."""

import pytest
from textual.widgets._footer import FooterKey

from someplan.tui.footer import Footer, Key, fitting

from .conftest import picture_drawn
from .test_language import screen_text

SIZES = [(80, 24), (100, 30), (120, 40)]


def _key(shown: str, description: str) -> Key:
    return Key(shown, shown, description, shown, True, "")


def test_a_key_that_does_not_fit_whole_is_left_out_and_a_shorter_one_may_follow():
    keys = [_key("n", "New"), _key("H", "Move a long way"), _key("d", "Del")]
    assert [k.shown for k in fitting(keys, 14)] == ["n", "d"]  # " n New " 7 + " d Del " 7
    assert fitting(keys, 3) == []


def _footer_keys(app) -> list[FooterKey]:
    return list(app.screen.query_one(Footer).query(FooterKey))


async def _check_footer(app, width: int) -> str:
    keys = _footer_keys(app)
    for key in keys:  # every key whole on the screen, none over another
        assert key.region.right <= width, key.description
    regions = sorted(key.region for key in keys)
    assert all(a.right <= b.x for a, b in zip(regions, regions[1:], strict=False))
    assert sum(1 for key in keys if key.key == "ctrl+p") == 1
    assert keys[-2].key == "question_mark"  # help, then the palette, at the right
    return screen_text(app).rstrip("\n").splitlines()[-1]


@pytest.mark.parametrize("language", ["nb", "en"])
@pytest.mark.parametrize("size", SIZES)
async def test_the_main_footer_fits_with_help_and_the_plans_most_used_keys_first(make_app, monkeypatch, size, language):
    monkeypatch.setenv("SOMEPLAN_LANG", language)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        line = await _check_footer(app, size[0])
        assert [k.key for k in _footer_keys(app)][:4] == ["n", "e", "space", "d"]
        assert line.rstrip().endswith("Kommandoer" if language == "nb" else "Commands")
        assert ("? Hjelp" if language == "nb" else "? Help") in line


@pytest.mark.parametrize("size", SIZES)
async def test_the_figures_view_shows_the_palette_once(make_app, monkeypatch, size):
    monkeypatch.setenv("SOMEPLAN_LANG", "nb")
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("F")
        await pilot.pause()
        line = await _check_footer(app, size[0])
        assert line.count("^p") == 1 and "[/] Uker" in line


async def test_a_pair_of_keys_shows_as_one_and_the_footer_follows_a_resize(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        line = screen_text(app).splitlines()[-1]
        assert "[/] Week" in line and "H/L Move" in line
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        await _check_footer(app, 80)


@pytest.mark.parametrize("language", ["nb", "en"])
def test_snapshot_of_the_main_screen_at_100x30(snap_compare, make_app, monkeypatch, language):
    monkeypatch.setenv("SOMEPLAN_LANG", language)
    assert snap_compare(make_app(), terminal_size=(100, 30), run_before=picture_drawn)


async def test_in_the_selection_mode_the_footer_shows_its_keys_first(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        await pilot.pause()
        shown = [(k.key, k.description) for k in _footer_keys(app)]
        assert shown[:4] == [("space", "Mark"), ("s", "Set status"), ("H", "Move"), ("y", "Duplicate")]
        await pilot.press("v")
        await pilot.pause()
        await pilot.pause()
        assert [k.key for k in _footer_keys(app)][:3] == ["n", "e", "space"]


def _shown(footer: Footer) -> list[tuple]:
    return [(w.key, w.key_display, w.description, not w._disabled) for w in footer.query(FooterKey)]


def _wanted(footer: Footer) -> list[tuple]:
    keys, help_key, palette = footer._plan()
    return [(k.key, k.shown, k.description, k.enabled) for k in (*keys, help_key, palette) if k is not None]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_focus_change_shows_the_panes_keys_without_composing_the_footer_again(make_app, monkeypatch, size):
    # Composing it again (a dozen keys removed, a dozen mounted, styled and laid out) was most of
    # what moving between panes cost (issue 15): the keys shown take the new words in place.
    rebuilt = []
    real = Footer.recompose

    async def recompose(footer):
        rebuilt.append(footer)
        await real(footer)

    monkeypatch.setattr(Footer, "recompose", recompose)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        seen = set()
        for key in ("2", "3", "4", "5", "tab", "1", "v", "v"):
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            assert _shown(footer) == _wanted(footer), key
            seen.add(tuple(_shown(footer)))
            await _check_footer(app, size[0])
        assert len(seen) > 2  # the panes' keys differ
        assert rebuilt == []

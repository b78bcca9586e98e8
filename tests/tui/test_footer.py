"""The footer (tui/footer.py): the keys that fit, whole; the focused pane's most used first; `?`
and the palette always at the right, the palette once; one widget that draws the line itself,
as Textual's FooterKeys drew it, clicked and hovered as they were."""

import pytest

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


def _footer_keys(app) -> list[Key]:
    return [drawn.key for drawn in app.screen.query_one(Footer).drawn]


async def _check_footer(app, width: int) -> str:
    footer = app.screen.query_one(Footer)
    line = screen_text(app).rstrip("\n").splitlines()[-1]
    drawn = footer.drawn
    for at in drawn:  # every key whole on the screen, none over another, drawn where it is said to be
        assert at.end <= width, at.key.description
        assert line[at.start : at.end].strip(" ▏").startswith(at.key.shown), (line, at)
        assert at.key.description in line[at.start : at.end]
    assert all(a.end <= b.start for a, b in zip(drawn, drawn[1:], strict=False))
    keys = [at.key for at in drawn]
    assert sum(1 for key in keys if key.key == "ctrl+p") == 1
    assert keys[-2].key == "question_mark"  # help, then the palette, at the right
    assert not footer.children  # one widget: the keys are drawn, not mounted
    return line


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
    return [(d.key.key, d.key.shown, d.key.description, d.key.enabled) for d in footer.drawn]


def _wanted(footer: Footer) -> list[tuple]:
    keys, help_key, palette = footer._plan()
    return [(k.key, k.shown, k.description, k.enabled) for k in (*keys, help_key, palette) if k is not None]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_focus_change_shows_the_panes_keys_without_composing_the_footer_again(make_app, monkeypatch, size):
    # Composing it again (a dozen keys removed, a dozen mounted, styled and laid out) was most of
    # what moving between panes cost (issue 15): a change of keys is a repaint of one line.
    rebuilt = []
    real = Footer.recompose

    async def recompose(footer):
        rebuilt.append(footer)
        await real(footer)

    monkeypatch.setattr(Footer, "recompose", recompose)
    mounted = []
    real_mount = Footer.mount
    monkeypatch.setattr(Footer, "mount", lambda footer, *added, **kw: mounted.extend(added) or real_mount(footer, *added, **kw))
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
        assert rebuilt == [] and mounted == [] and not footer.children


# One widget, clicked and hovered as Textual's keys were: a small app of its own, with a key that
# has a tooltip, a disabled one, and a description that looks like markup.

from textual.app import App  # noqa: E402
from textual.binding import Binding  # noqa: E402
from textual.widgets import Footer as TextualFooter  # noqa: E402
from textual.widgets import Static  # noqa: E402
from textual.widgets._footer import FooterKey  # noqa: E402
from textual.widgets._tooltip import Tooltip  # noqa: E402


class KeysApp(App):
    TOOLTIP_DELAY = 0.01  # the tooltip almost as soon as the mouse rests
    # app.tcss's rule for the palette's key, and the same for the footer built of Textual's keys
    CSS = """
    Footer > .footer--palette, KeysFooter FooterKey.-palette { border-left: vkey $foreground 20%; padding-right: 1; }
    KeysFooter .spacer { width: 1fr; height: 1; }
    """
    BINDINGS = [
        Binding("a", "note('a')", "Add", tooltip="Adds one more"),
        Binding("b", "note('b')", "Blocked"),
        Binding("c", "note('c')", "[b]Not bold[/b] [red]"),
        Binding("question_mark", "help", "Help"),
        Binding("ctrl+p", "command_palette", "Commands"),
    ]

    def __init__(self, footer_class=None) -> None:
        super().__init__()
        self.footer_class = footer_class or Footer
        self.noted: list[str] = []
        self.bells = 0

    def compose(self):
        yield Static("body")
        yield self.footer_class()

    def action_note(self, what: str) -> None:
        self.noted.append(what)

    def action_help(self) -> None:
        self.noted.append("help")

    def check_action(self, action: str, parameters) -> bool | None:
        return None if parameters == ("b",) else True  # shown, and disabled

    def bell(self) -> None:
        self.bells += 1


def _at(footer: Footer, key: str):
    return next(drawn for drawn in footer.drawn if drawn.key.key == key)


async def test_the_footer_is_one_widget_without_children():
    app = KeysApp()
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        footer = app.query_one(Footer)
        assert not footer.children and not app.query(FooterKey)
        assert [d.key.key for d in footer.drawn] == ["a", "b", "c", "question_mark", "ctrl+p"]


async def test_a_click_on_a_key_is_that_key_and_on_a_disabled_one_the_bell():
    app = KeysApp()
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        footer = app.query_one(Footer)
        for key in ("a", "question_mark"):
            await pilot.click(footer, offset=(_at(footer, key).start + 1, 0))
            await pilot.pause()
        assert app.noted == ["a", "help"] and app.bells == 0
        await pilot.click(footer, offset=(_at(footer, "b").end - 1, 0))
        await pilot.pause()
        assert app.noted == ["a", "help"] and app.bells == 1
        await pilot.click(footer, offset=(_at(footer, "question_mark").start - 1, 0))  # the gap: nothing
        await pilot.pause()
        assert app.noted == ["a", "help"] and app.bells == 1


def _backgrounds(app, columns: range) -> set:
    from textual._context import visible_screen_stack

    visible_screen_stack.set(app._background_screens)
    strip = app.screen._compositor.render_strips()[-1]
    cells = [segment.style.bgcolor for segment in strip for _ in segment.text]
    return {cells[x] for x in columns}


async def test_the_key_under_the_mouse_is_highlighted_and_shows_its_tooltip():
    app = KeysApp()
    async with app.run_test(size=(80, 5), tooltips=True) as pilot:
        await pilot.pause()
        footer = app.query_one(Footer)
        a, b = _at(footer, "a"), _at(footer, "b")
        plain = _backgrounds(app, range(a.start, b.end))
        assert len(plain) == 1
        await pilot.hover(footer, offset=(a.start + 1, 0))
        await pilot.pause()
        highlighted = _backgrounds(app, range(a.start, a.end))
        assert highlighted != plain and len(highlighted) == 1
        assert _backgrounds(app, range(b.start, b.end)) == plain  # only the key under the mouse
        tooltip = app.screen.get_child_by_type(Tooltip)
        for _ in range(500):  # Textual shows it from a timer
            if tooltip.display:
                break
            await pilot.pause(0.01)
        assert tooltip.display and "Adds one more" in str(tooltip.render())
        await pilot.hover(footer, offset=(b.start + 1, 0))  # a key without a tooltip
        await pilot.pause()
        assert footer.tooltip is None and _backgrounds(app, range(a.start, a.end)) == plain
        await pilot.hover(Static, offset=(0, 0))  # off the footer: nothing highlighted
        await pilot.pause()
        assert _backgrounds(app, range(a.start, b.end)) == plain


async def test_a_description_is_shown_as_written_never_read_as_markup():
    app = KeysApp()
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        assert "c [b]Not bold[/b] [red]" in screen_text(app).splitlines()[-1]


class KeysFooter(TextualFooter):
    """The footer as it was built before it drew itself: Textual's FooterKeys, a spacer, help and
    the palette, the same keys chosen."""

    _keys, _plan = Footer._keys, Footer._plan

    def compose(self):
        keys, help_key, palette = self._plan()
        for key, classes in (*((key, "") for key in keys), (None, ""), (help_key, "-help"), (palette, "-palette")):
            if key is None:
                yield Static("", classes="spacer")
                continue
            widget = FooterKey(key.key, key.shown, key.description, key.action, disabled=not key.enabled,
                               tooltip=key.tooltip, classes=classes)  # fmt: skip
            widget.set_reactive(FooterKey.compact, self.compact)
            yield widget


def _cells(app) -> list[tuple]:
    from textual._context import visible_screen_stack

    visible_screen_stack.set(app._background_screens)
    strip = app.screen._compositor.render_strips()[-1]
    return [(char, s.color, s.bgcolor, s.bold, s.dim, s.italic, s.reverse)
            for s_ in strip for s in [s_.style] for char in s_.text]  # fmt: skip


async def _lines(footer_class) -> dict[tuple[str, str], list[tuple]]:
    from someplan.tui.themes import load_themes

    app = KeysApp(footer_class)
    lines = {}
    async with app.run_test(size=(60, 5)) as pilot:
        for theme in load_themes()[0]:
            app.register_theme(theme)
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            for where in (1, 12, 57):  # over the first key, the disabled one, the palette
                await pilot.hover(Static, offset=(0, 0))
                await pilot.pause()
                lines[theme, "plain"] = _cells(app)
                await pilot.hover(None, offset=(where, 4))
                await pilot.pause()
                lines[theme, f"over {where}"] = _cells(app)
    return lines


async def test_the_line_is_drawn_as_textuals_keys_drew_it_in_every_theme():
    drawn, composed = await _lines(Footer), await _lines(KeysFooter)
    assert len(drawn) > 30
    for state, line in composed.items():
        assert drawn[state] == line, state


async def test_a_compact_footer_draws_textuals_compact_keys_and_keeps_the_palette_whole():
    from functools import partial

    app = KeysApp(partial(Footer, compact=True))
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        footer = app.query_one(Footer)
        line = screen_text(app).splitlines()[-1]
        assert line.startswith("a Add b Blocked c [b]Not bold[/b] [red] ")  # no padding, a column between keys
        assert line.rstrip().endswith("? Help ▏^p Commands")
        assert [d.key.key for d in footer.drawn] == ["a", "b", "c", "question_mark", "ctrl+p"]
        await pilot.click(footer, offset=(_at(footer, "a").start, 0))
        assert app.noted == ["a"]


async def test_the_mouse_moving_over_a_key_does_not_make_the_line_again(monkeypatch):
    # Each move asks where the keys are: the line is made for what it shows, the key under the
    # mouse and the width, not for every move.
    app = KeysApp()
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        footer = app.query_one(Footer)
        a = _at(footer, "a")
        made = []
        real = Footer._make_line
        monkeypatch.setattr(Footer, "_make_line", lambda self: made.append(1) or real(self))
        await pilot.hover(footer, offset=(a.start + 1, 0))
        await pilot.pause()
        once = len(made)
        assert once >= 1  # the highlighted key: the line made again
        for column in range(a.start + 1, a.end):  # moving within the same key
            await pilot.hover(footer, offset=(column, 0))
        await pilot.pause()
        assert len(made) == once

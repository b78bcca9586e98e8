"""The planner in Bokmål: every screen without an English word; the palette switches the language
of everything on screen at once and for the next start."""

from __future__ import annotations

import io
import re

from rich.console import Console
from textual.command import CommandList
from textual.widgets import DataTable, Input, OptionList, Static

from someplan import i18n
from someplan.services.language import user_choice

from .test_assets_pane import ready, select_asset, until

# English words of the planner's own text; the sample workspace is Norwegian, so one of these on a
# Bokmål screen is a string left untranslated. (Words Norwegian shares, like "plan", "status",
# "type", "video", "trend", "filter", "for", "til", "time", "by", "at", are not listed.)
ENGLISH = set(
    """
    week weeks post posts planned target targets channel channels category categories save cancel
    help new next last due none the and of published scheduled ready draft drafts idea reach
    engagement followers edit delete undo move duplicate people consent until never files
    file unused missing back close yes no commands title date day days add remove rotation assets
    figures key keys prev previous this go filter words empty slots left overdue ahead paused
    proposal proposals accept reject write change why name role notes caption owner link funnel
    weekday colour questions active session step choose spread minutes first from apart answers
    asset attach preview search theme quit palette everyone featured lately best top
    bottom reuse candidates plans again fewer more views reactions comments shares clicks saves
    """.split()
)
# English that is not the planner's: the networks' counts named in the engagement sums come from the
# services layer (translated with the CLI's messages); a campaign of the sample; the test's folder.
NOT_OURS = {"reactions", "comments", "shares", "clicks", "saves", "likes"}
DATA = ("Black Week", "█Week", "pytest-of-")  # "█Week": the campaign half hidden by a dialog
# On the screen a Norwegian word cut off by an ellipsis or a dialog's edge can read as English
# ("18. no…", "Link█" of LinkedIn, "Best█" of Beste); the widgets' own texts are checked whole.
CUT_PRONE = {"no", "link", "best"}


def screen_text(app) -> str:
    """What the terminal shows, as plain text."""
    console = Console(width=app.size.width, height=app.size.height, file=io.StringIO(), record=True,
                      force_terminal=True, legacy_windows=False, safe_box=False)  # fmt: skip
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def widget_text(app) -> list[str]:
    """Every text the current screen holds, also what is scrolled or cut off: labels, tables,
    lists, placeholders, titles and the keys in the footer."""
    screen = app.screen
    texts = [binding.description for _node, binding, _enabled, _tip in screen.active_bindings.values() if binding.show]
    for widget in screen.walk_children(with_self=True):
        texts += [str(widget.border_title or ""), str(widget.border_subtitle or "")]
        if isinstance(widget, Static):
            texts.append(str(widget.content))
        elif isinstance(widget, DataTable):
            texts += [str(column.label) for column in widget.columns.values()]
            texts += [str(cell) for row in range(widget.row_count) for cell in widget.get_row_at(row)]
        elif isinstance(widget, OptionList):
            texts += [str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)]
        elif isinstance(widget, Input):
            texts.append(widget.placeholder)
    return texts


def english_in(texts, english: set[str] = ENGLISH) -> list[str]:
    found = []
    for text in texts:
        for data in DATA:
            text = text.replace(data, "")
        words = {word.lower() for word in re.findall(r"[^\W\d_]+", text)}
        if words & english - NOT_OURS:
            found.append(f"{sorted(words & english - NOT_OURS)}: {text.strip()[:160]}")
    return found


class Tour:
    """Looks at each screen it is shown and keeps what English it found there."""

    def __init__(self, app, pilot) -> None:
        self.app, self.pilot, self.found, self.seen = app, pilot, {}, []

    async def look(self, name: str, *keys: str) -> None:
        if keys:
            await self.pilot.press(*keys)
        await self.pilot.pause()
        await self.pilot.pause()
        self.seen.append(type(self.app.screen).__name__)
        english = english_in(screen_text(self.app).splitlines(), ENGLISH - CUT_PRONE) + english_in(widget_text(self.app))
        if english:
            self.found[name] = english


async def test_every_screen_in_bokmal_shows_no_english(make_app, monkeypatch):
    monkeypatch.setenv(i18n.ENV_VAR, "nb")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        tour = Tour(app, pilot)
        assert i18n.language() == "nb"
        await tour.look("week plan")
        await tour.look("category editor", "2", "e")
        await pilot.press("escape")
        await ready(pilot)
        await select_asset(pilot, "natur/nordlys.png")
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "AssetPreview", "the preview")
        await tour.look("asset preview")
        await tour.look("post editor", "escape", "1", "e")
        await tour.look("discard your changes?", "x", "escape")
        await tour.look("help", "y", "question_mark")
        await tour.look("go to", "escape", "g")
        await tour.look("filter", "escape", "ctrl+f")
        await tour.look("search", "escape", "slash", *"person:lise")
        await tour.look("asset filter", "escape", "3", "slash")
        await tour.look("palette", "escape", "1", "ctrl+p")
        await tour.look("palette: search", *"uke")
        await tour.look("fill preview", "escape", "right_square_bracket", "f")
        await tour.look("change a proposal", "e")
        await tour.look("week 48", "escape", "escape")
        app.screen.action_fill_weeks()
        await tour.look("fill how many weeks")
        await tour.look("fill 4 weeks", "enter")
        await tour.look("people", "escape", "P")
        await tour.look("person editor", "n")
        await tour.look("remove a person?", "escape", "d")
        await tour.look("people not featured lately", "n", "s")
        await tour.look("figures view", "escape", "F")
        await tour.look("mix and hours", "escape", "M")
        await tour.look("mix and hours by year", "y")
        await tour.look("purpose and permission", "escape", "S")
        await pilot.press("escape")
        await _batch_tour(tour)
        await tour.look("discard the batch?", "ctrl+r")
        await tour.look("doctor", "n", "escape")
        app.action_doctor()
        await tour.look("doctor list")
        await tour.look("year wheel", "escape", "w")
        await tour.look("year wheel by month", "m")
        await tour.look("campaign editor", "m", "n")
        await tour.look("export dialog", "escape", "escape", "E")
        await pilot.press("escape")
        assert tour.found == {}, "\n".join(f"{screen}: {line}" for screen, lines in tour.found.items() for line in lines)
        assert set(tour.seen) == {
            "MainScreen", "CategoryEditor", "AssetPreview", "PostEditor", "Confirm", "ShowList", "Ask", "CommandPalette",
            "FillPreview", "ChangeLine", "PeopleScreen", "PersonEditor", "FiguresScreen", "BatchScreen",
            "YearWheelScreen", "CampaignEditor", "ExportScreen", "SearchScreen", "MixScreen", "PostStrategy",
        }  # fmt: skip


async def test_at_80x24_the_panes_and_full_screens_in_bokmal_show_no_english(make_app, monkeypatch):
    monkeypatch.setenv(i18n.ENV_VAR, "nb")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        tour = Tour(app, pilot)
        for pane in "1234":  # one pane at a time
            await tour.look(f"pane {pane}", pane)
        await tour.look("post editor", "1", "e")
        await tour.look("fill preview", "escape", "right_square_bracket", "f")
        await tour.look("people", "escape", "P")
        await tour.look("figures view", "escape", "F")
        await tour.look("mix and hours", "escape", "M")
        await tour.look("purpose and permission", "escape", "S")
        await pilot.press("escape")
        await _batch_tour(tour)
        assert tour.found == {}, "\n".join(f"{screen}: {line}" for screen, lines in tour.found.items() for line in lines)


async def _batch_tour(tour: Tour) -> None:
    await tour.look("batch: category", "b")
    await tour.look("batch: people", "enter")
    await tour.look("batch: schedule", "space", "down", "space", "ctrl+n")
    await tour.look("batch: session", "ctrl+n")
    await tour.look("batch: spread", "ctrl+n", "ctrl+n")


def _header(app) -> str:
    return str(app.screen_stack[0].query_one("#header", Static).content)


def _footer(app, screen=None) -> list[str]:
    screen = screen or app.screen
    return [b.description for _n, b, _e, _t in screen.active_bindings.values() if b.show]


async def _palette(pilot, words: str) -> None:
    await pilot.press("ctrl+p", *words)
    palette = pilot.app.screen
    await until(pilot, lambda: palette.query_one(CommandList).option_count > 0, "the palette's hits")  # searched in a worker
    await pilot.press("enter")
    await until(pilot, lambda: pilot.app.screen is not palette, "the command")
    await pilot.pause()


async def test_the_palette_switches_the_language_at_once_and_for_the_next_start(make_app, monkeypatch):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right_square_bracket", "down", "down", "y")  # week 48, a post copied: one undo
        screen = app.screen
        selected, undo = screen.plan.selected_post_id, list(screen.undo_stack)
        assert "week 48" in _header(app) and "Next week" in _footer(app)
        await _palette(pilot, "Language: norsk")
        assert i18n.language() == "nb"
        assert app.screen is screen and screen.week.week == 48
        assert screen.plan.selected_post_id == selected and list(screen.undo_stack) == undo
        assert "uke 48 · 23.–29. nov" in _header(app)
        assert "Neste uke" in _footer(app) and "Next week" not in _footer(app)
        assert screen.query_one("#plan").border_title == "1 Ukeplan"
        assert str(screen.query_one("#rotation-head").render()).split()[0] == "Kategori"
        assert english_in(screen_text(app).splitlines(), ENGLISH - CUT_PRONE) + english_in(widget_text(app)) == []
        assert user_choice() == "nb"
        await pilot.press("u")  # the undo stack still works
        assert len(screen.undo_stack) == 0

    monkeypatch.delenv(i18n.ENV_VAR)  # the next start: the user's choice decides
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        assert i18n.language() == "nb" and "uke 47" in _header(app)
        await _palette(pilot, "Språk: English")
        assert i18n.language() == "en" and "week 47" in _header(app) and "Next week" in _footer(app)
        assert english_in(["Neste uke"]) == [] and "Neste uke" not in _footer(app)
    assert user_choice() == "en"


async def test_the_switch_reaches_the_screen_open_and_the_planner_under_it(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("P")
        people = app.screen
        await pilot.press("s")  # only those not featured lately: kept through the switch
        await _palette(pilot, "Language: norsk")
        assert app.screen is people and people.only_stale
        headers = [str(c.label) for c in people.query_one(DataTable).columns.values()]
        assert headers[:3] == ["Navn", "Rolle", "Samtykke"]
        assert "Tilbake" in _footer(app) and english_in(widget_text(app)) == []
        await pilot.press("escape")
        await pilot.pause()
        assert "uke 47" in _header(app) and "Neste uke" in _footer(app)
        assert english_in(screen_text(app).splitlines(), ENGLISH - CUT_PRONE) + english_in(widget_text(app)) == []


async def test_the_switch_redraws_the_year_wheel(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w")
        await until(pilot, lambda: type(app.screen).__name__ == "YearWheelScreen", "the year wheel")
        wheel = app.screen
        assert "Year wheel 2026" in screen_text(app)
        await _palette(pilot, "Language: norsk")
        assert app.screen is wheel
        text = screen_text(app)
        assert "Årshjul 2026" in text and "uke 47 · 16.–22. nov" in text
        assert english_in(text.splitlines(), ENGLISH - CUT_PRONE) + english_in(widget_text(app)) == []


async def test_the_switch_keeps_what_is_typed_in_a_batch_session(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("b", "enter", "space", "down", "space", "ctrl+n", "ctrl+n")
        batch = app.screen
        await pilot.press(*"Liker frokosten")
        await _palette(pilot, "Language: norsk")
        assert app.screen is batch
        assert "Intervjurunde · steg 4 av 5" in str(batch.query_one("#batch-header", Static).content)
        assert batch.query_one("#batch-notes").text == "Liker frokosten"
        assert english_in(widget_text(app)) == []

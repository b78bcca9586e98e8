"""The export dialog: `E` or the palette opens it, the preview shows what goes in and what Hootsuite
would refuse, ctrl+s writes, a file someplan did not write is replaced only after a yes."""

import datetime as dt
import shutil
from contextlib import asynccontextmanager
from pathlib import PurePath

from icalendar import Calendar
from textual.widgets import Input, Static

from someplan.domain.post import Post, Status
from someplan.services import planning
from someplan.tui.screens.export import ExportScreen
from someplan.tui.screens.export_select import LineSelect

from .conftest import note_frames


@asynccontextmanager
async def _dialog(make_app):
    """The planner at 120x40 with `E` pressed: (app, pilot, the export dialog)."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("E")
        await pilot.pause()
        yield app, pilot, app.screen


async def test_e_opens_the_dialog_and_ctrl_s_writes_the_calendar(make_app, sample_copy):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("E")
        assert isinstance(app.screen, ExportScreen)
        screen = app.screen
        await screen.workers.wait_for_complete()  # the preview, and the path named with it, come from a thread
        await pilot.pause()
        path = screen.query_one("#export-path", Input).value
        assert path.startswith(str(sample_copy / "exports" / "someplan-plan-")) and path.endswith(".ics")
        assert "posts go into the file" in str(screen.query_one("#export-preview", Static).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        (written,) = (sample_copy / "exports").iterdir()
        assert str(written) == path and Calendar.from_ical(written.read_bytes()).walk("VEVENT")
        assert any("Exported" in n.message and str(written) in n.message for n in app._notifications)


async def test_hootsuite_shows_what_it_leaves_out_before_writing(make_app, sample_copy):
    app = make_app()
    planning.add_post(app.catalog, Post("", title="Skjev tid", channel=app.catalog.channel("Instagram").id,
                                        date=dt.date(2026, 11, 25), time=dt.time(9, 32), status=Status.READY))  # fmt: skip
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("E")
        screen = app.screen
        screen.query_one("#export-format", LineSelect).value = "hootsuite"
        await pilot.pause()
        channel = screen.query_one("#export-channel", LineSelect)
        assert "" not in [value for _, value in channel.options]  # no "All channels": one profile per file
        assert screen.query_one("#export-date-row").display
        channel.value = app.catalog.channel("Instagram").id
        await pilot.pause()
        preview = str(screen.query_one("#export-preview", Static).render())
        assert "1 post is left out" in preview and "Skjev tid" in preview and "5-minute mark" in preview
        path = screen.query_one("#export-path", Input).value
        assert "someplan-hootsuite-instagram-" in path
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = (sample_copy / "exports").joinpath(path.rsplit("/", 1)[1]).read_text(encoding="utf-8")
        assert "Skjev tid" not in text and text.count("\n") >= 1
        assert any("(1 post left out)" in n.message for n in app._notifications)


async def test_the_week_shown_in_markdown_and_a_typed_path(make_app, sample_copy, tmp_path):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right_square_bracket", "E")  # week 48
        screen = app.screen
        screen.query_one("#export-format", LineSelect).value = "markdown"
        await pilot.pause()
        assert screen.query_one("#export-period", LineSelect).value == "week"
        assert "2026-w48" in screen.query_one("#export-path", Input).value
        screen.query_one("#export-path", Input).value = str(tmp_path / "uke48.md")
        screen.query_one("#export-format", LineSelect).value = "html"
        await pilot.pause()
        assert screen.query_one("#export-path", Input).value == str(tmp_path / "uke48.md")  # typed: kept
        screen.query_one("#export-format", LineSelect).value = "markdown"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (tmp_path / "uke48.md").read_text(encoding="utf-8").startswith("<!-- someplan export -->\n# Fjordhotellet Solvik")


async def test_a_date_range_with_a_bad_date_is_an_error_line_not_a_crash(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("E")
        screen = app.screen
        screen.query_one("#export-period", LineSelect).value = "range"
        await pilot.pause()
        assert screen.query_one("#export-range").display
        screen.query_one("#export-to", Input).value = "31.02.2026"
        await pilot.pause()
        assert "not a date" in str(screen.query_one("#export-error", Static).render())
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ExportScreen)
        screen.query_one("#export-to", Input).value = "30.11.2026"
        await pilot.pause()
        assert str(screen.query_one("#export-error", Static).render()) == ""


async def test_a_file_someplan_did_not_write_is_replaced_only_after_yes(make_app, tmp_path):
    mine = tmp_path / "plan.ics"
    mine.write_text("my own calendar")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("E")
        app.screen.query_one("#export-path", Input).value = str(mine)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "Confirm"
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen) and mine.read_text() == "my own calendar"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        assert mine.read_bytes().startswith(b"BEGIN:VCALENDAR")


async def test_esc_writes_nothing_and_the_palette_opens_it(make_app, sample_copy):
    from someplan.tui.app import PlannerCommands

    assert ("Export…", "screen.export") in [(name, action) for name, action, _ in PlannerCommands.COMMANDS]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"export", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        assert not (sample_copy / "exports").exists()


async def test_the_dialog_speaks_bokmal_and_fits_80x24(make_app, monkeypatch):
    monkeypatch.setenv("SOMEPLAN_LANG", "nb")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("E")
        screen = app.screen
        screen.query_one("#export-format", LineSelect).value = "hootsuite"
        await pilot.pause()
        preview = str(screen.query_one("#export-preview", Static).render())
        assert "innlegg kommer med i filen" in preview
        hint = screen.query_one(".hint")
        assert hint.region.bottom <= 24 and hint.region.height >= 1
        assert screen.active_bindings["ctrl+s"].binding.description == "Eksporter"
        assert str(screen.query_one(".dialog-title", expect_type=None).render()) == "Eksport"


async def test_its_month_is_the_month_of_the_weeks_thursday(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right_square_bracket", "right_square_bracket", "E")  # week 49: 30 Nov – 6 Dec
        screen = app.screen
        labels = dict((value, str(label)) for label, value in screen.query_one("#export-period", LineSelect).options)
        assert "December 2026" in labels["month"]
        screen.query_one("#export-format", LineSelect).value = "html"
        await pilot.pause()
        screen.query_one("#export-period", LineSelect).value = "month"
        await pilot.pause()
        assert "2026-12" in screen.query_one("#export-path", Input).value
        screen.query_one("#export-format", LineSelect).value = "markdown"  # the chosen period stays
        await pilot.pause()
        assert screen.query_one("#export-period", LineSelect).value == "month"
        assert screen.query_one("#export-path", Input).value.endswith(".md")


async def test_an_edit_stamped_after_2088_does_not_break_the_dialog(make_app, sample_copy):
    from someplan.store.ops import encode

    app = make_app()
    post = next(p for p in app.catalog.posts() if p.date and p.date >= dt.date(2026, 11, 18))
    colleague = sample_copy / "devices" / "zzzzzzzzzzzz"
    colleague.mkdir()
    stamp = f"{int(dt.datetime(2090, 1, 1, tzinfo=dt.UTC).timestamp() * 1000):013d}-0000-zzzzzzzzzzzz"
    (colleague / "000001.jsonl").write_bytes(encode(stamp, "posts", post.id, "notes", "from 2090", None))
    app.catalog.workspace.refresh()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("E")
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        (written,) = (sample_copy / "exports").iterdir()
        assert Calendar.from_ical(written.read_bytes()).walk("VEVENT")


async def test_a_long_path_shows_the_file_name(make_app, sample_copy, tmp_path):
    """Issue 17.21: the dialog's file field showed the start of a long path and hid the name."""
    deep = tmp_path / ("Dropbox (Fjordhotellet Solvik AS)" + "/felles/sosiale medier" * 2) / "planlegger"
    shutil.copytree(sample_copy, deep)
    app = make_app(path=deep)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("E")
        await app.screen.workers.wait_for_complete()  # the path is named with the preview, made on a thread
        await pilot.pause()
        field = app.screen.query_one("#export-path")
        assert len(field.value) > field.size.width
        shown = str(field.render_line(0).text)
        assert PurePath(field.value).name in shown


async def test_r_writes_the_last_months_report_and_says_where(make_app, sample_copy):
    from tests.services.document_checks import check_html

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("R")
        await app.workers.wait_for_complete()
        await pilot.pause()
        (written,) = (sample_copy / "exports").iterdir()
        assert written.name.startswith("someplan-report-2026-10-") and written.suffix == ".html"
        check_html(written.read_text(encoding="utf-8"))
        assert any(str(written) in n.message for n in app._notifications)


async def test_a_hootsuite_file_without_posts_is_refused_with_the_reason(make_app, sample_copy):
    from someplan.services.channels import add_channel

    app = make_app()
    empty = add_channel(app.catalog, "Threads", "other", 3)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("E")
        screen = app.screen
        screen.query_one("#export-format", LineSelect).value = "hootsuite"
        await pilot.pause()
        screen.query_one("#export-channel", LineSelect).value = empty.id
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert "nothing to export: Threads has no post" in str(screen.query_one("#export-error", Static).render())
        assert not (sample_copy / "exports").exists() or not list((sample_copy / "exports").iterdir())


async def test_r_says_why_when_the_report_cannot_be_written(make_app, sample_copy):
    (sample_copy / "exports").write_text("a file where the folder should be")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("R")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any(n.message.startswith("No report: ") and n.severity == "error" for n in app._notifications)
        assert (sample_copy / "exports").read_text() == "a file where the folder should be"


async def test_the_dialog_opens_without_building_the_file_on_the_ui_thread(make_app, monkeypatch):
    """Issue 15: opening it built a whole calendar file before its first frame; the preview now
    follows from a thread, and the dialog is there at once."""
    import threading

    from someplan.tui.screens import export as export_screen

    threads = []
    real = export_screen.prepare
    monkeypatch.setattr(export_screen, "prepare", lambda *a, **k: threads.append(threading.current_thread()) or real(*a, **k))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        assert threads and threads[0] is not threading.main_thread()
        assert "go into the file" in str(app.screen.query_one("#export-preview", Static).render())


async def test_opening_makes_the_preview_once_and_after_the_first_frame(make_app, monkeypatch):
    """Issue 15: the selects say their first values as they mount, which built the whole file a
    second time on the UI thread; and the thread started before the dialog's first frame,
    competing with drawing it."""
    from someplan.tui.screens import export as export_screen

    calls, frames = [], []
    real = export_screen.prepare
    monkeypatch.setattr(export_screen, "prepare", lambda *a, **k: calls.append(len(frames)) or real(*a, **k))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        note_frames(app, frames, lambda screen: isinstance(screen, ExportScreen))
        await pilot.press("E")
        await pilot.pause()
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        assert "go into the file" in str(app.screen.query_one("#export-preview", Static).render())
        assert len(calls) == 1 and calls[0] >= 1  # once, and only after the dialog was drawn
        app.screen.query_one("#export-format", LineSelect).value = "markdown"
        await pilot.pause()
        assert len(calls) == 2  # a new choice still makes a new preview


async def test_the_dialog_builds_its_choices_light(make_app):
    """Issue 15: its four Selects (six widgets each, their lists built and styled with them) were
    most of the dialog's first frame; each choice is one widget now, its list built when it first
    drops down, and the rows only some choices use (a range's dates, Hootsuite's date format) are
    built when first chosen."""
    from textual.widgets._select import SelectOverlay

    async with _dialog(make_app) as (app, pilot, screen):
        assert len(screen.query(LineSelect)) == 3 and not screen.query(SelectOverlay)
        assert not screen.query("#export-range") and not screen.query("#export-date-row")
        assert len(list(screen.walk_children())) <= 20


async def test_a_choice_drops_its_list_down_and_enter_takes_one(make_app):
    """The format, period, channel and date choices answer as Textual's compact Select did:
    enter (or space, up, down) drops the list down below the line, enter takes the highlighted
    choice, esc closes the list and leaves the choice as it was."""
    from textual.widgets._select import SelectOverlay

    async with _dialog(make_app) as (app, pilot, screen):
        choice = screen.query_one("#export-format", LineSelect)
        assert screen.focused is choice
        assert str(choice.render_line(0).text).rstrip().endswith("▼")
        await pilot.press("enter")
        await pilot.pause()
        listing = choice.query_one(SelectOverlay)
        assert screen.focused is listing and listing.highlighted == 0
        assert str(choice.render_line(0).text).rstrip().endswith("▲")
        assert listing.region.y == choice.region.y + 1 and listing.region.x == choice.region.x
        await pilot.press("down", "enter")
        await pilot.pause()
        assert choice.value == "hootsuite" and screen.focused is choice and not listing.display
        assert screen.query_one("#export-date-row").display  # the dialog followed the choice
        await pilot.press("down")
        await pilot.pause()
        assert screen.focused is listing and listing.highlighted == 1
        await pilot.press("down", "escape")
        await pilot.pause()
        assert choice.value == "hootsuite" and screen.focused is choice and not listing.display
        assert isinstance(app.screen, type(screen))  # esc closed the list, not the dialog


async def test_a_click_drops_the_list_down_and_a_click_in_it_takes_one(make_app):
    from textual.widgets._select import SelectOverlay

    async with _dialog(make_app) as (app, pilot, screen):
        period = screen.query_one("#export-period", LineSelect)
        await pilot.click(period)
        await pilot.pause()
        listing = period.query_one(SelectOverlay)
        assert listing.display and screen.focused is listing
        await pilot.click(listing, offset=(2, 1))  # the month
        await pilot.pause()
        assert period.value == "month" and not listing.display and screen.focused is period


async def test_a_list_once_dropped_down_follows_new_choices(make_app):
    """The channel's list, built when it first dropped down, loses "All channels" with Hootsuite."""
    from textual.widgets._select import SelectOverlay

    async with _dialog(make_app) as (app, pilot, screen):
        channel = screen.query_one("#export-channel", LineSelect)
        channel.focus()
        await pilot.press("enter")
        await pilot.pause()
        listing = channel.query_one(SelectOverlay)
        assert listing.option_count == len(app.catalog.channels()) + 1
        await pilot.press("escape")
        screen.query_one("#export-format", LineSelect).value = "hootsuite"
        await pilot.pause()
        assert listing.option_count == len(app.catalog.channels()) == len(channel.options)
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert channel.value == channel.options[1][1]


async def test_a_row_built_when_first_chosen_keeps_what_was_typed(make_app):
    async with _dialog(make_app) as (app, pilot, screen):
        period = screen.query_one("#export-period", LineSelect)
        period.value = "range"
        await pilot.pause()
        assert screen.query_one("#export-from", Input).value == "16.11.2026"  # the week shown
        assert screen.query_one("#export-range").region.y == period.region.y + 2  # beneath the period
        screen.query_one("#export-to", Input).value = "01.12.2026"
        period.value = "week"
        await pilot.pause()
        assert not screen.query_one("#export-range").display
        period.value = "range"
        await pilot.pause()
        assert screen.query_one("#export-to", Input).value == "01.12.2026"
        assert "1 Dec 2026" in str(screen.query_one("#export-preview", Static).render())
        screen.query_one("#export-format", LineSelect).value = "hootsuite"
        await pilot.pause()
        channel = screen.query_one("#export-channel", LineSelect)
        assert screen.query_one("#export-date-row").region.y == channel.region.y + 2  # beneath the channel
        screen.query_one("#export-date-format", LineSelect).value = "mdy"
        await pilot.pause()
        assert screen._request().date_format == "mdy"


async def test_a_workspace_with_no_channel_for_hootsuite_gives_a_blank_choice_not_a_crash(make_app, monkeypatch):
    """Hootsuite lists one channel at a time; with none to list (every channel removed), the
    choice stands blank and the dialog goes on, as Textual's Select did."""
    monkeypatch.setattr(ExportScreen, "_channel_options", lambda self, fmt: [] if fmt == "hootsuite" else [("All", "")])
    async with _dialog(make_app) as (app, pilot, screen):
        screen.query_one("#export-format", LineSelect).value = "hootsuite"
        await pilot.pause()
        channel = screen.query_one("#export-channel", LineSelect)
        assert channel.value is None and channel.options == []
        channel.focus()
        await pilot.press("enter")  # nothing to list: nothing happens
        await pilot.pause()
        assert app.screen is screen and not channel.has_class("-expanded")
        await screen.workers.wait_for_complete()

"""Importing key figures in the planner: `I` lists the Downloads folder's exports, enter shows the
dry run, ctrl+s writes it and the panes update; `m` marks a past post published."""

import datetime as dt
import shutil
from pathlib import Path

from textual.widgets import OptionList, Static

from someplan.domain.post import Post, Status
from someplan.services import planning
from someplan.tui.screens.figures_import import FiguresImportScreen

DATA = Path(__file__).resolve().parents[1] / "data"
KARI_FB = "01m823v2p0wv7yk0rmecxs4efm"


def downloads(tmp_path) -> Path:
    """A Downloads folder as the desktop names it (XDG user-dirs), holding two exports."""
    folder = tmp_path / "Nedlastinger"
    folder.mkdir()
    for name in ("meta_facebook_posts.csv", "linkedin_creator_analytics.xlsx"):
        shutil.copy(DATA / name, folder / name)
    (tmp_path / "config").mkdir(exist_ok=True)
    (tmp_path / "config" / "user-dirs.dirs").write_text(f'XDG_DOWNLOAD_DIR="{folder}"\n', encoding="utf-8")
    return folder


async def test_i_previews_an_export_from_downloads_and_ctrl_s_writes_it(make_app, sample_copy, tmp_path):
    folder = downloads(tmp_path)
    app = make_app()
    assert app.catalog.post(KARI_FB).reach == 2941  # the sample's figure, before the export's 3,120
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("I")
        screen = app.screen
        assert isinstance(screen, FiguresImportScreen) and screen.folder == folder
        files = screen.query_one("#import-files", OptionList)
        names = [files.get_option_at_index(i).id for i in range(files.option_count)]
        assert sorted(Path(n).name for n in names) == ["linkedin_creator_analytics.xlsx", "meta_facebook_posts.csv"]
        files.highlighted = names.index(str(folder / "linkedin_creator_analytics.xlsx"))
        await pilot.press("enter")
        assert "personal profile" in str(screen.query_one("#import-preview", Static).render())
        await pilot.press("ctrl+s")  # nothing to write: the dialog stays and says so
        assert app.screen is screen
        files.highlighted = names.index(str(folder / "meta_facebook_posts.csv"))
        await pilot.press("enter")
        preview = str(screen.query_one("#import-preview", Static).render())
        assert "3 matched (3 updated), 1 new, 1 skipped, 1 errors" in preview
        assert "11/10/2026 10:04 → 2026-11-10 19:04" in preview and "by time and text" in preview
        assert app.catalog.post(KARI_FB).reach == 2941  # the preview writes nothing
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FiguresImportScreen)
        assert app.catalog.post(KARI_FB).reach == 3120
        assert any("Imported:" in n.message for n in app._notifications)


async def test_m_marks_a_past_post_without_figures_published(make_app, sample_copy, tmp_path):
    downloads(tmp_path)
    app = make_app()
    post_id = planning.add_post(app.catalog, Post("", title="Glemt å markere", channel=app.catalog.channel("Facebook").id,
                                                  date=dt.date(2026, 11, 12), time=dt.time(12, 0), status=Status.SCHEDULED))  # fmt: skip
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("I")
        past = app.screen.query_one("#import-past", OptionList)
        ids = [past.get_option_at_index(i).id for i in range(past.option_count)]
        assert ids == [post_id]  # past, not published, no figures
        past.focus()
        past.highlighted = 0
        await pilot.press("m")
        assert app.catalog.post(post_id).status is Status.PUBLISHED
        assert post_id not in [past.get_option_at_index(i).id for i in range(past.option_count)]
        await pilot.press("escape")
        await pilot.pause()
        assert any("1 post marked published" in n.message for n in app._notifications)


def test_the_preview_shows_a_tab_in_a_title_as_a_space():
    from someplan.domain.channel import Channel, Network
    from someplan.domain.matching import ExportRow, Match, Outcome
    from someplan.services.figures.importer import ImportPlan
    from someplan.tui.screens.figures_import import preview_text

    plan = ImportPlan(Path("x.csv"), "CSV", Channel("c", "Facebook", Network.FACEBOOK),
                      matches=[Match(ExportRow(2, "c", title="Kveld\tved fjorden", figures={"reach": 1}), Outcome.NEW)])  # fmt: skip
    shown = str(preview_text(plan, {}))
    assert "Kveld ved fjorden" in shown and "\\x09" not in shown

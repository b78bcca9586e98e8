"""The screens a key opens (the dialogs too), imported when first opened or by a worker right after the first frame.

Importing them all before the first frame (the editor's TextArea and Selects, the year wheel,
the export formats, the batch wizard…) held up the week plan for nothing. Textual copies a
class's key map when a widget is built, so each newly imported screen's keys are put into the
language spoken (`translate_bindings`) before one is built; that runs on the UI thread only.
"""

from __future__ import annotations

import importlib
import inspect
import sys
from pathlib import Path

from textual.app import App

from someplan.tui.translated_bindings import translate_bindings

MODULES = {
    "Ask": "someplan.tui.screens.dialogs",
    "Confirm": "someplan.tui.screens.dialogs",
    "ShowList": "someplan.tui.screens.dialogs",
    "AssetPreview": "someplan.tui.screens.asset_preview",
    "AttentionScreen": "someplan.tui.screens.attention",
    "BatchScreen": "someplan.tui.screens.batch",
    "CampaignEditor": "someplan.tui.screens.campaign_editor",
    "CategoryEditor": "someplan.tui.screens.category_editor",
    "ExportScreen": "someplan.tui.screens.export",
    "FiguresImportScreen": "someplan.tui.screens.figures_import",
    "FiguresScreen": "someplan.tui.screens.figures",
    "FillPreview": "someplan.tui.screens.fill",
    "GoalsScreen": "someplan.tui.screens.goals",
    "InboxScreen": "someplan.tui.screens.inbox",
    "MixScreen": "someplan.tui.screens.mix",
    "PeopleScreen": "someplan.tui.screens.people",
    "PostEditor": "someplan.tui.screens.editor",
    "PostStrategy": "someplan.tui.screens.post_strategy",
    "SearchScreen": "someplan.tui.screens.search",
    "YearWheelScreen": "someplan.tui.screens.year_wheel",
}

_translated: set[str] = set()  # modules whose classes speak the language (UI thread only)


def screen(name: str) -> type:
    """The screen class `name`, ready to be built (UI thread)."""
    module = importlib.import_module(MODULES[name])
    if module.__name__ not in _translated:
        translate_loaded()
    return getattr(module, name)


def loaded(name: str) -> type | None:
    """The class if its module is imported (nothing on screen can be one otherwise), else None."""
    module = sys.modules.get(MODULES[name])
    return getattr(module, name, None) if module is not None else None


def preload() -> None:
    """Import every screen's module: any thread (a worker after the first frame)."""
    for module in sorted(set(MODULES.values())):
        importlib.import_module(module)


def translate_loaded() -> None:
    """Put the key maps of every class imported so far into the language spoken (UI thread)."""
    translate_bindings()
    _translated.update(module for module in MODULES.values() if module in sys.modules)


def read_styles(app: App) -> None:
    """Read the style sheets of the screens imported so far into the app's, and parse them now
    (UI thread, after the first frame). Textual reads a screen's sheet as it first opens, then
    parses every sheet again and restyles every widget of every screen: a fifth of opening the
    figures view. Parsing here also fills the parse cache that setting the theme at start
    emptied, so a widget first shown later (a Select) has only its own rules parsed."""
    sheet = app.stylesheet
    for name in MODULES:
        cls = loaded(name)
        paths = getattr(cls, "CSS_PATH", None)
        if cls is None or not paths:
            continue
        for path in [paths] if isinstance(paths, str | Path) else paths:
            path = (Path(inspect.getfile(cls)).parent / path).resolve()  # as Textual names it
            if not sheet.has_source(str(path), ""):
                sheet.read(path)
    sheet.parse()


def post_editor(app, *args, **kwargs):
    """The post editor filled with a post: one instance per app, reused (screens/editor.py)."""
    screen("PostEditor")  # its module imported and its keys in the language spoken
    return importlib.import_module(MODULES["PostEditor"]).post_editor(app, *args, **kwargs)


def prebuild_editor(app, today) -> None:
    """The post editor built ahead, while idle (UI thread)."""
    screen("PostEditor")
    importlib.import_module(MODULES["PostEditor"]).prebuild(app, today)

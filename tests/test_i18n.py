"""Every string the program shows is in the Bokmål catalog, and the catalog is compiled."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from someplan import i18n

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


catalog_tool = _tool("i18n")
lint = _tool("i18n_lint")

# Areas of the program whose shown text must all be marked for translation.
AREAS = {
    "core": [ROOT / "someplan" / "i18n.py", ROOT / "someplan" / "tui" / "translated_bindings.py"],
    "wheel": [
        ROOT / "someplan" / "tui" / "screens" / "year_wheel.py", ROOT / "someplan" / "tui" / "screens" / "campaign_editor.py",
        ROOT / "someplan" / "cli" / "campaign.py", ROOT / "someplan" / "services" / "campaigns.py",
        ROOT / "someplan" / "services" / "calendar_data.py", ROOT / "someplan" / "services" / "year_wheel.py",
    ],
    # The command line, and what it shows from the layers below: the services and the domain,
    # and the store's problems and errors (its other modules raise nothing a user sees).
    "cli": [
        *(ROOT / "someplan" / "cli" / f"{name}.py" for name in (
            "__init__", "argparse_words", "assets", "batch", "common", "doctor", "figures", "language", "people",
            "posts", "records", "status", "workspace",
        )),
        *(ROOT / "someplan" / "services" / f"{name}.py" for name in (
            "asset_watch", "assets", "batch", "catalog", "doctor", "errors", "holiday_cache", "language",
            "locate", "overview", "people", "planning", "rotation_fill", "setup", "status", "user_input",
            "channels", "categories", "named_records",
        )),
        ROOT / "someplan" / "services" / "figures",
        *(ROOT / "someplan" / "domain" / f"{name}.py" for name in (
            "assets", "batch", "cadence", "category", "channel", "doc_fields", "event", "figures",
            "figures_stats", "matching", "norwegian_calendar", "person", "plan", "post",
            "rotation", "rotation_plan", "settings", "weeks",
        )),
        *(ROOT / "someplan" / "store" / f"{name}.py" for name in ("problems", "snapshot", "workspace", "writer")),
    ],
    "export": [ROOT / "someplan" / "services" / "exports", ROOT / "someplan" / "cli" / "export.py",
               ROOT / "someplan" / "tui" / "screens" / "export.py"],
    "tui": [ROOT / "someplan" / "tui"],
}  # fmt: skip


def test_every_marked_string_has_a_bokmal_translation():
    problems = catalog_tool.check().problems()
    assert problems == [], "\n".join(problems[:40])


def test_the_compiled_catalog_is_current():
    committed = catalog_tool.messages(catalog_tool.MO_FILE.read_bytes())
    assert committed == catalog_tool.messages(catalog_tool.compile_mo()), "run: python tools/i18n.py compile"


def test_translation_calls_get_literals():
    bad = [f"{path}:{line}: {text}" for path in (ROOT / "someplan").rglob("*.py") for line, text in lint.literal_calls_only(path)]
    assert bad == []


@pytest.mark.parametrize("area", sorted(AREAS))
def test_no_shown_text_is_left_unmarked(area):
    assert lint.unmarked(AREAS[area]) == []


def test_language_order(monkeypatch):
    monkeypatch.delenv(i18n.ENV_VAR)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert i18n.resolve() == "en"
    monkeypatch.setenv("LANG", "nb_NO.UTF-8")
    assert i18n.resolve() == "nb"
    assert i18n.resolve(workspace_locale="en") == "en"
    assert i18n.resolve(workspace_locale="en", user_choice="nb") == "nb"
    monkeypatch.setenv(i18n.ENV_VAR, "en")
    assert i18n.resolve(workspace_locale="nb", user_choice="nb") == "en"


def test_argparse_says_nothing_our_catalog_does_not_have():
    """Every message argparse of this Python translates is in someplan/cli/argparse_words.py."""
    import argparse
    import ast

    from someplan.cli.argparse_words import MESSAGES

    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    theirs = {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_"
        and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
    }
    assert theirs - set(MESSAGES) == set()


def test_bokmal_is_spoken_when_set():
    i18n.set_language("nb")
    assert i18n._("Quit") == "Avslutt"
    i18n.set_language("en")
    assert i18n._("Quit") == "Quit"


def test_the_lint_finds_shown_text_in_rich_texts_titles_and_the_planners_widgets(tmp_path):
    source = tmp_path / "screen.py"
    source.write_text(
        "header = Text.assemble(('Key figures', 'bold'), ' for the week')\n"
        "text.append('not used yet', style='dim')\n"
        "table.border_title = 'By category'\n"
        "yield Caption('Active in the rotation')\n"
        "yield from self._field('Weeks apart', widget)\n"
        "self.app.push_screen(Ask(_('Go to'), placeholder='a week or a date'))\n"
        "lines.append('a plain list item')\n"  # list.append: not a sink
        "text.append(_('Marked already'), style='dim')\n"
        "yield Caption(N_('Marked for later'))\n"
    )
    found = sorted(text for _line, text in lint.unmarked_in(source))
    assert found == sorted(["Key figures", " for the week", "not used yet", "By category", "Active in the rotation",
                            "Weeks apart", "a week or a date"])  # fmt: skip

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
    "export": [ROOT / "someplan" / "services" / "exports", ROOT / "someplan" / "cli_export.py",
               ROOT / "someplan" / "tui" / "screens" / "export.py"],
}


def test_every_marked_string_has_a_bokmal_translation():
    problems = catalog_tool.check().problems()
    assert problems == [], "\n".join(problems[:40])


def test_the_compiled_catalog_is_current():
    assert catalog_tool.MO_FILE.read_bytes() == catalog_tool.compile_mo(), "run: python tools/i18n.py compile"


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


def test_bokmal_is_spoken_when_set():
    i18n.set_language("nb")
    assert i18n._("Quit") == "Avslutt"
    i18n.set_language("en")
    assert i18n._("Quit") == "Quit"

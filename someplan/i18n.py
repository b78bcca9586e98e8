"""The language someplan speaks: Norwegian Bokmål or English, through gettext.

Source strings are English. The Bokmål catalog is compiled from the `.po` files in
`someplan/locale/nb/` into `someplan/locale/nb/LC_MESSAGES/someplan.mo` by `tools/i18n.py`;
English needs no catalog.

Which language, first match wins:

1. `$SOMEPLAN_LANG` (``nb`` or ``en``), for scripts and tests;
2. the user's own choice on this machine (``someplan language nb``, or the planner's palette),
   kept in the user state file, outside the workspace;
3. the workspace's locale (``settings.locale``), shared by everyone who opens it;
4. the environment's ``LANG``/``LC_ALL``/``LC_MESSAGES`` (``nb``, ``nn``, ``no`` → Bokmål);
5. English.

Use ``_("…")`` for a message, ``ngettext(one, many, n)`` where a count decides the form,
``pgettext(context, "…")`` for a short word that means two things, and ``N_("…")`` to mark a
string that is translated later (class attributes, tables built at import). Placeholders are
``{name}`` fields filled with ``.format()`` after translation, never f-strings inside ``_()``.
"""

from __future__ import annotations

import gettext as _gettext
import os
from pathlib import Path

from someplan.rounding import fixed  # the one rule every face rounds a rate by

LANGUAGES = ("nb", "en")
LANGUAGE_NAMES = {"nb": "norsk bokmål", "en": "English"}
ENV_VAR = "SOMEPLAN_LANG"
DOMAIN = "someplan"
LOCALE_DIR = Path(__file__).parent / "locale"

_current = "en"
_translations: _gettext.NullTranslations = _gettext.NullTranslations()
_listeners: list = []


def normalise(value: str | None) -> str | None:
    """ "nb", "nb_NO.UTF-8", "no", "nn", "norsk" → "nb"; "en", "en_GB" → "en"; else None."""
    if not value:
        return None
    lowered = value.strip().lower().replace("-", "_")
    if lowered.startswith(("nb", "no", "nn", "norsk", "bokm")):
        return "nb"
    if lowered.startswith(("en", "english", "engelsk")):
        return "en"
    return None


def _environment_language() -> str | None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        found = normalise(os.environ.get(name))
        if found:
            return found
    return None


def resolve(workspace_locale: str | None = None, user_choice: str | None = None) -> str:
    """The language to speak, by the order in this module's docstring."""
    return (
        normalise(os.environ.get(ENV_VAR))
        or normalise(user_choice)
        or normalise(workspace_locale)
        or _environment_language()
        or "en"
    )


_loaded: dict[str, _gettext.NullTranslations] = {}


def translator(language: str | None = None) -> _gettext.NullTranslations:
    """The catalog of `language` ("nb", "en"; None: the one spoken now), read once, for text that
    must be in a given language whatever is spoken (`Status.label("nb")`)."""
    if language is None:
        return _translations
    chosen = normalise(language) or "en"
    if chosen not in _loaded:
        _loaded[chosen] = (
            _gettext.NullTranslations()
            if chosen == "en"
            else _gettext.translation(DOMAIN, LOCALE_DIR, languages=[chosen], fallback=True)
        )
    return _loaded[chosen]


def set_language(language: str) -> str:
    """Speak `language` from now on (unknown values mean English); returns the one chosen."""
    global _current, _translations
    chosen = normalise(language) or "en"
    _current, _translations = chosen, translator(chosen)
    for listener in list(_listeners):
        listener(chosen)
    return chosen


def language() -> str:
    return _current


def on_change(listener) -> None:
    """Call `listener(language)` after every `set_language` (the planner re-labels its keys)."""
    if listener not in _listeners:
        _listeners.append(listener)


def _(message: str) -> str:
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translations.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    return _translations.pgettext(context, message)


def N_(message: str) -> str:
    """Marks `message` for the catalog; it is translated where it is shown, with `_()`."""
    return message


def gettext(message: str) -> str:
    """`_` under its long name, for modules (argparse) that look up ``gettext``."""
    return _translations.gettext(message)


def percent(value: float | None) -> str:
    """ "12.5 %" in English, "12,5 %" in Bokmål (a decimal comma); "–" for no value."""
    if value is None:
        return "–"
    text = f"{fixed(value, 1)} %"
    return text.replace(".", ",") if _current == "nb" else text

"""Choosing the language for this run: the user's choice here, the workspace's locale, the rest.

The user's choice and the locale of the last workspace opened are kept in the user state file
(this machine only); the last locale lets `someplan --help` speak the workspace's language
before any workspace is opened.
"""

from __future__ import annotations

from someplan import i18n
from someplan.services.locate import read_user_state, write_user_state


def user_choice() -> str | None:
    return i18n.normalise(read_user_state().get("language"))


def set_user_choice(language: str | None) -> None:
    """Remember `language` for this user on this machine; None goes back to the workspace's."""
    write_user_state(language=i18n.normalise(language))


def apply(workspace_locale: str | None = None) -> str:
    """Speak the language this run should; with a workspace, remember its locale for next time."""
    state = read_user_state()
    if workspace_locale and state.get("last_locale") != workspace_locale:
        write_user_state(last_locale=workspace_locale)
    locale = workspace_locale or state.get("last_locale")
    return i18n.set_language(i18n.resolve(locale, i18n.normalise(state.get("language"))))


def source(workspace_locale: str | None) -> str:
    """Why the language is what it is: "env", "user", "workspace", "system" or "default"."""
    import os

    if i18n.normalise(os.environ.get(i18n.ENV_VAR)):
        return "env"
    if user_choice():
        return "user"
    if i18n.normalise(workspace_locale):
        return "workspace"
    return "system" if i18n.resolve() != "en" or i18n._environment_language() else "default"

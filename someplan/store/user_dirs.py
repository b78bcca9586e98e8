"""This user's own folders on this machine, found in one place (never inside a workspace):

- config: the device identity, themes, the keymap, calendar data the user keeps;
- state: what the user last did (workspace, language, theme), the demo copy;
- cache: what can be rebuilt at any time (public holidays, asset-folder listings);
- downloads: where a browser saves the networks' analytics exports (the import dialog opens there).

platformdirs honours $XDG_CONFIG_HOME, $XDG_STATE_HOME and $XDG_CACHE_HOME (and the platform's
own places elsewhere), which is also how the tests keep each run apart.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "someplan"


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def state_dir() -> Path:
    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def downloads_dir() -> Path:
    """The user's Downloads folder (XDG_DOWNLOAD_DIR on Linux desktops); home when there is none."""
    folder = Path(platformdirs.user_downloads_dir())
    return folder if folder.is_dir() else Path.home()

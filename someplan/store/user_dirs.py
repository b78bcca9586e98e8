"""This user's own folders on this machine, found in one place (never inside a workspace):

- config: the device identity, themes, the keymap, calendar data the user keeps;
- state: what the user last did (workspace, language, theme), the demo copy;
- cache: what can be rebuilt at any time (public holidays, asset-folder listings);
- downloads: where a browser saves the networks' analytics exports (the import dialog opens there).

platformdirs honours $XDG_CONFIG_HOME, $XDG_STATE_HOME and $XDG_CACHE_HOME (and the platform's
own places elsewhere), which is also how the tests keep each run apart.
"""

from __future__ import annotations

import os
import posixpath
import sys
from pathlib import Path

APP_NAME = "someplan"


def _linux(variable: str, default: str) -> Path | None:
    """On Linux, the folder platformdirs gives, worked out as it does (the XDG variable when it is
    an absolute path, else `default` in the home folder) without importing it: platformdirs
    brings tempfile, shutil and random along, a tenth of a quick `someplan status`."""
    if sys.platform != "linux":
        return None
    path = os.environ.get(variable, "")
    if posixpath.isabs(path):
        return Path(path) / APP_NAME
    home = os.environ.get("HOME", "")
    return Path(home) / default / APP_NAME if posixpath.isabs(home) else None


def config_dir() -> Path:
    if found := _linux("XDG_CONFIG_HOME", ".config"):
        return found
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def state_dir() -> Path:
    if found := _linux("XDG_STATE_HOME", ".local/state"):
        return found
    import platformdirs

    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    if found := _linux("XDG_CACHE_HOME", ".cache"):
        return found
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def downloads_dir() -> Path:
    """The user's Downloads folder (XDG_DOWNLOAD_DIR on Linux desktops); home when there is none."""
    import platformdirs

    folder = Path(platformdirs.user_downloads_dir())
    return folder if folder.is_dir() else Path.home()

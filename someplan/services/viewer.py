"""Opening a local file in the system's viewer (xdg-open, open, os.startfile).

The file is handed over as one argument, never through a shell, so a name with spaces, quotes or
`;` is just a name. Over SSH, or where no viewer is installed, the caller gets a UserError that
says so and where the file is, instead of a viewer opening on some other screen or nothing at all.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from someplan.i18n import _
from someplan.services.errors import UserError


def open_in_viewer(
    path: Path,
    *,
    platform: str = sys.platform,
    environ: Mapping[str, str] = os.environ,
    which: Callable[[str], str | None] = shutil.which,
    popen: Callable[..., Any] = subprocess.Popen,
    startfile: Callable[[str], None] | None = None,
) -> None:
    """Open `path` in the viewer the system has for it; raises UserError saying why it cannot."""
    if not path.is_file():
        raise UserError(_("{file} is not on this machine (not synced yet, or moved)").format(file=path.name))
    startfile = startfile or getattr(os, "startfile", None)
    if platform == "win32" and startfile is not None:
        try:
            startfile(str(path))
        except OSError as error:
            raise UserError(_("No viewer opened {file}: {error}").format(file=path.name, error=error)) from None
        return
    if platform == "darwin":
        command = "open"
    else:
        if environ.get("SSH_CONNECTION") and not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
            raise UserError(_("No screen to show {file} on over SSH; the file is {path}").format(file=path.name, path=path))
        if not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
            raise UserError(_("No graphical display to show {file} on; the file is {path}").format(file=path.name, path=path))
        command = "xdg-open"
    program = which(command)
    if program is None:
        raise UserError(_("No viewer found ({command} is not installed); the file is {path}").format(command=command, path=path))
    try:
        # Its own session and no terminal: the viewer must not draw on, or die with, the planner.
        popen([program, str(path.resolve())], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
              stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
    except OSError as error:
        raise UserError(_("No viewer opened {file}: {error}").format(file=path.name, error=error)) from None

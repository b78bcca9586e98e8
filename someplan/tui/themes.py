"""Theme files: the ones shipped in themes/ and the user's own in <config>/someplan/themes/.

A theme file is TOML with Textual's theme fields (name, primary, secondary, accent, foreground,
background, surface, panel, warning, error, success, dark). A file that does not parse or lacks
a field is skipped with a one-line reason; the app shows the reasons as a notice.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.theme import Theme

from someplan.i18n import _
from someplan.store.user_dirs import config_dir

FIELDS = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "warning",
    "error",
    "success",
    "boost",
)
DEFAULT_THEME = "someplan-fjord"


def shipped_theme_dirs() -> list[Path]:
    """The checkout's themes/, else the copy the wheel ships inside the package (a folder beside
    this module's package on disk, as importlib.resources would find it, without its import)."""
    package = Path(__file__).resolve().parents[1]
    candidates = [package.parent / "themes", package / "themes"]
    return [path for path in candidates if path.is_dir()]


def user_theme_dir() -> Path:
    return config_dir() / "themes"


def load_theme(path: Path) -> Theme:
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ValueError(f"{path.name}: {error}") from None
    name, primary = doc.get("name"), doc.get("primary")
    if not isinstance(name, str) or not name or not isinstance(primary, str):
        raise ValueError(_("{file}: needs a name and a primary colour").format(file=path.name))
    colours = {field: doc[field] for field in FIELDS if isinstance(doc.get(field), str)}
    try:
        theme = Theme(name=name, dark=bool(doc.get("dark", True)), **colours)
        theme.to_color_system()  # parses every colour: a bad one fails here, not on screen
    except Exception as error:  # noqa: BLE001 - Textual raises several kinds for a bad colour
        raise ValueError(f"{path.name}: {error}") from None
    return theme


def load_themes() -> tuple[list[Theme], list[str]]:
    """All themes found, shipped first then the user's; and why any file was skipped."""
    themes, problems = [], []
    for folder in [*shipped_theme_dirs()[:1], user_theme_dir()]:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                themes.append(load_theme(path))
            except ValueError as error:
                problems.append(str(error))
    return themes, problems

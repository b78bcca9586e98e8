"""The user's keymap: <config>/someplan/keymap.toml remaps any binding by its id.

    [keys]
    "plan.next_week" = "n"
    "app.help" = "f1,question_mark"
"""

from __future__ import annotations

import tomllib

from someplan.i18n import _
from someplan.store.user_dirs import config_dir


def keymap_path():
    return config_dir() / "keymap.toml"


def load_keymap() -> tuple[dict[str, str], str | None]:
    path = keymap_path()
    if not path.exists():
        return {}, None
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return {}, _("keymap.toml ignored: {error}").format(error=error)
    keys = doc.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        return {}, _("keymap.toml ignored: [keys] must map binding ids to key strings")
    return dict(keys), None

"""The words for the domain's values, in the language spoken: one place for both faces.

The domain keeps its states as English words ("overdue", "awareness", "warning"); the command
line and the planner show them through these functions, so that a value reads alike in both.
Each short word carries a context, because "due" in the rotation and "due" elsewhere may be
different words in Bokmål. An unknown value (a newer version's, or a colleague's typo) is shown
as stored rather than dropped.
"""

from __future__ import annotations

from someplan.domain.post import PostFormat, Status, Surface
from someplan.i18n import language, pgettext


def status(value: str) -> str:
    """A post's status ("published") as the domain names it in the language spoken."""
    try:
        return Status(value).label(language())
    except ValueError:
        return value


def post_format(value: str) -> str:
    """A post's format ("reel", "carousel") in the language spoken."""
    try:
        return PostFormat(value).label(language())
    except ValueError:
        return value


def surface(value: str) -> str:
    """Where a post's reach comes from: owned, earned, paid."""
    try:
        return Surface(value).label(language())
    except ValueError:
        return value


def rotation_state(value: str) -> str:
    return {
        "ok": pgettext("rotation state", "ok"),
        "due": pgettext("rotation state", "due"),
        "overdue": pgettext("rotation state", "overdue"),
        "paused": pgettext("rotation state", "paused"),
    }.get(value, value)


def standing(value: str) -> str:
    """Why the fill proposes a category: overdue, due, ahead of its cadence."""
    return {
        "overdue": pgettext("fill reason", "overdue"),
        "due": pgettext("fill reason", "due"),
        "ahead": pgettext("fill reason", "ahead"),
        "ok": pgettext("fill reason", "ok"),
    }.get(value, value)


def funnel(value: str) -> str:
    return {
        "awareness": pgettext("funnel", "awareness"),
        "consideration": pgettext("funnel", "consideration"),
        "conversion": pgettext("funnel", "conversion"),
    }.get(value, value)


def severity(value: str) -> str:
    """How bad a workspace problem is: error, warning, info."""
    return {
        "error": pgettext("problem", "error"),
        "warning": pgettext("problem", "warning"),
        "info": pgettext("problem", "info"),
    }.get(value, value)

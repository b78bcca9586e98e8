"""Why a status key in the plan did nothing: a key that does nothing says why (issue 16)."""

from __future__ import annotations

from someplan.domain.post import Post
from someplan.i18n import _
from someplan.textsafe import literal


def why_not_forward(post: Post | None) -> str:
    if post is None:
        return _("No post selected: space steps a post's status forward.")
    return _("“{title}” is published, the last status: nothing after it (shift+space or backspace steps back).").format(
        title=literal(post.title)
    )


def why_not_back(post: Post | None) -> str:
    if post is None:
        return _("No post selected: shift+space or backspace steps a post's status back.")
    return _("“{title}” is an idea, the first status: nothing before it (space steps forward).").format(
        title=literal(post.title)
    )

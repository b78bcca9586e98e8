"""Earned content in the workspace: the posts shared with a customer's or partner's permission,
and the warnings when a permission is missing or runs out (the rules: domain/earned.py)."""

from __future__ import annotations

import datetime as dt

from someplan.domain.earned import earned_warnings
from someplan.domain.post import Post
from someplan.services.catalog import Catalog


def earned_posts(catalog: Catalog) -> list[Post]:
    """Every earned post, read once per workspace version from the months the posts' index
    places them in: a history of 30,000 posts is neither read nor made into objects for it."""
    return catalog.earned_posts()


def permission_warnings(catalog: Catalog, today: dt.date) -> list[tuple[str, str, str]]:
    """(post id, kind, sentence) for the earned posts whose permission needs the user."""
    return earned_warnings(earned_posts(catalog), today)

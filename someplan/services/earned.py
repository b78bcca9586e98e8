"""Earned content in the workspace: the posts shared with a customer's or partner's permission,
and the warnings when a permission is missing or runs out (the rules: domain/earned.py)."""

from __future__ import annotations

import datetime as dt

from someplan.domain.earned import earned_warnings
from someplan.services.catalog import Catalog


def permission_warnings(catalog: Catalog, today: dt.date) -> list[tuple[str, str, str]]:
    """(post id, kind, sentence) for the earned posts whose permission needs the user (the
    earned posts are found through the posts' index: `Catalog.earned_posts`)."""
    return earned_warnings(catalog.earned_posts(), today)

"""The content categories in rotation: add, edit, remove, and their order."""

from __future__ import annotations

from typing import Any

from someplan.domain.category import Category
from someplan.services.catalog import CATEGORIES, Catalog
from someplan.services.named_records import edit_record, refuse_if_used, unique_name
from someplan.store.workspace import new_record_id


def add_category(catalog: Catalog, name: str, **fields: Any) -> Category:
    category = Category(id=new_record_id(), name=unique_name(catalog.categories(), name), **fields)
    catalog.workspace.insert(CATEGORIES, category.to_doc(), category.id)
    return category


def edit_category(catalog: Catalog, which: str, **fields: Any) -> Category:
    return edit_record(catalog, CATEGORIES, catalog.category(which), catalog.categories(), fields)


def remove_category(catalog: Catalog, which: str) -> Category:
    category = catalog.category(which)
    refuse_if_used(catalog, "category", category.id, category.name)
    catalog.workspace.delete(CATEGORIES, category.id)
    return category


def move_category(catalog: Catalog, which: str, steps: int) -> list[Category]:
    """Move a category `steps` places in the rotation order (negative: earlier); the new order.

    Every category gets its place as a rank in one batch, so the order is the same on every
    machine even for categories that never had a rank.
    """
    order = catalog.rotation()
    category = catalog.category(which)
    index = next(i for i, c in enumerate(order) if c.id == category.id)
    order.insert(max(0, min(len(order) - 1, index + steps)), order.pop(index))
    catalog.workspace.write(
        [(CATEGORIES, c.id, "rank", rank) for rank, c in enumerate(order) if c.rank != rank]
    )
    return catalog.rotation()


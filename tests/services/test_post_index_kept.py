"""The posts' index as this machine's read cache keeps it: its large parts (ids month by month,
the categories' dates, the posts' order) read back when asked for, the same as the index made
from the posts; a part that does not read back makes the catalog read every post instead."""

import datetime as dt
import os
from pathlib import Path

from hypothesis import given

from someplan.services.catalog import Catalog
from someplan.store import post_index, read_cache
from someplan.store.workspace import Workspace
from tests.services.test_catalog_index import DOCS
from tests.services.test_status_reads_the_week import _warm


def _kept(index: post_index.PostIndex) -> post_index.PostIndex:
    parts: list[bytes] = []

    def keep(data: bytes) -> post_index.Where:
        parts.append(data)
        return (len(parts) - 1, len(data), 0)

    def read(where: post_index.Where):
        import marshal

        return marshal.loads(parts[where[0]])

    return post_index.unpack(post_index.pack(index, keep), read)


def _pending(docs) -> dict[str, int]:
    """The rotation's backlog as it was counted before the index kept it: over every post."""
    counted: dict[str, int] = {}
    for doc in docs.values():
        if doc.get("status") in ("draft", "ready") and isinstance(doc.get("category"), str):
            counted[doc["category"]] = counted.get(doc["category"], 0) + 1
    return counted


@given(DOCS)
def test_the_kept_index_reads_back_as_made(docs):
    made = post_index.make(docs)
    kept = _kept(made)
    assert kept.days == made.days and kept.backlog == made.backlog and kept.assets == made.assets
    assert kept.latest == made.latest == {category: days[-1] for category, days in made.by_category.items()}
    assert kept.pending == made.pending == _pending(docs)
    earned = [(at, rid, post_index.month_of(doc)) for at, (rid, doc) in enumerate(docs.items()) if doc.get("surface") == "earned"]
    assert kept.earned == made.earned == earned
    assert list(kept.ids) == made.ids and dict(kept.by_category) == made.by_category
    assert [kept.ids[i] for i in range(-len(made.ids), len(made.ids))] == made.ids + made.ids
    for at in range(len(made.days)):
        for to in range(at, len(made.days) + 1):
            assert kept.ids[at:to] == made.ids[at:to]


def _cache_file() -> Path:
    [path] = (Path(os.environ["XDG_STATE_HOME"]) / "someplan" / "read-cache").iterdir()
    return path


def _damage(path: Path, where: post_index.Where, base: int) -> None:
    with open(path, "r+b") as f:
        f.seek(base + where[0] + where[1] // 2)
        byte = f.read(1)
        f.seek(-1, os.SEEK_CUR)
        f.write(bytes([byte[0] ^ 0xFF]))


def _answers(catalog: Catalog) -> tuple:
    first, last = dt.date(2026, 11, 9), dt.date(2026, 11, 22)
    return (catalog.posts_between(first, last), catalog.docs_between(first, last), catalog.rotation_posts(first, last),
            catalog.last_post_dates(), catalog.date_range())  # fmt: skip


def test_a_warm_start_reads_only_the_ids_of_the_months_asked_for(sample_copy):
    warm = _warm(sample_copy)
    catalog = Catalog(warm)
    catalog.posts_between(dt.date(2026, 11, 16), dt.date(2026, 11, 22))
    catalog.last_post_dates()
    ids = warm._posts_from.index.ids
    assert set(ids._read_months) == {"2026-11"}
    assert warm._posts_from.index.by_category._read is not None  # the dates: not read


def _fresh_cache(folder: Path) -> read_cache.Cached:
    """The cache made again from the segments; loaded, to find where its parts lie."""
    _cache_file().unlink()
    Workspace.open(folder, writable=False)
    cached = read_cache.load(_cache_file())
    assert cached is not None
    cached.close()
    return cached


def test_a_damaged_part_of_the_kept_index_makes_the_catalog_read_every_post(sample_copy):
    _warm(sample_copy)
    whole = Workspace.open(sample_copy, writable=False)
    whole.view("posts")
    expected = _answers(Catalog(whole))
    parts = {
        "a month's ids": lambda cached: cached.index.ids._months["2026-11"][1],
        "the categories' dates": lambda cached: cached.index.by_category.where,
        "the posts' order": lambda cached: cached._order,
    }
    for name, where in parts.items():
        cached = _fresh_cache(sample_copy)
        _damage(_cache_file(), where(cached), cached._kept.base)
        reader = Workspace.open(sample_copy, writable=False)
        assert reader.post_index() is not None, name  # the head reads: the damage is found when the part is read
        assert _answers(Catalog(reader)) == expected, name
        assert list(reader.view("posts").items()) == list(whole.view("posts").items()), name

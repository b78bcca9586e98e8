"""A short id the command line prints finds exactly its post, deleted ones included."""

from someplan.services.catalog import POSTS


def test_every_short_id_finds_its_post(catalog):
    gone = catalog.posts()[0].id
    catalog.workspace.delete(POSTS, gone)
    shown = catalog.short_post_ids()
    assert gone in shown and all(len(short) >= 8 for short in shown.values())
    for post in catalog.posts():
        assert catalog.post(shown[post.id]).id == post.id
    assert sum(1 for rid in shown if rid.startswith(shown[gone])) == 1

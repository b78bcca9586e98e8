"""`show` names a post's channel, category and people; the ids follow as extra keys."""

import dataclasses

from someplan.services.post_view import post_fields


def test_names_first_and_ids_beside(catalog):
    person = catalog.people()[0]
    post = dataclasses.replace(next(p for p in catalog.posts() if p.channel and p.category), people=(person.id, "gone1234"))
    doc = post_fields(post, catalog)
    channel, category = catalog.channel(post.channel), catalog.category(post.category)
    assert (doc["channel"], doc["category"]) == (channel.name, category.name)
    assert (doc["channel_id"], doc["category_id"]) == (channel.id, category.id)
    assert doc["people"] == [person.name, "gone1234"] and doc["people_ids"] == [person.id, "gone1234"]
    assert list(doc)[:4] == ["id", "title", "caption", "channel"]

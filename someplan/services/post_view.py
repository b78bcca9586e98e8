"""A post's fields as people read them: channel, category and people by name.

`someplan show` prints these and `show --json` gives them with the same keys as `list --json`
(`"channel": "Facebook"`); the stored ids follow as extra keys (`channel_id`, `category_id`,
`people_ids`) for scripts that go on with them. A name that is gone (a removed channel) shows
its id rather than nothing.
"""

from __future__ import annotations

from typing import Any

from someplan.domain.post import Post
from someplan.services.catalog import Catalog

ID_KEYS = {"channel": "channel_id", "category": "category_id", "people": "people_ids", "contributor": "contributor_id"}


def post_fields(post: Post, catalog: Catalog) -> dict[str, Any]:
    channels, categories = catalog.channel_names(), catalog.category_names()
    people = {person.id: person.name for person in catalog.people()} if post.people or post.contributor else {}
    doc = {"id": post.id, **post.to_doc()}
    doc["channel"] = channels.get(post.channel, post.channel) if post.channel else None
    doc["category"] = categories.get(post.category, post.category) if post.category else None
    doc["people"] = [people.get(person, person) for person in post.people]
    doc |= {"channel_id": post.channel or None, "category_id": post.category or None, "people_ids": list(post.people)}
    if post.contributor:  # whose idea it was: credited by name
        doc["contributor"] = people.get(post.contributor, post.contributor)
        doc["contributor_id"] = post.contributor
    return doc

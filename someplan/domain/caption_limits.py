"""How long a caption each network takes (characters, as the networks count them in 2026).

One place for the limits so the editor, the detail pane and the warnings agree. A network we
know no limit for (OTHER) has none: the caption is never said to be over it.
"""

from __future__ import annotations

from collections.abc import Iterable

from someplan.domain.channel import Network

CAPTION_LIMITS: dict[Network, int] = {
    Network.FACEBOOK: 63_206,
    Network.INSTAGRAM: 2_200,
    Network.LINKEDIN: 3_000,
    Network.TIKTOK: 2_200,
}


def caption_length(text: str) -> int:
    """Characters as a person counts them: a line break is one, trailing space is not counted."""
    return len(text.rstrip())


def over_limit(networks: Iterable[Network], text: str) -> list[tuple[Network, int, int]]:
    """(network, limit, length) for each of `networks` whose limit the caption passes, in order."""
    length = caption_length(text)
    seen: set[Network] = set()
    over = []
    for network in networks:
        limit = CAPTION_LIMITS.get(network)
        if network in seen or limit is None:
            continue
        seen.add(network)
        if length > limit:
            over.append((network, limit, length))
    return over

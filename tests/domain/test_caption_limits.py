from someplan.domain.caption_limits import CAPTION_LIMITS, caption_length, over_limit
from someplan.domain.channel import Network


def test_a_caption_over_instagrams_limit_is_over_it_but_not_linkedins():
    text = "x" * 2_201
    assert over_limit([Network.INSTAGRAM, Network.LINKEDIN], text) == [(Network.INSTAGRAM, 2_200, 2_201)]


def test_at_the_limit_is_not_over_and_trailing_space_does_not_count():
    assert over_limit([Network.TIKTOK], "x" * 2_200 + "   \n") == []
    assert caption_length("ab\ncd  ") == 5


def test_a_network_without_a_known_limit_is_never_over_and_each_network_is_named_once():
    assert Network.OTHER not in CAPTION_LIMITS
    assert over_limit([Network.OTHER], "x" * 100_000) == []
    assert over_limit([Network.TIKTOK, Network.TIKTOK], "x" * 3_000) == [(Network.TIKTOK, 2_200, 3_000)]

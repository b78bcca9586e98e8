from datetime import date

from someplan.domain.mix import MixLine, mix_of, targets_for
from someplan.domain.post import Post, PostFormat, Surface

NOV = (date(2026, 11, 1), date(2026, 11, 30))


def test_shares_by_format_surface_and_purpose_with_unknown_formats_counted():
    posts = [
        Post("a", date=date(2026, 11, 2), format=PostFormat.REEL, surface=Surface.PAID, purpose="Salg"),
        Post("b", date=date(2026, 11, 3), format=PostFormat.REEL, purpose="salg "),
        Post("c", date=date(2026, 11, 4), format=PostFormat.IMAGE, surface=Surface.EARNED),
        Post("d", date=date(2026, 11, 5)),
        Post("outside", date=date(2026, 12, 1), format=PostFormat.STORY),
        Post("undated", format=PostFormat.STORY),
    ]
    mix = mix_of(posts, *NOV, {"format:reel": 25, "format:story": 10})
    assert mix.posts == 4
    assert mix.of("format") == (
        MixLine("format", "image", 1, 25.0, None),
        MixLine("format", "reel", 2, 50.0, 25),
        MixLine("format", "story", 0, 0.0, 10),  # a target without posts is listed
        MixLine("format", "unknown", 1, 25.0, None),
    )
    assert [(line.value, line.posts) for line in mix.of("surface")] == [("owned", 2), ("earned", 1), ("paid", 1)]
    assert [(line.value, line.posts) for line in mix.of("purpose")] == [("salg", 2)]
    reel = mix.of("format")[1]
    assert (reel.gap, reel.on_target) == (25.0, False)


def test_an_empty_period_has_no_shares_but_keeps_its_targets():
    mix = mix_of([], *NOV, {"surface:earned": 10})
    assert mix.posts == 0
    assert mix.of("surface") == (MixLine("surface", "earned", 0, 0.0, 10),)


def test_a_months_own_targets_override_the_general_ones_key_by_key():
    targets = {"format:reel": 20, "format:image": 40, "2026-12/format:reel": 35, "2027-01/format:text": 5}
    assert targets_for(targets, "2026-12") == {"format:reel": 35, "format:image": 40}
    assert targets_for(targets, "2026-11") == {"format:reel": 20, "format:image": 40}
    assert targets_for(targets, None) == {"format:reel": 20, "format:image": 40}

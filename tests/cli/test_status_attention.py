"""`someplan status` counts and lists what needs attention (issue 16.4), in --json too."""

from tests.cli.test_status import _add


def test_status_lists_what_needs_attention(someplan, ws):
    late = _add(someplan, ws, "Glemt utkast", "2026-11-10", "09:00", status="draft")
    bare = _add(someplan, ws, "Klar uten tekst", "2026-11-19", "10:00", status="ready")
    odd = _add(someplan, ws, "Skjev tid", "2026-11-20", "10:02", channel="instagram", category="produkt", status="idea")
    report = someplan.json("status", ws, "--json")
    assert [(a["id"], a["kind"]) for a in report["attention"]] == [
        (late, "past-unfinished"), (bare, "no-caption"), (odd, "off-mark")]
    assert report["attention"][0]["message"] == "its day has passed and it is still draft"
    out = someplan("status", ws)
    assert "! Needs attention: 3 warnings" in out
    assert "«Klar uten tekst» ready without a caption: Hootsuite would publish the title" in out
    assert "«Glemt utkast» its day has passed" in out  # a post of the week before is named too


def test_status_of_a_calm_week_says_nothing_about_attention(someplan, ws):
    _add(someplan, ws, "Fint innlegg", "2026-11-19", "10:00")
    assert someplan.json("status", ws, "--json")["attention"] == []
    assert "Needs attention" not in someplan("status", ws)

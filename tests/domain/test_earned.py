from datetime import date

from someplan.domain.earned import EarnedWarning, earned_warnings
from someplan.domain.post import Post, Status, Surface

TODAY = date(2026, 11, 18)


def earned(id: str, **fields) -> Post:
    base = {"title": id, "surface": Surface.EARNED, "source": "Fjordbakeriet", "permission": "bildet på Facebook"}
    return Post(id, **(base | fields))


def test_each_state_of_a_permission():
    posts = [
        earned("fine", date=date(2026, 11, 20), permission_until=date(2027, 6, 1)),
        earned("no-end", date=date(2026, 11, 20)),
        earned("missing", date=date(2026, 11, 21), permission=""),
        earned("too-late", date=date(2026, 12, 5), permission_until=date(2026, 12, 1)),
        earned("ended", date=date(2026, 10, 1), status=Status.PUBLISHED, permission_until=date(2026, 11, 17)),
        earned("ending", date=date(2026, 10, 2), status=Status.PUBLISHED, permission_until=date(2026, 12, 18)),
        earned("ends-today", date=date(2026, 11, 18), permission_until=TODAY),
        earned("undated-after-end", permission_until=date(2026, 11, 1)),
        Post("owned", date=date(2026, 11, 20), source="x", permission_until=date(2026, 1, 1)),
    ]
    found = {post_id: kind for post_id, kind, _sentence in earned_warnings(posts, TODAY)}
    assert found == {
        "missing": EarnedWarning.NO_PERMISSION,
        "too-late": EarnedWarning.ENDS_BEFORE,
        "ended": EarnedWarning.ENDED,
        "ending": EarnedWarning.ENDING,
        "ends-today": EarnedWarning.ENDING,
        "undated-after-end": EarnedWarning.ENDS_BEFORE,
    }


def test_the_sentence_names_the_post_the_source_and_the_days_left():
    post = earned("Kake", date=date(2026, 11, 20), permission_until=date(2026, 11, 25))
    [(post_id, kind, sentence)] = earned_warnings([post], TODAY)
    assert (post_id, kind) == ("Kake", "earned-permission-ending")
    assert "Kake" in sentence and "Fjordbakeriet" in sentence and "7 days" in sentence


def test_the_new_fields_round_trip_and_unset_ones_are_none():
    post = earned("x", permission_until=date(2027, 1, 31), purpose="omdømme")
    assert Post.from_doc(post.to_doc(), "x") == post
    doc = Post("y").to_doc()
    assert all(doc[name] is None for name in ("format", "surface", "purpose", "source", "permission", "permission_until"))

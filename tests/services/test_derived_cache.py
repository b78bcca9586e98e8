"""Values derived from the whole workspace are kept between commands, and never trusted stale."""

import datetime as dt

from someplan.services.derived_cache import cached
from someplan.store.user_dirs import cache_dir

TODAY = dt.date(2026, 11, 18)


def test_kept_while_nothing_changed_and_computed_again_after_an_edit_or_damage(catalog, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    calls = []

    def compute():
        calls.append(1)
        return {"posts": len(catalog.workspace.view("posts"))}

    def get(depends="a"):
        return cached(catalog, "test-value", depends, compute, lambda v: v, lambda v: {"posts": int(v["posts"])})

    first = get()
    assert get() == first and len(calls) == 1  # the second command reads the file
    assert get("b") == first and len(calls) == 2  # something else it depends on: computed again
    catalog.workspace.write([("posts", "01m823v2zzzzzzzzzzzzzzzzzz", "title", "Ny")])
    assert get("b") == {"posts": first["posts"] + 1} and len(calls) == 3  # the workspace changed
    path = cache_dir() / f"test-value-{catalog.workspace.id}.json"
    path.write_text("{not json", encoding="utf-8")
    assert get("b") == {"posts": first["posts"] + 1} and len(calls) == 4  # damaged: computed and replaced
    assert get("b") and len(calls) == 4


def test_goal_standings_and_best_times_read_back_equal_to_computed(catalog, tmp_path, monkeypatch):
    from someplan.services.best_times import learned_times
    from someplan.services.goals import standings

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert learned_times(catalog, TODAY) == learned_times(catalog, TODAY)
    assert standings(catalog, TODAY) == standings(catalog, TODAY)
    assert list(tmp_path.joinpath("cache").rglob("*.json"))

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


def test_computed_again_when_any_module_of_the_domain_or_services_changes(catalog, tmp_path, monkeypatch):
    """A kept value may rest on code far from the one that asks (the next proposal on the best
    times, the catalog's reading of the rotation's posts): any edited module makes it again."""
    import os

    from someplan.domain import cadence
    from someplan.services import derived_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    calls = []

    def get():
        return cached(catalog, "test-code", "a", lambda: calls.append(1) or len(calls), lambda v: v, int)

    derived_cache._code_key.cache_clear()
    assert get() == get() == 1
    stat = os.stat(cadence.__file__)
    try:
        os.utime(cadence.__file__, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        derived_cache._code_key.cache_clear()  # a new process
        assert get() == 2 and len(calls) == 2
    finally:
        os.utime(cadence.__file__, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        derived_cache._code_key.cache_clear()


def test_the_code_key_changes_with_a_module_of_a_subpackage_too():
    import os

    from someplan.services import derived_cache
    from someplan.services.exports import hootsuite

    derived_cache._code_key.cache_clear()
    before = derived_cache._code_key()
    stat = os.stat(hootsuite.__file__)
    try:
        os.utime(hootsuite.__file__, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        derived_cache._code_key.cache_clear()
        assert derived_cache._code_key() != before
    finally:
        os.utime(hootsuite.__file__, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        derived_cache._code_key.cache_clear()
    assert derived_cache._code_key() == before

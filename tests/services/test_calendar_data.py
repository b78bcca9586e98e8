"""The calendar files: the shipped one and the user's own; a bad one is reported, never a crash."""

import datetime as dt

import pytest

from someplan.domain.weeks import IsoWeek
from someplan.services import calendar_data
from someplan.services.status import build_status

TODAY = dt.date(2026, 11, 18)


def test_a_bad_user_calendar_file_is_reported_and_the_rest_shown(catalog):
    own = calendar_data.user_file()
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_text('[[day]]\nkind = "observance"\nrule = "fixed 11-19"\nnb = "Hotellets bursdag"\n'
                   'en = "The hotel\'s birthday"\n\n'
                   '[[day]]\nkind = "observance"\nrule = "second sunday"\nnb = "Feil"\nen = "Wrong"\n',
                   encoding="utf-8")  # fmt: skip
    problems = calendar_data.calendar_problems()
    assert len(problems) == 1 and str(own) in problems[0] and "day 2 (Feil): not a rule" in problems[0]
    days = calendar_data.days_between(dt.date(2026, 11, 19), dt.date(2026, 11, 27), "nb")
    assert [d.name for d in days] == ["Hotellets bursdag", "Black Friday"]
    report = build_status(catalog, IsoWeek(2026, 47), today=TODAY)
    assert any(p.code == "calendar-days" for p in report.problems)

    own.write_bytes(b"\xff\xfe garbage")  # changed: read again, no restart needed
    assert "cannot be read" in calendar_data.calendar_problems()[0]
    own.write_text("[[day]\n", encoding="utf-8")
    assert "not a TOML file" in calendar_data.calendar_problems()[0]
    assert len(calendar_data.calendar_entries()) == 34  # the shipped days still count


def test_a_missing_shipped_file_is_a_problem_not_a_crash(monkeypatch, tmp_path):
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME"):  # the days are kept in the cache dir: not the real one
        monkeypatch.setenv(name, str(tmp_path / name))
    monkeypatch.setattr(calendar_data, "shipped_file", lambda: tmp_path / "gone.toml")
    assert calendar_data.calendar_entries() == ()
    assert "is missing" in calendar_data.calendar_problems()[0]
    days = calendar_data.days_between(dt.date(2026, 5, 17), dt.date(2026, 5, 17), "nb")
    assert [(d.name, d.kind) for d in days] == [("Grunnlovsdag", "holiday")]


def test_the_days_are_kept_between_commands_while_the_files_are_as_they_were(catalog, monkeypatch):
    calendar_data._load.cache_clear()
    first = calendar_data._loaded()  # read and parsed, then kept in the user's cache dir
    kept = calendar_data.cache_dir() / calendar_data.CACHE_FILE
    assert kept.is_file()
    calendar_data._load.cache_clear()  # as in a new process
    real_read = calendar_data.read_calendar_file
    monkeypatch.setattr(calendar_data, "read_calendar_file", lambda *_args: pytest.fail("read again"))
    assert calendar_data._loaded() == first
    monkeypatch.setattr(calendar_data, "read_calendar_file", real_read)  # (undo() would undo the fixture's dirs too)

    own = calendar_data.user_file()
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_text('[[day]]\nkind = "observance"\nrule = "fixed 11-19"\nnb = "Bursdag"\nen = "Birthday"\n', encoding="utf-8")
    calendar_data._load.cache_clear()
    assert [e.name for e in calendar_data.calendar_entries()][-1] == "Bursdag"  # a changed file is read again

    kept.write_text("{not json", encoding="utf-8")
    calendar_data._load.cache_clear()
    assert [e.name for e in calendar_data.calendar_entries()][-1] == "Bursdag"  # a damaged cache is made again
    calendar_data._load.cache_clear()
    entries = calendar_data.calendar_entries()
    calendar_data._load.cache_clear()
    kept.unlink()  # read from the files this time
    assert calendar_data.calendar_entries() == entries  # what the cache gives is what the files give

"""An export never replaces a link, a device or a pipe, not even with --force (issue 18, item 12)."""

import datetime as dt
import os

import pytest

from someplan.services.errors import UserError
from someplan.services.exports.run import ExportRequest, prepare, write

TODAY = dt.date(2026, 11, 18)


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.mark.parametrize("kind", ["symlink", "dangling symlink", "fifo", "device"])
def test_force_refuses_anything_but_a_plain_file_or_a_new_name(catalog, tmp_path, kind):
    result = prepare(catalog, ExportRequest("ics"), TODAY)
    target = tmp_path / "plan.ics"
    kept = tmp_path / "kept.txt"
    kept.write_text("mine")
    if kind == "symlink":
        target.symlink_to(kept)
    elif kind == "dangling symlink":
        target.symlink_to(tmp_path / "nowhere.ics")
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        target = tmp_path / "devices-folder" / "full"
        target.parent.mkdir()
        target.symlink_to("/dev/null")  # the device itself is not ours to test with: a link to one
    before = os.lstat(target)
    with pytest.raises(UserError, match="not a plain file"):
        write(result, catalog, str(target), force=True)
    after = os.lstat(target)
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)
    assert kept.read_text() == "mine"
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".~someplan-")]


def test_a_device_file_itself_is_refused(catalog):
    if not os.path.exists("/dev/null"):
        pytest.skip("no /dev/null here")
    result = prepare(catalog, ExportRequest("ics"), TODAY)
    with pytest.raises(UserError, match="not a plain file"):
        write(result, catalog, "/dev/null", force=True)


def test_a_plain_file_and_a_new_name_are_still_written(catalog, tmp_path):
    result = prepare(catalog, ExportRequest("ics"), TODAY)
    (tmp_path / "old.ics").write_text("someone's")
    assert write(result, catalog, str(tmp_path / "old.ics"), force=True).read_bytes() == result.data
    assert write(result, catalog, str(tmp_path / "new.ics")).read_bytes() == result.data

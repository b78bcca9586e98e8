"""Where exports go: default names with the device, rule zero inside the workspace, never over a
file someplan did not write unless asked, atomic writes, one-line errors."""

import datetime as dt

import pytest

from someplan.services.errors import UserError
from someplan.services.exports.files import NotOurs, default_name, device_id, is_ours
from someplan.services.exports.run import ExportRequest, prepare, write

TODAY = dt.date(2026, 11, 18)


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def test_default_names_carry_the_device():
    assert default_name("ics", "abc123def456") == "someplan-plan-abc123def456.ics"
    assert default_name("hootsuite", "abc123def456", channel="instagram") == "someplan-hootsuite-instagram-abc123def456.csv"
    assert default_name("markdown", "abc123def456", "2026-w48") == "someplan-plan-2026-w48-abc123def456.md"
    assert default_name("csv", "abc123def456") == "someplan-posts-abc123def456.csv"


def test_the_default_goes_to_the_workspace_exports_folder_and_replaces_our_own_file(catalog):
    result = prepare(catalog, ExportRequest("ics"), TODAY)
    path = write(result, catalog)
    device = device_id(catalog.workspace)
    assert path == catalog.workspace.root / "exports" / f"someplan-plan-{device}.ics"
    assert path.read_bytes() == result.data
    assert write(result, catalog) == path  # the next export replaces it (a subscription keeps its file)
    leftovers = [p.name for p in path.parent.iterdir() if p.name.startswith(".~")]
    assert leftovers == []
    assert catalog.workspace.problems == [] or all("exports" not in (p.path or "") for p in catalog.workspace.problems)


def test_a_read_only_open_still_names_the_file_after_this_device(sample_copy):
    from someplan.services.catalog import Catalog
    from someplan.store.workspace import Workspace

    writer = Workspace.open(sample_copy)
    mine = writer.identity.device_id
    writer.close()
    reader = Catalog(Workspace.open(sample_copy, writable=False))
    assert reader.workspace.identity is None and device_id(reader.workspace) == mine


def test_inside_the_workspace_a_name_without_the_device_is_refused(catalog):
    result = prepare(catalog, ExportRequest("markdown"), TODAY)
    root = catalog.workspace.root
    with pytest.raises(UserError, match="this machine's id"):
        write(result, catalog, str(root / "plan.md"))
    with pytest.raises(UserError, match="this machine's id"):
        write(result, catalog, str(root / "devices" / f"x-{device_id(catalog.workspace)}.md"), force=True)
    assert not (root / "plan.md").exists()
    named = root / f"uke48-{device_id(catalog.workspace)}.md"
    assert write(result, catalog, str(named)) == named


def test_a_file_someplan_did_not_write_is_replaced_only_when_forced(catalog, tmp_path):
    result = prepare(catalog, ExportRequest("html"), TODAY)
    mine = tmp_path / "rapport.html"
    mine.write_text("min egen rapport")
    with pytest.raises(NotOurs):
        write(result, catalog, str(mine))
    assert mine.read_text() == "min egen rapport"
    write(result, catalog, str(mine), force=True)
    assert mine.read_bytes() == result.data
    assert is_ours(mine, "zzzzzzzzzzzz")  # it carries our mark now: the next export replaces it freely
    write(result, catalog, str(mine))


@pytest.mark.parametrize("fmt", ["ics", "html", "markdown"])
def test_our_marks_are_recognised(catalog, tmp_path, fmt):
    result = prepare(catalog, ExportRequest(fmt), TODAY)
    path = tmp_path / f"x.{fmt}"
    path.write_bytes(result.data)
    assert is_ours(path, "zzzzzzzzzzzz")


def test_a_folder_given_as_output_gets_the_default_name(catalog, tmp_path):
    result = prepare(catalog, ExportRequest("csv"), TODAY)
    assert write(result, catalog, str(tmp_path)) == tmp_path / result.default_name


def test_a_missing_or_unwritable_folder_is_one_line(catalog, tmp_path):
    result = prepare(catalog, ExportRequest("ics"), TODAY)
    with pytest.raises(UserError, match="does not exist") as missing:
        write(result, catalog, str(tmp_path / "nowhere" / "x.ics"))
    assert "\n" not in str(missing.value)


@pytest.mark.parametrize("spelled", ["nytt/", "nytt"])
def test_a_folder_that_does_not_exist_is_one_line_and_nothing_is_written(catalog, tmp_path, monkeypatch, spelled):
    # `-o NEWDIR/` once wrote a file named NEWDIR: the slash (or a name without an extension)
    # says the user meant a folder.
    monkeypatch.chdir(tmp_path)
    result = prepare(catalog, ExportRequest("html"), TODAY)
    with pytest.raises(UserError, match="does not exist") as missing:
        write(result, catalog, spelled)
    assert "nytt" in str(missing.value) and "\n" not in str(missing.value)
    assert not (tmp_path / "nytt").exists()


def test_a_new_file_name_with_an_extension_is_written(catalog, tmp_path):
    result = prepare(catalog, ExportRequest("html"), TODAY)
    assert write(result, catalog, str(tmp_path / "plan.html")) == tmp_path / "plan.html"


def test_an_unwritable_folder_is_one_line(catalog, tmp_path, monkeypatch):
    import someplan.services.exports.files as files

    def refuse(path, data):  # what a read-only folder (or a sync client holding the file) gives
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(files, "atomic_write", refuse)
    result = prepare(catalog, ExportRequest("ics"), TODAY)
    with pytest.raises(UserError, match="permission denied") as refused:
        write(result, catalog, str(tmp_path / "x.ics"))
    assert "\n" not in str(refused.value) and str(tmp_path / "x.ics") in str(refused.value)

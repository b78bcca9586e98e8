"""A shared asset folder pointing outside this user's folders is not read until this user says
yes on this machine (issue 18, item 13)."""

import datetime as dt
from pathlib import Path

import pytest

from someplan.domain.weeks import IsoWeek
from someplan.services.assets import asset_root, refused_asset_folder, scan_folder, trust_asset_folder
from someplan.services.catalog import SETTINGS, SETTINGS_ID
from someplan.services.status import build_status

TODAY = dt.date(2026, 11, 18)


def _set(catalog, folder: str) -> None:
    catalog.workspace.update(SETTINGS, SETTINGS_ID, {"asset_folder": folder})


@pytest.mark.parametrize("folder", ["/", "/etc", "../../../../../../../..", "~", "~/.ssh"])
def test_a_folder_outside_the_users_own_is_not_read_and_status_says_so(catalog, folder):
    _set(catalog, folder)
    assert refused_asset_folder(catalog) is not None
    assert asset_root(catalog) == catalog.workspace.root.resolve() / "assets"
    report = build_status(catalog, IsoWeek(2026, 47), today=TODAY)
    assert [p.code for p in report.problems if p.code == "asset-folder-refused"] == ["asset-folder-refused"]
    assert "--trust-folder" in next(p.message for p in report.problems if p.code == "asset-folder-refused")


def test_a_folder_inside_the_workspace_or_home_is_read_without_asking(catalog):
    _set(catalog, "assets/")
    assert refused_asset_folder(catalog) is None
    _set(catalog, str(Path.home().resolve() / "Dropbox" / "bilder"))
    assert refused_asset_folder(catalog) is None
    assert not [p for p in build_status(catalog, IsoWeek(2026, 47), today=TODAY).problems if p.code == "asset-folder-refused"]


def test_trusting_it_on_this_machine_reads_it(catalog, tmp_path):
    outside = tmp_path / "shared-photos"
    (outside / "natur").mkdir(parents=True)
    (outside / "natur" / "fjord.jpg").write_bytes(b"jpeg")
    _set(catalog, str(outside))
    assert refused_asset_folder(catalog) == outside.resolve()
    assert trust_asset_folder(catalog) == outside.resolve()
    assert refused_asset_folder(catalog) is None
    assert asset_root(catalog) == outside.resolve()
    assert set(scan_folder(asset_root(catalog))) == {"natur/fjord.jpg"}
    _set(catalog, "/")  # trusting one folder is not trusting another
    assert refused_asset_folder(catalog) == Path("/")

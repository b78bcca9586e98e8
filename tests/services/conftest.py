import shutil
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "sample_workspace"
DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def sample_copy(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("SOMEPLAN_TODAY", "2026-11-18")
    target = tmp_path / "sample"
    shutil.copytree(SAMPLE, target)
    return target


@pytest.fixture
def catalog(sample_copy):
    from someplan.services.catalog import Catalog
    from someplan.store.workspace import Workspace

    return Catalog(Workspace.open(sample_copy))

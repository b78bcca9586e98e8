import shutil
from pathlib import Path

import pytest

from someplan.services.catalog import Catalog
from someplan.store.workspace import Workspace

SAMPLE = Path(__file__).resolve().parents[2] / "sample_workspace"
DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def sample_copy(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # derived values and holidays: not the real cache
    monkeypatch.setenv("SOMEPLAN_TODAY", "2026-11-18")
    target = tmp_path / "sample"
    shutil.copytree(SAMPLE, target)
    return target


@pytest.fixture
def sample(sample_copy):
    return sample_copy


@pytest.fixture
def catalog(sample_copy):
    catalog = Catalog(Workspace.open(sample_copy))
    yield catalog
    catalog.workspace.close()

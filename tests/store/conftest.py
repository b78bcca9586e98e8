import shutil
from pathlib import Path

import pytest

from someplan.store.device import IdentityStore
from someplan.store.workspace import Workspace


class Machine:
    """One simulated laptop: its own config and state dirs, its own copy of the workspace."""

    def __init__(self, base: Path, label: str) -> None:
        self.label = label
        self.identities = IdentityStore(base / label / "config", base / label / "state")
        self.folder = base / label / "workspace"

    def open(self, **kwargs) -> Workspace:
        return Workspace.open(self.folder, self.identities, **kwargs)


@pytest.fixture
def machine(tmp_path):
    def make(label: str) -> Machine:
        return Machine(tmp_path, label)

    return make


@pytest.fixture
def workspace(machine) -> Workspace:
    m = machine("kari")
    return Workspace.init(m.folder, m.identities)


def copy_device_files(src: Path, dst: Path) -> None:
    """A well-behaved one-way sync of every device file from one machine's folder to another's."""
    for path in sorted(src.glob("devices/*/*")):
        if path.is_file():
            target = dst / path.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)

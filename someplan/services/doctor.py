"""The doctor: the workspace's format, its devices and its problems (unreadable or stray files,
clocks), assembled once for `someplan doctor` and the planner's Doctor list alike."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from someplan.services.catalog import Catalog
from someplan.store.layout import DEVICES
from someplan.store.problems import Problem
from someplan.store.workspace import FORMAT, Workspace


@dataclass(frozen=True)
class DoctorReport:
    workspace: str  # the folder, resolved
    format: int
    writable: bool
    devices: tuple[tuple[str, str], ...]  # (id, name), by id
    problems: tuple[Problem, ...]

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    def as_json(self) -> dict[str, Any]:
        """For scripts (`someplan doctor --json`): English keys, messages as shown."""
        return {
            "workspace": self.workspace,
            "format": self.format,
            "writable": self.writable,
            "devices": [{"id": device, "name": name} for device, name in self.devices],
            "problems": [p.as_dict() for p in self.problems],
        }


def could_write(workspace: Workspace) -> bool:
    """Whether this machine can write the workspace: the doctor opens it for reading only (it
    changes nothing), so the open itself says nothing about that. A newer format is never
    written; otherwise the devices folder must take this device's files."""
    if workspace.format > FORMAT:
        return False
    devices = workspace.root / DEVICES
    return os.access(devices, os.W_OK | os.X_OK)


def examine(workspace: Workspace, catalog: Catalog | None = None) -> DoctorReport:
    """With the catalog, also what the files' contents hold: stored values no reader can use,
    and a shared asset folder this machine will not read."""
    problems = list(workspace.problems)
    if catalog is not None:
        from someplan.services.assets import asset_folder_problems
        from someplan.services.record_check import record_problems

        problems += record_problems(catalog) + list(asset_folder_problems(catalog))
    return DoctorReport(
        workspace=str(workspace.root.resolve()),
        format=workspace.format,
        writable=could_write(workspace),
        devices=tuple(sorted(workspace.devices().items())),
        problems=tuple(problems),
    )

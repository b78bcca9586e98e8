"""Where a workspace's ideas inbox lies: apart from the ideas service, so that `someplan status`
can tell there is none without importing that service and the asset machinery it reads with."""

from __future__ import annotations

from pathlib import Path

from someplan.services.catalog import Catalog


def ideas_root(catalog: Catalog) -> Path:
    folder = catalog.settings().ideas_folder or "ideas/"
    workspace = catalog.workspace.root.resolve()
    root = (workspace / folder).resolve()
    # Like the asset folder: outside the workspace only when given absolutely.
    return root if Path(folder).is_absolute() or root.is_relative_to(workspace) else workspace / "ideas"

"""What the asset watcher reports (services/asset_watch.py): a file that came, went or moved.

Apart from the watcher, so that what only reads the changes (the asset library as the planner
starts, the ideas inbox) does not import watchdog before it watches anything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from someplan.domain.assets import Move
from someplan.services.assets import AssetEntry


@dataclass(frozen=True)
class Added:
    key: str
    entry: AssetEntry


@dataclass(frozen=True)
class Removed:
    key: str
    is_folder: bool = False


@dataclass(frozen=True)
class Moved:
    move: Move


Change = Added | Removed | Moved
Subscriber = Callable[[list[Change]], None]

"""Who else has the workspace open now: a heartbeat file per device.

While the planner runs it writes `devices/<this device>/presence.json` (its own folder: no file is
ever written by two machines) at most once a minute, atomically, and removes it on exit. Other
devices' heartbeats are only read; one older than `STALE_S` is a planner that crashed, a laptop
that went to sleep, or a sync tool that stopped, and counts as gone.

The age is read from the time inside the file (the writer's clock), so a colleague whose clock
is minutes off may show a little early or late; a heartbeat from the future by more than a
few minutes is not believed.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable

from someplan.store.atomic import atomic_write, read_regular
from someplan.store.layout import DEVICES, PRESENCE_FILE
from someplan.store.workspace import Workspace

BEAT_S = 60  # at most one write a minute: a sync tool uploads every one of them
STALE_S = 180  # three beats missed: gone
AHEAD_S = 300  # a clock ahead by more than this: not believed
MAX_BYTES = 4096  # a heartbeat is a line; anything bigger is not one


@dataclasses.dataclass(frozen=True)
class Colleague:
    device: str
    name: str
    since: float  # when their planner opened (their clock, seconds)


class Presence:
    def __init__(self, workspace: Workspace, now: Callable[[], float] = time.time) -> None:
        self.workspace = workspace
        self._now = now
        self._last_beat: float | None = None
        self._since = now()

    @property
    def _own(self) -> str | None:
        identity = self.workspace.identity
        return identity.device_id if identity is not None and self.workspace.writable else None

    def beat(self) -> bool:
        """Write this device's heartbeat unless one was written less than a minute ago; whether
        it wrote. A read-only workspace gets none (the folder is not ours to write)."""
        device = self._own
        now = self._now()
        if device is None or (self._last_beat is not None and now - self._last_beat < BEAT_S):
            return False
        folder = self.workspace.root / DEVICES / device
        # A device that has not written yet has no folder: made here, its device.json comes with
        # its first edit (so the name travels in the heartbeat too).
        folder.mkdir(exist_ok=True)
        name = self.workspace.identity.name if self.workspace.identity else ""
        doc = {"presence": 1, "device": device, "name": name, "since": round(self._since), "beat": round(now)}
        atomic_write(folder / PRESENCE_FILE, (json.dumps(doc) + "\n").encode())
        self._last_beat = now
        return True

    def leave(self) -> None:
        """Remove this device's heartbeat (on exit): colleagues see us gone at once."""
        device = self._own
        if device is not None and self._last_beat is not None:
            (self.workspace.root / DEVICES / device / PRESENCE_FILE).unlink(missing_ok=True)
            self._last_beat = None

    def here(self) -> list[Colleague]:
        """The other devices whose heartbeat is fresh, by name. Unreadable, odd or stale
        heartbeats are simply not counted: they are nobody's data."""
        own = self.workspace.identity.device_id if self.workspace.identity else None
        now = self._now()
        found = []
        try:
            folders = sorted(p for p in (self.workspace.root / DEVICES).iterdir() if p.name != own)
        except OSError:
            return []
        for folder in folders:
            try:
                data = read_regular(folder / PRESENCE_FILE)
                if len(data) > MAX_BYTES:
                    continue
                doc = json.loads(data)
                beat, since = float(doc["beat"]), float(doc.get("since", doc["beat"]))
            except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
                continue
            if not isinstance(doc, dict) or not (-AHEAD_S <= now - beat < STALE_S):
                continue
            name = self.workspace.device_name(folder.name)
            if name == folder.name and isinstance(doc.get("name"), str) and doc["name"].strip():
                name = doc["name"].strip()[:40]  # a colleague who has not edited yet: no device.json
            found.append(Colleague(folder.name, name, since))
        return sorted(found, key=lambda c: c.name.casefold())

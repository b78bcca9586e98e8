"""Who this machine is: the device id and display name, kept outside the workspace.

The id lives in the platform's config dir (platformdirs, so ``$XDG_CONFIG_HOME`` is honoured) and
this device's private copies of its own segments in the state dir (``$XDG_STATE_HOME``). A config
copied to another machine (a new laptop restored from a backup, a cloned VM) would make two
machines write one device folder, which rule zero forbids; the config therefore records which
machine minted the id, and a different machine mints an id of its own. The workspace engine adds
a second check (ops under our id that we never wrote), see `someplan.store.writer`.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from someplan.store.atomic import atomic_write
from someplan.store.filelock import file_lock
from someplan.store.hlc import DEVICE_ID_RE
from someplan.store.machine import machine_fingerprint
from someplan.store.ops import loads
from someplan.store.user_dirs import config_dir, state_dir

IDENTITY_FILE = "device.json"
LOCK_FILE = ".device.lock"
ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford base32, lower case


def new_device_id() -> str:
    import secrets  # the modules of this file that only minting or a first start need are deferred

    return "".join(secrets.choice(ID_ALPHABET) for _ in range(12))


def default_display_name() -> str:
    try:
        import getpass

        user = getpass.getuser()
    except (KeyError, OSError):
        user = "someone"
    import socket

    return f"{user}@{socket.gethostname().split('.')[0]}"


@dataclass(frozen=True)
class Identity:
    device_id: str
    name: str
    config_path: Path
    state_path: Path

    def mirror_dir(self, workspace_id: str) -> Path:
        """Where this device keeps copies of the segments it wrote to one workspace.

        Keyed by the workspace id, so a moved folder keeps its safety net. Two folders with one
        id (a workspace copied by hand) are one workspace to this machine: its edits are put
        into both. `someplan demo` gives its copy a new id; people start new workspaces with
        `someplan init`.
        """
        return self.state_path / "workspaces" / workspace_id / self.device_id


class IdentityStore:
    """Loads, mints and re-mints the device identity."""

    def __init__(
        self, config: Path | None = None, state: Path | None = None, fingerprint: Callable[[], str] = machine_fingerprint
    ) -> None:
        self.config = Path(config) if config else config_dir()
        self.state = Path(state) if state else state_dir()
        self._fingerprint = fingerprint

    def load(self) -> Identity:
        # Several first commands at once (a script, the planner and a shell) must agree on one id:
        # the one that mints holds the lock, the others then read what it saved.
        try:
            self.config.mkdir(parents=True, exist_ok=True)
            lock: contextlib.AbstractContextManager[None] = file_lock(self.config / LOCK_FILE)
        except OSError:
            lock = contextlib.nullcontext()
        with lock:
            return self._load()

    def _load(self) -> Identity:
        path = self.config / IDENTITY_FILE
        try:
            doc = loads(path.read_text(encoding="utf-8"))
            device_id, name, machine = doc["device_id"], doc["name"], doc["machine"]
            if not DEVICE_ID_RE.match(device_id) or not isinstance(name, str):
                raise ValueError
        except FileNotFoundError:
            return self._mint(default_display_name())
        except (OSError, ValueError, KeyError, TypeError):
            # An unreadable identity file is set aside, never lost, and a new id is minted.
            self._set_aside(path)
            return self._mint(default_display_name())
        if machine != self._fingerprint():
            return self._mint(name)
        return Identity(device_id, name, self.config, self.state)

    def peek(self) -> Identity | None:
        """This machine's identity if it has one, without minting or setting anything aside: what a
        reader needs to tell its own snapshot from a colleague's."""
        try:
            doc = loads((self.config / IDENTITY_FILE).read_text(encoding="utf-8"))
            device_id, name, machine = doc["device_id"], doc["name"], doc["machine"]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if not (isinstance(device_id, str) and DEVICE_ID_RE.match(device_id) and isinstance(name, str)):
            return None
        return Identity(device_id, name, self.config, self.state) if machine == self._fingerprint() else None

    def remint(self, old: Identity) -> Identity:
        """A new id for this machine, keeping the display name (another machine claims the old one)."""
        return self._mint(old.name)

    def rename(self, identity: Identity, name: str) -> Identity:
        self._save(identity.device_id, name)
        return Identity(identity.device_id, name, self.config, self.state)

    def _mint(self, name: str) -> Identity:
        device_id = new_device_id()
        self._save(device_id, name)
        return Identity(device_id, name, self.config, self.state)

    def _save(self, device_id: str, name: str) -> None:
        self.config.mkdir(parents=True, exist_ok=True)
        doc = {"device_id": device_id, "name": name, "machine": self._fingerprint()}
        atomic_write(self.config / IDENTITY_FILE, json.dumps(doc, indent=2).encode())

    @staticmethod
    def _set_aside(path: Path) -> None:
        try:
            path.replace(path.with_name(f"{path.name}.unreadable-{os.urandom(3).hex()}"))
        except OSError:
            pass

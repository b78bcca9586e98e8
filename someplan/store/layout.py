"""Names of the files in a workspace folder, and what to make of the ones sync tools leave behind.

    <workspace>/someplan-workspace.json           format version, written once at init
    <workspace>/devices/<device>/device.json      who the device is, written once
    <workspace>/devices/<device>/NNNNNN.jsonl     the device's ops (segments)
    <workspace>/devices/<device>/snapshot.json    optional merged state for a fast start
    <workspace>/devices/<device>/presence.json    the device has the planner open (a heartbeat)

Sync tools name conflicted copies in many ways (Dropbox ``000001 (Kari's conflicted copy
2026-11-22).jsonl``, Syncthing ``000001.sync-conflict-20261122-101010-ABCDEFG.jsonl``, Nextcloud,
OneDrive ``000001-LAPTOP.jsonl``, iCloud ``000001 2.jsonl``, Google Drive ``000001(1).jsonl``,
localized variants). Rather than know them all, anything in a device folder that is not one of
our names but looks like a segment (starts with the six digits or mentions ``.jsonl``) is read as
a stray copy: its ops merge by op id, so it can add what was lost and never adds anything twice.
"""

from __future__ import annotations

import enum
import re
from typing import NamedTuple

from someplan.store.atomic import is_temp_name

WORKSPACE_FILE = "someplan-workspace.json"
DEVICES = "devices"
EXPORTS = "exports"  # where exports go by default (see someplan.services.exports)
DEVICE_FILE = "device.json"
SNAPSHOT_FILE = "snapshot.json"
PRESENCE_FILE = "presence.json"  # services/presence.py; holds no ops, so the store skips it
SEGMENT_RE = re.compile(r"^(\d{6})\.jsonl$")
STRAY_SEGMENT_RE = re.compile(r"^\d{6}.*|.*\.jsonl.*", re.IGNORECASE)
SYNC_TOOL_NOISE = (".dropbox", ".syncthing.", ".ds_store", "desktop.ini", "thumbs.db", "~$", ".~lock")


class Kind(enum.Enum):
    SEGMENT = "segment"
    STRAY_SEGMENT = "stray segment copy"
    DEVICE = "device file"
    SNAPSHOT = "snapshot"
    PRESENCE = "presence heartbeat"
    PLACEHOLDER = "not downloaded yet"
    IGNORED = "ignored"
    FOREIGN = "foreign file"
    NOT_A_FILE = "folder, link or pipe"
    ODD_FOLDER = "folder not named like a device"


class Entry(NamedTuple):  # a tuple: an open makes one per file of the workspace
    relpath: str  # posix path relative to the workspace
    device: str  # the device folder it lies in
    name: str
    kind: Kind
    seq: int | None = None


def segment_name(seq: int) -> str:
    return f"{seq:06d}.jsonl"


def classify(device: str, name: str) -> Entry:
    relpath = f"{DEVICES}/{device}/{name}"
    if len(name) == 12 and name.endswith(".jsonl") and name.isascii() and name[:6].isdigit():
        return Entry(relpath, device, name, Kind.SEGMENT, int(name[:6]))  # a segment: the usual case, at once
    lower = name.lower()
    if is_temp_name(name) or lower.startswith(SYNC_TOOL_NOISE) or lower.endswith((".tmp", ".part")):
        return Entry(relpath, device, name, Kind.IGNORED)
    if lower.endswith(".icloud") and name.startswith("."):
        return Entry(relpath, device, name, Kind.PLACEHOLDER)
    match = SEGMENT_RE.match(name)
    if match:
        return Entry(relpath, device, name, Kind.SEGMENT, int(match[1]))
    if name == DEVICE_FILE:
        return Entry(relpath, device, name, Kind.DEVICE)
    if name == SNAPSHOT_FILE:
        return Entry(relpath, device, name, Kind.SNAPSHOT)
    if name == PRESENCE_FILE:
        return Entry(relpath, device, name, Kind.PRESENCE)
    if STRAY_SEGMENT_RE.match(name):
        return Entry(relpath, device, name, Kind.STRAY_SEGMENT)
    return Entry(relpath, device, name, Kind.FOREIGN)

"""This machine's fingerprint: what a device identity is bound to, and what names the temp files
this machine writes (see `someplan.store.atomic`). Imports nothing of the store's, so both can."""

from __future__ import annotations

from pathlib import Path


def machine_fingerprint() -> str:
    """A stable token of this machine that a copied config file does not carry along."""
    import hashlib
    import socket

    parts = [socket.gethostname()]
    for candidate in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            parts.append(Path(candidate).read_text().strip())
            break
        except OSError:
            continue
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]

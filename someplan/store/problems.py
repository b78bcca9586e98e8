"""What the engine found wrong while reading a workspace: reported, never fatal."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Problem:
    severity: str  # "error": data cannot be read or written; "warning": look at it; "info": handled
    code: str  # stable, for scripts: unreadable, damaged, stray-copy, clock-ahead, newer-format …
    message: str  # one line, for people
    path: str | None = None  # relative to the workspace

    def as_dict(self) -> dict:
        return asdict(self)


class WorkspaceError(Exception):
    """A workspace cannot be used as asked; the message is one line for the user."""


class ReadOnlyWorkspace(WorkspaceError):
    """Writing was refused (a newer format, or opened for reading only)."""

"""What the engine found wrong while reading a workspace: reported, never fatal."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from someplan.i18n import _


@dataclass(frozen=True)
class Problem:
    """One thing found wrong. The message is kept as its English template (marked with `N_()`
    where the problem is made) and its values, and put into the language spoken when it is
    shown: a snapshot keeps problems, and a colleague reading it may speak another language."""

    severity: str  # "error": data cannot be read or written; "warning": look at it; "info": handled
    code: str  # stable, for scripts: unreadable, damaged, stray-copy, clock-ahead, newer-format …
    template: str  # one line, for people: English, with {name} fields filled from `params`
    path: str | None = None  # relative to the workspace
    params: dict[str, Any] = field(default_factory=dict, hash=False)

    @property
    def message(self) -> str:
        """The message in the language spoken now."""
        if not self.params:
            return _(self.template)
        try:
            return _(self.template).format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.template.format(**self.params)

    def as_dict(self) -> dict[str, Any]:
        """For people and scripts (`--json`): the message as shown."""
        return {"severity": self.severity, "code": self.code, "message": self.message, "path": self.path}

    def to_doc(self) -> dict[str, Any]:
        """The stored form (snapshots): the template and its values, in no one's language."""
        doc = {"severity": self.severity, "code": self.code, "message": self.template, "path": self.path}
        return doc | ({"params": self.params} if self.params else {})

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Problem:
        return cls(doc["severity"], doc["code"], doc["message"], doc["path"], dict(doc.get("params") or {}))


class WorkspaceError(Exception):
    """A workspace cannot be used as asked; the message is one line for the user."""


class ReadOnlyWorkspace(WorkspaceError):
    """Writing was refused (a newer format, or opened for reading only)."""

"""The planner's one answer to a write: what it did, or why it was not saved.

A write the workspace refuses (read-only, a newer format, a full disk) is a notice, never a
crash, and says "Not saved" the same way on every screen. Every action that changes something
answers with a toast (`done`), so nothing happens silently.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.notifications import SeverityLevel
from textual.widget import Widget

from someplan.i18n import _
from someplan.services.errors import UserError
from someplan.store.problems import WorkspaceError

# What a refused or failed write raises; anything else is a bug and should crash loudly.
WRITE_ERRORS = (WorkspaceError, OSError)

Node = Widget | App  # what can show a toast: a screen, a widget, the app


def not_saved(node: Node, error: BaseException) -> None:
    node.notify(_("Not saved: {error}").format(error=error), severity="error", timeout=10, markup=False)


def done(node: Node, message: str, severity: SeverityLevel = "information") -> None:
    """The toast an action answers with; `message` holds user text, so it is never markup."""
    node.notify(message, severity=severity, markup=False)


def attempt(node: Node, action: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[bool, Any]:
    """(saved, what `action` returned); a failed write is said on `node` and returns (False, None),
    and so is a UserError (what the user asked for cannot be: the service says why)."""
    try:
        return True, action(*args, **kwargs)
    except WRITE_ERRORS as error:
        not_saved(node, error)
    except UserError as error:
        done(node, str(error), "error")
    return False, None


def writes(method: Callable[..., Any]) -> Callable[..., Any]:
    """A screen action that writes: a failed write is a notice, after which the screen's
    `write_failed()` (if it has one) shows the workspace as it really is."""

    @functools.wraps(method)
    def wrapper(self: Node, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except WRITE_ERRORS as error:
            not_saved(self, error)
            after = getattr(self, "write_failed", None)
            if after is not None:
                after()
            return None

    return wrapper

"""What screens use of the running planner app, typed: Textual types `node.app` as any App."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, cast

from textual.dom import DOMNode

from someplan.services.catalog import Catalog
from someplan.services.undo import UndoStack

if TYPE_CHECKING:
    from someplan.tui.presence_beat import PresenceBeat


class PlannerApp(Protocol):
    catalog: Catalog
    undo_stack: UndoStack  # one for the app: `u` in the plan undoes what any view wrote
    today: dt.date  # "today" as the planner opened it (pinned by $SOMEPLAN_TODAY in demos and tests)
    presence: PresenceBeat | None  # who else has the workspace open; None in tests that do not watch
    started: Callable[[], None] | None  # called once the start is over (cli/workspace.py)

    def first_week_drawn(self) -> None: ...


def planner_app(node: DOMNode) -> PlannerApp:
    # SomeplanApp is the one app the screens run in; importing it here would import it back.
    return cast(PlannerApp, node.app)

"""What the main screen's mixins (main_acts, main_assets, main_attention, main_detail,
main_search) use of the screen they are mixed into: one stand-in for the type checker, so each
mixin is checked against the same MainScreen. At run time it is `object`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import datetime as dt

    from textual.screen import Screen

    from someplan.domain.post import Post
    from someplan.domain.weeks import IsoWeek
    from someplan.services.asset_library import AssetLibrary
    from someplan.services.assets import AssetIndex
    from someplan.services.catalog import Catalog
    from someplan.services.undo import UndoStack
    from someplan.tui.panes.plan import WeekPlanPane

    class MainScreenPart(Screen[None]):
        week: IsoWeek
        assets: AssetLibrary | None

        @property
        def catalog(self) -> Catalog: ...

        @property
        def plan(self) -> WeekPlanPane: ...

        @property
        def today(self) -> dt.date: ...

        @property
        def undo_stack(self) -> UndoStack: ...

        @property
        def asset_index(self) -> AssetIndex | None: ...

        def refresh_all(self, keep: str | None = None, day: dt.date | None = None, posts_changed: bool = True) -> None: ...

        def _draw_header(self, report: Any, posts: list[Post] | None = None) -> None: ...

        def _selected_post(self) -> Post | None: ...

        def _open_editor(self, post: Post, is_new: bool) -> None: ...

        def _change(self, post: Post, said: tuple[str, str] | None = None, **fields: Any) -> bool: ...

        def action_show_pane(self, number: int) -> None: ...

        def show_post(self, post_id: str) -> None: ...
else:
    MainScreenPart = object

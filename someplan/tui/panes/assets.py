"""The asset folder: its files, newest first, with the posts that use each."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from someplan.services.overview import AssetFile
from someplan.textsafe import literal
from someplan.tui.panes.base import Pane


def size_text(size: int) -> str:
    for unit in ("B", "KB", "MB"):
        if size < 1024:
            return f"{size:.0f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


class AssetsPane(Pane):
    TITLE = "Assets"
    NUMBER = 3
    _shown: list[AssetFile] | None = None

    def compose(self):
        yield OptionList(id="assets-list", markup=False)

    @property
    def main(self) -> OptionList:
        return self.query_one(OptionList)

    def show(self, files: list[AssetFile]) -> None:
        if files == self._shown:
            return  # most post edits change nothing here; rebuilding the list is the costly part
        self._shown = files
        listing = self.main
        listing.clear_options()
        if not files:
            listing.add_option(Option(Text("The asset folder is empty.", style="dim"), disabled=True))
            return
        options = []
        for asset in files:
            text = Text(literal(asset.path), style="bold" if not asset.used_by else "")
            text.append(f"  {size_text(asset.size)} · {dt.datetime.fromtimestamp(asset.modified):%d.%m.%Y}", style="dim")
            if asset.used_by:
                titles = list(dict.fromkeys(asset.used_by))  # one post on two channels is one title
                text.append(f"\n   ↳ {literal(', '.join(titles))}", style="cyan")
            else:
                text.append("\n   ↳ not used yet", style="dim italic")
            options.append(Option(text, id=f"asset:{asset.path}"))
        listing.add_options(options)  # one layout pass, not one per file

"""Who else is here: the header names colleagues whose planner has the workspace open, and this
planner's heartbeat is gone when it quits."""

import json
import time

from textual.widgets import Static

from someplan.services.presence import Presence
from someplan.store.layout import PRESENCE_FILE
from someplan.tui.presence_beat import PresenceBeat

JONAS = "7zkhmhw1sgnk"


def _header(app) -> str:
    return str(app.screen.query_one("#header", Static).render())


async def test_the_header_shows_colleagues_here_and_the_heartbeat_goes_on_exit(make_app, sample_copy):
    (sample_copy / "devices" / JONAS / PRESENCE_FILE).write_text(json.dumps({"presence": 1, "beat": time.time()}))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        assert "also here" not in _header(app)
        app.presence = PresenceBeat(app, Presence(app.catalog.workspace)).start()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "● also here: Jonas (resepsjonen)" in _header(app)
        own = sample_copy / "devices" / app.catalog.workspace.identity.device_id / PRESENCE_FILE
        assert own.is_file()
        (sample_copy / "devices" / JONAS / PRESENCE_FILE).unlink()  # Jonas quit
        app.presence.presence._last_beat = None
        app.presence.tick()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "also here" not in _header(app)
    assert not own.exists()

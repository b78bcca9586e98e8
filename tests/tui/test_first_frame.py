"""What the planner's first frame holds (issue 15: the first complete frame as early as it can be)."""

from textual.screen import Screen

from someplan.tui.footer import Footer


async def test_the_first_frame_has_the_footers_keys_for_the_focused_plan(make_app, monkeypatch):
    frames = []
    real = Screen._compositor_refresh

    def painted(screen):
        real(screen)
        if not frames:  # what the first frame drawn held
            footer = screen.query(Footer)
            frames.append([key.key for key in footer.first().children] if footer else None)

    monkeypatch.setattr(Screen, "_compositor_refresh", painted)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
    # The plan has the focus from the start: its keys are in the first frame, not one frame later.
    assert frames and frames[0] and "right_square_bracket" in frames[0]

"""A batch session driven with Pilot: category → people → schedule → session (with a file
dropped into the asset folder) → spread → drafts; and resuming an interrupted session."""

import datetime as dt

from someplan.domain.batch import Step
from someplan.services.catalog import POSTS

PEOPLE = ["Kari Solheim", "Ahmed Karimi", "Åse Brekke", "Eirik Fossdal", "Lise Haugland"]


async def _until(pilot, condition, tries=200):
    """Let the app run until `condition()` holds (a watchdog event crosses threads)."""
    for _ in range(tries):
        if condition():
            return True
        await pilot.pause(0.05)
    return condition()


async def _choose_category_and_people(app, pilot, names):
    screen = app.screen
    categories = screen.query_one("#category")
    index = next(i for i in range(categories.option_count) if "ansatte" in str(categories.get_option_at_index(i).prompt))
    categories.highlighted = index
    await pilot.press("enter")
    assert screen.session.step is Step.PEOPLE
    people = screen.query_one("#batch-people")
    ids = {p.name: p.id for p in app.catalog.people()}
    for name in names:
        people.select(ids[name])
    await pilot.pause()
    return ids


async def test_a_whole_batch_session_with_a_file_arriving(make_app, sample_copy):
    app = make_app(watch=True)  # the main screen's asset watcher reports new files to the session
    async with app.run_test(size=(120, 40)) as pilot:
        before = set(app.catalog.workspace.view(POSTS))
        await pilot.press("b")
        screen = app.screen
        assert type(screen).__name__ == "BatchScreen" and screen.session.step is Step.CATEGORY
        ids = await _choose_category_and_people(app, pilot, PEOPLE)
        assert "Lise Haugland: consent expired" in str(screen.query_one("#batch-consent").render())
        await pilot.press("ctrl+n")
        assert screen.session.step is Step.SCHEDULE
        screen.query_one("#batch-day").value = "2026-11-24"
        screen.query_one("#batch-start").value = "10:00"
        screen.query_one("#batch-minutes").value = "15"
        await pilot.pause()
        assert "10:45  Eirik Fossdal" in str(screen.query_one("#batch-schedule").render())
        await pilot.press("ctrl+n")
        assert screen.session.step is Step.SESSION and screen.session.active == ids["Kari Solheim"]

        await pilot.press(*"Resepsjonen er hjertet")
        photo = sample_copy / "assets" / "ansatte" / "kari-batch.jpg"
        photo.write_bytes(b"\xff\xd8\xff" + b"0" * 2000)
        (sample_copy / "assets" / "ansatte" / ".~kari.tmp").write_bytes(b"x")  # a temp file: never offered
        assert await _until(pilot, lambda: screen.offered is not None)
        assert screen.offered == "ansatte/kari-batch.jpg"
        await pilot.press("ctrl+o")
        assert screen.session.assets[ids["Kari Solheim"]] == "ansatte/kari-batch.jpg"

        for name in PEOPLE[1:]:
            await pilot.press("ctrl+n")
            assert screen.session.active == ids[name]
            await pilot.press(*f"Svar fra {name.split()[0]}")
        await pilot.press("ctrl+n")
        assert screen.session.step is Step.SPREAD
        assert len(screen.slots) == 5
        weeks = [slot.week.week for slot in screen.slots]
        assert weeks == [48, 49, 50, 51, 52]  # one a week from next week (ansatte is weekly)
        await pilot.press("ctrl+s")
        assert type(app.screen).__name__ == "MainScreen"

        posts = app.catalog.workspace.view(POSTS)
        new = {rid: posts[rid] for rid in set(posts) - before}
        assert len(new) == 5
        kari = next(d for d in new.values() if d["people"] == [ids["Kari Solheim"]])
        assert kari["assets"] == ["ansatte/kari-batch.jpg"] and kari["notes"] == "Resepsjonen er hjertet"
        assert kari["status"] == "draft" and kari["title"] == "ansatte: Kari Solheim"
        assert sorted(d["date"] for d in new.values()) == [s.date.isoformat() for s in screen.slots]
        session = next(iter(app.catalog.batches()))
        assert session.finished and set(session.drafts) == set(new)

        await pilot.press("u")  # the drafts go as one
        assert set(app.catalog.workspace.view(POSTS)) == before


async def test_an_interrupted_session_resumes_where_it_was(make_app, sample_copy):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("b")
        ids = await _choose_category_and_people(app, pilot, PEOPLE[:2])
        await pilot.press("ctrl+n", "ctrl+n")  # schedule with its defaults, then the session
        await pilot.press(*"Kari svarte", "ctrl+n", *"Ahmed begynte")
        # The app closes mid-sentence (before the typing pause saves it): nothing may be lost.
    app.catalog.workspace.close()

    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.press("b")
        screen = again.screen
        assert screen.session.step is Step.SESSION
        assert screen.session.active == ids["Ahmed Karimi"]
        assert screen.session.notes == {ids["Kari Solheim"]: "Kari svarte", ids["Ahmed Karimi"]: "Ahmed begynte"}
        assert screen.query_one("#batch-notes").text == "Ahmed begynte"
        await pilot.press("ctrl+r", "y")
        assert type(again.screen).__name__ == "MainScreen"
        assert again.catalog.batches() == []


async def test_people_screen_add_edit_and_stale_filter(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("P")
        screen = app.screen
        assert type(screen).__name__ == "PeopleScreen"
        table = screen.query_one("#people-table")
        assert table.row_count == 8  # with the content team, in the registry for their hours
        await pilot.press("n", *"Nina Nyansatt")
        await pilot.press("tab", *"servitør", "ctrl+s")
        nina = app.catalog.person("Nina Nyansatt")
        assert nina.role == "servitør" and not nina.consent
        await pilot.press("s")
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert names[:2] == ["Nina Nyansatt", "Sondre Lid"] or "Nina Nyansatt" in names
        assert "Kari Solheim" not in names  # featured lately, and more planned
        table.move_cursor(row=names.index("Nina Nyansatt"))
        await pilot.press("e")
        app.screen.query_one("#person-consent").value = True
        app.screen.query_one("#person-until").value = "31.12.2027"
        app.screen.query_one("#person-hours").value = "2,5"
        await pilot.press("ctrl+s")
        nina = app.catalog.person("Nina Nyansatt")
        assert nina.consent and nina.consent_until == dt.date(2027, 12, 31) and nina.hours == 2.5
        await pilot.press("e")
        assert app.screen.query_one("#person-hours").value == "2.5"
        app.screen.query_one("#person-hours").value = "mye"
        await pilot.press("ctrl+s")
        assert "Hours a week" in str(app.screen.query_one("#person-error").render())
        app.screen.query_one("#person-hours").value = ""
        await pilot.press("ctrl+s")
        assert app.catalog.person("Nina Nyansatt").hours is None  # cleared, and written so
        await pilot.press("escape")
        assert type(app.screen).__name__ == "MainScreen"


async def test_the_person_editor_keeps_a_name_and_role_with_control_characters_when_untouched(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        from someplan.services.people import edit_person

        kari = app.catalog.person("Kari Solheim")
        edit_person(app.catalog, kari.id, name="Kari\x1b[2J Solheim", role="kokk\x07")
        await pilot.press("P")
        table = app.screen.query_one("#people-table")
        table.move_cursor(row=[str(table.get_row_at(i)[0]) for i in range(table.row_count)].index("Kari\\x1b[2J Solheim"))
        await pilot.press("e")
        assert app.screen.query_one("#person-role").value == "kokk\\x07"  # shown escaped
        app.screen.query_one("#person-consent").value = not kari.consent
        await pilot.press("ctrl+s")
        doc = app.catalog.workspace.view("people")[kari.id]
        assert doc["name"] == "Kari\x1b[2J Solheim" and doc["role"] == "kokk\x07"  # stored as they were
        assert doc["consent"] is (not kari.consent)


def _boxes(people) -> dict[str, str]:
    """Each person's box as drawn in the people step: "▐1▌" … or "▐ ▌"."""
    drawn = {}
    for y in range(people.option_count):
        line = "".join(segment.text for segment in people.render_line(y))
        drawn[str(people.get_option_at_index(y).prompt).split("  ")[0]] = line[:3]
    return drawn


async def test_the_people_step_shows_the_pick_order_and_step_5_says_when_it_writes(make_app):
    from someplan.tui.language import switch_language

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("b")
        ids = await _choose_category_and_people(app, pilot, ["Åse Brekke", "Kari Solheim", "Ahmed Karimi"])
        people = app.screen.query_one("#batch-people")
        boxes = _boxes(people)
        assert (boxes["Åse Brekke"], boxes["Kari Solheim"], boxes["Ahmed Karimi"]) == ("▐1▌", "▐2▌", "▐3▌")
        assert boxes["Eirik Fossdal"] == boxes["Lise Haugland"] == "▐ ▌"
        people.deselect(ids["Kari Solheim"])
        await pilot.pause()
        boxes = _boxes(people)
        assert (boxes["Åse Brekke"], boxes["Kari Solheim"], boxes["Ahmed Karimi"]) == ("▐1▌", "▐ ▌", "▐2▌")

        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n")  # schedule, Åse, Ahmed, the spread
        assert app.screen.session.step is Step.SPREAD
        note = app.screen.query_one("#batch-spread-note")
        lines = str(note.render()).splitlines()
        assert lines[0] == "2 drafts · ctrl+s writes them · until then nothing is written"
        # What the session saves, and the weeks it fills past the hours, before anything is written.
        assert lines[1] == "In one session: 1.2 h instead of 1.5 h one by one (saves 0.3 h)"
        assert lines[2] == "⚠ week 48 · 23–29 Nov is overbooked: the plan needs 10.6 h, there are 10.5 h"
        switch_language(app, "nb")
        await pilot.pause()
        assert str(note.render()).splitlines()[:2] == ["2 utkast · ctrl+s lagrer dem · til da lagres ingenting",
                                                       "I én økt: 1,2 t i stedet for 1,5 t hver for seg (sparer 0,3 t)"]


async def test_the_pick_order_past_nine_keeps_the_box_width():
    from textual.app import App

    from someplan.tui.screens.batch_steps import PickOrderList

    class Picks(App):
        def compose(self):
            yield PickOrderList(*[(f"P{n}", f"p{n}", False) for n in range(12)])

    app = Picks()
    async with app.run_test(size=(40, 20)) as pilot:
        picks = app.query_one(PickOrderList)
        for n in range(11):
            picks.select(f"p{n}")
        await pilot.pause()
        lines = ["".join(segment.text for segment in picks.render_line(y)) for y in range(12)]
        assert [line[:7] for line in (lines[0], lines[8], lines[9], lines[10], lines[11])] == [
            "▐1▌ P0 ", "▐9▌ P8 ", "10▌ P9 ", "11▌ P10", "▐ ▌ P11",
        ]


async def test_a_resumed_session_builds_the_steps_it_goes_back_to_as_the_session_has_them(make_app, sample_copy):
    """Issue 15: the screen builds only the step it shows (building all five was most of opening
    it); a step first shown later is filled from the session as it is then."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("b")
        ids = await _choose_category_and_people(app, pilot, PEOPLE[:2])
        await pilot.press("ctrl+n")  # the schedule
        app.screen.query_one("#batch-day").value = "2026-11-24"
        await pilot.press("ctrl+n", "escape")  # on to the session, and left (kept)
    app.catalog.workspace.close()

    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.press("b")
        screen = again.screen
        assert screen.session.step is Step.SESSION
        assert [step.step for step in screen.steps()] == [Step.SESSION]  # only the step shown is built
        await pilot.press("ctrl+b")  # on the session's first person: back to the schedule
        assert screen.session.step is Step.SCHEDULE
        assert screen.query_one("#batch-day").value == "2026-11-24"
        await pilot.press("ctrl+b")
        assert screen.session.step is Step.PEOPLE
        assert list(screen.query_one("#batch-people").selected) == [ids["Kari Solheim"], ids["Ahmed Karimi"]]
        await pilot.press("ctrl+b")
        categories = screen.query_one("#category")
        assert screen.session.step is Step.CATEGORY
        assert categories.get_option_at_index(categories.highlighted).id == screen.session.category
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")  # forward again, through the built steps
        assert screen.session.step is Step.SESSION and screen.session.day == dt.date(2026, 11, 24)

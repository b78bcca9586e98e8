"""Fill in the planner proposes the learned best time for a category without one, and says why."""

from textual.widgets import DataTable, Static

from someplan.services.catalog import Catalog
from someplan.store.workspace import Workspace


async def test_the_fill_preview_marks_a_learned_time_and_explains_it(make_app, sample_copy):
    catalog = Catalog(Workspace.open(sample_copy))
    for category in catalog.categories():
        catalog.workspace.write([("categories", category.id, "time", None)])
    catalog.workspace.close()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*["right_square_bracket"] * 4, "f")  # week 51: after the weeks planned
        preview = app.screen
        assert type(preview).__name__ == "FillPreview"
        learned = [index for index, line in enumerate(preview.lines) if line.proposal.time_from == "learned"]
        assert learned
        table = preview.query_one(DataTable)
        assert str(table.get_row_at(learned[0])[2]).endswith(" ◷")
        note = str(preview.query_one("#fill-load", Static).render())
        assert "◷ the channel's best time that weekday, learned from its posts" in note

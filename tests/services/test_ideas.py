"""The ideas inbox: records keyed by content survive renames and colleagues; `someplan idea`'s notes."""

import datetime as dt
import os
import shutil

from someplan.domain.ideas import IdeaState
from someplan.services import ideas as inbox
from someplan.services.catalog import PEOPLE, POSTS, Catalog
from someplan.store.device import IdentityStore
from someplan.store.workspace import Workspace

NOW = dt.datetime(2026, 11, 18, 9, 30, 5)


def listed(catalog, everything=True):
    return {idea.key: idea for idea in inbox.listing(catalog, inbox.read_box(catalog), everything)}


def test_what_became_of_an_idea_survives_a_rename_and_a_move(catalog):
    ideas = listed(catalog)
    inbox.set_aside(catalog, ideas["Åse fyller 80.txt"])
    post_id = inbox.make_draft(catalog, ideas["ahmed/rakfisk.md"])
    root = inbox.ideas_root(catalog)
    os.rename(root / "Åse fyller 80.txt", root / "åse-80.txt")
    (root / "kjøkken").mkdir()
    os.rename(root / "ahmed" / "rakfisk.md", root / "kjøkken" / "rakfisk-torsdag.md")
    after = listed(catalog)
    assert after["åse-80.txt"].state is IdeaState.SET_ASIDE
    assert after["kjøkken/rakfisk-torsdag.md"].state is IdeaState.DRAFTED
    assert after["kjøkken/rakfisk-torsdag.md"].record.post == post_id
    assert "åse-80.txt" not in listed(catalog, everything=False)


def test_a_draft_is_made_once_with_its_category_contributor_and_file(catalog):
    ideas = listed(catalog)
    post_id = inbox.make_draft(catalog, ideas["tips fra resepsjonen.txt"])
    post = catalog.workspace.get(POSTS, post_id)
    category = catalog.workspace.get("categories", post["category"])
    assert post["status"] == "draft" and post["date"] is None and category["name"] == "tips og triks"
    assert post["channel"] == category["channel"]
    kari = catalog.workspace.get(PEOPLE, post["contributor"])
    assert kari["name"] == "Kari Solheim" and kari["contributor"] is True  # the registry's Kari, now a contributor
    assert len([p for p in catalog.people() if p.name == "Kari Solheim"]) == 1
    # a photo outside the asset folder is named in the notes; no dropped file is touched
    before = {p: p.read_bytes() for p in inbox.ideas_root(catalog).rglob("*") if p.is_file()}
    photo = inbox.make_draft(catalog, ideas["Kari Solheim - nordlys over taket.png"])
    assert "ideas/Kari Solheim - nordlys over taket.png" in catalog.workspace.get(POSTS, photo)["notes"]
    assert {p: p.read_bytes() for p in inbox.ideas_root(catalog).rglob("*") if p.is_file()} == before
    assert [(p.name, n) for p, n in inbox.contributors(catalog)][0] == ("Kari Solheim", 2)


def test_a_new_contributor_joins_the_registry_without_consent(catalog):
    root = inbox.ideas_root(catalog)
    (root / "Petra Lund - badstue.jpg").write_bytes(b"\xff\xd8" + b"x" * 100)
    post_id = inbox.make_draft(catalog, listed(catalog)["Petra Lund - badstue.jpg"])
    petra = catalog.person("Petra Lund")
    assert petra.contributor and not petra.consent
    assert catalog.workspace.get(POSTS, post_id)["contributor"] == petra.id


def test_a_file_inside_the_asset_folder_is_attached_as_an_asset(catalog):
    catalog.workspace.write([("settings", "workspace", "ideas_folder", "assets/ideer/")])
    root = inbox.ideas_root(catalog)
    assert root == (catalog.workspace.root / "assets" / "ideer").resolve()
    root.mkdir(parents=True)
    (root / "Kari - kake.png").write_bytes(b"\x89PNG" + b"k" * 100)
    post_id = inbox.make_draft(catalog, listed(catalog)["Kari - kake.png"])
    assert catalog.workspace.get(POSTS, post_id)["assets"] == ["ideer/Kari - kake.png"]


def test_records_reach_a_colleague_and_merge_per_field(sample_copy, tmp_path):
    colleague_ws = tmp_path / "colleague"
    shutil.copytree(sample_copy, colleague_ws)
    mine = Catalog(Workspace.open(sample_copy))
    theirs = Catalog(Workspace.open(colleague_ws, IdentityStore(tmp_path / "c2" / "config", tmp_path / "c2" / "state")))
    assert mine.workspace.identity.device_id != theirs.workspace.identity.device_id
    inbox.set_aside(theirs, listed(theirs)["Åse fyller 80.txt"])
    post_id = inbox.make_draft(mine, listed(mine)["ahmed/rakfisk.md"])
    # the sync: each device's files to the other side (ideas files are the same on both)
    for src, dst in ((sample_copy, colleague_ws), (colleague_ws, sample_copy)):
        for path in src.glob("devices/*/*"):
            target = dst / path.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    for catalog in (mine, theirs):
        catalog.workspace.refresh()
        ideas = listed(catalog)
        assert ideas["Åse fyller 80.txt"].state is IdeaState.SET_ASIDE
        assert ideas["ahmed/rakfisk.md"].record.post == post_id
        assert catalog.workspace.get(POSTS, post_id)["idea"] == ideas["ahmed/rakfisk.md"].id
    assert inbox.new_count(mine) == inbox.new_count(theirs) == 3


def test_the_idea_command_writes_a_new_note_and_copies_the_file_beside_it(catalog, tmp_path):
    photo = tmp_path / "IMG_1234.jpg"
    photo.write_bytes(b"\xff\xd8" + b"p" * 2000)
    written = inbox.add_note(catalog, "Nordlys over fjorden i natt", photo, "Ola", NOW)
    again = inbox.add_note(catalog, "Nordlys over fjorden i natt", None, "", NOW)  # same second: another name
    assert len({p.name for p in written + again}) == 3
    note, copy = written
    device = catalog.workspace.identity.device_id
    assert note.name.startswith(f"2026-11-18-093005-{device[:8]}-") and copy.name.endswith("-IMG_1234.jpg")
    assert copy.read_bytes() == photo.read_bytes() and photo.exists()
    assert note.read_text(encoding="utf-8").startswith(("Fra: Ola", "From: Ola"))
    assert not [p for p in note.parent.iterdir() if p.name.startswith(".~")]  # no temp file left
    found = listed(catalog)
    assert found[note.name].attachment == copy.name and copy.name not in found  # one idea, not two
    assert found[again[0].name].contributor == catalog.workspace.identity.name
    post = catalog.workspace.get(POSTS, inbox.make_draft(catalog, found[note.name]))
    assert f"ideas/{copy.name}" in post["notes"] and post["title"] == "Nordlys over fjorden i natt"


def test_the_report_lists_the_ideas_that_came_in_during_its_period(catalog):
    from someplan.services.exports.digest import Period
    from someplan.services.report_file import write_report

    root = inbox.ideas_root(catalog)
    november = dt.datetime(2026, 11, 12, 10, 0).timestamp()
    for path in root.rglob("*"):
        os.utime(path, (november, november))
    old = root / "Kari - sommer.txt"
    old.write_text("Sommerfest på brygga <script>", encoding="utf-8")
    os.utime(old, (dt.datetime(2026, 7, 1).timestamp(),) * 2)
    inbox.make_draft(catalog, listed(catalog)["ahmed/rakfisk.md"])
    lines = inbox.report_lines(catalog, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert len(lines) == 5 and all(line.day == dt.date(2026, 11, 12) for line in lines)
    assert [line.outcome for line in lines if line.who == "Ahmed Karimi"] == [inbox._(inbox.OUTCOMES[IdeaState.DRAFTED])]
    _report, path = write_report(catalog, Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30), "month"), dt.date(2026, 12, 3))
    html = path.read_text(encoding="utf-8")
    assert "Rakfisk-smaking før julebordet" in html and "Sommerfest" not in html


def test_a_draft_that_is_not_saved_adds_no_contributor_either(catalog, monkeypatch):
    """The new person and the draft crediting them are one batch: a failed write leaves neither."""
    from someplan.store.workspace import WorkspaceError

    (inbox.ideas_root(catalog) / "Petra Lund - badstue.jpg").write_bytes(b"\xff\xd8" + b"x" * 100)
    idea = listed(catalog)["Petra Lund - badstue.jpg"]
    real_write = catalog.workspace.write

    def write(changes):
        changes = list(changes)
        if any(table == POSTS for table, *_rest in changes):
            raise WorkspaceError("disk full")
        return real_write(changes)

    monkeypatch.setattr(catalog.workspace, "write", write)
    try:
        inbox.make_draft(catalog, idea)
    except WorkspaceError:
        pass
    assert not [p for p in catalog.workspace.view(PEOPLE).values() if p.get("name") == "Petra Lund"]


def test_a_draft_is_undone_whole_and_the_idea_is_new_again(catalog):
    from someplan.services.undo import UndoStack

    idea = listed(catalog)["ahmed/rakfisk.md"]
    post_id, undo = inbox.draft_with_undo(catalog, idea)
    stack = UndoStack()
    stack.push(undo)
    assert stack.undo(catalog) is undo and "rakfisk" in undo.what.lower()
    assert catalog.workspace.get(POSTS, post_id) is None
    assert listed(catalog)["ahmed/rakfisk.md"].state is IdeaState.NEW

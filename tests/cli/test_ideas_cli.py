"""`someplan idea`, `someplan ideas [--all] [--contributors] [--json]` and the ideas in `status`."""

import shutil
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[2] / "sample_workspace"


def sample(tmp_path):
    target = tmp_path / "sample"
    shutil.copytree(SAMPLE, target)
    return str(target)


def test_idea_drops_a_note_and_ideas_lists_it(someplan, tmp_path):
    ws = sample(tmp_path)
    assert len(someplan.json("ideas", "-w", ws, "--json")) == 5
    photo = tmp_path / "bilde.jpg"
    photo.write_bytes(b"\xff\xd8" + b"b" * 300)
    out = someplan("idea", "Frokost med [b]utsikt[/b] \x1b[31m", "--file", str(photo), "--from", "Ola", "-w", ws)
    note, copy = out.splitlines()
    assert note.startswith("ideas/") and note.endswith(".md") and copy.endswith("-bilde.jpg")
    rows = someplan.json("ideas", "-w", ws, "--json")
    mine = next(row for row in rows if row["file"] == note[len("ideas/"):])
    assert mine["from"] == "Ola" and mine["attachment"] == copy[len("ideas/"):] and mine["state"] == "new"
    assert mine["preview"] == ["Frokost med [b]utsikt[/b] \x1b[31m"]  # data as written in JSON
    table = someplan("ideas", "-w", ws)
    assert "[b]utsikt[/b]" in table and "\x1b" not in table  # printed literally, the escape made visible
    assert len(someplan.json("ideas", "-w", ws, "--json")) == 6


def test_status_counts_new_ideas(someplan, tmp_path):
    ws = sample(tmp_path)
    assert someplan.json("status", ws, "--json")["ideas"] == {"new": 5}
    assert "5 new in the inbox" in someplan("status", ws).replace("nye i innboksen", "new in the inbox")


def test_contributors_by_how_often_their_ideas_were_used(someplan, tmp_path):
    from someplan.services import ideas as inbox
    from someplan.services.catalog import Catalog
    from someplan.store.workspace import Workspace

    ws = sample(tmp_path)
    assert someplan.json("ideas", "--contributors", "-w", ws, "--json") == []
    catalog = Catalog(Workspace.open(Path(ws)))
    found = {idea.key: idea for idea in inbox.listing(catalog, inbox.read_box(catalog))}
    inbox.make_draft(catalog, found["ahmed/rakfisk.md"])
    inbox.make_draft(catalog, found["Kari Solheim - nordlys over taket.png"])
    inbox.make_draft(catalog, found["tips fra resepsjonen.txt"])
    catalog.workspace.close()
    rows = someplan.json("ideas", "--contributors", "-w", ws, "--json")
    assert [(r["name"], r["posts"]) for r in rows] == [("Kari Solheim", 2), ("Ahmed Karimi", 1)]
    people = {r["name"]: r for r in someplan.json("people", "list", "-w", ws, "--json")}
    assert (people["Kari Solheim"]["contributor"], people["Kari Solheim"]["ideas_used"]) == (True, 2)
    assert (people["Lise Haugland"]["contributor"], people["Lise Haugland"]["ideas_used"]) == (False, 0)
    assert someplan.json("status", ws, "--json")["ideas"] == {"new": 2}
    assert len(someplan.json("ideas", "--all", "-w", ws, "--json")) == 5  # with the ones made drafts


def test_an_idea_without_words_or_file_is_refused(someplan, tmp_path):
    ws = sample(tmp_path)
    someplan("idea", "  ", "-w", ws, code=1)
    assert someplan.err.startswith("someplan: ")


def test_show_credits_the_contributor(someplan, tmp_path):
    from someplan.services import ideas as inbox
    from someplan.services.catalog import Catalog
    from someplan.store.workspace import Workspace

    ws = sample(tmp_path)
    catalog = Catalog(Workspace.open(Path(ws)))
    found = {idea.key: idea for idea in inbox.listing(catalog, inbox.read_box(catalog))}
    post_id = inbox.make_draft(catalog, found["ahmed/rakfisk.md"])
    catalog.workspace.close()
    shown = someplan.json("show", post_id, "-w", ws, "--json")
    assert shown["contributor"] == "Ahmed Karimi" and shown["contributor_id"]
    assert shown["title"] == "Rakfisk-smaking før julebordet"
    assert "Ahmed Karimi" in someplan("show", post_id, "-w", ws)

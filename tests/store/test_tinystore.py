import shutil

from tinydb import Query

from someplan.store.tinystore import open_db
from someplan.store.workspace import Workspace
from tests.store.conftest import copy_device_files


def _segment_lines(ws):
    return b"".join(p.read_bytes() for p in ws.root.glob(f"devices/{ws.identity.device_id}/*.jsonl")).splitlines()


def test_records_get_string_ids_and_queries_work(workspace):
    posts = open_db(workspace).table("posts")
    first = posts.insert({"title": "Hei", "status": "idea"})
    second = posts.insert({"title": "Hallo", "status": "draft"})
    assert isinstance(first, str) and len(first) == 26 and first != second
    assert [d["title"] for d in posts.search(Query().status == "draft")] == ["Hallo"]
    assert posts.get(doc_id=first).doc_id == first


def test_an_update_writes_ops_for_the_changed_fields_only(workspace):
    posts = open_db(workspace).table("posts")
    rid = posts.insert({"title": "Hei", "caption": "long text", "status": "idea"})
    before = len(_segment_lines(workspace))
    posts.update({"status": "draft", "title": "Hei"}, doc_ids=[rid])
    lines = _segment_lines(workspace)[before:]
    assert len(lines) == 1 and b'"f":"status"' in lines[0]


def test_remove_is_a_tombstone_and_restore_brings_the_record_back(workspace):
    posts = open_db(workspace).table("posts")
    rid = posts.insert({"title": "Hei"})
    posts.remove(doc_ids=[rid])
    assert posts.all() == [] and workspace.deleted("posts") == [rid]
    workspace.restore("posts", rid)
    assert posts.get(doc_id=rid) == {"title": "Hei"}


def test_removing_a_key_is_recorded(workspace):
    from tinydb.operations import delete

    posts = open_db(workspace).table("posts")
    rid = posts.insert({"title": "Hei", "link": "https://example.org"})
    posts.update(delete("link"), doc_ids=[rid])
    assert Workspace.open(workspace.root, workspace._identities).view("posts")[rid] == {"title": "Hei"}


def test_documents_are_copies_not_the_live_state(workspace):
    posts = open_db(workspace).table("posts")
    rid = posts.insert({"assets": ["a.jpg"]})
    doc = posts.get(doc_id=rid)
    doc["assets"].append("b.jpg")
    assert workspace.view("posts")[rid]["assets"] == ["a.jpg"]


def test_a_query_sees_a_colleagues_edit_that_arrived_on_disk(machine):
    kari, ola = machine("kari"), machine("ola")
    ws_k = Workspace.init(kari.folder, kari.identities)
    shutil.copytree(kari.folder, ola.folder)
    posts_o = open_db(ola.open()).table("posts")
    assert posts_o.search(Query().title == "Hei") == []  # fills the query cache
    rid = open_db(ws_k).table("posts").insert({"title": "Hei"})
    copy_device_files(kari.folder, ola.folder)
    [found] = posts_o.search(Query().title == "Hei")
    assert found.doc_id == rid


def test_an_update_does_not_undo_a_colleagues_edit_merged_meanwhile(machine):
    kari, ola = machine("kari"), machine("ola")
    ws_k = Workspace.init(kari.folder, kari.identities)
    rid = ws_k.insert("posts", {"title": "Hei", "caption": "c"})
    shutil.copytree(kari.folder, ola.folder)
    ws_o = ola.open()
    posts_o = open_db(ws_o).table("posts")
    ws_k.update("posts", rid, {"caption": "Kari's"})
    copy_device_files(kari.folder, ola.folder)
    posts_o.update({"title": "Ola's"}, doc_ids=[rid])
    assert ws_o.view("posts")[rid] == {"title": "Ola's", "caption": "Kari's"}

import shutil
import tempfile
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tinydb import Query, where

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


# -- the same as TinyDB over its own storage, but for string ids --------------------------------
# Each difference the first version had, then TinyDB's own storage and this one driven side by
# side through random operations (ids mapped), as TinyDB's test suite does over its storages.


def test_an_empty_document_is_stored(workspace):
    posts = open_db(workspace).table("posts")
    rid = posts.insert({})
    assert posts.all() == [{}] and posts.get(doc_id=rid) == {} and len(posts) == 1
    assert Workspace.open(workspace.root, workspace._identities).view("posts") == {rid: {}}
    [other] = posts.insert_multiple([{}])
    assert posts.contains(doc_id=other) and len(posts) == 2


def test_documents_keep_their_insertion_order_before_and_after_reopening(workspace):
    posts = open_db(workspace).table("posts")
    ids = posts.insert_multiple({"n": n, "even": n % 2 == 0} for n in range(30))
    assert [d.doc_id for d in posts.all()] == ids
    assert posts.get(Query().even == False)["n"] == 1  # noqa: E712 (a TinyDB query)
    assert [d["n"] for d in posts.search(Query().even == True)] == list(range(0, 30, 2))  # noqa: E712
    again = open_db(Workspace.open(workspace.root, workspace._identities)).table("posts")
    assert [d.doc_id for d in again.all()] == ids


def test_persist_empty_lists_the_table_and_leaves_documents_alone(workspace):
    db = open_db(workspace)
    db.table("people").insert({"name": "Kari"})
    assert "events" not in db.tables()
    db.table("events", persist_empty=True)
    assert "events" in db.tables() and db.table("events").all() == []
    fresh = open_db(workspace)
    fresh.table("people", persist_empty=True)  # TinyDB's own would empty it
    assert [d["name"] for d in fresh.table("people").all()] == ["Kari"]
    fresh.drop_table("people")
    assert "people" not in fresh.tables() and fresh.table("people").all() == []


def test_upsert_and_insert_take_a_documents_own_id(workspace):
    from tinydb.table import Document

    posts = open_db(workspace).table("posts")
    rid = posts.insert({"title": "Hei", "status": "idea"})
    assert posts.upsert(Document({"status": "draft"}, doc_id=rid)) == [rid]
    assert posts.get(doc_id=rid) == {"title": "Hei", "status": "draft"}
    assert posts.upsert(Document({"title": "Ny"}, doc_id=12)) == ["12"]
    assert posts.get(doc_id=12) == {"title": "Ny"}
    with pytest.raises(ValueError, match="already exists"):
        posts.insert(Document({"title": "Igjen"}, doc_id=12))
    assert posts.insert_multiple([Document({"title": "Sju"}, doc_id=7)]) == ["7"]
    posts.remove(doc_ids=["12"])
    posts.insert(Document({"status": "idea"}, doc_id=12))  # that document, not the removed one
    assert posts.get(doc_id=12) == {"status": "idea"}


def test_values_are_what_json_holds_as_with_tinydbs_json_storage(workspace):
    posts = open_db(workspace).table("posts")
    rid = posts.insert({"assets": ("a.jpg", "b.jpg")})
    assert posts.get(doc_id=rid) == {"assets": ["a.jpg", "b.jpg"]}
    before = _segment_lines(workspace)
    with pytest.raises(ValueError):
        posts.insert({"reach": float("nan")})
    with pytest.raises(TypeError):
        posts.insert({"tags": {"a"}})
    assert _segment_lines(workspace) == before and len(posts) == 1


def test_keys_that_are_not_text_are_stored_as_tinydbs_json_storage_stores_them(workspace):
    posts = open_db(workspace).table("posts")
    rid = posts.insert({1: "one", None: "nothing", 2.5: "half"})
    assert posts.get(doc_id=rid) == {"1": "one", "null": "nothing", "2.5": "half"}
    assert posts.get(doc_id=posts.insert({True: "yes"})) == {"true": "yes"}
    posts.update({1: "ein"}, doc_ids=[rid])
    assert posts.get(doc_id=rid)["1"] == "ein"


@pytest.mark.parametrize("doc", [{"_deleted": True}, {"": 1}, {"x" * 129: 1}, {(1, 2): 1}], ids=repr)
def test_a_field_name_the_workspace_cannot_hold_is_refused_before_anything_is_written(workspace, doc):
    posts = open_db(workspace).table("posts")
    before = _segment_lines(workspace)
    with pytest.raises(ValueError, match="field name"):
        posts.insert({"title": "Hei", **doc})
    assert _segment_lines(workspace) == before and posts.all() == []


KEYS = st.sampled_from(["a", "b", "c"])
DOCS = st.dictionaries(KEYS, st.integers(0, 3) | st.lists(st.integers(0, 2), max_size=2), max_size=3)
CONDS = st.one_of(
    st.builds(lambda k, v: where(k) == v, KEYS, st.integers(0, 3)),
    st.builds(lambda k: where(k).exists(), KEYS),
    st.just(Query().noop()),
)
OPS = st.one_of(
    st.tuples(st.just("insert"), DOCS),
    st.tuples(st.just("insert_multiple"), st.lists(DOCS, max_size=4)),
    st.tuples(st.just("update"), DOCS, CONDS),
    st.tuples(st.just("update_multiple"), st.lists(st.tuples(DOCS, CONDS), max_size=3)),
    st.tuples(st.just("update_ids"), DOCS, st.lists(st.integers(0, 12), max_size=3)),
    st.tuples(st.just("delete_field"), KEYS),
    st.tuples(st.just("remove"), CONDS),
    st.tuples(st.just("remove_ids"), st.lists(st.integers(0, 12), max_size=3)),
    st.tuples(st.just("upsert"), DOCS, CONDS),
    st.tuples(st.just("upsert_document"), DOCS, st.integers(0, 12)),
    st.tuples(st.just("truncate")),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(OPS, max_size=12), st.lists(CONDS, min_size=1, max_size=3))
def test_the_same_as_tinydb_over_its_own_storage_but_for_the_ids(ops, queries):
    from tinydb import TinyDB
    from tinydb.operations import delete
    from tinydb.storages import MemoryStorage
    from tinydb.table import Document

    from someplan.store import atomic
    from someplan.store.device import IdentityStore

    theirs_db = TinyDB(storage=MemoryStorage)
    with tempfile.TemporaryDirectory() as tmp, mock.patch.object(atomic, "_fsync", lambda fd: None):
        identities = IdentityStore(Path(tmp) / "config", Path(tmp) / "state")
        workspace = Workspace.init(Path(tmp) / "ws", identities)
        ours_db = open_db(workspace)
        theirs, ours = theirs_db.table("posts"), ours_db.table("posts")
        ids: dict[int, str] = {}  # TinyDB's id -> ours
        mapped = lambda found: [ids[i] for i in found]  # noqa: E731

        def known(n: int) -> tuple[int, str]:
            # an id of a document there, or one far beyond TinyDB's counter (given to a Document,
            # ours is its text). Not a removed one: written again, it comes back in TinyDB at the
            # end of the table, here at its old place once the workspace is opened again.
            present = {d.doc_id for d in ours.all()}
            pairs = [(t, o) for t, o in ids.items() if o in present]
            if pairs and n < 10:
                return pairs[n % len(pairs)]
            t = 10**6 + n
            while t in ids and ids[t] not in present:
                t += 100
            return t, ids.get(t, str(t))

        for op in ops:
            kind, args = op[0], op[1:]
            if kind == "insert":
                ids[theirs.insert(args[0])] = ours.insert(args[0])
            elif kind == "insert_multiple":
                ids.update(zip(theirs.insert_multiple(args[0]), ours.insert_multiple(args[0])))
            elif kind == "update":
                assert mapped(theirs.update(args[0], args[1])) == ours.update(args[0], args[1])
            elif kind == "update_multiple":
                assert mapped(theirs.update_multiple(args[0])) == ours.update_multiple(args[0])
            elif kind == "update_ids":
                pairs = list(dict.fromkeys(known(n) for n in args[1]))
                found = theirs.update(args[0], doc_ids=[t for t, _o in pairs])
                assert mapped(found) == ours.update(args[0], doc_ids=[o for _t, o in pairs])
            elif kind == "delete_field":  # only where it is: TinyDB raises KeyError half-way otherwise
                has = where(args[0]).exists()
                assert mapped(theirs.update(delete(args[0]), has)) == ours.update(delete(args[0]), has)
            elif kind == "remove":
                assert mapped(theirs.remove(args[0])) == ours.remove(args[0])
            elif kind == "remove_ids":  # each once: TinyDB raises KeyError half-way on a repeated id
                pairs = list(dict.fromkeys(known(n) for n in args[0]))
                assert mapped(theirs.remove(doc_ids=[t for t, _o in pairs])) == ours.remove(doc_ids=[o for _t, o in pairs])
            elif kind == "upsert":
                existing = {d.doc_id for d in ours.all()}
                found, got = theirs.upsert(args[0], args[1]), ours.upsert(args[0], args[1])
                # an insert: TinyDB counts from 1 again once its table was empty, reusing ids
                ids.update((t, o) for t, o in zip(found, got) if o not in existing)
                assert mapped(found) == got
            elif kind == "upsert_document":
                t, o = known(args[1])
                found, got = theirs.upsert(Document(args[0], doc_id=t)), ours.upsert(Document(args[0], doc_id=o))
                ids.setdefault(t, o)
                assert mapped(found) == got
            else:
                theirs.truncate()
                ours.truncate()
                ids.clear()  # TinyDB counts from 1 again
            assert [(ids[d.doc_id], d) for d in theirs.all()] == [(d.doc_id, d) for d in ours.all()]
        for query in queries:
            assert [ids[d.doc_id] for d in theirs.search(query)] == [d.doc_id for d in ours.search(query)]
            assert theirs.count(query) == ours.count(query) and theirs.contains(query) == ours.contains(query)
            first, got = theirs.get(query), ours.get(query)
            assert (first, ids[first.doc_id] if first else None) == (got, got.doc_id if got else None)
        pairs = list(ids.items())[::2]
        some = theirs.get(doc_ids=[t for t, _o in pairs])
        assert [(ids[d.doc_id], d) for d in some] == [(d.doc_id, d) for d in ours.get(doc_ids=[o for _t, o in pairs])]
        reopened = open_db(Workspace.open(workspace.root, identities)).table("posts")
        assert [(ids[d.doc_id], d) for d in theirs.all()] == [(d.doc_id, d) for d in reopened.all()]

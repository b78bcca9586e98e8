"""Problems are kept as an English template and its values, and told in the language spoken."""

import json

from someplan.i18n import set_language
from someplan.store.problems import Problem
from someplan.store.workspace import Workspace

DAMAGED = "{bad} unreadable lines ({lines}); {ops} ops read; left alone"


def test_a_problem_speaks_the_language_of_the_moment():
    problem = Problem("warning", "damaged", DAMAGED, "devices/x/000002.jsonl", {"bad": 2, "lines": "3, 4", "ops": 5})
    assert problem.message == "2 unreadable lines (3, 4); 5 ops read; left alone"
    set_language("nb")
    assert problem.message == "uleselige linjer: 2 (nr. 3, 4); endringer lest: 5; ikke rørt"
    assert problem.as_dict()["message"] == problem.message  # what --json and the screens show
    assert problem.to_doc()["message"] == DAMAGED  # what is stored: no one's language
    assert Problem.from_doc(problem.to_doc()) == problem


def test_an_old_stored_problem_without_values_is_shown_as_it_was():
    old = Problem.from_doc({"severity": "info", "code": "bom", "message": "a {curly} text", "path": None})
    assert old.message == "a {curly} text"


def test_a_snapshot_keeps_problems_in_no_ones_language_and_a_reader_gets_them_in_theirs(machine):
    kari = machine("kari")
    workspace = Workspace.init(kari.folder, kari.identities)
    workspace.insert("posts", {"title": "Hei"})
    device = next(kari.folder.glob("devices/*/000001.jsonl")).parent
    (device / "000002.jsonl").write_bytes(b"garbage\n")
    workspace.close()
    reopened = kari.open()
    assert [p.code for p in reopened.problems] == ["damaged"]
    assert reopened.write_snapshot() is not None
    reopened.close()
    stored = json.loads((device / "snapshot.json").read_bytes().split(b"\n")[0])["covers"]
    problem = next(cover[1] for cover in stored.values() if cover[1])
    assert problem["message"] == DAMAGED and problem["params"]["bad"] == 1
    set_language("nb")
    from_snapshot = kari.open()
    assert from_snapshot._replayed == 0  # everything came from the snapshot, the problem too
    assert [p.message for p in from_snapshot.problems] == ["uleselige linjer: 1 (nr. 1); endringer lest: 0; ikke rørt"]

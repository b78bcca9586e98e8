"""The demo keeps what the newcomer did; only `fresh` starts over."""

import json

from someplan.services.demo import prepare_demo
from tests.services.conftest import SAMPLE


def workspace_id(path):
    return json.loads((path / "someplan-workspace.json").read_text())["id"]


def test_the_demo_is_kept_until_asked_to_start_over(sample_copy):
    first = prepare_demo(SAMPLE)
    first_id = workspace_id(first.path)
    assert first.fresh and first_id != workspace_id(SAMPLE)
    mine = first.path / "assets" / "mitt-bilde.jpg"
    mine.write_bytes(b"x")
    again = prepare_demo(SAMPLE)
    assert (again.path, again.fresh) == (first.path, False) and mine.exists()
    assert workspace_id(again.path) == first_id
    over = prepare_demo(SAMPLE, fresh=True)
    assert over.fresh and over.path == first.path and not mine.exists()
    assert workspace_id(over.path) not in (first_id, workspace_id(SAMPLE))
    assert sorted(p.name for p in over.path.parent.iterdir()) == ["sample_workspace"]  # nothing left over

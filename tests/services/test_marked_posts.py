"""Acting on marked posts (services/marked_posts.py): one batch, one undo for the lot."""

import datetime as dt
from pathlib import Path

import pytest

from someplan.domain.post import Status
from someplan.services import marked_posts
from someplan.services.catalog import POSTS
from someplan.services.errors import UserError
from someplan.services.undo import UndoStack
from someplan.services.viewer import open_in_viewer

TODAY = dt.date(2026, 11, 18)


def _week_posts(catalog, monday=dt.date(2026, 11, 23)):
    return [p for p in catalog.posts() if p.date and monday <= p.date <= monday + dt.timedelta(days=6)]


def test_status_for_several_is_one_batch_with_one_undo(catalog):
    posts = _week_posts(catalog)[:3]
    before = {p.id: p.status for p in posts}
    writes = []
    original = catalog.workspace.write
    catalog.workspace.write = lambda changes: writes.append(list(changes)) or original(changes)
    outcome = marked_posts.set_status(catalog, before, Status.READY, TODAY)
    assert len(writes) == 1 and outcome.changed == sum(s is not Status.READY for s in before.values())
    assert {catalog.post(i).status for i in before} == {Status.READY}
    stack = UndoStack()
    stack.push(outcome.undo)
    assert "3 posts" in stack.undo(catalog).what
    assert {i: catalog.post(i).status for i in before} == before


def test_published_is_not_set_on_future_posts(catalog):
    future = _week_posts(catalog)[0]
    outcome = marked_posts.set_status(catalog, [future.id], Status.PUBLISHED, TODAY)
    assert outcome.undo is None and catalog.post(future.id).status == future.status
    assert outcome.skipped and outcome.skipped[0][0] == future.title


def test_move_and_duplicate_several(catalog):
    posts = _week_posts(catalog)[:2]
    outcome = marked_posts.move_posts(catalog, [p.id for p in posts], 1)
    assert [catalog.post(p.id).date for p in posts] == [p.date + dt.timedelta(days=1) for p in posts]
    catalog.workspace.write(outcome.undo.changes)
    assert [catalog.post(p.id).date for p in posts] == [p.date for p in posts]
    before = set(catalog.workspace.view(POSTS))
    outcome = marked_posts.duplicate_posts(catalog, [p.id for p in posts])
    new = set(catalog.workspace.view(POSTS)) - before
    assert len(new) == 2 and {catalog.post(i).reused_from for i in new} == {p.id for p in posts}
    assert all(catalog.post(i).status is Status.DRAFT for i in new)
    catalog.workspace.write(outcome.undo.changes)
    assert set(catalog.workspace.view(POSTS)) == before


def test_a_post_deleted_meanwhile_is_left_out(catalog):
    post = _week_posts(catalog)[0]
    catalog.workspace.delete(POSTS, post.id)
    assert marked_posts.move_posts(catalog, [post.id], 1).undo is None


# -- the system's viewer ---------------------------------------------------------------------


@pytest.fixture
def picture(tmp_path) -> Path:
    path = tmp_path / "a photo; rm -rf ~.jpg"
    path.write_bytes(b"jpeg")
    return path


def test_the_viewer_gets_the_file_as_one_argument_never_a_shell(picture):
    calls = []
    open_in_viewer(picture, platform="linux", environ={"DISPLAY": ":0"}, which=lambda name: f"/usr/bin/{name}",
                   popen=lambda args, **kw: calls.append((args, kw)))  # fmt: skip
    [(args, kw)] = calls
    assert args == ["/usr/bin/xdg-open", str(picture.resolve())] and not kw.get("shell")
    calls.clear()
    open_in_viewer(picture, platform="darwin", environ={}, which=lambda name: f"/usr/bin/{name}",
                   popen=lambda args, **kw: calls.append(args))  # fmt: skip
    assert calls == [["/usr/bin/open", str(picture.resolve())]]


def test_the_viewer_says_why_it_cannot(picture, tmp_path):
    never = dict(which=lambda name: None, popen=lambda *a, **k: pytest.fail("ran"))
    with pytest.raises(UserError, match="SSH"):
        open_in_viewer(picture, platform="linux", environ={"SSH_CONNECTION": "1 2 3 4"}, **never)
    with pytest.raises(UserError, match="not installed"):
        open_in_viewer(picture, platform="linux", environ={"DISPLAY": ":0"}, **never)
    with pytest.raises(UserError, match="not on this machine"):
        open_in_viewer(tmp_path / "missing.jpg", platform="linux", environ={"DISPLAY": ":0"}, **never)

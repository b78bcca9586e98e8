"""`someplan demo`: a copy of the sample workspace on this machine, kept between runs.

What a newcomer does in the demo (posts, campaigns, imported figures) is theirs: running the
demo again opens the same copy, and only `fresh=True` (`--fresh`) starts over. The copy lives in
this machine's state dir, never in the checkout, and is a workspace of its own (a new id), so
the private copies of its segments are not mixed with another copy's.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from someplan.store.atomic import atomic_write
from someplan.store.user_dirs import state_dir
from someplan.store.layout import WORKSPACE_FILE


@dataclass(frozen=True)
class Demo:
    path: Path
    fresh: bool  # a new copy of the sample; False: the one from before, as it was left


def demo_folder() -> Path:
    return state_dir() / "demo" / "sample_workspace"


def prepare_demo(source: Path, fresh: bool = False) -> Demo:
    """The demo workspace: the existing one, or (none yet, or `fresh`) a new copy of `source`.

    A new copy is made beside the old one and put in its place by renames, so an interrupted
    copy never leaves a half demo where the old one was."""
    target = demo_folder()
    if (target / WORKSPACE_FILE).exists() and not fresh:
        return Demo(target, fresh=False)
    target.parent.mkdir(parents=True, exist_ok=True)
    making, old = target.with_name(".~demo-new"), target.with_name(".~demo-old")
    for leftover in (making, old):  # from a run that was stopped halfway
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.copytree(source, making)
    give_new_id(making)
    if target.exists():
        target.rename(old)
    making.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return Demo(target, fresh=True)


def give_new_id(root: Path) -> None:
    """A copy of a workspace is a new workspace: it must not share the original's id."""
    from someplan.store.workspace import new_record_id

    meta = json.loads((root / WORKSPACE_FILE).read_text(encoding="utf-8"))
    meta["id"] = new_record_id()
    atomic_write(root / WORKSPACE_FILE, (json.dumps(meta, indent=2) + "\n").encode())

"""What `someplan status` says of the asset folder (files, new, unused, missing, refused), and
the few facts of it that the asset service shares: the folder read on this machine, when this
user last looked, which names are text. Kept apart from `someplan.services.assets` so that the
quick status check imports none of the asset index, image facts or rows."""

from __future__ import annotations

import json
import os
import time
import unicodedata
from pathlib import Path
from typing import Any

from someplan.domain.assets import LEGACY_PREFIX, is_ignored_name, reference_key
from someplan.services.catalog import Catalog
from someplan.services.locate import read_user_state
from someplan.store.atomic import atomic_write
from someplan.store.user_dirs import cache_dir

NEW_WITHOUT_RECORD_S = 7 * 86400

TRUSTED_FOLDERS = "trusted_asset_folders"  # in the user's state file: {workspace id: [folder]}


def asset_root(catalog: Catalog) -> Path:
    """The folder whose files are the assets: the workspace's setting when it may be read here,
    else the workspace's own `assets/` (see `refused_asset_folder`)."""
    wanted = _wanted_root(catalog)
    return catalog.workspace.root.resolve() / "assets" if _refused(catalog, wanted) else wanted


def _wanted_root(catalog: Catalog) -> Path:
    folder = catalog.settings().asset_folder or "assets/"
    return (catalog.workspace.root / Path(folder).expanduser()).resolve()


def _refused(catalog: Catalog, root: Path) -> bool:
    if root.is_relative_to(catalog.workspace.root.resolve()):
        return False
    home = Path.home().resolve()
    if root != home and root.is_relative_to(home) and not any(p.startswith(".") for p in root.relative_to(home).parts):
        return False
    trusted = read_user_state().get(TRUSTED_FOLDERS, {})
    mine = trusted.get(catalog.workspace.id, []) if isinstance(trusted, dict) else []
    return str(root) not in (mine if isinstance(mine, list) else [])


def _key(rel: str) -> str:
    return unicodedata.normalize("NFC", rel)


def is_text(name: str) -> bool:
    """Whether a name read from the disk is valid UTF-8. One that is not (an old Windows or
    ISO-8859-1 machine named it) comes to Python with stand-ins for its bad bytes: stored in a
    post's op it would break the log's UTF-8, printed it would break the terminal, so such a
    file is left out of the index and named (`shown_name`) for the user to rename."""
    if name.isascii():
        return True
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def seen_at(catalog: Catalog) -> float | None:
    """When this user last looked at this workspace's assets (kept in the user's state file)."""
    seen = read_user_state().get("assets_seen")
    value = seen.get(catalog.workspace.id) if isinstance(seen, dict) else None
    return float(value) if isinstance(value, (int, float)) else None


def new_since(seen: float | None, now: float | None = None) -> float:
    return seen if seen is not None else (now or time.time()) - NEW_WITHOUT_RECORD_S


FOLDER_CACHE_VERSION = 2  # 2: links leading out of the folder are not counted (as in the scan)


def count_files(root: Path | str, since: float, cache: dict[str, Any] | None = None) -> tuple[set[str], int, dict[str, Any]]:
    """The asset keys under `root`, how many arrived after `since`, and the folder cache to keep.

    A file arriving (created, copied, renamed, synced in) changes its folder's mtime, so a folder
    whose mtime is the one `cache` noted still holds the files and sub-folders noted then: only
    its own stat is needed. `someplan status` on 20,000 files in 200 folders thus stats about 200
    folders, not every file, once the cache is made. A file rewritten in place is not an arrival
    and is not looked at again.
    """
    root = str(root)
    real_root = os.path.realpath(root)
    known = cache or {}
    kept: dict[str, list[Any]] = {}
    keys: set[str] = set()
    new = 0
    pending = [(root, "")]
    while pending:
        folder, rel = pending.pop()
        try:
            mtime_ns = os.stat(folder).st_mtime_ns
        except OSError:
            continue
        noted = known.get(rel)
        if not (isinstance(noted, list) and len(noted) == 3 and noted[0] == mtime_ns):
            noted = _look_into(folder, mtime_ns, real_root)
            if noted is None:
                continue
        kept[rel] = noted
        _, folders, files = noted
        for name, newest in files.items():
            if is_text(name):  # a cache noted before such names were left out may hold one
                keys.add(_key(rel + name))
                new += newest > since
        pending += [(os.path.join(folder, name), f"{rel}{name}/") for name in folders if is_text(name)]
    return keys, new, kept


def _look_into(folder: str, mtime_ns: int, real_root: str) -> list[Any] | None:
    """[mtime_ns, sub-folder names, {file name: newest of mtime and ctime}] of one folder."""
    folders, files = [], {}
    try:
        with os.scandir(folder) as it:
            entries = list(it)
    except OSError:
        return None
    for entry in entries:
        if is_ignored_name(entry.name) or not is_text(entry.name):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                folders.append(entry.name)
            elif entry.is_file(follow_symlinks=False) or entry.is_symlink():
                if entry.is_symlink():  # the scan's rule (scan_folder): only a link to a file inside
                    target = os.path.realpath(entry.path)
                    if not target.startswith(real_root + os.sep) or not os.path.isfile(target):
                        continue
                stat = entry.stat(follow_symlinks=False)
                files[entry.name] = max(stat.st_mtime, stat.st_ctime)
        except OSError:
            continue
    return [mtime_ns, folders, files]


def _folder_cache_path(catalog: Catalog) -> Path:
    return cache_dir() / f"asset-folders-{catalog.workspace.id}.json"


def _read_folder_cache(path: Path, root: Path) -> dict[str, Any]:
    try:
        doc = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    ok = isinstance(doc, dict) and doc.get("version") == FOLDER_CACHE_VERSION and doc.get("root") == str(root)
    return doc.get("folders", {}) if ok and isinstance(doc.get("folders"), dict) else {}


def asset_counts(catalog: Catalog) -> dict[str, int]:
    """Files, new, unused and missing: what `someplan status` prints (names only, see count_files)."""
    root = asset_root(catalog)
    path = _folder_cache_path(catalog)
    cache = _read_folder_cache(path, root)
    keys, new, kept = count_files(root, new_since(seen_at(catalog)), cache)
    if kept != cache:
        try:  # a cache of this machine's, outside the workspace: losing it only costs time
            path.parent.mkdir(parents=True, exist_ok=True)
            data = json.dumps({"version": FOLDER_CACHE_VERSION, "root": str(root), "folders": kept}).encode()
            atomic_write(path, data, durable=False)
        except OSError:
            pass
    missing = 0
    found: set[str] = set()
    usage, refused = _used_keys(catalog)
    for key in usage:
        where = (
            key
            if key in keys
            else key[len(LEGACY_PREFIX) :]
            if key.startswith(LEGACY_PREFIX) and key[len(LEGACY_PREFIX) :] in keys
            else None
        )
        if where is None:
            missing += 1
        else:
            found.add(where)
    return {"files": len(keys), "new": new, "unused": len(keys - found), "missing": missing, "refused": len(refused)}


def _used_keys(catalog: Catalog) -> tuple[set[str], set[str]]:
    """The asset keys the posts use, and the references refused (as `assets._usage` finds them)."""
    usage: set[str] = set()
    refused: set[str] = set()
    for refs in catalog.asset_references():  # from the posts' index: not every post read
        for ref in refs:
            key = reference_key(ref) if isinstance(ref, str) else None
            if key is not None:
                usage.add(key)
            elif isinstance(ref, str) and ref.strip():
                refused.add(ref)
    return usage, refused

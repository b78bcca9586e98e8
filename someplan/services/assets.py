"""The asset folder on disk: an in-memory index of its files, their facts, and the posts using them.

The index is per-machine cache data and lives in memory only (never a file in the workspace,
which every machine would write): a scan of 20,000 files takes a fraction of a second. Image
facts (dimensions, date taken) are read lazily from the file's header with Pillow, one file at
a time when asked (preview, `someplan assets --json`), so memory stays flat.

"New" means arrived on this machine since this user last looked at the asset pane: the file's
change time (ctime: when it landed here; a sync tool keeps the photo's old mtime) is later than
the moment kept in this user's state file (outside the workspace). A user who never looked sees
the files of the last 7 days as new.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from someplan.domain.assets import (
    LEGACY_PREFIX,
    AssetQuery,
    AssetRow,
    BadReference,
    Move,
    is_ignored_name,
    kind_of,
    moved_references,
    normal_reference,
    reference_key,
    top_post_ids,
)  # fmt: skip
from someplan.i18n import N_, _
from someplan.services.asset_counts import (  # moved there for the status check; still found here
    TRUSTED_FOLDERS,
    _refused,
    _wanted_root,
    new_since,
)  # fmt: skip
from someplan.services.asset_counts import _key as _nfc_key
from someplan.services.asset_counts import asset_counts as asset_counts
from someplan.services.asset_counts import asset_root as asset_root
from someplan.services.asset_counts import count_files as count_files
from someplan.services.asset_counts import is_text as is_text
from someplan.services.asset_counts import seen_at as seen_at
from someplan.services.catalog import POSTS, Catalog
from someplan.services.locate import read_user_state, write_user_state
from someplan.store.problems import Problem

FINGERPRINT_BYTES = 64 * 1024


def refused_asset_folder(catalog: Catalog) -> Path | None:
    """The workspace's asset folder when this machine will not read it: the setting is shared,
    so a colleague (or a hostile edit) could point every machine at `/` or at `~/.ssh`.

    Read without asking: a folder inside the workspace, or inside this user's home that is not
    the home itself and not hidden (a shared Dropbox folder). Anything else only after this user
    said yes on this machine (`trust_asset_folder`, `someplan assets --trust-folder`)."""
    wanted = _wanted_root(catalog)
    return wanted if _refused(catalog, wanted) else None


def asset_folder_problems(catalog: Catalog) -> tuple[Problem, ...]:
    refused = refused_asset_folder(catalog)
    if refused is None:
        return ()
    return (Problem("warning", "asset-folder-refused", ASSET_FOLDER_REFUSED, None, {"folder": str(refused)}),)


ASSET_FOLDER_REFUSED = N_(
    "the workspace's asset folder {folder} lies outside your own folders, so it is not read on this machine "
    "(the workspace's assets/ is); to read it here: someplan assets --trust-folder"
)


def trust_asset_folder(catalog: Catalog) -> Path:
    """This user, on this machine, says yes to the workspace's asset folder."""
    wanted = _wanted_root(catalog)
    trusted = read_user_state().get(TRUSTED_FOLDERS, {})
    trusted = trusted if isinstance(trusted, dict) else {}
    mine = [f for f in trusted.get(catalog.workspace.id, []) if isinstance(f, str) and f != str(wanted)]
    write_user_state(**{TRUSTED_FOLDERS: trusted | {catalog.workspace.id: [*mine, str(wanted)]}})
    return wanted


@dataclass(slots=True)
class AssetEntry:
    size: int
    mtime: float
    ctime: float
    disk: str | None = None  # the name on disk when it is not the NFC key (macOS NFD names)

    @property
    def arrived(self) -> float:
        return max(self.mtime, self.ctime)


def shown_name(name: str) -> str:
    """A name that is not valid UTF-8 as the user can read and find it: `bad\\xe5name.jpg`."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def stat_entry(path: str, rel: str) -> AssetEntry | None:
    try:
        stat = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    if not os.path.isfile(path) or os.path.islink(path) or not is_text(rel):
        return None
    key = _nfc_key(rel)
    return AssetEntry(stat.st_size, stat.st_mtime, stat.st_ctime, None if key == rel else rel)


def scan_folder(root: Path | str, prefix: str = "", progress: Callable[[int], None] | None = None,
                unreadable: list[str] | None = None) -> dict[str, AssetEntry]:  # fmt: skip
    """Every asset under `root` (or its sub-folder `prefix`), keyed by NFC path relative to root.

    os.scandir and strings, not Path objects; ignored names (temp, partial, hidden, litter) and
    their folders are skipped; a symlink counts only when it leads to a file inside the root.
    Names that are not valid UTF-8 (files or folders) are left out and, given `unreadable`,
    added to it as `shown_name`s.
    """
    root = str(root)
    real_root = os.path.realpath(root)
    found: dict[str, AssetEntry] = {}
    pending = [(os.path.join(root, prefix) if prefix else root, f"{prefix}/" if prefix else "")]
    last_report = time.monotonic()
    while pending:
        folder, rel_prefix = pending.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            if is_ignored_name(name):
                continue
            if not is_text(name):
                if unreadable is not None:
                    unreadable.append(shown_name(rel_prefix + name))
                continue
            try:
                if entry.is_symlink():
                    target = os.path.realpath(entry.path)
                    if not target.startswith(real_root + os.sep) or not os.path.isfile(target):
                        continue  # a link leading out of the asset folder (or to a folder) is refused
                    stat = os.stat(target)
                elif entry.is_dir(follow_symlinks=False):
                    pending.append((entry.path, f"{rel_prefix}{name}/"))
                    continue
                elif entry.is_file(follow_symlinks=False):
                    stat = entry.stat(follow_symlinks=False)
                else:
                    continue
            except OSError:
                continue
            rel = rel_prefix + name
            key = _nfc_key(rel)
            found[key] = AssetEntry(stat.st_size, stat.st_mtime, stat.st_ctime, None if key == rel else rel)
        if progress is not None and time.monotonic() - last_report > 0.1:
            progress(len(found))
            last_report = time.monotonic()
    return found


def resolve_reference(root: Path, ref: str) -> Path:
    """The file a reference names, refusing anything that leads outside the root (`..`, absolute
    paths, symlinks pointing out). Raises BadReference."""
    key = normal_reference(ref)
    path = root / key
    real_root = os.path.realpath(root)
    if not os.path.realpath(path).startswith(real_root + os.sep):
        raise BadReference(_("{path!r} leads out of the asset folder").format(path=ref))
    return path


# -- facts -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AssetFacts:
    path: str
    kind: str
    size: int
    modified: float
    width: int | None = None
    height: int | None = None
    taken: dt.datetime | None = None  # EXIF DateTimeOriginal (or DateTime) where present
    problem: str | None = None  # the file could not be read as an image


EXIF_DATETIME_ORIGINAL = 0x9003
EXIF_DATETIME = 0x0132
EXIF_IFD = 0x8769


def read_image_facts(path: Path) -> tuple[int | None, int | None, dt.datetime | None, str | None]:
    """Width, height and date taken from the image's header (Pillow opens lazily: no pixel data)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            width, height = image.size
            taken = None
            try:
                exif = image.getexif()
                raw = exif.get_ifd(EXIF_IFD).get(EXIF_DATETIME_ORIGINAL) or exif.get(EXIF_DATETIME)
                if isinstance(raw, str):
                    taken = dt.datetime.strptime(raw.strip("\x00 "), "%Y:%m:%d %H:%M:%S")
            except (ValueError, TypeError, AttributeError, OSError, SyntaxError):
                taken = None
            return width, height, taken, None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
        return None, None, None, _("not readable as an image ({reason})").format(reason=type(error).__name__)


def fingerprint(path: Path, size: int) -> str | None:
    """Size + hash of the first and last 64 KB: finds a renamed file again when the move event was
    missed (a sync tool delivers a rename as delete + create)."""
    import hashlib  # deferred: `someplan status` counts files without fingerprinting any

    digest = hashlib.blake2b(str(size).encode(), digest_size=16)
    try:
        with open(path, "rb") as file:
            digest.update(file.read(FINGERPRINT_BYTES))
            if size > 2 * FINGERPRINT_BYTES:
                file.seek(-FINGERPRINT_BYTES, os.SEEK_END)
                digest.update(file.read(FINGERPRINT_BYTES))
    except OSError:
        return None
    return digest.hexdigest()


# -- the index ---------------------------------------------------------------------------------


class AssetIndex:
    """The asset folder's files in memory; updated by a scan and by the watcher's changes."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.entries: dict[str, AssetEntry] = {}
        self.ready = False
        self.version = 0
        self._sorted: list[str] | None = None
        self._facts: dict[str, AssetFacts] = {}
        self.fingerprints: dict[str, str] = {}  # of referenced files, to find them again
        self.unreadable: list[str] = []  # names left out as not valid UTF-8, as `shown_name` gives them

    def load(self, entries: dict[str, AssetEntry]) -> None:
        self.entries = entries
        self.ready = True
        self._changed()

    def _changed(self) -> None:
        self.version += 1
        self._sorted = None

    def newest_first(self) -> list[str]:
        if self._sorted is None:
            entries = self.entries
            self._sorted = sorted(entries, key=lambda k: (-entries[k].mtime, k))
        return self._sorted

    def disk_path(self, key: str) -> Path:
        entry = self.entries.get(key)
        return self.root / (entry.disk if entry and entry.disk else key)

    def find(self, ref: str) -> str | None:
        """The key of the file a post's reference names (in NFC, maybe with the legacy `assets/` in
        front); None when the file is not here or the reference is refused. Use `disk_path` to open it."""
        key = reference_key(ref)
        return None if key is None else _lookup(self, key)

    # -- changes from the watcher --------------------------------------------------------------

    def put(self, key: str, entry: AssetEntry) -> None:
        self.entries[key] = entry
        self._facts.pop(key, None)
        self._changed()

    def remove(self, key: str) -> AssetEntry | None:
        entry = self.entries.pop(key, None)
        self._facts.pop(key, None)
        if entry is not None:
            self._changed()
        return entry

    def move(self, move: Move) -> None:
        moved = {k: new for k in self.entries if (new := move.apply(k)) is not None}
        for key, new in moved.items():
            entry = self.entries.pop(key)
            entry.disk = None
            self.entries[new] = entry
            self._facts.pop(key, None)
            if key in self.fingerprints:
                self.fingerprints[new] = self.fingerprints.pop(key)
        self._changed()

    def remove_folder(self, prefix: str) -> None:
        for key in [k for k in self.entries if k.startswith(prefix + "/")]:
            self.entries.pop(key)
        self._changed()

    # -- facts ---------------------------------------------------------------------------------

    def facts(self, key: str) -> AssetFacts | None:
        entry = self.entries.get(key)
        if entry is None:
            return None
        if key not in self._facts:
            kind = kind_of(key)
            width = height = taken = problem = None
            if kind == "image":
                width, height, taken, problem = read_image_facts(self.disk_path(key))
            if len(self._facts) > 256:
                self._facts.clear()  # a small cache: facts are read on demand, one screenful at a time
            self._facts[key] = AssetFacts(key, kind, entry.size, entry.mtime, width, height, taken, problem)
        return self._facts[key]

    def remember_fingerprints(self, keys: set[str]) -> None:
        """Fingerprint the referenced files (a few hundred at most), so a rename seen as
        delete + create is recognised."""
        for key in keys:
            entry = self.entries.get(key)
            if entry is not None and key not in self.fingerprints:
                print_ = fingerprint(self.disk_path(key), entry.size)
                if print_:
                    self.fingerprints[key] = print_

    def lost_one(self, key: str, lost: set[str]) -> str | None:
        """Which of the `lost` (referenced, since vanished) files the new file `key` is, by content."""
        entry = self.entries.get(key)
        if entry is None or not lost:
            return None
        wanted = {self.fingerprints[k]: k for k in lost if k in self.fingerprints}
        if not wanted:
            return None
        return wanted.get(fingerprint(self.disk_path(key), entry.size) or "")


# -- seen --------------------------------------------------------------------------------------


def mark_seen(catalog: Catalog, when: float | None = None) -> None:
    seen = read_user_state().get("assets_seen")
    seen = dict(seen) if isinstance(seen, dict) else {}
    seen[catalog.workspace.id] = when if when is not None else time.time()
    write_user_state(assets_seen=seen)


# -- usage and rows ----------------------------------------------------------------------------


@dataclass(eq=True)
class Usage:
    post_ids: list[str]
    titles: list[str]
    last_used: dt.date | None
    categories: set[str]
    stored: str  # the reference as one post stores it


def usage_by_asset(catalog: Catalog) -> dict[str, Usage]:
    """Which posts use each asset, from the stored fields (no Post object for every post)."""
    return _usage(catalog)[0]


def refused_references(catalog: Catalog) -> dict[str, Usage]:
    """References that lead out of the asset folder (`../../etc/passwd`, `/etc/passwd`, `C:\\…`,
    `\\\\server\\…`), by the text stored: never read, but listed, so they do not vanish."""
    return _usage(catalog)[1]


def _usage(catalog: Catalog) -> tuple[dict[str, Usage], dict[str, Usage]]:
    categories = {k: v.casefold() for k, v in catalog.category_names().items()}
    usage: dict[str, Usage] = {}
    refused: dict[str, Usage] = {}
    for post_id, doc in catalog.workspace.view(POSTS).items():
        refs = doc.get("assets")
        if not isinstance(refs, list) or not refs:
            continue
        raw_title, category_id = doc.get("title"), doc.get("category")
        title = raw_title if isinstance(raw_title, str) else ""
        try:
            day = dt.date.fromisoformat(doc["date"]) if isinstance(doc.get("date"), str) else None
        except ValueError:
            day = None
        category = categories.get(category_id) if isinstance(category_id, str) else None
        for ref in refs:
            key = reference_key(ref) if isinstance(ref, str) else None
            if key is None:
                if isinstance(ref, str) and ref.strip():
                    use = refused.setdefault(ref, Usage([], [], None, set(), ref))
                    if post_id not in use.post_ids:
                        use.post_ids.append(post_id)
                        use.titles.append(title)
                continue
            use = usage.setdefault(key, Usage([], [], None, set(), ref))
            if post_id in use.post_ids:
                continue
            use.post_ids.append(post_id)
            use.titles.append(title)
            if day and (use.last_used is None or day > use.last_used):
                use.last_used = day
            if category:
                use.categories.add(category)
    return usage, refused


def _lookup(index: AssetIndex, key: str) -> str | None:
    """The index key a reference names: itself, or without the legacy `assets/` prefix."""
    if key in index.entries:
        return key
    if key.startswith(LEGACY_PREFIX) and key[len(LEGACY_PREFIX):] in index.entries:
        return key[len(LEGACY_PREFIX):]
    return None


def usage_in_index(index: AssetIndex, usage: dict[str, Usage]) -> tuple[dict[str, Usage], dict[str, Usage]]:
    """Usage keyed by index key, and the references whose file is missing."""
    found: dict[str, Usage] = {}
    missing: dict[str, Usage] = {}
    for key, use in usage.items():
        where = _lookup(index, key)
        if where is None:
            missing[key] = use
        elif where in found:  # `x` and `assets/x` both name the file: one usage (a new one, not mutated)
            first = found[where]
            ids = first.post_ids + [p for p in use.post_ids if p not in first.post_ids]
            dates = [d for d in (first.last_used, use.last_used) if d]
            found[where] = Usage(ids, first.titles + use.titles, max(dates, default=None),
                                 first.categories | use.categories, first.stored)  # fmt: skip
        else:
            found[where] = use
    return found, missing


def best_posts(catalog: Catalog) -> frozenset[str]:
    from someplan.domain.figures import post_rates

    channels = {c.id: c for c in catalog.channels()}
    rates = []
    for post in catalog.published_posts():
        if post.assets:
            rate = post_rates(post, channels)[1]
            if rate is not None:
                rates.append((post.id, rate))
    return top_post_ids(rates)


@dataclass(frozen=True)
class AssetList:
    rows: list[AssetRow]  # missing first, then newest first; at most the limit
    total: int  # files in the folder
    matched: int  # rows that matched the filter (missing included)
    new: int
    unused: int
    missing: int
    refused: int = 0  # references leading out of the folder, listed among the missing


# Rows the assets pane lists at most (the rest: "… and N more: narrow with /"): Textual's list
# measures every row the first time the pane shows, 20 ms a hundred rows on the 3,000-post bench.
ROWS_LISTED = 200


def asset_rows(catalog: Catalog, index: AssetIndex, query: AssetQuery, today: dt.date,
               seen: float | None, limit: int = ROWS_LISTED, usage: dict[str, Usage] | None = None) -> AssetList:  # fmt: skip
    """The rows the filter keeps (missing references first, then newest first), and counts."""
    if usage is None:
        usage, refused = _usage(catalog)
    else:
        refused = refused_references(catalog)
    usage, missing = usage_in_index(index, usage)
    since = new_since(seen)
    top = best_posts(catalog) if query.top else frozenset()

    def row(key: str, entry: AssetEntry | None, use: Usage | None) -> AssetRow:
        return AssetRow(
            path=key, kind=kind_of(key), size=entry.size if entry else 0, modified=entry.mtime if entry else 0.0,
            is_new=bool(entry and entry.arrived > since), missing=entry is None,
            post_ids=tuple(use.post_ids) if use else (), titles=tuple(use.titles) if use else (),
            last_used=use.last_used if use else None, categories=frozenset(use.categories) if use else frozenset(),
            top=bool(use and top.intersection(use.post_ids)),
        )  # fmt: skip

    rows: list[AssetRow] = []
    matched = 0
    for _key, use in sorted(refused.items()):
        candidate = row(use.stored, None, use)._replace(refused=True, kind="other")
        if query.matches(candidate, today):
            matched += 1
            if len(rows) < limit:
                rows.append(candidate)
    for _key, use in sorted(missing.items()):
        candidate = row(use.stored, None, use)
        if query.matches(candidate, today):
            matched += 1
            if len(rows) < limit:
                rows.append(candidate)
    new_count = unused = 0
    empty, entries = query.empty, index.entries
    for key in index.newest_first():  # 20,000 files: keep this loop plain
        entry = entries[key]
        used = usage.get(key)
        new_count += entry.mtime > since or entry.ctime > since
        unused += used is None
        if empty:
            matched += 1
            if len(rows) < limit:
                rows.append(row(key, entry, used))
            continue
        candidate = row(key, entry, used)
        if query.matches(candidate, today):
            matched += 1
            if len(rows) < limit:
                rows.append(candidate)
    return AssetList(rows, len(index.entries), matched, new_count, unused, len(missing), len(refused))


def scan_index(catalog: Catalog) -> AssetIndex:
    """A ready index, scanned now (for the command line)."""
    index = AssetIndex(asset_root(catalog))
    index.load(scan_folder(index.root, unreadable=index.unreadable))
    return index


# -- links that follow renames -----------------------------------------------------------------


def relink(catalog: Catalog, moves: list[Move]) -> int:
    """Carry the posts' references along renames and moves inside the folder: one batch write.
    Returns how many posts changed."""
    if not moves:
        return 0
    changes = []
    for post_id, doc in catalog.workspace.view(POSTS).items():
        refs = doc.get("assets")
        if isinstance(refs, list) and refs:
            moved = moved_references([r for r in refs if isinstance(r, str)], moves)
            if moved is not None:
                changes.append((POSTS, post_id, "assets", list(moved)))
    if changes:
        catalog.workspace.write(changes)
    return len(changes)


def referenced_keys(catalog: Catalog, index: AssetIndex) -> set[str]:
    usage, _ = usage_in_index(index, usage_by_asset(catalog))
    return set(usage)




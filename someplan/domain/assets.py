"""Assets: the rules about files in the asset folder, without touching the disk.

- Which names are not assets (yet): sync tools' temp and partial files, system litter, hidden files.
- What a reference is: a relative path inside the asset root, with `/`, in Unicode NFC (macOS
  writes names as NFD; a caption typed on Windows is NFC; both must name the same file).
- How a rename or move inside the folder carries a post's references along.
- The asset filter language of the assets pane and `someplan assets`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from someplan.i18n import _

# -- what is not an asset ----------------------------------------------------------------------

IGNORED_NAMES = frozenset({"desktop.ini", "thumbs.db", "icon\r", ".ds_store", "$recycle.bin", "@eadir"})
IGNORED_PREFIXES = (".", "~$", "~syncthing~")  # hidden, Office locks, Syncthing temp; also .~* .dropbox* .syncthing.*
IGNORED_SUFFIXES = (".tmp", ".temp", ".part", ".partial", ".crdownload", ".download", ".icloud", ".swp", "~",
                    ".!sync", ".filepart")  # fmt: skip


def is_ignored_name(name: str) -> bool:
    """True for a file or folder name that is not an asset (yet): temp, partial, hidden, litter."""
    lowered = name.lower()
    return lowered in IGNORED_NAMES or lowered.startswith(IGNORED_PREFIXES) or lowered.endswith(IGNORED_SUFFIXES)


def is_ignored_path(rel: str) -> bool:
    return any(is_ignored_name(part) for part in rel.split("/") if part)


# -- kinds -------------------------------------------------------------------------------------

IMAGE_EXTENSIONS = frozenset("jpg jpeg png gif webp heic heif tif tiff bmp avif dng raw cr2 nef arw".split())
VIDEO_EXTENSIONS = frozenset("mp4 mov m4v avi mkv webm mts 3gp wmv".split())
KINDS = ("image", "video", "other")


def kind_of(name: str) -> str:
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return "image" if extension in IMAGE_EXTENSIONS else "video" if extension in VIDEO_EXTENSIONS else "other"


# -- references --------------------------------------------------------------------------------

LEGACY_PREFIX = "assets/"  # early versions stored references with the default folder's name in front
_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class BadReference(ValueError):
    """A reference that does not stay inside the asset folder, or is not a path at all."""


def normal_reference(ref: str) -> str:
    """The reference as stored and compared: NFC, `/` separators, no `.` or empty parts.

    Refuses (BadReference) absolute paths, drive letters, `..` and control characters: a
    reference always names something inside the asset root. Symlinks are checked on disk.
    """
    text = unicodedata.normalize("NFC", ref.strip()).replace("\\", "/")
    if not text:
        raise BadReference(_("an empty path"))
    if text.startswith("/") or _DRIVE.match(text):
        raise BadReference(_("{path!r} is absolute: give a path inside the asset folder").format(path=ref))
    if _CONTROL.search(text):
        raise BadReference(_("{path!r} holds control characters").format(path=ref))
    parts = [part for part in text.split("/") if part not in ("", ".")]
    if ".." in parts:
        raise BadReference(_("{path!r} leads out of the asset folder ('..')").format(path=ref))
    if not parts:
        raise BadReference(_("{path!r} names no file").format(path=ref))
    return "/".join(parts)


def reference_key(ref: str) -> str | None:
    """The key a stored reference is looked up by, or None for one that is refused."""
    try:
        return normal_reference(ref)
    except BadReference:
        return None


# -- renames and moves -------------------------------------------------------------------------


@dataclass(frozen=True)
class Move:
    """A file or folder renamed or moved inside the asset folder (paths relative to the root)."""

    old: str
    new: str
    is_folder: bool = False

    def apply(self, ref: str) -> str | None:
        """Where `ref` is now, or None when this move does not touch it."""
        if ref == self.old:
            return self.new
        if self.is_folder and ref.startswith(self.old + "/"):
            return self.new + ref[len(self.old) :]
        return None


def moved_references(refs: Sequence[str], moves: Sequence[Move]) -> tuple[str, ...] | None:
    """The references after the moves (applied in order), or None when none of them moved.

    A reference is matched by its normal form (NFC, legacy `assets/` prefix tolerated); one that
    did not move is kept exactly as stored.
    """
    changed = False
    result = []
    for ref in refs:
        key = reference_key(ref)
        if key is not None and key.startswith(LEGACY_PREFIX) and not any(m.apply(key) for m in moves):
            key = key[len(LEGACY_PREFIX) :]
        current = key
        for move in moves:
            if current is not None and (after := move.apply(current)) is not None:
                current = after
        if current is not None and current != key:
            result.append(current)
            changed = True
        else:
            result.append(ref)
    return tuple(result) if changed else None


# -- the filter language -----------------------------------------------------------------------


class AssetRow(NamedTuple):
    """One asset as the pane and `someplan assets` show it (a tuple: 20,000 are made quickly)."""

    path: str
    kind: str
    size: int
    modified: float  # file's mtime (POSIX seconds)
    is_new: bool = False
    missing: bool = False  # referenced by posts, not found in the folder
    post_ids: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    last_used: dt.date | None = None
    categories: frozenset[str] = frozenset()  # category names, casefolded
    top: bool = False  # used in a top-performing post
    refused: bool = False  # a reference leading out of the folder (`..`, absolute): never read, listed

    @property
    def folder(self) -> str:
        return self.path.rpartition("/")[0]

    @property
    def uses(self) -> int:
        return len(self.post_ids)


@dataclass(frozen=True)
class AssetQuery:
    """`new`, `unused`, `unused:6` (no use in 6 months), `top`, `missing`, `folder:natur`,
    `type:image|video|other`, `category:ansatte`; other words match the path."""

    new: bool = False
    unused: bool = False
    unused_months: int | None = None
    top: bool = False
    missing: bool = False
    folder: str | None = None
    kind: str | None = None
    category: str | None = None
    words: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str) -> AssetQuery:
        fields: dict[str, Any] = {}
        words, problems = [], []
        for word in unicodedata.normalize("NFC", text).casefold().split():
            name, _colon, value = word.partition(":")
            if word in ("new", "ny", "nye"):
                fields["new"] = True
            elif word in ("unused", "ubrukt"):
                fields["unused"] = True
            elif word in ("top", "topp"):
                fields["top"] = True
            elif word in ("missing", "mangler"):
                fields["missing"] = True
            elif name in ("unused", "ubrukt") and value:
                if value.isdigit() and 0 < int(value) < 1000:
                    fields["unused_months"] = int(value)
                else:
                    problems.append(_("unused:{value}: give months, like unused:6").format(value=value))
            elif name in ("folder", "mappe") and value:
                fields["folder"] = value.strip("/")
            elif name in ("type", "kind") and value:
                if value in KINDS:
                    fields["kind"] = value
                else:
                    problems.append(_("type:{value}: use image, video or other").format(value=value))
            elif name in ("category", "kategori") and value:
                fields["category"] = value
            elif _colon:  # a key it does not know (or one without its value) would match no file, silently
                problems.append(_("{word}: not a filter; use new, unused, unused:6, top, missing, folder:…, type:…, "
                                  "category:…").format(word=word))  # fmt: skip
            else:
                words.append(word)
        return cls(**fields, words=tuple(words), problems=tuple(problems))

    @property
    def empty(self) -> bool:
        return self == AssetQuery()

    def matches(self, row: AssetRow, today: dt.date) -> bool:
        if self.new and not row.is_new:
            return False
        if self.missing and not row.missing:
            return False
        if self.unused and row.post_ids:
            return False
        if self.unused_months is not None and row.last_used is not None:
            if row.last_used > months_before(today, self.unused_months):
                return False
        if self.top and not row.top:
            return False
        if self.kind and row.kind != self.kind:
            return False
        path = row.path.casefold()
        if self.folder and not (path.startswith(self.folder + "/") or f"/{self.folder}/" in f"/{path}"):
            return False
        if self.category and not any(self.category in name for name in row.categories):
            return False
        return all(word in path for word in self.words)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier (clamped to the month's last day)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def top_post_ids(rates: Iterable[tuple[str, float]], share: float = 0.1) -> frozenset[str]:
    """The best `share` of posts by engagement rate (at least one post when any has a rate)."""
    ranked = sorted(rates, key=lambda pair: -pair[1])
    if not ranked:
        return frozenset()
    keep = max(1, round(len(ranked) * share))
    return frozenset(post_id for post_id, _rate in ranked[:keep])

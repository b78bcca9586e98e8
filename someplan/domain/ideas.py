"""Ideas: notes, photos, videos and voice memos colleagues drop into the workspace's ideas folder.

The dropped files are never edited, moved or deleted; what became of an idea (made a draft, set
aside) is a record of the `ideas` table, keyed by the file's content fingerprint, so a rename of
the file keeps its record. Pure rules here: who dropped an idea, its preview and title, the
category its words suggest, and the name `someplan idea` gives a note.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from someplan.domain.assets import kind_of
from someplan.domain.category import Category
from someplan.domain.doc_fields import DocReader

TEXT_EXTENSIONS = frozenset({"txt", "md", "markdown", "text", ""})
AUDIO_EXTENSIONS = frozenset("m4a mp3 wav aac ogg opus amr caf".split())
PREVIEW_LINES = 3
TITLE_WIDTH = 80

# "Fra: Kari" / "From: Kari" on the first line of a note; Markdown's "**Fra:** Kari" too.
_FROM = re.compile(r"^\W*(?:fra|from)\W*:\W*\s*(?P<name>.+?)\s*$", re.IGNORECASE)
# "Kari - ny meny.jpg", "Kari – tips.md": the name before a spaced dash.
_NAME_IN_FILE = re.compile(r"^(?P<name>[^\W\d_][\w .'’]*?)\s+[-–—]\s+\S")
_WORD = re.compile(r"\w+")


class IdeaState(StrEnum):
    NEW = "new"
    DRAFTED = "drafted"
    SET_ASIDE = "set_aside"


@dataclass(frozen=True)
class IdeaRecord:
    """What became of an idea; `id` is the dropped file's content fingerprint."""

    id: str
    state: IdeaState = IdeaState.NEW
    post: str = ""  # the draft made from it
    contributor: str = ""  # person id
    name: str = ""  # the file's name when the record was last written (a rename does not matter)

    @classmethod
    def from_doc(cls, doc: object, id: str) -> IdeaRecord:
        reader = DocReader(doc)
        return cls(id, reader.choice("state", IdeaState, IdeaState.NEW), reader.text("post"),
                   reader.text("contributor"), reader.text("name"))  # fmt: skip


def extension(name: str) -> str:
    base = name.rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""


def is_note(name: str) -> bool:
    return extension(name) in TEXT_EXTENSIONS


def kind_of_idea(name: str) -> str:
    """note, image, video, audio or other."""
    if is_note(name):
        return "note"
    if extension(name) in AUDIO_EXTENSIONS:
        return "audio"
    return kind_of(name)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def named_in_text(text: str) -> str | None:
    """The contributor named on a note's first line ("Fra: Kari Solheim")."""
    lines = _lines(text)
    found = _FROM.match(lines[0]) if lines else None
    return found.group("name").strip("*_ ") or None if found else None


def body(text: str) -> str:
    """The note without its "Fra:" line."""
    lines = text.strip().splitlines()
    if lines and _FROM.match(lines[0].strip()):
        lines = lines[1:]
    return "\n".join(lines).strip()


def contributor(text: str | None, rel: str, devices: Mapping[str, str]) -> str:
    """Who dropped the idea: the note's "Fra:" line, else the sub-folder it lies in (`kari/…`),
    else a name before a dash in the file name, else the device whose id the name holds (the
    notes `someplan idea` writes), else ""."""
    if text:
        named = named_in_text(text)
        if named:
            return named
    parts = rel.split("/")
    if len(parts) > 1:
        return parts[0].strip()
    stem = parts[-1].rsplit(".", 1)[0] if "." in parts[-1] else parts[-1]
    found = _NAME_IN_FILE.match(stem)
    if found:
        return found.group("name").strip()
    return next((name for device, name in devices.items() if device and device[:8] in stem), "")


def preview(text: str, lines: int = PREVIEW_LINES) -> list[str]:
    """The first lines of a note, Markdown heading marks dropped."""
    return [line.lstrip("#").strip() or line for line in _lines(body(text))[:lines]]


def title_of(text: str | None, rel: str) -> str:
    """A draft's title: the note's first line (its Markdown heading marks dropped), else the file name."""
    first = next(iter(_lines(body(text or ""))), "")
    first = first.lstrip("#").strip()
    if not first:
        base = rel.rsplit("/", 1)[-1]
        first = base.rsplit(".", 1)[0] if "." in base else base
    return first if len(first) <= TITLE_WIDTH else first[: TITLE_WIDTH - 1].rstrip() + "…"


def _stems(text: str) -> set[str]:
    # Norwegian inflects by endings (ansatt, ansatte, ansattes): compare the first five letters.
    return {word[:5] for word in _WORD.findall(text.casefold()) if len(word) >= 4}


def guess_category(text: str, categories: Iterable[Category]) -> str | None:
    """The category whose name (counted twice) and batch question share most words with the
    text; None when none shares a word. Ties go to the first in the order given."""
    words = _stems(text)
    best, best_score = None, 0
    for category in categories:
        score = 2 * len(words & _stems(category.name)) + len(words & _stems(category.question))
        if score > best_score:
            best, best_score = category.id, score
    return best


def note_name(when: dt.datetime, device_id: str, token: str) -> str:
    """A new note's file name: the time, this device and a random token, so two machines (or two
    runs within a second) never pick the same name, and the names sort by time."""
    return f"{when:%Y-%m-%d-%H%M%S}-{device_id[:8]}-{token}.md"


_NOTE_STEM = re.compile(r"^(?P<stem>(?:.*/)?\d{4}-\d\d-\d\d-\d{6}-[^-/]+-[0-9a-f]{6})-[^/]+$")


def note_stem_of_attachment(key: str) -> str | None:
    """`…/2026-11-18-093000-ab12cd34-0f0f0f-foto.jpg` → the stem of the note it was copied beside."""
    found = _NOTE_STEM.match(key)
    return found.group("stem") if found else None


def note_text(text: str, from_line: str) -> str:
    return f"{from_line}\n\n{text.strip()}\n" if from_line else f"{text.strip()}\n"

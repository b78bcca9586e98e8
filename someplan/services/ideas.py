"""The ideas inbox: the files in the workspace's ideas folder, what became of each, and the acts
that change that (a draft, set aside, brought back), plus the note `someplan idea` drops.

The folder is read with the asset machinery (`scan_folder`, the same ignored names, the asset
watcher in the planner), so a half-synced or temp file is never an idea. Dropped files are only
ever read. An idea is known by its content fingerprint (`fingerprint`: size and a hash of the
first and last 64 KB), so renaming or moving a file keeps what became of it, on every machine.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import secrets
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from someplan.domain import ideas as rules
from someplan.domain.assets import Move, is_ignored_name
from someplan.domain.ideas import IdeaRecord, IdeaState
from someplan.i18n import N_, _, language
from someplan.services.assets import AssetEntry, asset_root, fingerprint, scan_folder
from someplan.services.catalog import PEOPLE, POSTS, Catalog
from someplan.services.errors import UserError
from someplan.services.idea_folder import ideas_root as ideas_root
from someplan.store.atomic import TEMP_PREFIX, atomic_write, fsync_folder
from someplan.store.ops import DELETED
from someplan.store.workspace import new_record_id

if TYPE_CHECKING:
    from someplan.domain.person import Person
    from someplan.services.report import IdeaLine

IDEAS = "ideas"
TEXT_READ_BYTES = 64 * 1024  # a note longer than this is previewed and drafted from its start


@dataclass
class Idea:
    key: str  # path relative to the ideas folder, NFC, `/`
    entry: AssetEntry
    id: str  # content fingerprint: the key of its record
    kind: str  # note, image, video, audio, other
    text: str | None  # a note's text
    contributor: str  # who dropped it, as far as can be told ("" unknown)
    record: IdeaRecord | None = None
    attachment: str | None = None  # the file `someplan idea --file` copied beside this note


    @property
    def state(self) -> IdeaState:
        return self.record.state if self.record else IdeaState.NEW

    @property
    def when(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.entry.mtime)  # when dropped; ctime is when it synced here

    def preview(self) -> list[str]:
        if self.text is not None:
            return rules.preview(self.text)
        return [self.key.rsplit("/", 1)[-1], size_text(self.entry.size)]

    def title(self) -> str:
        return rules.title_of(self.text, self.key)


def size_text(size: int) -> str:
    """ "16.4 KB" in English, "16,4 KB" in Bokmål."""
    if size < 1024:
        return f"{size} B"
    value, unit = (size / 1024, "KB") if size < 1024 * 1024 else (size / 1024 / 1024, "MB")
    text = f"{value:.1f} {unit}"
    return text.replace(".", ",") if language() == "nb" else text


class IdeaBox:
    """The ideas folder's files in memory, read once each (fingerprint, a note's text); kept up to
    date by the asset watcher's changes in the planner."""

    def __init__(self, root: Path, devices: Mapping[str, str]) -> None:
        self.root = root
        self.devices = dict(devices)
        self.items: dict[str, Idea] = {}

    def load(self, entries: Mapping[str, AssetEntry]) -> None:
        self.items = {}
        for key, entry in entries.items():
            self.put(key, entry)

    def put(self, key: str, entry: AssetEntry) -> None:
        path = self.root / (entry.disk or key)
        print_ = fingerprint(path, entry.size)
        if print_ is None:
            return  # gone again, or unreadable: the next event tells
        text = None
        kind = rules.kind_of_idea(key)
        if kind == "note":
            try:
                with open(path, "rb") as file:
                    text = file.read(TEXT_READ_BYTES).decode("utf-8-sig", "replace")
            except OSError:
                return
        self.items[key] = Idea(key, entry, print_, kind, text, rules.contributor(text, key, self.devices))

    def remove(self, key: str) -> None:
        self.items.pop(key, None)
        prefix = key + "/"
        for inner in [k for k in self.items if k.startswith(prefix)]:  # a folder went
            del self.items[inner]

    def move(self, move: Move) -> None:
        moved = {k: new for k in self.items if (new := move.apply(k)) is not None}
        for key, new in moved.items():
            idea = self.items.pop(key)
            text = idea.text
            self.items[new] = dataclasses.replace(idea, key=new, contributor=rules.contributor(text, new, self.devices))

    def apply(self, changes: list[Any]) -> None:
        """The asset watcher's changes (Added, Removed, Moved)."""
        from someplan.services.asset_changes import Added, Moved, Removed

        for change in changes:
            if isinstance(change, Added):
                self.put(change.key, change.entry)
            elif isinstance(change, Removed):
                self.remove(change.key)
            elif isinstance(change, Moved):
                self.move(change.move)


def read_box(catalog: Catalog) -> IdeaBox:
    root = ideas_root(catalog)
    box = IdeaBox(root, catalog.workspace.devices())
    box.load(scan_folder(root) if root.is_dir() else {})
    return box


def records(catalog: Catalog) -> dict[str, IdeaRecord]:
    return {rid: IdeaRecord.from_doc(doc, rid) for rid, doc in catalog.workspace.view(IDEAS).items()}


def listing(catalog: Catalog, box: IdeaBox, everything: bool = False) -> list[Idea]:
    """The ideas, newest first: only the new ones unless `everything`. Two files with the same
    content are one idea (a copy dropped twice), listed under the first name."""
    known = records(catalog)
    seen: set[str] = set()
    found = []
    attached = _attachments(box)
    files_of_notes = set(attached.values())  # listed with their note, not as ideas of their own
    for idea in sorted(box.items.values(), key=lambda i: (-i.entry.mtime, i.key)):
        if idea.id in seen or idea.key in files_of_notes:
            continue
        idea.attachment = attached.get(idea.key)
        seen.add(idea.id)
        idea.record = known.get(idea.id)
        if everything or idea.state is IdeaState.NEW:
            found.append(idea)
    return found


def _attachments(box: IdeaBox) -> dict[str, str]:
    """note key -> the file `someplan idea --file` copied beside it (named after the note)."""
    found = {}
    for key, idea in box.items.items():
        if idea.kind == "note":
            continue
        stem = rules.note_stem_of_attachment(key)
        if stem and f"{stem}.md" in box.items:
            found[f"{stem}.md"] = key
    return found


def new_count(catalog: Catalog) -> int:
    return len(listing(catalog, read_box(catalog)))


# -- acts ------------------------------------------------------------------------------------


def _record_fields(idea: Idea, **fields: Any) -> dict[str, Any]:
    return {"name": idea.key, **fields}


def draft_with_undo(catalog: Catalog, idea: Idea) -> tuple[str, Any]:
    """`make_draft`, and its `Undo`: the draft deleted and the idea's record as it was before (a
    new idea had none: it is new again). A contributor the draft added stays in the registry: a
    person is not taken back with a post."""
    from someplan.services.undo import Undo  # here: `someplan status` counts ideas without undo

    before = dict(catalog.workspace.view(IDEAS).get(idea.id) or {})
    post_id = make_draft(catalog, idea)
    changes = [(POSTS, post_id, DELETED, True), (IDEAS, idea.id, "state", before.get("state", IdeaState.NEW.value)),
               (IDEAS, idea.id, "post", before.get("post"))]  # fmt: skip
    return post_id, Undo(_("drafting “{title}”").format(title=idea.title()), tuple(changes))


def set_aside(catalog: Catalog, idea: Idea, aside: bool = True) -> None:
    """`x`: set aside, or (again) brought back to new. A drafted idea keeps its draft."""
    state = IdeaState.SET_ASIDE if aside else IdeaState.NEW
    fields = _record_fields(idea, state=state.value)
    catalog.workspace.write((IDEAS, idea.id, k, v) for k, v in fields.items())


def _contributor(catalog: Catalog, name: str) -> tuple[Person | None, list[tuple[str, str, str, Any]]]:
    """The contributor's person and the changes that add or mark them, for the caller to write in
    its own batch (a draft and its credited person are saved together or not at all)."""
    from someplan.domain.person import Person  # here: `someplan status` counts ideas without people

    name = name.strip()
    if not name:
        return None, []
    person = next((p for p in catalog.people() if p.name.casefold() == name.casefold()), None)
    if person is None:
        person = Person(id=new_record_id(), name=name, contributor=True)
        return person, [(PEOPLE, person.id, k, v) for k, v in person.to_doc().items()]
    if not person.contributor:
        return person, [(PEOPLE, person.id, "contributor", True)]
    return person, []


def make_draft(catalog: Catalog, idea: Idea) -> str:
    """`enter`: a draft from the idea (undated, in the backlog), its category guessed from its
    words, its file attached (an asset reference when the file lies in the asset folder, else a
    note naming it in the ideas folder), the contributor credited. Returns the post id."""
    from someplan.domain.post import Post, Status

    text = rules.body(idea.text or "")
    rotation = catalog.rotation()
    category = rules.guess_category(f"{text} {idea.key}", rotation)
    channel = next((c.channel for c in rotation if c.id == category), None)  # the category's preferred one
    person, person_changes = _contributor(catalog, idea.contributor)
    assets: tuple[str, ...] = ()
    notes = text
    file = idea.key if idea.kind != "note" else idea.attachment
    if file:
        path = (ideas_root(catalog) / file).resolve()
        assets_at = asset_root(catalog).resolve()
        if path.is_relative_to(assets_at):
            assets = (path.relative_to(assets_at).as_posix(),)
        else:
            where = path.relative_to(catalog.workspace.root.resolve()).as_posix() if path.is_relative_to(
                catalog.workspace.root.resolve()) else str(path)  # fmt: skip
            notes = (notes + "\n" if notes else "") + _("Idea file: {path}").format(path=where)
    post = Post(id=new_record_id(), title=idea.title(), status=Status.DRAFT, channel=channel, category=category, assets=assets,
                notes=notes, idea=idea.id, contributor=person.id if person else "")  # fmt: skip
    fields = _record_fields(idea, state=IdeaState.DRAFTED.value, post=post.id, contributor=post.contributor)
    changes = person_changes + [(POSTS, post.id, k, v) for k, v in post.to_doc().items()]
    changes += [(IDEAS, idea.id, k, v) for k, v in fields.items()]
    catalog.workspace.write(changes)  # the person, the draft and the record in one batch: never one without the others
    return post.id


def add_note(catalog: Catalog, text: str, file: Path | None, from_name: str, now: dt.datetime) -> list[Path]:
    """`someplan idea "…" [--file F] [--from NAME]`: a new note in the ideas folder, written
    atomically under a name no other machine can pick, and the file copied beside it. Nothing
    existing is touched. The paths written."""
    if not text.strip() and file is None:
        raise UserError(_("an idea needs words or a file"))
    if file is not None and not file.is_file():
        raise UserError(_("no such file: {path}").format(path=file))
    root = ideas_root(catalog)
    root.mkdir(parents=True, exist_ok=True)
    identity = catalog.workspace.identity
    device = identity.device_id if identity else "unknown"
    name = rules.note_name(now, device, secrets.token_hex(3))
    who = from_name.strip() or (identity.name if identity else "")
    written = []
    if file is not None:
        stem = name.rsplit(".", 1)[0]
        base = file.name if not is_ignored_name(file.name) else file.name.lstrip(".~$")
        target = root / f"{stem}-{base}"
        temp = root / f"{TEMP_PREFIX}{secrets.token_hex(6)}.tmp"  # a temp name: never seen as an idea
        try:
            shutil.copyfile(file, temp)
            with open(temp, "rb+") as copied:
                os.fsync(copied.fileno())
            os.replace(temp, target)
        finally:
            temp.unlink(missing_ok=True)
        fsync_folder(root)
        written.append(target)
        if not text.strip():
            text = file.name
    from_line = _("From: {name}").format(name=who) if who else ""
    note = root / name
    atomic_write(note, rules.note_text(text, from_line).encode("utf-8"))
    written.insert(0, note)
    return written


OUTCOMES = {IdeaState.NEW: "", IdeaState.DRAFTED: N_("made a draft"), IdeaState.SET_ASIDE: N_("set aside")}


def report_lines(catalog: Catalog, first: dt.date, last: dt.date) -> list[IdeaLine]:
    """The report's "ideas that came in": those dropped from `first` to `last`, oldest first."""
    from someplan.services.report import IdeaLine

    found = [idea for idea in listing(catalog, read_box(catalog), everything=True) if first <= idea.when.date() <= last]
    found.sort(key=lambda idea: (idea.entry.mtime, idea.key))
    return [IdeaLine(idea.contributor or "?", idea.when.date(), idea.title(),
                     _(OUTCOMES[idea.state]) if OUTCOMES[idea.state] else "")
            for idea in found]  # fmt: skip


def contributors(catalog: Catalog) -> list[tuple[Person, int]]:
    """Contributors by how many posts were made of their ideas (deleted posts not counted), most first."""
    used: dict[str, int] = {}
    for doc in catalog.workspace.view(POSTS).values():
        who = doc.get("contributor")
        if isinstance(who, str) and who:
            used[who] = used.get(who, 0) + 1
    people = [p for p in catalog.people() if p.contributor or p.id in used]
    return sorted(((p, used.get(p.id, 0)) for p in people), key=lambda pair: (-pair[1], pair[0].name.casefold()))

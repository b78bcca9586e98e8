"""Keep the Bokmål catalog in step with the source (needs Babel: ``pip install -e '.[test]'``).

    python tools/i18n.py check              what is untranslated, stale or broken (exit 1 if any)
    python tools/i18n.py missing PART       add the untranslated messages to locale/nb/PART.po
    python tools/i18n.py compile            write locale/nb/LC_MESSAGES/someplan.mo
    python tools/i18n.py prune              drop entries the source no longer has

The catalog is kept in several `.po` files (by area: cli, tui, …) so that work on different
parts of the program does not collide in one file; `compile` joins them, as `msgcat` would.
Entries are sorted and carry no source locations, so a moved line changes no catalog.
"""

from __future__ import annotations

import functools
import io
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "someplan"
PARTS = SOURCE / "locale" / "nb"
MO_FILE = PARTS / "LC_MESSAGES" / "someplan.mo"
KEYWORDS = DEFAULT_KEYWORDS
_FIELDS = re.compile(r"\{[^{}]*\}|%(?:\([^)]*\))?[sdrfi]")


def _key(message) -> tuple[str, str | None]:
    msgid = message.id[0] if isinstance(message.id, tuple) else message.id
    return msgid, message.context


@functools.cache
def extracted() -> dict[tuple[str, str | None], object]:
    """Every message the source marks, keyed by (msgid, context). Read once a run (about 0.3 s):
    `check` and `compile` both need it, and the source does not change meanwhile."""
    found = {}
    for filename, _lineno, message, _comments, context in extract_from_dir(
        SOURCE, method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        if isinstance(message, tuple):
            if not all(message):
                continue
        elif not message:
            continue
        found.setdefault((message[0] if isinstance(message, tuple) else message, context), message)
    return found


def read_part(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale="nb", abort_invalid=True)


def parts() -> dict[str, Catalog]:
    return {path.stem: read_part(path) for path in sorted(PARTS.glob("*.po"))}


@dataclass
class Report:
    missing: list[tuple[str, str | None]] = field(default_factory=list)
    untranslated: list[tuple[str, str]] = field(default_factory=list)  # (part, msgid)
    fuzzy: list[tuple[str, str]] = field(default_factory=list)
    stale: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)  # (msgid, part, part)
    fields: list[tuple[str, str]] = field(default_factory=list)  # placeholder mismatches
    plural: list[tuple[str, str]] = field(default_factory=list)  # plural entry without plural forms

    def problems(self) -> list[str]:
        lines = [f"not in the catalog: {msgid!r}" + (f" (context {ctx!r})" if ctx else "") for msgid, ctx in self.missing]
        lines += [f"{part}.po: no translation for {msgid!r}" for part, msgid in self.untranslated]
        lines += [f"{part}.po: fuzzy {msgid!r}" for part, msgid in self.fuzzy]
        lines += [f"{part}.po: the source no longer has {msgid!r}" for part, msgid in self.stale]
        lines += [f"{a}.po and {b}.po both have {msgid!r}" for msgid, a, b in self.duplicates]
        lines += [f"{part}.po: placeholders differ in {msgid!r}" for part, msgid in self.fields]
        lines += [f"{part}.po: plural forms missing for {msgid!r}" for part, msgid in self.plural]
        return lines


def _fields(text: str) -> list[str]:
    return sorted(_FIELDS.findall(text))


def check() -> Report:
    report = Report()
    source = extracted()
    seen: dict[tuple[str, str | None], str] = {}
    for name, catalog in parts().items():
        for message in catalog:
            if not message.id:
                continue  # the header
            key = _key(message)
            if key in seen:
                report.duplicates.append((key[0], seen[key], name))
            seen[key] = name
            if key not in source:
                report.stale.append((name, key[0]))
                continue
            if message.fuzzy:
                report.fuzzy.append((name, key[0]))
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if not all(strings):
                report.untranslated.append((name, key[0]))
                continue
            if isinstance(source[key], tuple) and not isinstance(message.id, tuple):
                report.plural.append((name, key[0]))
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            wanted = _fields(ids[-1])
            if _fields(strings[-1]) != wanted or not set(_fields(strings[0])) <= set(wanted):
                # a singular form may drop the count ("ett innlegg"); the plural may not
                report.fields.append((name, key[0]))
    report.missing = sorted((key for key in source if key not in seen), key=lambda k: (k[0], k[1] or ""))
    return report


def joined() -> Catalog:
    """All parts as one catalog, without entries the source no longer has."""
    source = extracted()
    whole = new_part()
    for catalog in parts().values():
        for message in catalog:
            if message.id and _key(message) in source and not message.fuzzy:
                whole.add(message.id, message.string, context=message.context)
    return whole


def compile_mo() -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, joined(), use_fuzzy=False)
    return buffer.getvalue()


def messages(mo: bytes) -> dict[tuple[object, str | None], object]:
    """What a compiled catalog translates, without its header: the header names the Babel
    version that wrote it, so two current catalogs from two machines differ in bytes only there."""
    catalog = read_mo(io.BytesIO(mo))
    def frozen(value):
        return tuple(value) if isinstance(value, list | tuple) else value

    return {(frozen(message.id), message.context): frozen(message.string) for message in catalog if message.id}


def write_part(path: Path, catalog: Catalog) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, no_location=True, omit_header=False, sort_output=True)
    path.write_bytes(buffer.getvalue())


def new_part() -> Catalog:
    import datetime as dt

    fixed = dt.datetime(2026, 11, 22, tzinfo=dt.timezone.utc)  # a constant header: parts merge cleanly
    return Catalog(
        locale="nb", domain="someplan", project="someplan", version="", copyright_holder="someplan",
        msgid_bugs_address="", creation_date=fixed, revision_date=fixed, last_translator="someplan",
        language_team="nb", fuzzy=False, header_comment="# Norwegian Bokmål for someplan; see tools/i18n.py.",
    )


def add_missing(part: str) -> int:
    path = PARTS / f"{part}.po"
    catalog = read_part(path) if path.exists() else new_part()
    source, missing = extracted(), check().missing
    for key in missing:
        catalog.add(source[key], "" if not isinstance(source[key], tuple) else ("", ""), context=key[1])
    write_part(path, catalog)
    return len(missing)


def prune() -> int:
    source = extracted()
    dropped = 0
    for name, catalog in parts().items():
        for message in list(catalog):
            if message.id and _key(message) not in source:
                catalog.delete(message.id, context=message.context)
                dropped += 1
        write_part(PARTS / f"{name}.po", catalog)
    return dropped


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "check":
        problems = check().problems()
        for line in problems:
            print(line)
        print(f"{len(problems)} problem(s)" if problems else "the catalog is complete")
        if not MO_FILE.exists() or messages(MO_FILE.read_bytes()) != messages(compile_mo()):
            print("someplan.mo is out of date: run python tools/i18n.py compile")
            return 1
        return 1 if problems else 0
    if command == "missing" and len(argv) == 2:
        print(f"{add_missing(argv[1])} message(s) added to {argv[1]}.po")
        return 0
    if command == "compile":
        MO_FILE.parent.mkdir(parents=True, exist_ok=True)
        MO_FILE.write_bytes(compile_mo())
        print(f"wrote {MO_FILE.relative_to(ROOT)}")
        return 0
    if command == "prune":
        print(f"{prune()} stale entr(y/ies) dropped")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

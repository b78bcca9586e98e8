"""Ops, the unit of every edit, and their line format in segment files.

An op sets one field of one record. One op is one line of JSON:

    {"c":"1a2b3c4d","i":"<stamp>","t":"posts","r":"<record id>","f":"title","p":"<stamp>","v":"…"}

``c`` is the CRC-32 of the line's bytes after that 16-character prefix, so a line that was
truncated by a half-finished sync, hand-edited or damaged is recognised and skipped while every
other line still counts. ``i`` is the HLC stamp (globally unique and the last-writer-wins order),
``p`` the stamp of the value this op replaced as its writer saw it (how we tell a concurrent edit
that lost from an ordinary later edit), ``v`` the value; no ``v`` means the field was removed.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from someplan.store.hlc import STAMP_RE


class _Unset:
    __slots__ = ()

    def __repr__(self) -> str:
        return "UNSET"

    def __reduce__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()
"""The value of an op that removes a field."""

DELETED = "_deleted"
"""The field whose true value makes a record a tombstone (restorable: set it false)."""

PREFIX = b'{"c":"'
PREFIX_LEN = 16
MAX_NAME_LEN = 128


class Op(NamedTuple):
    stamp: str
    table: str
    record: str
    field: str
    value: Any
    prev: str | None
    crc: str

    @property
    def order_key(self) -> str:
        return order_key(self.stamp, self.crc, self.prev)


def order_key(stamp: str, crc: str, prev: str | None) -> str:
    """Where an op sorts among the ops of its field: the greatest wins.

    The stamp orders ops; the CRC only breaks a tie between two different ops that carry the
    same stamp (two machines that wrongly share a device id), so the choice is deterministic.
    An op that names as the value it replaced (`prev`) one stamped later than itself was made
    after seeing a stamp from a clock far ahead (20 years, or a forged 9999999999999) that its
    own clock would not follow: it sorts right after that value, so the later real edit wins
    on every machine, whatever their clocks say. The real stamp is always the key's last 39
    characters (`real_stamp`)."""
    key = stamp + crc
    return prev + "~" + key if prev is not None and prev > stamp else key


def real_stamp(key: str) -> str:
    """The stamp of the op an order key belongs to."""
    return key[-39:-8]


def anchor_stamp(key: str) -> str:
    """The stamp an order key sorts by: a new op stamped before it must name it as its prev."""
    return key[:31]


def encode(stamp: str, table: str, record: str, field_name: str, value: Any, prev: str | None) -> bytes:
    """One op as its line (with the trailing newline)."""
    body: dict[str, Any] = {"i": stamp, "t": table, "r": record, "f": field_name, "p": prev}
    if value is not UNSET:
        body["v"] = value
    rest = json.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False)[1:]
    rest_bytes = rest.encode("utf-8")
    crc = zlib.crc32(rest_bytes)
    return PREFIX + f'{crc:08x}",'.encode("ascii") + rest_bytes + b"\n"


def make_op(stamp: str, table: str, record: str, field_name: str, value: Any, prev: str | None) -> tuple[bytes, Op]:
    line = encode(stamp, table, record, field_name, value, prev)
    if value is UNSET or value is None or type(value) in _SCALARS:
        # A string, number or bool reads back from JSON as itself: no need to decode the line
        # (half the cost of a 20,000-field import batch).
        _check(stamp, table, record, field_name, prev)
        return line, Op(stamp, table, record, field_name, value, prev, line[6:14].decode("ascii"))
    # Decoded from the line rather than reusing `value`, so the merged state never shares a list
    # or dict with the caller, and holds exactly what a colleague will read.
    return line, op_from_line(line[:-1])


def loads(data: bytes | str) -> Any:
    """`json.loads` for files others wrote: a document nested too deeply for the parser (100,000
    levels behind a valid CRC or digest) is a ValueError like any other bad JSON, never a
    RecursionError that would end every command."""
    try:
        return json.loads(data)
    except RecursionError:
        raise ValueError("nested too deeply") from None


_SCALARS = (str, int, float, bool)


def op_from_line(line: bytes) -> Op:
    """Decode one line already known to be intact (see `line_is_intact`)."""
    return op_from_obj(loads(line), line[6:14].decode("ascii"))


def op_from_obj(obj: Any, crc: str) -> Op:
    if not isinstance(obj, dict):
        raise ValueError("not an object")
    stamp, table, record, field_name = obj.get("i"), obj.get("t"), obj.get("r"), obj.get("f")
    prev = obj.get("p")
    stamp, table, record, field_name, prev = _check(stamp, table, record, field_name, prev)
    return Op(stamp, table, record, field_name, obj["v"] if "v" in obj else UNSET, prev, crc)


def _check(
    stamp: object, table: object, record: object, field_name: object, prev: object
) -> tuple[str, str, str, str, str | None]:
    """The five, as the strings they must be; ValueError names the first that is not."""
    if not (isinstance(stamp, str) and STAMP_RE.match(stamp)):
        raise ValueError("bad stamp")
    table, record, field_name = _name(table), _name(record), _name(field_name)
    if prev is None:
        return stamp, table, record, field_name, None
    if not (isinstance(prev, str) and STAMP_RE.match(prev)):
        raise ValueError("bad prev")
    return stamp, table, record, field_name, prev


def _name(name: object) -> str:
    if not (isinstance(name, str) and 0 < len(name) <= MAX_NAME_LEN):
        raise ValueError("bad name")
    return name


def line_is_intact(line: bytes) -> bool:
    if line[:6] != PREFIX or line[14:16] != b'",':
        return False
    try:
        return zlib.crc32(line[PREFIX_LEN:]) == int(line[6:14], 16)
    except ValueError:
        return False


@dataclass
class DecodedFile:
    """What could be read from one segment-like file."""

    ops: list[Op] = field(default_factory=list)
    lines: list[bytes] = field(default_factory=list)  # the intact lines, verbatim
    bad_lines: list[int] = field(default_factory=list)  # 1-based numbers of damaged lines
    had_bom: bool = False
    empty: bool = False

    @property
    def clean(self) -> bool:
        return not self.bad_lines and not self.had_bom and not self.empty


def decode(data: bytes) -> DecodedFile:
    """Every intact op of a file; damaged lines are counted, never guessed at."""
    result = DecodedFile()
    if data.startswith(b"\xef\xbb\xbf"):
        result.had_bom, data = True, data[3:]
    if not data.strip():
        result.empty = True
        return result
    raw_lines = data.split(b"\n")
    if raw_lines and raw_lines[-1] == b"":
        raw_lines.pop()
    good: list[bytes] = []
    numbers: list[int] = []
    for number, line in enumerate(raw_lines, start=1):
        if line.endswith(b"\r"):
            line = line[:-1]
        if line_is_intact(line):
            good.append(line)
            numbers.append(number)
        elif line.strip():
            result.bad_lines.append(number)
    result.ops, result.lines = _ops_of(good, numbers, result.bad_lines)
    return result


def _ops_of(good: list[bytes], numbers: list[int], bad_lines: list[int]) -> tuple[list[Op], list[bytes]]:
    # One json.loads over the whole file is several times faster than one per line, and the
    # cheap shape check below is what keeps a start on a 40,000-op workspace within budget; the
    # slow, per-line path runs only when an intact-looking line does not hold a valid op.
    try:
        objs = loads(b"[" + b",".join(good) + b"]")
        new = tuple.__new__  # skips NamedTuple's Python-level __new__: a third of the cost
        ops = [new(Op, (o["i"], o["t"], o["r"], o["f"], o.get("v", UNSET), o["p"], o["c"])) for o in objs]
        if all(map(_plausible, ops)):
            return ops, good
    except (ValueError, KeyError, TypeError):
        pass
    ops, kept = [], []
    for number, line in zip(numbers, good, strict=False):
        try:
            ops.append(op_from_line(line))
            kept.append(line)
        except ValueError:
            bad_lines.append(number)
    bad_lines.sort()
    return ops, kept


def _plausible(op: Op) -> bool:
    # Enough that merging cannot fail (strings compare and hash); the CRC already vouches that
    # the line is what its writer wrote, and `op_from_obj` does the full check on the slow path.
    stamp, prev = op.stamp, op.prev
    return (
        type(stamp) is str
        and len(stamp) == 31
        and stamp[13] == "-"
        and (prev is None or type(prev) is str)
        and type(op.table) is str
        and type(op.record) is str
        and type(op.field) is str
    )

"""Reading the files analytics tools export: CSV in any of the encodings seen, and XLSX sheets.

What comes out is a `Sheet`: the header row and the data rows, each with the line it started on
in the file (a quoted caption can span lines), so that a bad row is reported where the user
finds it. Which columns mean what is decided in `columns`; nothing here knows a network.

Seen in the wild, and handled: UTF-8 with or without a BOM, UTF-16 LE/BE (Meta's page-level
exports), Windows-1252 (Excel's "CSV" on Windows), a `sep=,` first line, `;` or tab as the
delimiter, description or metric-name lines above the header, old binary `.xls` (refused with
advice), XLSX with the posts on some sheet and a description row above the header (LinkedIn).
"""

from __future__ import annotations

import csv
import io
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from someplan.i18n import _
from someplan.services.errors import UserError

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

IsHeader = Callable[[list[str]], bool]  # says which of the first rows is the header row

HEADER_SEARCH_ROWS = 6  # the header is within the first rows; above it, descriptions


@dataclass(frozen=True)
class Sheet:
    headers: tuple[str, ...]
    rows: list[tuple[int, tuple[object, ...]]]  # (line in the file, cells)
    kind: str  # "csv" or "xlsx"
    header_line: int
    preamble: tuple[str, ...] = ()  # the non-empty cells above the header: titles, descriptions
    sheet_names: tuple[str, ...] = ()  # a workbook's sheets


class NoTable(UserError):
    """No header row was found; what was seen instead, so the caller can say what the file is."""

    def __init__(self, message: str, first_rows: list[list[str]], sheet_names: tuple[str, ...] = ()):
        super().__init__(message)
        self.first_rows = first_rows
        self.sheet_names = sheet_names


def read_sheet(path: Path, is_header: IsHeader) -> Sheet:
    """The table in `path`; `is_header` says which of the first rows is the header row."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise UserError(_("no such file: {path}").format(path=path)) from None
    if stat.S_ISDIR(mode):
        raise UserError(_("{path} is a folder, not an export file").format(path=path))
    if not stat.S_ISREG(mode):  # /dev/zero would be read for ever, a pipe may never end
        raise UserError(_("{path} is not a regular file (a device, pipe or socket), not an export file").format(path=path))
    data = path.read_bytes()
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(path, data, is_header)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UserError(
            _("{file} is an old Excel (.xls) file: open it and save it as .xlsx or .csv first").format(file=path.name)
        )
    return _read_csv(_decode(data, path), is_header, path)


def _decode(data: bytes, path: Path) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif len(data) > 3 and data[1] == 0 and data[3] == 0:
        encoding = "utf-16-le"  # UTF-16 without its byte-order mark
    else:
        encoding = "utf-8"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        if encoding == "utf-8":
            return data.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows
        raise UserError(
            _("{file} is not readable text ({encoding} expected)").format(file=path.name, encoding=encoding)
        ) from None


def _read_csv(text: str, is_header: IsHeader, path: Path) -> Sheet:
    if "\x00" in text:
        raise UserError(_("{file} is not a CSV or XLSX file").format(file=path.name))
    first_line = 1
    lines = text.split("\n", 1)
    delimiter = None
    if lines[0].strip().lower().startswith("sep=") and len(lines[0].strip()) == 5:
        delimiter = lines[0].strip()[4]
        text = lines[1] if len(lines) > 1 else ""
        first_line = 2
    if delimiter is None:
        delimiter = _sniff(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, tuple[object, ...]]] = []
    headers, header_line, start = None, 0, first_line
    seen: list[list[str]] = []
    try:
        for cells in reader:
            line, start = start, first_line + reader.line_num
            if headers is None:
                if is_header(cells):
                    headers, header_line = tuple(c.strip() for c in cells), line
                elif line - first_line >= HEADER_SEARCH_ROWS:
                    break
                else:
                    seen.append(cells)
                continue
            if any(c.strip() for c in cells):
                rows.append((line, tuple(cells)))
    except csv.Error as error:
        raise UserError(
            _("{file}: line {line}: not valid CSV ({reason})").format(file=path.name, line=start, reason=error)
        ) from None
    if headers is None:
        raise NoTable(_("{file}: no header row with known column names in its first lines").format(file=path.name), seen)
    return Sheet(headers, rows, "csv", header_line, _preamble(seen))


def _preamble(rows: list[list[str]]) -> tuple[str, ...]:
    return tuple(str(c).strip() for cells in rows for c in cells if str(c).strip())


def _sniff(text: str) -> str:
    head = text[:4096].split("\n")[:HEADER_SEARCH_ROWS]
    counts = {d: max((line.count(d) for line in head), default=0) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d]) if max(counts.values()) else ","


def _read_xlsx(path: Path, data: bytes, is_header: IsHeader) -> Sheet:
    """The first sheet with a header row; from the bytes already read (the file may have changed since)."""
    try:
        import openpyxl
        from openpyxl.utils.exceptions import InvalidFileException
    except ImportError:  # pragma: no cover - a dependency of someplan
        raise UserError(_("reading .xlsx needs openpyxl: pip install openpyxl")) from None
    import zipfile

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise UserError(_("{file} is not a readable XLSX file ({reason})").format(file=path.name, reason=error)) from None
    names = tuple(book.sheetnames)
    seen: list[list[str]] = []
    try:
        for sheet in book.worksheets:
            found = _sheet_table(sheet, is_header, seen)
            if found is not None:
                return Sheet(found.headers, found.rows, "xlsx", found.header_line, found.preamble, names)
    finally:
        book.close()
    raise NoTable(_("{file}: no sheet has a header row with known column names").format(file=path.name), seen, names)


def _sheet_table(sheet: Worksheet, is_header: IsHeader, seen: list[list[str]]) -> Sheet | None:
    headers, header_line, above = None, 0, []
    rows: list[tuple[int, tuple[object, ...]]] = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells: tuple[object, ...] = tuple("" if v is None else v for v in values)
        if headers is None:
            if is_header([str(c) for c in cells]):
                headers, header_line = tuple(str(c).strip() for c in cells), number
            elif number >= HEADER_SEARCH_ROWS:
                return None
            else:
                above.append([str(c) for c in cells])
                seen.append(above[-1])
            continue
        if any(str(c).strip() for c in cells):
            rows.append((number, cells))
    return Sheet(headers, rows, "xlsx", header_line, _preamble(above)) if headers else None

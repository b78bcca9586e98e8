"""The import screen's list of export files (figures/by_hand.py) and reading one (figures/files.py):
a file that goes away while the Downloads folder is listed is not a crash, and an XLSX is read
from the disk once."""

import io
import os
from pathlib import Path

from someplan.services.figures.by_hand import export_files
from someplan.services.figures.columns import looks_like_header
from someplan.services.figures.files import read_sheet

DATA = Path(__file__).resolve().parents[1] / "data"


def test_a_file_that_vanishes_while_listed_leaves_the_list_whole(tmp_path, monkeypatch):
    for age, name in enumerate(["ny.csv", "borte.csv", "gammel.xlsx"]):
        (tmp_path / name).write_text("x")
        os.utime(tmp_path / name, (1_700_000_000 - age, 1_700_000_000 - age))
    (tmp_path / "notat.txt").write_text("x")
    looked = {"n": 0}
    stat = Path.stat

    def vanishing(self, **kwargs):
        if self.name == "borte.csv":
            looked["n"] += 1
            if looked["n"] > 1:  # the sync tool moved it away right after the first look
                raise FileNotFoundError(2, "No such file or directory", str(self))
        return stat(self, **kwargs)

    monkeypatch.setattr(Path, "stat", vanishing)
    assert [p.name for p in export_files(tmp_path)] in (["ny.csv", "borte.csv", "gammel.xlsx"], ["ny.csv", "gammel.xlsx"])
    assert export_files(tmp_path / "none") == []


def test_an_xlsx_is_opened_once(monkeypatch):
    path = DATA / "linkedin_posts.xlsx"
    opened = []
    real_open = io.open

    def counting(file, *args, **kwargs):
        if isinstance(file, (str, os.PathLike)) and os.fspath(file) == os.fspath(path):
            opened.append(file)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", counting)
    sheet = read_sheet(path, lambda cells: looks_like_header(cells, ()))
    assert sheet.kind == "xlsx" and sheet.rows
    assert len(opened) == 1

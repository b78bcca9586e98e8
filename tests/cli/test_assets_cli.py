import os
import shutil
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "sample_workspace"


@pytest.fixture
def sample(someplan, tmp_path):
    target = tmp_path / "sample"
    shutil.copytree(SAMPLE, target)
    (target / "assets" / "natur" / "ubrukt.png").write_bytes(b"\x89PNG")
    (target / "assets" / "natur" / ".~partial.png").write_bytes(b"x")
    os.remove(target / "assets" / "natur" / "kajakk.png")
    return str(target)


def test_assets_lists_files_missing_first(someplan, sample):
    out = someplan("assets", "-w", sample)
    lines = out.splitlines()
    assert lines[0].startswith("missing") and "natur/kajakk.png" in lines[0]
    assert "partial" not in out
    assert "11 shown · 10 files" in lines[-1] and "1 missing" in lines[-1]


def test_assets_unused_and_new_as_json(someplan, sample):
    doc = someplan.json("assets", "-w", sample, "--unused", "--json")
    assert [a["path"] for a in doc["assets"]] == ["natur/ubrukt.png"]
    assert doc["unused"] == 1 and doc["missing"] == 1
    new = someplan.json("assets", "-w", sample, "--new", "--json")
    assert new["new"] == 10  # never looked: what arrived in the last 7 days
    nordlys = someplan.json("assets", "-w", sample, "--filter", "nordlys", "--json")["assets"][0]
    assert (nordlys["width"], nordlys["height"], nordlys["uses"]) == (160, 100, 3)


def test_a_bad_filter_is_a_one_line_error(someplan, sample):
    someplan("assets", "-w", sample, "--filter", "unused:x", code=1)
    assert "unused:x" in someplan.err


def test_status_counts_new_unused_and_missing(someplan, sample, monkeypatch):
    assert someplan.json("status", sample, "--json")["assets"] == {
        "files": 10,
        "new": 10,
        "unused": 1,
        "missing": 1,
        "refused": 0,
    }
    assert "Assets: 10 files, 10 new, 1 unused, 1 missing" in someplan("status", sample)
    monkeypatch.setenv("SOMEPLAN_LANG", "nb")
    assert "Filer: 10 filer, 10 nye, 1 ubrukt, 1 mangler" in someplan("status", sample)


def test_a_file_name_that_is_not_utf8_is_named_and_the_rest_listed(someplan, sample):
    from tests.cli.conftest import run_process

    open(os.fsencode(sample) + b"/assets/b\xe5l.jpg", "wb").close()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}  # strict, as under a UTF-8 locale over SSH
    shown = run_process("assets", "-w", sample, env=env)
    assert shown.returncode == 0, shown.stderr
    assert "natur/nordlys.png" in shown.stdout and "b\\xe5l.jpg is not valid text (UTF-8)" in shown.stdout
    doc = run_process("assets", "-w", sample, "--json", env=env)
    assert doc.returncode == 0 and '"unreadable_names": [\n    "b\\\\xe5l.jpg"' in doc.stdout

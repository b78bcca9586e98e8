"""Stored text reaches the terminal literally and `--json` is strict (issue 18, items 10 and 11);
an edit the shared folder did not take is never silent (item 3); the planner's crash is exit 1
(item 8)."""

import errno
import json
import os
import zlib

import pytest

from someplan.store import atomic
from someplan.store.ops import PREFIX

HOSTILE = "\x1b]0;pwned\x07Face\u202ebook\x9b2J\u2028x"
RAW = ("\x1b", "\x07", "\u202e", "\x9b", "\u2028")


def _no_raw(text: str) -> None:
    assert not [c for c in RAW if c in text], repr(text)


def _strict(text: str):
    def refuse(constant):
        raise ValueError(f"not JSON: {constant}")

    _no_raw(text)
    return json.loads(text, parse_constant=refuse)


def test_unknown_name_errors_show_the_known_names_literally(someplan, ws):
    someplan("channel", "add", HOSTILE, "--network", "facebook", "-w", ws)
    someplan("add", "Hei", "--date", "2026-11-23", "--channel", "nope", "--category", "ansatte", "-w", ws, code=1)
    _no_raw(someplan.err)
    assert "\\x1b]0;pwned\\x07Face\\u202ebook\\x9b2J" in someplan.err


def test_rm_confirmations_show_names_literally(someplan, ws):
    someplan("campaign", "add", HOSTILE, "--start", "2026-11-23", "-w", ws)
    _no_raw(someplan("campaign", "rm", HOSTILE, "-w", ws))
    someplan("people", "add", HOSTILE, "-w", ws)
    _no_raw(someplan("people", "rm", HOSTILE, "-w", ws))
    someplan("category", "add", HOSTILE, "-w", ws)
    _no_raw(someplan("category", "rm", HOSTILE, "-w", ws))


def test_json_output_is_strict(someplan, ws, tmp_path):
    post = someplan("add", HOSTILE, "--date", "2026-11-23", "--channel", "facebook", "--category", "ansatte", "-w", ws).strip()
    someplan("campaign", "add", HOSTILE, "--start", "2026-11-23", "-w", ws)
    someplan("people", "add", HOSTILE, "-w", ws)
    # a colleague's op with NaN (json.loads reads it; a strict reader does not)
    colleague = tmp_path / "ws" / "devices" / "zzzzzzzzzzzz"
    colleague.mkdir()
    rest = ('"i":"1790000000000-0000-zzzzzzzzzzzz","t":"posts","r":"' + post + '","f":"reach","p":null,"v":NaN}').encode()
    (colleague / "000001.jsonl").write_bytes(PREFIX + f'{zlib.crc32(rest):08x}",'.encode() + rest + b"\n")
    listed = _strict(someplan("list", "--week", "48", "--json", "-w", ws))
    assert any(p["title"] == HOSTILE for p in listed) or HOSTILE in json.dumps(listed, ensure_ascii=False)
    history = _strict(someplan("history", post, "--json", "-w", ws))
    assert [r["value"] for r in history if r["field"] == "reach"] == [None]
    assert HOSTILE in [c["title"] for c in _strict(someplan("campaign", "list", "--json", "-w", ws))]
    _strict(someplan("people", "list", "--json", "-w", ws))


def test_an_edit_the_shared_folder_did_not_take_is_announced_and_still_listed(someplan, ws, monkeypatch):
    real = atomic._write_all
    shared = os.path.realpath(ws)

    def full(fd, data):
        if os.readlink(f"/proc/self/fd/{fd}").startswith(shared):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(fd, data)

    monkeypatch.setattr(atomic, "_write_all", full)
    post = someplan("add", "Bare her", "--date", "2026-11-23", "--channel", "facebook", "--category", "ansatte", "-w", ws).strip()
    assert "not yet in the shared folder" in someplan.err and "No space left" in someplan.err
    assert post in someplan("list", "--week", "48", "-w", ws) or "Bare her" in someplan("list", "--week", "48", "-w", ws)
    doctor = someplan.json("doctor", "--json", "-w", ws)
    assert "private-only" in [p["code"] for p in doctor["problems"]]
    status = someplan.json("status", ws, "--json")
    assert "private-only" in [p["code"] for p in status["problems"]]


def test_a_planner_that_ends_on_an_error_exits_1(someplan, ws, monkeypatch):
    from someplan.tui import app as tui_app

    class Crashing:
        return_code = None

        def __init__(self, catalog, **options):
            pass

        def run(self):
            self.return_code = 1  # what Textual sets when an exception ends the app

    monkeypatch.setattr(tui_app, "SomeplanApp", Crashing)
    monkeypatch.setattr("someplan.cli.workspace.has_terminal", lambda: True)  # pytest holds stdout
    someplan("open", ws, code=1)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf")])
def test_strict_json_writes_null_for_non_finite_numbers(value):
    from someplan.textsafe import strict_json

    assert json.loads(strict_json({"v": [value, 1.5]})) == {"v": [None, 1.5]}
    assert strict_json("\u2028\x9b\u202e\u200f") == '"\\u2028\\u009b\\u202e\\u200f"'


def test_assets_and_status_list_refused_references_and_agree(someplan, tmp_path, monkeypatch):
    import shutil
    from pathlib import Path

    sample = tmp_path / "sample"
    shutil.copytree(Path(__file__).resolve().parents[2] / "sample_workspace", sample)
    post = json.loads(someplan("list", "--json", "-w", str(sample)))[0]["id"]
    from someplan.store.workspace import Workspace

    ws = Workspace.open(sample)
    ws.update("posts", post, {"assets": ["../../../etc/passwd", "/etc/passwd", "\\\\server\\x.jpg", "borte.jpg"]})
    ws.close()
    listing = someplan.json("assets", "--json", "-w", str(sample))
    assert listing["refused"] == 3 and listing["missing"] == 1
    assert sorted(a["path"] for a in listing["assets"] if a["refused"]) == sorted(
        ["../../../etc/passwd", "/etc/passwd", "\\\\server\\x.jpg"]
    )
    text = someplan("assets", "-w", str(sample))
    assert "refused" in text and "3 refused" in text
    status = someplan.json("status", str(sample), "--json")
    assert {k: status["assets"][k] for k in ("files", "missing", "refused")} == {
        "files": listing["files"], "missing": 1, "refused": 3}


def test_doctor_lists_bad_values_and_a_refused_asset_folder_which_trust_lifts(someplan, ws, tmp_path):
    from someplan.store.workspace import Workspace

    shared = tmp_path / "elsewhere"  # outside the workspace and outside the home folder
    (shared / "bilder").mkdir(parents=True)
    (shared / "bilder" / "fjord.jpg").write_bytes(b"jpeg")
    workspace = Workspace.open(ws)
    post = workspace.insert("posts", {"title": 5, "reach": "lots"})
    workspace.update("settings", "workspace", {"asset_folder": str(shared)})
    workspace.close()
    doctor = someplan.json("doctor", "--json", "-w", ws)
    codes = [p["code"] for p in doctor["problems"]]
    assert codes.count("bad-value") == 2 and "asset-folder-refused" in codes
    assert post in " ".join(p["message"] for p in doctor["problems"])
    someplan("assets", "-w", ws)
    assert "--trust-folder" in someplan.err
    assert "bilder/fjord.jpg" in someplan("assets", "--trust-folder", "-w", ws)
    assert "asset-folder-refused" not in [p["code"] for p in someplan.json("doctor", "--json", "-w", ws)["problems"]]


def test_the_unknown_name_error_itself_is_safe_for_the_planner_too(someplan, ws):
    from someplan.services.catalog import Catalog
    from someplan.services.errors import UserError
    from someplan.store.workspace import Workspace

    someplan("channel", "add", HOSTILE, "--network", "facebook", "-w", ws)
    catalog = Catalog(Workspace.open(ws, writable=False))
    with pytest.raises(UserError) as error:
        catalog.channel("\x1b[2Jnope")
    _no_raw(str(error.value))
    assert "\\x1b[2Jnope" in str(error.value)

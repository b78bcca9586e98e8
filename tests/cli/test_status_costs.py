"""`someplan status` is the quick check over SSH: it does each thing once and imports only what
the week needs."""

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from someplan.services import catalog as catalog_module
from someplan.services import locate
from someplan.services import status as status_module


def test_status_reads_the_user_state_once_and_works_out_today_once(someplan, ws, monkeypatch):
    someplan("status", ws)  # the first run remembers the workspace (a write); then as every day
    reads: list[Path] = []
    real_read = Path.read_text

    def counting_read(path, *args, **kwargs):
        if path.name == locate.USER_STATE_FILE:
            reads.append(path)
        return real_read(path, *args, **kwargs)

    todays = []
    real_today = catalog_module.effective_today

    def counting_today(catalog):
        todays.append(1)
        return real_today(catalog)

    monkeypatch.setattr(locate, "_last_read", None)  # as in a new process
    monkeypatch.setattr(Path, "read_text", counting_read)
    monkeypatch.setattr(catalog_module, "effective_today", counting_today)
    monkeypatch.setattr(status_module, "effective_today", counting_today)
    someplan("status", ws, "--week", "48")
    assert len(reads) == 1
    assert len(todays) == 1


def test_status_imports_neither_the_asset_service_nor_the_ideas_service(someplan, ws):
    someplan("status", ws)
    code = (
        "import sys\nfrom someplan.cli import main\nmain(['status', sys.argv[1], '--json'])\n"
        "print([m for m in ('someplan.services.assets', 'someplan.services.ideas') if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code, ws], capture_output=True, text=True, env=os.environ.copy())
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_two_processes_changing_the_user_state_at_once_keep_both_changes(someplan, monkeypatch):
    """The first writer holds the lock while the second one asks for it; the second then reads
    what the first wrote."""
    first_writing, second_waiting = threading.Event(), threading.Event()
    real_write, real_lock = locate.atomic_write, locate.file_lock

    def slow_write(path, data, *args):
        if threading.current_thread().name == "first":
            first_writing.set()
            assert second_waiting.wait(5)
        return real_write(path, data, *args)

    def noted_lock(path):
        if threading.current_thread().name == "second":
            second_waiting.set()
        return real_lock(path)

    monkeypatch.setattr(locate, "atomic_write", slow_write)
    monkeypatch.setattr(locate, "file_lock", noted_lock)
    first = threading.Thread(target=locate.write_user_state, kwargs={"theme": "someplan-lys"}, name="first")
    first.start()
    assert first_writing.wait(5)
    second = threading.Thread(target=locate.write_user_state, kwargs={"language": "nb"}, name="second")
    second.start()
    first.join(5)
    second.join(5)
    doc = json.loads((Path(os.environ["XDG_STATE_HOME"]) / "someplan" / locate.USER_STATE_FILE).read_text())
    assert doc["theme"] == "someplan-lys" and doc["language"] == "nb"


def test_status_on_the_real_today_does_not_import_arrow(someplan, ws, monkeypatch):
    import datetime as dt
    import zoneinfo

    monkeypatch.delenv("SOMEPLAN_TODAY")
    code = (
        "import sys\nfrom someplan.cli import main\nmain(['status', sys.argv[1], '--json'])\n"
        "print('arrow' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code, ws], capture_output=True, text=True, env=os.environ.copy())
    assert done.returncode == 0, done.stderr
    *out, imported = done.stdout.strip().splitlines()
    assert imported == "False"
    today = json.loads("\n".join(out))["today"]
    assert today in {str(dt.datetime.now(zoneinfo.ZoneInfo("Europe/Oslo")).date() + dt.timedelta(days=d)) for d in (-1, 0)}


def test_a_zone_zoneinfo_does_not_know_is_read_as_arrow_reads_it(monkeypatch):
    import arrow

    from someplan.domain.settings import WorkspaceSettings
    from someplan.services.catalog import real_today

    monkeypatch.delenv("SOMEPLAN_TODAY", raising=False)
    for zone in ("+14:00", "-12:00", "local"):
        settings = WorkspaceSettings.from_doc({"timezone": zone})
        assert real_today(settings) == arrow.now(zone).date()

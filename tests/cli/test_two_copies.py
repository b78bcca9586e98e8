"""A week planned on two synced copies of one workspace shows the same on both."""

import shutil

from someplan.cli import main


def _as(machine, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / machine / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / machine / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / machine / "cache"))


def _sync(a, b):
    for src, dst in ((a, b), (b, a)):
        for path in src.glob("devices/*/*"):
            target = dst / path.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists() or target.read_bytes() != path.read_bytes():
                shutil.copy2(path, target)


def test_two_copies_planned_apart_show_the_same_week(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOMEPLAN_TODAY", "2026-11-18")
    kari_ws, ola_ws = tmp_path / "kari-ws", tmp_path / "ola-ws"

    def run(machine, *args):
        _as(machine, tmp_path, monkeypatch)
        assert main(list(args)) == 0, capsys.readouterr()
        return capsys.readouterr().out.strip()

    run("kari", "init", str(kari_ws), "--name", "Solvik")
    shutil.copytree(kari_ws, ola_ws)
    first = run("kari", "add", "Kari i resepsjonen", "--date", "2026-11-23", "--time", "09:00", "--channel", "facebook",
                "--category", "ansatte", "-w", str(kari_ws))  # fmt: skip
    _sync(kari_ws, ola_ws)
    run("ola", "add", "Frokost", "--date", "2026-11-24", "--time", "08:00", "--channel", "instagram",
        "--category", "produkt", "-w", str(ola_ws))  # fmt: skip
    run("ola", "move", first, "--date", "2026-11-25", "-w", str(ola_ws))
    run("kari", "edit", first, "--status", "ready", "--title", "Kari ønsker velkommen", "-w", str(kari_ws))
    doomed = run("kari", "add", "Slettes", "--date", "2026-11-26", "--channel", "linkedin", "--category", "kunder",
                 "-w", str(kari_ws))  # fmt: skip
    run("kari", "rm", doomed, "-w", str(kari_ws))
    _sync(kari_ws, ola_ws)
    views = [run(m, "status", str(ws), "--week", "48", "--json") for m, ws in (("kari", kari_ws), ("ola", ola_ws))]
    assert views[0] == views[1]
    listed = [run(m, "list", "--week", "48", "--json", "-w", str(ws)) for m, ws in (("kari", kari_ws), ("ola", ola_ws))]
    assert listed[0] == listed[1]
    assert '"Kari ønsker velkommen"' in listed[0] and '"2026-11-25"' in listed[0] and "Slettes" not in listed[0]

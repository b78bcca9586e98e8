import os

from tests.cli.conftest import run_process


def test_init_creates_the_default_channels_and_categories(someplan, ws):
    channels = someplan.json("channel", "list", "-w", ws, "--json")
    assert [c["name"] for c in channels] == ["Facebook", "Instagram", "LinkedIn"]
    assert all({"id", "name"} <= set(c) for c in channels)
    categories = {c["name"] for c in someplan.json("category", "list", "-w", ws, "--json")}
    assert {"ansatte", "kunder", "bak kulissene", "produkt", "historie", "tips og triks", "inspirasjon"} == categories


def test_init_refuses_an_existing_workspace(someplan, ws):
    someplan("init", ws, code=1)
    assert "already" in someplan.err and "\n" == someplan.err[-1] and someplan.err.count("\n") == 1


def test_add_list_show_edit_move_rm_restore(someplan, ws):
    pid = someplan("add", "Kari i resepsjonen", "--date", "2026-11-23", "--time", "9:30", "--channel", "facebook",
                   "--category", "ANSATTE", "-w", ws).strip()  # fmt: skip
    second = someplan("add", "Frokost", "--date", "23.11.2026", "--time", "08:00", "--channel", "Instagram",
                      "--category", "produkt", "--status", "ready", "-w", ws).strip()  # fmt: skip
    listed = someplan.json("list", "--week", "48", "--json", "-w", ws)
    assert [p["id"] for p in listed] == [second, pid]  # sorted by date and time
    assert listed[1] == {"id": pid, "title": "Kari i resepsjonen", "date": "2026-11-23", "time": "09:30",
                         "channel": "Facebook", "category": "ansatte", "status": "idea"}  # fmt: skip
    someplan("edit", pid, "--status", "draft", "--caption", "Hei!", "-w", ws)
    someplan("move", pid, "--date", "2026-11-25", "--time", "12:00", "-w", ws)
    shown = someplan.json("show", pid[:10], "--json", "-w", ws)
    assert (shown["status"], shown["caption"], shown["date"], shown["time"]) == ("draft", "Hei!", "2026-11-25", "12:00")
    someplan("rm", pid, "-w", ws)
    assert [p["id"] for p in someplan.json("list", "--json", "-w", ws)] == [second]
    someplan("show", pid, "-w", ws, code=1)
    assert "restore" in someplan.err
    someplan("restore", pid, "-w", ws)
    assert len(someplan.json("list", "--json", "-w", ws)) == 2


def test_unknown_channel_or_category_lists_the_known_ones(someplan, ws):
    someplan("add", "x", "--date", "2026-11-23", "--channel", "MySpace", "--category", "kunder", "-w", ws, code=1)
    assert someplan.err == "someplan: unknown channel 'MySpace'; known: Facebook, Instagram, LinkedIn\n"
    someplan("add", "x", "--date", "2026-11-23", "--channel", "facebook", "--category", "memes", "-w", ws, code=1)
    assert someplan.err.startswith("someplan: unknown category 'memes'; known: ansatte, bak kulissene")


def test_bad_input_is_one_line_and_exit_1(someplan, ws):
    for args in (
        ("add", "x", "--date", "31.02.2026", "--channel", "facebook", "--category", "kunder"),
        ("add", "x", "--date", "2026-11-23", "--time", "25:99", "--channel", "facebook", "--category", "kunder"),
        ("add", "x", "--date", "2026-11-23", "--status", "viral", "--channel", "facebook", "--category", "kunder"),
        ("show", "nope"),
        ("edit", "nope", "--title", "x"),
        ("list", "--week", "99"),
    ):
        someplan(*args, "-w", ws, code=1)
        assert someplan.err.startswith("someplan: ") and someplan.err.count("\n") == 1, args


def test_usage_errors_exit_2(someplan):
    try:
        someplan("add")
    except SystemExit as exit:
        assert exit.code == 2


def test_history_lists_every_value_with_who_and_status(someplan, ws):
    pid = someplan("add", "A", "--date", "2026-11-23", "--channel", "facebook", "--category", "kunder", "-w", ws).strip()
    someplan("edit", pid, "--title", "B", "-w", ws)
    rows = someplan.json("history", pid, "--json", "-w", ws)
    titles = [(r["value"], r["status"]) for r in rows if r["field"] == "title"]
    assert titles == [("A", "replaced"), ("B", "current")]
    assert all(r["who"] and r["when"] for r in rows)


def test_channel_and_category_commands(someplan, ws):
    someplan("channel", "add", "TikTok", "--network", "tiktok", "--target", "2", "-w", ws)
    someplan("channel", "add", "tiktok", "-w", ws, code=1)
    someplan("channel", "edit", "tiktok", "--target", "4", "-w", ws)
    assert {c["name"]: c["target_per_week"] for c in someplan.json("channel", "list", "--json", "-w", ws)}["TikTok"] == 4
    someplan("category", "add", "quiz", "--colour", "#123456", "--cadence", "annenhver uke", "-w", ws)
    someplan("category", "edit", "quiz", "--paused", "-w", ws)
    quiz = [c for c in someplan.json("category", "list", "--json", "-w", ws) if c["name"] == "quiz"][0]
    assert quiz["active"] is False and quiz["cadence"] == "every 2 weeks"
    someplan("add", "x", "--date", "2026-11-23", "--channel", "tiktok", "--category", "quiz", "-w", ws)
    someplan("category", "rm", "quiz", "-w", ws, code=1)
    assert "pause it instead" in someplan.err
    someplan("channel", "rm", "linkedin", "-w", ws)
    assert "LinkedIn" not in [c["name"] for c in someplan.json("channel", "list", "--json", "-w", ws)]


def test_workspace_resolution_argument_env_last_used(someplan, ws, tmp_path, monkeypatch):
    someplan("status", ws)  # remembered as last used
    assert "Solvik" in someplan("status")
    monkeypatch.setenv("SOMEPLAN_WORKSPACE", str(tmp_path / "elsewhere"))
    someplan("status", code=1)
    assert "no such folder" in someplan.err
    monkeypatch.setenv("SOMEPLAN_WORKSPACE", ws)
    assert "Solvik" in someplan("status")


def test_no_workspace_at_all_says_how_to_make_one(someplan):
    someplan("status", code=1)
    assert "someplan init PATH" in someplan.err and "someplan demo" in someplan.err


def test_status_does_not_import_textual(ws, tmp_path):
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path / "state")}
    code = "import sys; from someplan.cli import main; main(['status', sys.argv[1]]); print('textual' in sys.modules)"
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", code, ws], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("False")
    assert run_process("status", ws, env=env).returncode == 0


def test_status_on_the_sample_in_the_checkout_writes_nothing(someplan):
    from someplan.cli.workspace import sample_source

    before = {p: p.stat().st_mtime_ns for p in sample_source().rglob("*")}
    assert "Fjordhotellet Solvik" in someplan("status", str(sample_source()))
    assert {p: p.stat().st_mtime_ns for p in sample_source().rglob("*")} == before


def test_os_and_encoding_errors_are_one_line(someplan, ws, tmp_path):
    (tmp_path / "afile").write_text("x")
    someplan("init", str(tmp_path / "afile" / "ws"), code=1)
    assert someplan.err.startswith("someplan: ") and someplan.err.count("\n") == 1
    someplan("add", "T\udcff", "--date", "2026-11-23", "--channel", "facebook", "--category", "kunder", "-w", ws, code=1)
    assert someplan.err.startswith("someplan: ") and someplan.err.count("\n") == 1


def test_status_takes_the_workspace_as_option_too(someplan, ws):
    assert "Solvik" in someplan("status", "-w", ws)

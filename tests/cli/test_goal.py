"""`someplan goal list|add|edit|rm|restore`, and goals in `someplan status`."""

import subprocess
import sys


def test_a_new_user_sets_a_goal_and_sees_it_in_status(someplan, ws):
    goal = someplan("goal", "add", "Færre telefoner til sentralbordet", "--start", "1.10.2026", "--end", "31.12.2026",
                    "--target", "count <= 40 label='telefoner i uka'", "--target", "posts >= 3 channel=Facebook",
                    "-w", ws).strip()  # fmt: skip
    for day, calls in (("2026-10-05", "60"), ("2026-10-12", "55"), ("2026-10-19", "52"), ("2026-10-26", "48")):
        someplan("goal", "edit", goal, "--count", calls, "--on", day, "-w", ws)
    [listed] = someplan.json("goal", "list", "--json", "-w", ws)
    assert listed["id"] == goal and listed["title"] == "Færre telefoner til sentralbordet"
    count, posts = sorted(listed["targets"], key=lambda t: t["kind"])
    assert count["kind"] == "count" and count["now"] == 48 and count["trend"] == "down" and count["pace"] == "on_track"
    assert count["recorded"] == {"2026-10-05": 60.0, "2026-10-12": 55.0, "2026-10-19": 52.0, "2026-10-26": 48.0}
    assert posts["kind"] == "posts_per_week" and posts["now"] == 0 and posts["pace"] == "behind"
    status = someplan.json("status", ws, "--json")
    assert [g["title"] for g in status["goals"]] == ["Færre telefoner til sentralbordet"]
    out = someplan("status", ws)
    assert "Goals:" in out and "telefoner i uka ≤ 40: 48 ↓ on track" in out
    table = someplan("goal", "list", "-w", ws)
    assert "Færre telefoner" in table and "at this pace" in table and "behind" in table


def test_targets_are_added_dropped_and_the_goal_removed_and_restored(someplan, ws):
    goal = someplan("goal", "add", "Fylle julebordene", "--start", "2026-11-01", "--end", "2026-12-20", "-w", ws).strip()
    assert "no targets yet" in someplan("goal", "list", "-w", ws)
    target = someplan("goal", "edit", "fylle julebordene", "--target", "engasjementsrate >= 6", "-w", ws).strip()
    assert [t["id"] for t in someplan.json("goal", "list", "--json", "-w", ws)[0]["targets"]] == [target]
    someplan("goal", "edit", goal, "--drop-target", target, "--title", "Fulle julebord", "-w", ws)
    [listed] = someplan.json("goal", "list", "--json", "-w", ws)
    assert listed["targets"] == [] and listed["title"] == "Fulle julebord"
    assert f"someplan goal restore {goal}" in someplan("goal", "rm", "Fulle julebord", "-w", ws)
    assert someplan.json("goal", "list", "--json", "-w", ws) == []
    assert someplan("goal", "restore", goal, "-w", ws).strip() == goal
    assert someplan.json("status", ws, "--json")["goals"][0]["title"] == "Fulle julebord"


def test_mistakes_are_one_line_errors(someplan, ws):
    someplan("goal", "add", "X", "--start", "2026-12-06", "--end", "2026-12-01", "-w", ws, code=1)
    assert someplan.err.strip() == "someplan: the end (2026-12-01) is before the start (2026-12-06)"
    someplan("goal", "add", "X", "--start", "2026-12-01", "--end", "2026-12-31", "--target", "fart >= 3", "-w", ws, code=1)
    assert "unknown kind of target 'fart'" in someplan.err and someplan.err.count("\n") == 1
    someplan("goal", "add", "X", "--start", "2026-12-01", "--end", "2026-12-31", "--target", "posts >= 3 channel=Myspace",
             "-w", ws, code=1)  # fmt: skip
    assert "unknown channel 'Myspace'" in someplan.err
    assert someplan.json("goal", "list", "--json", "-w", ws) == []  # nothing half-added
    someplan("goal", "edit", "Nothing", "--notes", "x", "-w", ws, code=1)
    assert "no goal 'Nothing'" in someplan.err
    goal = someplan("goal", "add", "X", "--start", "2026-12-01", "--end", "2026-12-31", "--target", "reach >= 30",
                    "-w", ws).strip()  # fmt: skip
    someplan("goal", "edit", goal, "--count", "3", "-w", ws, code=1)
    assert "say which target" in someplan.err
    assert "no goals" not in someplan("goal", "list", "-w", ws)


def test_status_without_goals_imports_nothing_of_them(ws, tmp_path):
    code = ("import sys; from someplan.cli import main; main(['status', sys.argv[1], '--json']);"
            "print(sorted(m for m in sys.modules if 'goal' in m), file=sys.stderr)")  # fmt: skip
    env = {"SOMEPLAN_TODAY": "2026-11-18", "XDG_CONFIG_HOME": str(tmp_path / "c"), "XDG_STATE_HOME": str(tmp_path / "s"),
           "XDG_CACHE_HOME": str(tmp_path / "k"), "PATH": "/usr/bin:/bin"}  # fmt: skip
    result = subprocess.run([sys.executable, "-c", code, ws], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert '"goals": []' in result.stdout and result.stderr.strip() == "[]"


def test_bokmal(someplan, ws, monkeypatch):
    monkeypatch.setenv("SOMEPLAN_LANG", "nb")
    someplan("goal", "add", "Fylle julebordene", "--start", "2026-10-01", "--end", "2026-12-20", "--target",
             "andel >= 30 kategori=ansatte", "-w", ws)  # fmt: skip
    out = someplan("goal", "list", "-w", ws)
    assert "andel av miksen ≥ 30,0 %" in out and "i dette tempoet" in out


def test_figures_name_the_best_times_and_the_channels_with_too_few_posts(someplan, tmp_path):
    import shutil
    from pathlib import Path

    sample = tmp_path / "sample"
    shutil.copytree(Path(__file__).resolve().parents[2] / "sample_workspace", sample)
    found = {entry["channel"]: entry for entry in someplan.json("figures", "-w", str(sample), "--json")["best_times"]}
    assert found["Facebook"]["enough"] and found["Facebook"]["posts"] >= 20
    assert {"weekday": 1, "time": "19:00"}.items() <= found["Facebook"]["best"][0].items()
    assert found["TikTok"] == {"channel": "TikTok", "posts": 13, "enough": False, "needed": 20, "best": []}
    out = someplan("figures", "-w", str(sample))
    assert "Best times, Facebook: Tue 19:00" in out and "Too few posts to learn best times from (20 a channel)" in out

"""`someplan hours`, `someplan mix`, the new post fields on the command line and `status --json`'s capacity."""


def _add(someplan, ws, title, date, *extra):
    return someplan("add", title, "--date", date, "--time", "10:00", "--channel", "facebook", "--category", "kunder",
                    "-w", ws, *extra).strip()  # fmt: skip


def test_status_json_carries_the_weeks_capacity_and_warns_when_overbooked(someplan, ws):
    _add(someplan, ws, "Reel fra kjøkkenet", "2026-11-18", "--format", "reel")
    _add(someplan, ws, "Bilde", "2026-11-19", "--format", "bilde")
    capacity = someplan.json("status", ws, "--json")["capacity"]
    assert capacity == {"posts": 2, "needed_minutes": 150, "available_minutes": None, "needed_hours": 2.5,
                        "available_hours": None, "load": "unknown"}  # fmt: skip
    assert "no hours recorded" in someplan("status", ws)
    someplan("people", "add", "Kari", "--hours", "2", "-w", ws)
    assert someplan.json("status", ws, "--json")["capacity"]["load"] == "over"
    assert "2.5 / 2 h (overbooked)" in someplan("status", ws)
    someplan("people", "edit", "Kari", "--hours", "2,75", "-w", ws)
    assert someplan.json("status", ws, "--json")["capacity"]["load"] == "tight"


def test_hours_lists_weeks_and_sets_minutes_per_format_and_category(someplan, ws):
    _add(someplan, ws, "Reel", "2026-11-18", "--format", "reel")
    someplan("people", "add", "Kari", "--hours", "10", "-w", ws)
    someplan("category", "edit", "kunder", "--minutes", "45", "-w", ws)
    weeks = someplan.json("hours", "-w", ws, "--minutes", "reel=150", "--weeks", "2", "--json")
    assert [(w["week"], w["needed_minutes"], w["available_minutes"]) for w in weeks["weeks"]] == [(47, 150, 600), (48, 0, 600)]
    assert weeks["minutes"]["format"]["reel"] == 150 and weeks["minutes"]["category"] == {"kunder": 45}
    assert "2.5 / 10 h" in someplan("hours", "-w", ws)
    someplan("hours", "-w", ws, "--minutes", "hologram=5", code=1)
    assert "unknown format" in someplan.err
    someplan("people", "edit", "Kari", "--hours", "200", "-w", ws, code=1)


def test_the_new_fields_are_edited_shown_and_cleared(someplan, ws):
    pid = _add(someplan, ws, "Kundens bilde", "2026-11-18")
    someplan("edit", pid, "--format", "karusell", "--surface", "earned", "--purpose", "omdømme", "--source", "Fjordbakeriet",
             "--permission", "bildet på Facebook", "--permission-until", "31.12.2026", "-w", ws)  # fmt: skip
    shown = someplan.json("show", pid, "-w", ws, "--json")
    assert (shown["format"], shown["surface"], shown["purpose"], shown["source"], shown["permission_until"]) == (
        "carousel", "earned", "omdømme", "Fjordbakeriet", "2026-12-31")
    assert "carousel" in someplan("show", pid, "-w", ws)
    someplan("edit", pid, "--format", "none", "--permission-until", "none", "-w", ws)
    shown = someplan.json("show", pid, "-w", ws, "--json")
    assert shown["format"] is None and shown["permission_until"] is None and shown["surface"] == "earned"
    someplan("edit", pid, "--surface", "leased", "-w", ws, code=1)
    assert "unknown surface" in someplan.err


def test_mix_of_a_week_month_and_year_against_targets(someplan, ws):
    _add(someplan, ws, "Reel", "2026-11-18", "--format", "reel", "--surface", "paid")
    _add(someplan, ws, "Bilde", "2026-11-19", "--format", "image")
    _add(someplan, ws, "Desember", "2026-12-02", "--format", "image")
    someplan("mix", "-w", ws, "--target", "format:reel=50", "--target", "surface:earned=10")
    someplan("mix", "-w", ws, "--target", "format:reel=25", "--for", "2026-12")
    month = someplan.json("mix", "-w", ws, "--json")
    assert month["posts"] == 2 and month["period"]["kind"] == "month"
    assert [(f["value"], f["share_percent"], f["target_percent"], f["on_target"]) for f in month["format"]] == [
        ("image", 50.0, None, None), ("reel", 50.0, 50, True)]
    assert [(s["value"], s["posts"]) for s in month["surface"]] == [("owned", 1), ("earned", 0), ("paid", 1)]
    december = someplan.json("mix", "-w", ws, "--month", "12", "--json")
    assert [f["target_percent"] for f in december["format"] if f["value"] == "reel"] == [25]
    week = someplan.json("mix", "-w", ws, "--week", "49", "--json")
    assert week["period"]["targets_of"] == "2026-12" and week["posts"] == 1
    assert someplan.json("mix", "-w", ws, "--year", "--json")["posts"] == 3
    out = someplan("mix", "-w", ws)
    assert "Mix · November 2026 · 2 posts" in out and "50 %" in out
    someplan("mix", "-w", ws, "--target", "format:reel=120", code=1)
    someplan("mix", "-w", ws, "--target", "reel=20", code=1)


def test_add_warns_on_stderr_when_the_post_overbooks_its_week_and_still_adds_it(someplan, ws):
    someplan("people", "add", "Kari", "--hours", "3", "-w", ws)
    post_id = _add(someplan, ws, "Reel fra kjøkkenet", "2026-11-18", "--format", "reel")
    assert post_id and someplan.err == ""  # 2 of 3 h: room left
    post_id = _add(someplan, ws, "Reel nummer to", "2026-11-19", "--format", "reel")
    assert post_id and someplan.err.startswith("someplan: warning: ")
    assert "week 47 · 16–22 Nov is overbooked: the plan needs 4 h, there are 3 h" in someplan.err
    assert [p["title"] for p in someplan.json("list", "-w", ws, "--json")] == ["Reel fra kjøkkenet", "Reel nummer to"]


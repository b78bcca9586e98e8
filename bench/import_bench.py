"""The 2,000-row export import (the command under 2 s, the import in process under 1 s; importing
it twice changes nothing).

    python bench/import_bench.py [--runs 5] [--rows 2000]

Makes a workspace with 2,000 planned Facebook posts over two years, and a Meta Business Suite
Facebook export of the same 2,000 posts as users download it (BOM, quoted "1,250" numbers,
MM/DD/YYYY times a few minutes off the plan and in US Pacific time as Meta writes them, titles slightly edited, no post ids known yet), so
every row is matched by time and text: the slow path. Prints medians over fresh copies of:
the whole `someplan import` command in a new process, the import in process (read + match +
one atomic write), and a re-import of the same file (which must write nothing), with
`python -c pass` as the baseline of a process start.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from harness import bench_home

WORDS = ("fjord nordlys julebord frokost Kari resepsjonen vinter sommer badstue båt tur fjellet kaffe meny "
         "gjester konferanse bryllup middag kveld morgen snø sol hytte kajakk ski").split()  # fmt: skip


def make(base: Path, rows: int) -> tuple[Path, Path]:
    from someplan.services.catalog import Catalog
    from someplan.services.setup import init_workspace

    from zoneinfo import ZoneInfo

    oslo, pacific = ZoneInfo("Europe/Oslo"), ZoneInfo("America/Los_Angeles")
    rng = random.Random(7)
    root = base / "ws"
    catalog = Catalog(init_workspace(root, "Bench"))
    facebook = catalog.channel("Facebook").id
    start = dt.datetime(2025, 1, 6, 8, 0)
    changes, export = [], []
    for i in range(rows):
        when = start + dt.timedelta(hours=9 * i + rng.randint(0, 3))
        title = " ".join(rng.choice(WORDS) for _ in range(6)) + f" {i}"
        caption = " ".join(rng.choice(WORDS) for _ in range(30))
        post_id = f"p{i:05d}"
        for name, value in (("title", title), ("caption", caption), ("channel", facebook), ("status", "scheduled"),
                            ("date", when.date().isoformat()), ("time", when.strftime("%H:%M"))):  # fmt: skip
            changes.append(("posts", post_id, name, value))
        published = (when + dt.timedelta(minutes=rng.randint(0, 20))).replace(tzinfo=oslo).astimezone(pacific)
        reach = rng.randint(200, 9000)
        export.append([f"1044_{900000 + i}", "1044", "Fjordhotellet", title.replace(" ", "  ", 1), caption, "",
                       published.strftime("%m/%d/%Y %H:%M"), "", f"https://www.facebook.com/1044/posts/{900000 + i}",
                       "No", "No", "Photos", "", "", "", "", "Lifetime", f"{reach * 2:,}", f"{reach:,}", "",
                       str(rng.randint(0, 400)), str(rng.randint(0, 60)), str(rng.randint(0, 40)), str(rng.randint(0, 90))])  # fmt: skip
    catalog.workspace.write(changes)
    catalog.workspace.close()
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Post ID", "Page ID", "Page name", "Title", "Description", "Duration (sec)", "Publish time",
                     "Caption type", "Permalink", "Is crosspost", "Is share", "Post type", "Languages", "Custom labels",
                     "Funded content status", "Data comment", "Date", "Views", "Reach", "Reactions, Comments and Shares",
                     "Reactions", "Comments", "Shares", "Total clicks"])  # fmt: skip
    writer.writerows(export)
    path = base / "facebook_posts.csv"
    path.write_bytes(out.getvalue().encode("utf-8-sig"))
    return root, path


def in_process(root: Path, path: Path) -> tuple[float, float, int, int]:
    from someplan.services.catalog import Catalog
    from someplan.services.figures.importer import apply_import, plan_import
    from someplan.store.workspace import Workspace

    t = time.perf_counter()
    catalog = Catalog(Workspace.open(root))
    plan = plan_import(catalog, path)
    written = apply_import(catalog, plan)
    first = time.perf_counter() - t
    t = time.perf_counter()
    again = plan_import(catalog, path)
    rewritten = apply_import(catalog, again)
    second = time.perf_counter() - t
    assert plan.matched == plan.updated == int(os.environ["BENCH_ROWS"]) and not plan.errors, plan.summary()
    return first, second, written, rewritten


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rows", type=int, default=2000)
    args = parser.parse_args()
    with bench_home("someplan-import-bench-", today="2026-11-18") as base:
        root, path = make(base, args.rows)
        firsts, seconds, commands, baseline = [], [], [], []
        os.environ["BENCH_ROWS"] = str(args.rows)
        for run in range(args.runs):
            # A copy of a workspace on the same machine shares its private copies (they would
            # heal the copy with the ops of the previous run): each run gets its own state dir.
            os.environ["XDG_STATE_HOME"] = str(base / f"state{run}")
            copy = base / f"copy{run}"
            shutil.copytree(root, copy)
            first, second, written, rewritten = in_process(copy, path)
            firsts.append(first)
            seconds.append(second)
            assert rewritten == 0, "a re-import wrote something"
            command = base / f"cmd{run}"
            shutil.copytree(root, command)
            t = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "someplan", "import", str(path), "-w", str(command), "--json"],
                                  check=True, capture_output=True, env={**os.environ, "XDG_STATE_HOME": str(base / f"cmdstate{run}")})  # fmt: skip
            assert f'"updated": {args.rows}' in done.stdout.decode(), done.stdout[:300]
            commands.append(time.perf_counter() - t)
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", "pass"], check=True)
            baseline.append(time.perf_counter() - t)
        ms = lambda xs: f"{statistics.median(xs) * 1000:7.0f} ms"  # noqa: E731
        print(f"{args.rows}-row Meta Facebook export, every row matched by time and text; medians of {args.runs}")
        print(f"  someplan import (new process)   {ms(commands)}   [budget < 2 s]   python -c pass {ms(baseline)}")
        print(f"  import in process               {ms(firsts)}   [budget < 1 s]   ({written} fields written in one batch)")
        print(f"  re-import of the same file      {ms(seconds)}   (fields written: {rewritten})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

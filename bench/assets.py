"""The asset folder's figures on the large bench workspace (20,000 files in 200 folders).

    python bench/assets.py [--runs 5]

Each run is a new interpreter (so peak memory is the run's own) that measures:
- the scan alone (`scan_folder`, in process);
- the planner, headless, watching: start until the asset index is in and shown, and meanwhile
  `]` (next week) pressed again and again: how long each key takes while the worker indexes;
- the assets pane redrawn from the index (what every post edit costs on top);
- a file copied into a sub-folder (shutil.copy, 200 KB) until it is in the pane's list: five times;
- peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import bench_home, median_ms  # noqa: E402
from make_workspace import generate, make_assets  # noqa: E402


async def child_run(root: Path) -> dict:
    from someplan.services.assets import scan_folder
    from someplan.services.catalog import Catalog
    from someplan.store.workspace import Workspace
    from someplan.tui.app import SomeplanApp

    t = time.perf_counter()
    files = len(scan_folder(root / "assets"))
    scan = time.perf_counter() - t

    start = time.perf_counter()
    app = SomeplanApp(Catalog(Workspace.open(root)), watch=True)
    keys: list[float] = []
    during = 0
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.pause()
        first_frame = time.perf_counter() - start
        while screen.asset_listing is None:
            await pilot.pause(0.005)
        indexed = time.perf_counter() - start
        redraw, unchanged = [], []
        for _ in range(5):
            t = time.perf_counter()
            screen._show_assets()  # what every post edit adds when no asset use changed
            unchanged.append(time.perf_counter() - t)
            screen.assets.forget_listing()  # rebuild everything
            screen.query_one("AssetsPane")._shown = None
            t = time.perf_counter()
            screen._show_assets()
            redraw.append(time.perf_counter() - t)
        worker = screen.run_worker(screen._index_assets, thread=True, exclusive=True, group="assets")
        while worker.is_running or len(keys) < 10:  # the folder indexed again, keys pressed meanwhile
            running = worker.is_running
            t = time.perf_counter()
            await pilot.press("right_square_bracket")
            keys.append(time.perf_counter() - t)
            during += running
        source = root.parent / "copy-source.jpg"
        source.write_bytes(os.urandom(200_000))
        arrive = []
        for i in range(5):
            name = f"{2021 + (40 + i) % 5}/mappe-{40 + i:03d}/NY_{i}.jpg"
            t = time.perf_counter()
            shutil.copy(source, root / "assets" / name)
            while name not in {row.path for row in screen.asset_listing.rows}:
                await pilot.pause(0.005)
            arrive.append(time.perf_counter() - t)
    return {"files": files, "scan": scan, "first_frame": first_frame, "indexed": indexed, "keys": keys[-10:], "during": during, "redraw": redraw, "unchanged": unchanged, "arrive": arrive,
            "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", type=Path)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(asyncio.run(child_run(args.child))))
        return 0
    with bench_home("someplan-assets-bench-") as base:
        results = []
        for run in range(args.runs):
            root = base / f"workspace-{run}"
            generate(root)
            make_assets(root)
            done = subprocess.run([sys.executable, __file__, "--child", str(root)], check=True,
                                  stdout=subprocess.PIPE, text=True)  # fmt: skip
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
            shutil.rmtree(root, ignore_errors=True)
        keys = [k for r in results for k in r["keys"]]
        print(f"asset files                              {results[0]['files']:7d}")
        print(f"scan of the folder, in process           {median_ms([r['scan'] for r in results]):7.1f} ms")
        print(f"planner start until the index is shown   {median_ms([r['indexed'] for r in results]):7.1f} ms  [< 5000 ms]")
        print(f"planner start to first frame             {median_ms([r['first_frame'] for r in results]):7.1f} ms")
        print(f"key ] during a re-index (median, max)    {median_ms(keys):7.1f} ms, {max(keys) * 1000:.1f} ms"
              f"  ({sum(r['during'] for r in results)} keys while the worker ran)")  # fmt: skip
        print(f"assets pane, nothing changed             {median_ms([x for r in results for x in r['unchanged']]):7.1f} ms  (each post edit)")
        print(f"assets pane rebuilt from the index       {median_ms([x for r in results for x in r['redraw']]):7.1f} ms  (a file came or went)")
        print(f"file copied in until shown in the pane   {median_ms([x for r in results for x in r['arrive']]):7.1f} ms  [< 1000 ms]"
              f"  (max {max(x for r in results for x in r['arrive']) * 1000:.0f} ms)")  # fmt: skip
        print(f"peak resident memory, planner process    {max(r['rss'] for r in results):7.1f} MB  [< 150 MB]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

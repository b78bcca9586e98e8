"""Print the engine's figures on the large bench workspace (design brief budgets in brackets).

    python bench/run.py [--runs 9]

Makes the workspace with make_workspace.py in a temp folder, uses temp config/state dirs, and
reports medians. Run it with a virtual environment's interpreter, not a version-manager shim.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import bench_home, median_ms  # noqa: E402
from make_workspace import generate, make_assets  # noqa: E402

from someplan.store.device import IdentityStore  # noqa: E402
from someplan.store.workspace import Workspace  # noqa: E402

MEASURE_OPEN = """
import resource, sys, time
t = time.perf_counter()
from someplan.store.workspace import Workspace
from someplan.store.device import IdentityStore
ws = Workspace.open(sys.argv[1], IdentityStore(sys.argv[2], sys.argv[3]), writable=False)
posts = [dict(doc) for doc in ws.view("posts").values()]
elapsed = time.perf_counter() - t
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, len(posts))
"""


def in_process_open(root: Path, ids: IdentityStore, runs: int) -> float:
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        ws = Workspace.open(root, ids, writable=False)
        posts = [dict(doc) for doc in ws.view("posts").values()]
        samples.append(time.perf_counter() - t)
        assert len(posts) >= 3000 or len(posts) > 0
    return median_ms(samples)


def cold_process(root: Path, base: Path, runs: int) -> tuple[float, float, float]:
    """Median seconds of open+read in a new interpreter (imports included), its max RSS (MB), and `python -c pass`."""
    opens, rss, bare = [], [], []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append(time.perf_counter() - t)
        out = subprocess.run(
            [sys.executable, "-c", MEASURE_OPEN, str(root), str(base / "cfg"), str(base / "state")],
            check=True, capture_output=True, text=True,
        ).stdout.split()
        opens.append(float(out[0]))
        rss.append(int(out[1]) / 1024)
    return median_ms(opens), max(rss), median_ms(bare)


def status_command(root: Path, base: Path, runs: int) -> tuple[float, float, float]:
    """Median ms of `someplan status` as a new process, its peak RSS (MB), and of `python -c pass`."""
    measure = "import resource, runpy, sys; sys.argv = ['someplan', 'status', sys.argv[1]]\n" \
              "try:\n    runpy.run_module('someplan', run_name='__main__')\nexcept SystemExit:\n    pass\n" \
              "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)"  # fmt: skip
    subprocess.run([sys.executable, "-m", "someplan", "status", str(root)], check=True, capture_output=True)
    times, bare, rss = [], [], 0.0
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append(time.perf_counter() - t)
        t = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", measure, str(root)], check=True, capture_output=True, text=True)
        times.append(time.perf_counter() - t)
        rss = max(rss, int(done.stderr.strip().splitlines()[-1]) / 1024)
    return median_ms(times), rss, median_ms(bare)


def edit_durable(root: Path, ids: IdentityStore, runs: int) -> float:
    ws = Workspace.open(root, ids)
    rid = next(iter(ws.view("posts")))
    samples = []
    for i in range(runs):
        t = time.perf_counter()
        ws.update("posts", rid, {"title": f"edit {i}"})
        samples.append(time.perf_counter() - t)
    return median_ms(samples)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with bench_home("someplan-bench-") as base:
        root = base / "workspace"
        t = time.perf_counter()
        ops = generate(root)
        print(f"generated {ops} ops, 3000 posts, 4 devices in {time.perf_counter() - t:.1f} s")
        ids = IdentityStore(base / "cfg", base / "state")
        print(f"open + full read, in process          {in_process_open(root, ids, args.runs):7.1f} ms  [< 150 ms]")
        cold, rss, bare = cold_process(root, base, max(3, args.runs // 2))
        print(f"open + full read, new interpreter      {cold:7.1f} ms  (python -c pass: {bare:.1f} ms)")
        print(f"peak resident memory, that process    {rss:7.1f} MB")
        print(f"one edit durable (fsync'd)             {edit_durable(root, ids, 50):7.2f} ms  [< 20 ms]")
        writable = Workspace.open(root, ids)
        writable.write_snapshot()
        print(f"open + full read, from a snapshot      {in_process_open(root, ids, args.runs):7.1f} ms  [< 150 ms]")
        make_assets(root)
        status, rss, bare = status_command(root, base, args.runs)
        print(f"someplan status, + 20,000 asset files  {status:7.1f} ms  [< 250 ms]  (python -c pass: {bare:.1f} ms)")
        print(f"peak resident memory, status           {rss:7.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

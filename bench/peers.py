"""someplan beside the terminal planners users compare it with, on the same data, in one run.

    python bench/peers.py [--peers DIR] [--sizes 3000,10000,30000] [--runs 15] [--frames 5]
                          [--no-install] [--no-tui]

DIR holds the peers' scripts (make_data.py, commands.sh, tui_first_frame.sh); by default
`../shared/peers` next to the checkout. For every size, make_data.py makes the items (and, at the
first size, the peers' own data); the same items become a someplan workspace written by three
colleagues' devices. Timed, each after warm-up runs (hyperfine when installed, else a median of
`--runs` runs of our own):

- `someplan status` on a machine with its own snapshot in the workspace (it wrote last);
- the same on a colleague's machine: its own config and state dirs, no snapshot of its own;
- taskwarrior's and khal's "this week" at the first size (commands.sh);
- the planner's first complete frame at 120x40 against ikhal's (tui_first_frame.sh).

The warm-up runs let each machine make its read cache (in its state dir); a new machine's very
first run (no cache, no snapshot of its own: every segment read) is timed once, apart. Then the
ratios. taskwarrior, khal, hyperfine and tmux are installed with apt-get when missing
(unless --no-install). "Today" is pinned to Monday 2026-11-23: status shows ISO week 48, the peers
their 7 days from 2026-11-22. Run it from a virtualenv with bytecode caching on (no
PYTHONDONTWRITEBYTECODE): a start that recompiles every module measures the compiler.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from someplan.store.hlc import format_stamp  # noqa: E402
from someplan.store.layout import DEVICE_FILE, DEVICES, WORKSPACE_FILE, segment_name  # noqa: E402
from someplan.store.ops import encode  # noqa: E402
from someplan.store.writer import SEGMENT_BYTES  # noqa: E402

TODAY = "2026-11-23"
PEERS_TODAY = "2026-11-22"
COLLEAGUES = [("peerskari001", "Kari"), ("peersola0002", "Ola"), ("peerssiri003", "Siri")]
CHANNEL_NETWORK = {"social": "facebook", "blog": "other", "newsletter": "other", "youtube": "other", "podcast": "other"}
TOOLS = {"task": "taskwarrior", "khal": "khal", "hyperfine": "hyperfine", "tmux": "tmux"}
START_MS = 1_638_316_800_000  # 2021-12-01, when the colleagues began


# -- the data ------------------------------------------------------------------------------------


def write_workspace(items: list[dict], root: Path) -> int:
    """`items` (make_data.py's items.json) as a someplan workspace written by three devices: a
    setup, every item as one post (past ones published, later ones scheduled), then a later
    edit of every tenth post, as a plan lives. Returns the number of ops."""
    root.mkdir(parents=True)
    (root / WORKSPACE_FILE).write_text(json.dumps({"app": "someplan", "format": 1, "id": "peersbench00000000000000000"}))
    devices = []
    for device_id, name in COLLEAGUES:
        folder = root / DEVICES / device_id
        folder.mkdir(parents=True)
        (folder / DEVICE_FILE).write_text(json.dumps({"device_id": device_id, "name": name}))
        devices.append({"id": device_id, "folder": folder, "seq": 1, "buffer": bytearray()})
    wall = START_MS
    count = 0

    def batch(device: dict, table: str, record: str, fields: dict) -> None:
        nonlocal wall, count
        lines = []
        for name, value in fields.items():
            wall += 1000
            lines.append(encode(format_stamp(wall, 0, device["id"]), table, record, name, value, None))
        size = sum(map(len, lines))
        if device["buffer"] and len(device["buffer"]) + size > SEGMENT_BYTES:
            flush(device)
            device["seq"] += 1
        device["buffer"] += b"".join(lines)
        count += len(lines)

    def flush(device: dict) -> None:
        if device["buffer"]:
            (device["folder"] / segment_name(device["seq"])).write_bytes(bytes(device["buffer"]))
            device["buffer"] = bytearray()

    setup = devices[0]
    batch(setup, "settings", "workspace", {"name": "Peers bench", "timezone": "Europe/Oslo", "locale": "en"})
    channels = {name: f"ch{n:024d}" for n, name in enumerate(sorted({i["channel"] for i in items}))}
    for name, rid in channels.items():
        batch(setup, "channels", rid, {"name": name.capitalize(), "network": CHANNEL_NETWORK.get(name, "other"),
                                       "target_per_week": 3})  # fmt: skip
    categories = {name: f"ca{n:024d}" for n, name in enumerate(sorted({i["category"] for i in items}))}
    for name, rid in categories.items():
        batch(setup, "categories", rid, {"name": name, "cadence": "every 2 weeks", "active": True})
    for n, item in enumerate(items):
        day, clock = item["start"].split("T")
        batch(devices[n % len(devices)], "posts", item["uid"].replace("-", "")[:26], {
            "title": item["title"], "channel": channels[item["channel"]], "category": categories[item["category"]],
            "date": day, "time": clock, "status": "published" if day < TODAY else "scheduled",
        })  # fmt: skip
    for n, item in enumerate(items[::10]):
        batch(devices[(n + 1) % len(devices)], "posts", item["uid"].replace("-", "")[:26], {"title": item["title"] + "!"})
    for device in devices:
        flush(device)
    return count


def make_data(peers: Path, size: int, out: Path, with_peers: bool) -> list[dict]:
    command = [sys.executable, str(peers / "make_data.py"), str(size), str(out)]
    subprocess.run(command + ([] if with_peers else ["--no-import"]), check=True, capture_output=True)
    return json.loads((out / "items.json").read_text())["items"]


# -- the tools -----------------------------------------------------------------------------------


def ensure_tools(install: bool) -> None:
    missing = [package for tool, package in TOOLS.items() if not shutil.which(tool)]
    if not missing:
        return
    if not install:
        print(f"missing (not installed: --no-install): {', '.join(missing)}", file=sys.stderr)
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    print(f"installing {', '.join(missing)} with apt-get", file=sys.stderr)
    subprocess.run(sudo + ["apt-get", "install", "-y", *missing], check=False, stdout=subprocess.DEVNULL)


def env_of(home: Path) -> dict[str, str]:
    """A machine of its own: config, state and cache dirs under `home`, today pinned."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(XDG_CONFIG_HOME=str(home / "cfg"), XDG_STATE_HOME=str(home / "state"),
               XDG_CACHE_HOME=str(home / "cache"), SOMEPLAN_TODAY=TODAY, LC_TIME="C")  # fmt: skip
    return env


def env_command(env: dict[str, str], argv: list[str]) -> list[str]:
    changed = [f"{k}={v}" for k, v in env.items() if os.environ.get(k) != v]
    return ["env", *changed, *argv]


def time_commands(named: dict[str, list[str]], runs: int, warmup: int = 3) -> dict[str, float]:
    """Median ms of each command, all in one run (hyperfine if there is one)."""
    if shutil.which("hyperfine"):
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            command = ["hyperfine", "-N", "--warmup", str(warmup), "--runs", str(runs), "--style", "none",
                       "--export-json", out.name]  # fmt: skip
            for name, argv in named.items():
                command += ["-n", name, subprocess.list2cmdline(argv)]
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            results = json.loads(Path(out.name).read_text())["results"]
        return {r["command"]: statistics.median(r["times"]) * 1000 for r in results}
    medians = {}
    for name, argv in named.items():
        for _ in range(warmup):
            subprocess.run(argv, check=True, capture_output=True)
        samples = []
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run(argv, check=True, capture_output=True)
            samples.append(time.perf_counter() - t)
        medians[name] = statistics.median(samples) * 1000
    return medians


def first_frame(peers: Path, command: list[str], frames: int) -> float | None:
    samples = []
    for _ in range(frames):
        done = subprocess.run(["bash", str(peers / "tui_first_frame.sh"), subprocess.list2cmdline(command)],
                              capture_output=True, text=True)  # fmt: skip
        if done.returncode != 0 or not done.stdout.strip().isdigit():
            return None
        samples.append(float(done.stdout.strip()))
    return statistics.median(samples)


def peer_commands(peers: Path, data: Path) -> dict[str, list[str]]:
    env = {**os.environ, "PEERS_TODAY": PEERS_TODAY}
    listed = subprocess.run(["bash", str(peers / "commands.sh"), "--named", str(data)], env=env,
                            check=True, capture_output=True, text=True).stdout  # fmt: skip
    found = {}
    for line in listed.splitlines():
        name, command = line.split("\t", 1)
        if name in ("taskwarrior", "khal") and shutil.which(command.split()[0]):
            found[name] = ["sh", "-c", command]
    return found


# -- the run -------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_peers = Path(__file__).resolve().parent.parent.parent / "shared" / "peers"
    parser.add_argument("--peers", type=Path, default=default_peers, help="the peers' scripts (default: %(default)s)")
    parser.add_argument("--sizes", default="3000,10000,30000", help="posts per data set, the first one against the peers")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--frames", type=int, default=5, help="launches per first-frame median")
    parser.add_argument("--no-install", action="store_true", help="do not apt-get missing peers")
    parser.add_argument("--no-tui", action="store_true", help="skip the first-frame comparison")
    args = parser.parse_args()
    if "PYTHONDONTWRITEBYTECODE" in os.environ:
        print("note: PYTHONDONTWRITEBYTECODE is set here; the timed commands run without it", file=sys.stderr)
    sizes = [int(s) for s in args.sizes.split(",")]
    ensure_tools(not args.no_install)
    someplan = str(Path(sys.executable).parent / "someplan")
    base = Path(tempfile.mkdtemp(prefix="someplan-peers-"))
    try:
        own, colleague = env_of(base / "own"), env_of(base / "colleague")
        times: dict[str, float] = {}
        for n, size in enumerate(sizes):
            data, root = base / f"data-{size}", base / f"workspace-{size}"
            items = make_data(args.peers, size, data, with_peers=n == 0)
            ops = write_workspace(items, root)
            # This machine wrote last: a writable open and close leave its own snapshot.
            subprocess.run([sys.executable, "-c", "import sys\nfrom someplan.store.workspace import Workspace\n"
                            "Workspace.open(sys.argv[1]).write_snapshot()", str(root)], env=own, check=True)  # fmt: skip
            status = [someplan, "status", str(root)]
            print(f"{size} posts, {ops} ops: timing", file=sys.stderr)
            t = time.perf_counter()
            subprocess.run(status, env=env_of(base / f"first-{size}"), check=True, capture_output=True)
            times[f"first-{size}"] = (time.perf_counter() - t) * 1000
            named = {f"own-{size}": env_command(own, status), f"colleague-{size}": env_command(colleague, status)}
            if n == 0:
                named.update(peer_commands(args.peers, data))
            times.update(time_commands(named, args.runs))
        first = sizes[0]
        task, khal = times.get("taskwarrior"), times.get("khal")
        print(f"\n{'what':62} {'someplan':>9} {'peer':>22} {'ratio':>7}")

        def row(what: str, ours: float, peer_name: str = "", peer: float | None = None) -> None:
            ratio = f"{ours / peer:6.2f}x" if peer else ""
            shown = f"{peer_name} {peer:.0f} ms" if peer else ""
            print(f"{what:62} {ours:6.0f} ms {shown:>22} {ratio:>7}")

        for size in sizes:
            for case, label in (("own", "own snapshot"), ("colleague", "no own snapshot")):
                ours = times[f"{case}-{size}"]
                row(f"status, {size} posts, {label}", ours, "taskwarrior", task)
                if size == first and khal:
                    row("", ours, "khal", khal)
                if size != first:
                    row("", ours, f"status at {first}", times[f"{case}-{first}"])
            row(f"status, {size} posts, a new machine's first run (1 run)", times[f"first-{size}"], "taskwarrior", task)
        if not args.no_tui:
            root = base / f"workspace-{first}"
            ours = first_frame(args.peers, env_command(own, [someplan, str(root)]), args.frames)
            config = base / f"data-{first}" / "khal" / "config"
            ikhal = first_frame(args.peers, ["env", "LC_TIME=C", "ikhal", "-c", str(config)], args.frames)
            if ours is not None:
                row(f"planner's first complete frame (120x40), {first} posts", ours, "ikhal", ikhal)
            else:
                print("planner's first frame: timed out")
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(f"\nmedians of {args.runs} runs after warm-up (first frames: {args.frames} launches); today pinned to {TODAY}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

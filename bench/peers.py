"""someplan beside the terminal planners users compare it with, on the same data, in one run.

    python bench/peers.py [--peers DIR] [--sizes 3000,10000,30000] [--runs 15] [--frames 5]
                          [--no-install] [--no-tui] [--hyperfine]

DIR holds the peers' scripts (make_data.py, commands.sh, tui_first_frame.sh); by default
`../shared/peers` next to the checkout. For every size, make_data.py makes the items (and, at the
first size, the peers' own data); the same items become a someplan workspace written by three
colleagues' devices. Timed after warm-up rounds, the commands in turn round after round (so a
drifting load on the machine weighs on all alike), median wall and CPU time of `--runs` rounds
(or with hyperfine, `--hyperfine`):

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
    # Unset what `env` leaves out (PYTHONDONTWRITEBYTECODE): `env` alone passes it through.
    removed = [f"--unset={k}" for k in os.environ if k not in env]
    changed = [f"{k}={v}" for k, v in env.items() if os.environ.get(k) != v]
    return ["env", *removed, *changed, *argv]


def time_commands(named: dict[str, list[str]], runs: int, warmup: int = 3, hyperfine: bool = False) -> dict[str, tuple]:
    """Median wall ms and median CPU ms (user + system) of each command, all in one run.

    Our own runner takes the commands in turn, round after round, so a machine whose load
    drifts (other work on the cores) weighs on all of them alike; CPU time, from the child's
    rusage, is what load distorts least. `hyperfine=True` times with hyperfine instead (its
    CPU figures are means).
    """
    if hyperfine and shutil.which("hyperfine"):
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            command = ["hyperfine", "-N", "--warmup", str(warmup), "--runs", str(runs), "--style", "none",
                       "--export-json", out.name]  # fmt: skip
            for name, argv in named.items():
                command += ["-n", name, subprocess.list2cmdline(argv)]
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            results = json.loads(Path(out.name).read_text())["results"]
        return {r["command"]: (statistics.median(r["times"]) * 1000, (r["user"] + r["system"]) * 1000) for r in results}
    walls: dict[str, list[float]] = {name: [] for name in named}
    cpus: dict[str, list[float]] = {name: [] for name in named}
    for round_ in range(warmup + runs):
        for name, argv in named.items():
            t = time.perf_counter()
            child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _pid, status, usage = os.wait4(child.pid, 0)
            wall = time.perf_counter() - t
            child.returncode = os.waitstatus_to_exitcode(status)
            if child.returncode != 0:
                raise SystemExit(f"{name} failed (exit {child.returncode}): {subprocess.list2cmdline(argv)}")
            if round_ >= warmup:
                walls[name].append(wall * 1000)
                cpus[name].append((usage.ru_utime + usage.ru_stime) * 1000)
    return {name: (statistics.median(walls[name]), statistics.median(cpus[name])) for name in named}


WARM_UP_STILL_MS = 3000


def first_frames(peers: Path, commands: dict[str, list[str]], frames: int) -> dict[str, float | None]:
    """Each command's median time to its first complete frame, the commands launched in turn (so
    that the machine's drift falls on all alike), after one launch each that is not counted and
    is left running until its screen has been still for WARM_UP_STILL_MS: a planner that was used
    on the machine before has finished a start and kept what a start keeps in the cache dir (the
    timed launches are closed 100 ms after their frame, before that)."""
    samples: dict[str, list[float] | None] = {name: [] for name in commands}
    for round_ in range(frames + 1):
        for name, command in commands.items():
            if samples[name] is None:
                continue
            still = [] if round_ else ["-s", str(WARM_UP_STILL_MS)]
            done = subprocess.run(["bash", str(peers / "tui_first_frame.sh"), *still, subprocess.list2cmdline(command)],
                                  capture_output=True, text=True)  # fmt: skip
            if done.returncode != 0 or not done.stdout.strip().isdigit():
                samples[name] = None
            elif round_:
                samples[name].append(float(done.stdout.strip()))  # type: ignore[union-attr]
    return {name: statistics.median(times) if times else None for name, times in samples.items()}


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
    parser.add_argument("--hyperfine", action="store_true", help="time with hyperfine instead of in turns")
    parser.add_argument("--keep", action="store_true", help="leave the data, workspaces and machines' folders (printed)")
    parser.add_argument("--baseline", type=Path, help="another checkout of someplan (e.g. `git worktree add` of an "
                        "earlier commit) whose status is timed in the same rounds, on its own copy of the data")  # fmt: skip
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
            variants = [("", root, own, colleague)]
            if args.baseline:
                shutil.copytree(root, base / f"workspace-{size}-baseline")
                before = {"PYTHONPATH": str(args.baseline.resolve())}
                variants.append((" (baseline)", base / f"workspace-{size}-baseline",
                                 env_of(base / "own-baseline") | before,
                                 env_of(base / "colleague-baseline") | before))  # fmt: skip
            named = {}
            for suffix, where, own_env, colleague_env in variants:
                # This machine wrote last: a writable open and close leave its own snapshot.
                subprocess.run([sys.executable, "-c", "import sys\nfrom someplan.store.workspace import Workspace\n"
                                "Workspace.open(sys.argv[1]).write_snapshot()", str(where)], env=own_env, check=True)  # fmt: skip
                # ... and the planner has been opened on it before: its name question answered.
                subprocess.run([sys.executable, "-c", "from someplan.services.locate import write_user_state\n"
                                "write_user_state(device_named=True)"], env=own_env, check=True)  # fmt: skip
                status = [someplan, "status", str(where)]
                named[f"own-{size}{suffix}"] = env_command(own_env, status)
                named[f"colleague-{size}{suffix}"] = env_command(colleague_env, status)
                first_env = env_of(base / f"first-{size}{suffix}") | {k: v for k, v in own_env.items() if k == "PYTHONPATH"}
                times[f"first-{size}{suffix}"] = time_commands({"first": env_command(first_env, status)}, 1, warmup=0)["first"]
            print(f"{size} posts, {ops} ops: timing", file=sys.stderr)
            if n == 0:
                named.update(peer_commands(args.peers, data))
            times.update(time_commands(named, args.runs, hyperfine=args.hyperfine))
        first = sizes[0]
        task, khal = times.get("taskwarrior"), times.get("khal")
        print(f"\n{'what':56} {'someplan':>17} {'peer':>28} {'ratio':>13}")
        print(f"{'':56} {'wall / CPU ms':>17} {'wall / CPU ms':>28} {'wall / CPU':>13}")

        def row(what: str, ours: tuple, peer_name: str = "", peer: tuple | None = None) -> None:
            shown = f"{peer_name} {peer[0]:5.0f} / {peer[1]:4.0f}" if peer else ""
            ratio = f"{ours[0] / peer[0]:5.2f} / {ours[1] / peer[1]:5.2f}" if peer else ""
            print(f"{what:56} {ours[0]:7.0f} / {ours[1]:5.0f} {shown:>28} {ratio:>13}")

        for suffix in ("", " (baseline)") if args.baseline else ("",):
            for size in sizes:
                for case, label in (("own", "own snapshot"), ("colleague", "no own snapshot")):
                    ours = times[f"{case}-{size}{suffix}"]
                    row(f"status, {size} posts, {label}{suffix}", ours, "taskwarrior", task)
                    if size == first and khal:
                        row("", ours, "khal", khal)
                    if size != first:
                        row("", ours, f"status at {first}", times[f"{case}-{first}{suffix}"])
                row(f"status, {size} posts, a new machine's 1st run{suffix}", times[f"first-{size}{suffix}"], "taskwarrior", task)
        if not args.no_tui:
            root = base / f"workspace-{first}"
            config = base / f"data-{first}" / "khal" / "config"
            # A colleague's machine whose name question is not answered yet: no snapshot of its
            # own, and the question over the first frame (its caches are made by the launch that
            # is not counted, as on any machine that opened the planner before; the question is
            # left unanswered, so every timed launch asks it). On a copy of the workspace: in the
            # same folder its heartbeat would show in our header ("also here"), a frame later.
            shutil.copytree(root, base / f"workspace-{first}-colleague", ignore=shutil.ignore_patterns("presence.json"))
            launches = {
                "ours": env_command(own, [someplan, str(root)]),
                "colleague": env_command(colleague, [someplan, str(base / f"workspace-{first}-colleague")]),
                "ikhal": ["env", "LC_TIME=C", "ikhal", "-c", str(config)],
            }
            if args.baseline:
                baseline_env = env_of(base / "own-baseline") | {"PYTHONPATH": str(args.baseline.resolve())}
                launches["baseline"] = env_command(baseline_env, [someplan, str(base / f"workspace-{first}-baseline")])
            frames = first_frames(args.peers, launches, args.frames)
            ikhal = frames["ikhal"]
            theirs = (ikhal, float("nan")) if ikhal else None
            for name, what in (("ours", "this machine"), ("colleague", "colleague, name question"), ("baseline", "(baseline)")):
                if name not in frames:
                    continue
                if frames[name] is None:
                    print(f"planner's first frame, {what}: timed out")
                    continue
                row(f"first complete frame 120x40, {first} posts, {what}", (frames[name], float("nan")), "ikhal", theirs)
    finally:
        if args.keep:
            print(f"kept: {base}", file=sys.stderr)
        else:
            shutil.rmtree(base, ignore_errors=True)
    print(f"\nmedians of {args.runs} runs after 3 warm-up rounds, commands in turn (first frames: {args.frames} launches,"
          f" wall only); today pinned to {TODAY}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

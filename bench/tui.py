"""The planner's figures on the large bench workspace (budgets in brackets).

    python bench/tui.py [--runs 7]

Start to first full frame: from constructing the app (workspace opened from its snapshot, as
after any normal session) until the main screen has drawn, headless. Key press to repaint:
`]` (next week) and `L` (move a post a day, a durable write) until the screen has processed
the key and refreshed. Then each key of issue 15 on its own (the editor, the figures view, the
export dialog, the year wheel, the batch and people screens, changing focus), press to repaint,
in wall and in CPU time (the process's, which other load on the machine distorts least),
the detail pane's update as the cursor moves (issue 16), and a five-letter word typed in the
search screen letter by letter: each key to its echo in the field, and the hits of what is typed
drawn once the typing pauses (CPU only: the wall time holds the pause the screen waits for).
For each key two figures: press to its first repaint (the first frame Textual composes after the
press: what the user waits for; a view may fill in or finish a preview on a thread after it) and
press to settled (the process idle again, everything the key started done).
Idle CPU: process CPU time over 3 s of doing nothing, with the change feed running. Memory: peak RSS of the process.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import bench_home, median_ms  # noqa: E402
from make_workspace import generate, make_assets  # noqa: E402

# Each key a user feels, timed from the press until the screen has processed it and repainted.
KEYS = (
    ("e: open the post editor", "e"), ("F: the figures view", "F"), ("E: the export dialog", "E"),
    ("w: the year wheel", "w"), ("b: the batch screen", "b"), ("P: the people screen", "P"),
    ("2: focus the rotation pane", "2"), ("3: focus the assets pane", "3"), ("tab: next pane", "tab"),
    ("1: back to the week plan", "1"), ("/: the search screen", "slash"), ("!: needs attention", "exclamation_mark"),
)  # fmt: skip
FOCUS_KEYS = {"1", "2", "3", "4", "tab"}
SEARCH_WORD = "fjord"  # in nearly every caption of the bench: the widest search a word makes


def first_repaints(app) -> dict[str, tuple[float, float]]:
    """Notes (wall, CPU) of the next frame Textual composes for the screen on top, once
    `armed` is set; the headless driver writes nothing, so the composed frame is the repaint."""
    seen: dict[str, tuple[float, float]] = {}
    display = app._display

    def noting(screen, renderable) -> None:
        if renderable is not None and "armed" in seen and "painted" not in seen:
            seen["painted"] = (time.perf_counter(), time.process_time())
        display(screen, renderable)

    app._display = noting
    return seen


async def one_run(
    root: Path,
    per_key: dict[str, list[float]],
    per_key_cpu: dict[str, list[float]],
    search_cpu: dict[str, list[float]],
    first: dict[str, list[float]],
    first_cpu: dict[str, list[float]],
) -> tuple[float, list[float], list[float], float]:
    from someplan.services.catalog import Catalog
    from someplan.store.workspace import Workspace
    from someplan.tui.app import SomeplanApp

    start = time.perf_counter()
    app = SomeplanApp(Catalog(Workspace.open(root)), watch=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        first_frame = time.perf_counter() - start
        week, move = [], []
        for _ in range(5):
            t = time.perf_counter()
            await pilot.press("right_square_bracket")
            await pilot.pause()
            week.append(time.perf_counter() - t)
        await pilot.press("t")  # back to a week with posts, on one of them
        plan = app.screen.plan
        while plan.selected_post_id is None:
            await pilot.press("j")
        for _ in range(5):
            t = time.perf_counter()
            await pilot.press("L")
            await pilot.pause()
            move.append(time.perf_counter() - t)
        baseline = []
        for _ in range(5):
            t = time.perf_counter()
            await pilot.press("x")  # bound to nothing: what pressing and waiting costs by itself
            await pilot.pause()
            baseline.append(time.perf_counter() - t)
        handler = []
        for _ in range(5):
            t = time.perf_counter()
            app.screen.action_next_week()  # the work a key does, without the test driver's waiting
            handler.append(time.perf_counter() - t)
            await pilot.pause()
        await pilot.press("t")
        while plan.selected_post_id is None:
            await pilot.press("j")
        painted = first_repaints(app)
        for name, key in KEYS:  # each view opened (until it has drawn), then closed again
            main = app.screen
            painted.clear()
            t, cpu = time.perf_counter(), time.process_time()
            painted["armed"] = (t, cpu)
            await pilot.press(key)
            await pilot.pause()
            per_key.setdefault(name, []).append(time.perf_counter() - t)
            per_key_cpu.setdefault(name, []).append(time.process_time() - cpu)
            if "painted" in painted:  # a key that changes nothing on screen has no repaint
                first.setdefault(name, []).append(painted["painted"][0] - t)
                first_cpu.setdefault(name, []).append(painted["painted"][1] - cpu)
            painted.clear()
            if key not in FOCUS_KEYS:
                while app.screen is not main:
                    await pilot.press("escape")
                    await pilot.pause()
        await pilot.press("slash")
        while type(app.screen).__name__ != "SearchScreen":
            await pilot.pause()
        await pilot.pause()
        search = app.screen
        for letters in (SEARCH_WORD[:n] for n in range(1, len(SEARCH_WORD) + 1)):
            t, cpu = time.perf_counter(), time.process_time()
            await pilot.press(letters[-1])
            await pilot.pause()
            per_key.setdefault(f"search {letters!r}: key to echo", []).append(time.perf_counter() - t)
            per_key_cpu.setdefault(f"search {letters!r}: key to echo", []).append(time.process_time() - cpu)
            cpu = time.process_time()
            # typed slowly: the hits of every prefix (a screen searching on every key drew them with its echo)
            while getattr(search, "searched", letters) != letters:
                await pilot.pause()
            await pilot.pause()
            search_cpu.setdefault(f"search {letters!r}: hits drawn", []).append(time.process_time() - cpu)
        while app.screen is search:
            await pilot.press("escape")
            await pilot.pause()
        # The detail pane follows the cursor: j until the pane has drawn the next post, and the
        # screen's handler on its own (one post read and its text drawn; the picture waits for
        # the cursor to rest and is decoded on a thread, so it is not in either figure).
        for _ in range(5):
            drawn = app.screen.detail_updates
            t = time.perf_counter()
            await pilot.press("j")
            while app.screen.detail_updates == drawn:
                await pilot.pause()
            await pilot.pause()
            per_key.setdefault("j: detail update on cursor move", []).append(time.perf_counter() - t)
        for _ in range(5):
            t = time.perf_counter()
            app.screen._show_detail()
            per_key.setdefault("detail update handler, no driver", []).append(time.perf_counter() - t)
            await pilot.pause()
        moving = []
        for step in (1, -1, 1, -1, 1):
            t = time.perf_counter()
            app.screen.action_move_post(step)  # a durable write and every pane redrawn
            moving.append(time.perf_counter() - t)
            await pilot.pause()
        week.append(statistics.median(baseline) * -1)  # marker, split off below
        move += handler + moving
        cpu = time.process_time()
        await asyncio.sleep(3)
        idle = (time.process_time() - cpu) / 3 * 100
    return first_frame, week, move, idle


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with bench_home("someplan-tui-bench-") as base:
        root = base / "workspace"
        generate(root)
        make_assets(root)
        from someplan.store.device import IdentityStore
        from someplan.store.workspace import Workspace

        store = IdentityStore()  # a named machine: the planner asks a new one its name first
        store.rename(store.load(), "Benken")
        Workspace.open(root).write_snapshot()
        from someplan.services.locate import write_user_state

        write_user_state(device_named=True)  # the first start's name question would sit on top of the plan
        frames, weeks, moves, handlers, idles, baselines, move_handlers = [], [], [], [], [], [], []
        per_key: dict[str, list[float]] = {}
        per_key_cpu: dict[str, list[float]] = {}  # CPU time: what a loaded machine distorts least
        search_cpu: dict[str, list[float]] = {}  # CPU only: the wall time holds the screen's pause
        first: dict[str, list[float]] = {}  # press to the first repaint, wall
        first_cpu: dict[str, list[float]] = {}
        for _ in range(args.runs):
            frame, week, move, idle = asyncio.run(one_run(root, per_key, per_key_cpu, search_cpu, first, first_cpu))
            frames.append(frame)
            baselines.append(-week.pop())
            weeks += week
            moves += move[:5]
            handlers += move[5:10]
            move_handlers += move[10:]
            idles.append(idle)
        print(f"start to first full frame          {median_ms(frames):7.1f} ms  [< 1000 ms]")
        print(f"key ] (next week) to repaint       {median_ms(weeks):7.1f} ms  round trip through the test driver")
        print(f"key L (move a post) to repaint     {median_ms(moves):7.1f} ms  round trip, with the durable write")
        print(f"an unbound key, same driver        {median_ms(baselines):7.1f} ms  (the driver's own share of the above)")
        print(f"next-week handler, no driver       {median_ms(handlers):7.1f} ms  [< 50 ms]")
        print(f"move-a-post handler, no driver     {median_ms(move_handlers):7.1f} ms  [< 50 ms]")
        for name, samples in per_key.items():
            cpu = f", {median_ms(per_key_cpu[name]):5.1f} ms CPU" if name in per_key_cpu else ""  # the detail's are wall only
            print(f"key {name:31}{median_ms(samples):7.1f} ms  [< 50 ms] round trip{cpu}")
        for name, samples in search_cpu.items():
            print(f"{name:35}{median_ms(samples):7.1f} ms CPU  [< 50 ms] once the typing pauses")
        print("press to first repaint (what the user waits for), then to settled, CPU ms in brackets:")
        for name, samples in first.items():
            print(
                f"  {name:33}{median_ms(samples):7.1f} ms ({median_ms(first_cpu[name]):5.1f} CPU)  [< 50 ms]"
                f"  settled {median_ms(per_key[name]):7.1f} ms ({median_ms(per_key_cpu[name]):5.1f} CPU)"
            )
        print(f"idle CPU, change feed running      {statistics.median(idles):7.2f} %")
        print(
            f"peak resident memory               {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:7.1f} MB  [< 120 MB]"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The year wheel's figures on the large bench workspace (3,000 posts over 5 years).

    python bench/year_wheel.py [--runs 5]

Open: `w` from the planner until the wheel has drawn (through the test driver). Handlers,
without the driver, each with the year drawn anew: a week to the side (the year's wheel is
cached), a year on (the wheel of another year is built: its posts read, the calendar worked
out); the planner's next week for comparison. Through the driver: a week to the side, and an
unbound key (the driver's own share). Budget: key press to repaint < 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import bench_home, median_ms  # noqa: E402
from make_workspace import generate  # noqa: E402


async def one_run(root: Path) -> dict[str, list[float]]:
    from someplan.services.catalog import Catalog
    from someplan.store.workspace import Workspace
    from someplan.tui.app import SomeplanApp
    from someplan.tui.screens.year_wheel import WheelGrid

    found: dict[str, list[float]] = {"open": [], "week": [], "year": [], "plan week": [], "driver week": [], "unbound": []}
    app = SomeplanApp(Catalog(Workspace.open(root)), watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(5):
            t = time.perf_counter()
            app.screen.action_next_week()
            found["plan week"].append(time.perf_counter() - t)
            await pilot.pause()
        for _ in range(3):
            t = time.perf_counter()
            await pilot.press("w")
            await pilot.pause()
            found["open"].append(time.perf_counter() - t)
            wheel = app.screen
            grid = wheel.query_one(WheelGrid)
            for step in (1, 1, -1, -1, 1):
                t = time.perf_counter()
                wheel.action_move(step)
                grid.render()
                found["week"].append(time.perf_counter() - t)
                await pilot.pause()
            for step in (-1, 1):
                t = time.perf_counter()
                wheel.action_year(step)
                grid.render()
                found["year"].append(time.perf_counter() - t)
                await pilot.pause()
            for key in ("right", "left", "right", "left"):
                t = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                found["driver week"].append(time.perf_counter() - t)
                t = time.perf_counter()
                await pilot.press("x")  # bound to nothing
                await pilot.pause()
                found["unbound"].append(time.perf_counter() - t)
            await pilot.press("escape")
            await pilot.pause()
    return found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with bench_home("someplan-wheel-bench-") as base:
        root = base / "workspace"
        generate(root)
        from someplan.store.workspace import Workspace

        Workspace.open(root).write_snapshot()
        totals: dict[str, list[float]] = {}
        for _ in range(args.runs):
            for name, values in asyncio.run(one_run(root)).items():
                totals.setdefault(name, []).extend(values)
        print(f"w: open the wheel, via the driver   {median_ms(totals['open']):7.1f} ms")
        print(f"a week to the side, handler + grid  {median_ms(totals['week']):7.1f} ms  [< 50 ms]")
        print(f"another year, built, handler + grid {median_ms(totals['year']):7.1f} ms  [< 50 ms]")
        print(f"the planner's next week (handler)   {median_ms(totals['plan week']):7.1f} ms  for comparison")
        print(f"→ through the driver, to repaint    {median_ms(totals['driver week']):7.1f} ms")
        print(f"an unbound key, same driver         {median_ms(totals['unbound']):7.1f} ms  (the driver's own share)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""What every bench script sets up alike: a temp home for the run and medians in milliseconds."""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TODAY = "2026-10-14"  # inside the large bench workspace's five years


@contextmanager
def bench_home(prefix: str, today: str = TODAY) -> Iterator[Path]:
    """A temp folder, removed afterwards, holding this run's config, state and cache dirs; they
    and a fixed today are set in os.environ, so the bench never touches the user's own and child
    processes inherit them."""
    base = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ.update(XDG_CONFIG_HOME=str(base / "cfg"), XDG_STATE_HOME=str(base / "state"),
                      XDG_CACHE_HOME=str(base / "cache"), SOMEPLAN_TODAY=today)  # fmt: skip
    try:
        yield base
    finally:
        shutil.rmtree(base, ignore_errors=True)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000

"""Hybrid logical clock (Kulkarni et al. 2014) stamps for ops.

A stamp is ``<wall ms, 13 digits>-<counter, 4 hex>-<device id>``: fixed width, so stamps sort as
strings, and unique per device. A device that has seen a colleague's op always stamps its next
op later than it, even when its own wall clock is hours behind; that is what makes "the edit made
after seeing the other one wins" hold on laptops with wrong clocks.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

DEVICE_ID_RE = re.compile(r"^[0-9a-z]{12}$")
STAMP_RE = re.compile(r"^(\d{13})-([0-9a-f]{4})-([0-9a-z]{12})$")
MAX_COUNTER = 0xFFFF

# A colleague's stamp further ahead of our clock than this is reported as a clock problem.
SKEW_REPORT_MS = 5 * 60 * 1000
# How far ahead of our clock a colleague's stamp may lead us. Following a clock years ahead (or a
# forged 9999999999999) would stamp every later edit of ours years ahead too; such stamps are
# reported, not followed, and an edit made after seeing one still wins (see ops.order_key).
MAX_FOLLOW_AHEAD_MS = 86_400_000


@dataclass(frozen=True, order=True)
class Stamp:
    wall_ms: int
    counter: int
    device: str

    def __str__(self) -> str:
        return f"{self.wall_ms:013d}-{self.counter:04x}-{self.device}"


def format_stamp(wall_ms: int, counter: int, device: str) -> str:
    return f"{wall_ms:013d}-{counter:04x}-{device}"


def parse_stamp(text: str) -> Stamp | None:
    match = STAMP_RE.match(text) if isinstance(text, str) else None
    if not match:
        return None
    return Stamp(int(match[1]), int(match[2], 16), match[3])


def stamp_wall_ms(text: str) -> int:
    """The wall-clock part of a stamp; 0 for a malformed one (a foreign writer's)."""
    head = text[:13]
    return int(head) if head.isdigit() else 0


def stamp_device(text: str) -> str:
    return text[19:]


NowMs = Callable[[], int]  # the wall clock in milliseconds; tests pass their own


def wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


class Clock:
    """The HLC of one device. Thread-safe: the change feed observes from its own thread."""

    def __init__(self, device: str, now_ms: NowMs = wall_clock_ms) -> None:
        if not DEVICE_ID_RE.match(device):
            raise ValueError(f"not a device id: {device!r}")
        self.device = device
        self._now_ms = now_ms
        self._wall = 0
        self._counter = 0
        self._lock = threading.Lock()

    def now(self) -> str:
        """A new stamp, later than every stamp this clock made or observed."""
        with self._lock:
            physical = self._now_ms()
            if physical > self._wall:
                self._wall, self._counter = physical, 0
            elif self._counter < MAX_COUNTER:
                self._counter += 1
            else:
                self._wall, self._counter = self._wall + 1, 0
            return format_stamp(self._wall, self._counter, self.device)

    def observe(self, stamp: str) -> None:
        """Move past a stamp seen in the workspace so our next stamp sorts after it."""
        parsed = parse_stamp(stamp)
        if parsed is None or parsed.wall_ms > self._now_ms() + MAX_FOLLOW_AHEAD_MS:
            return
        wall, counter = parsed.wall_ms, parsed.counter
        with self._lock:
            if (wall, counter) > (self._wall, self._counter):
                self._wall, self._counter = wall, counter

"""Generate the large bench workspace: 5 years, 3,000 posts with key figures, ~40,000 ops, 4 devices.

    python bench/make_workspace.py OUT_DIR [--posts 3000] [--seed 1]

The ops are written in the real segment format (through `someplan.store.ops.encode` and the
same 64 KB segment rule) but without the engine's per-write fsyncs, so generating takes seconds.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

from someplan.store.hlc import format_stamp
from someplan.store.layout import DEVICE_FILE, DEVICES, WORKSPACE_FILE, segment_name
from someplan.store.ops import encode
from someplan.store.workspace import FORMAT, new_record_id
from someplan.store.writer import SEGMENT_BYTES

DEVICE_IDS = ["benchkari001", "benchola0002", "benchsiri003", "benchpc00004"]
NAMES = ["Kari", "Ola", "Siri", "Kontor-PC"]
CHANNELS = ["facebook", "instagram", "linkedin", "tiktok"]
CATEGORIES = ["ansatte", "kunder", "bak kulissene", "produkt", "historie", "tips og triks", "inspirasjon"]
STATUSES = ["idea", "draft", "ready", "scheduled", "published"]
START = date(2021, 11, 1)
START_MS = 1_635_724_800_000


class Device:
    def __init__(self, root: Path, device_id: str, name: str) -> None:
        self.folder = root / DEVICES / device_id
        self.folder.mkdir(parents=True)
        (self.folder / DEVICE_FILE).write_text(json.dumps({"device_id": device_id, "name": name}))
        self.id, self.seq, self.buffer, self.counter = device_id, 1, bytearray(), 0

    def add(self, batch: list[bytes]) -> None:
        if self.buffer and len(self.buffer) + sum(map(len, batch)) > SEGMENT_BYTES:
            self.flush()
            self.seq += 1
        self.buffer += b"".join(batch)

    def flush(self) -> None:
        if self.buffer:
            (self.folder / segment_name(self.seq)).write_bytes(bytes(self.buffer))
            self.buffer = bytearray()


def make_assets(root: Path, count: int = 20_000, folders: int = 200) -> None:
    """`count` small files in `folders` sub-folders of assets/ (names as cameras and phones make them)."""
    for i in range(count):
        folder = root / "assets" / f"{2021 + i % 5}" / f"mappe-{i % folders:03d}"
        if i < folders:
            folder.mkdir(parents=True, exist_ok=True)
        (folder / f"IMG_{i:05d}.jpg").write_bytes(b"\xff\xd8\xff\xe0" + i.to_bytes(4, "big"))


def generate(root: Path, posts: int = 3000, seed: int = 1) -> int:
    rng = random.Random(seed)
    root.mkdir(parents=True)
    (root / WORKSPACE_FILE).write_text(json.dumps({"app": "someplan", "format": FORMAT, "id": new_record_id()}))
    devices = [Device(root, i, n) for i, n in zip(DEVICE_IDS, NAMES, strict=False)]
    wall = START_MS
    count = 0
    last: dict[tuple[str, str], str] = {}

    def batch(device: Device, table: str, record: str, fields: dict) -> None:
        nonlocal wall, count
        lines = []
        for name, value in fields.items():
            wall += rng.randint(1, 40_000)
            stamp = format_stamp(wall, 0, device.id)
            lines.append(encode(stamp, table, record, name, value, last.get((record, name))))
            last[(record, name)] = stamp
        device.add(lines)
        count += len(lines)

    setup = devices[0]
    batch(setup, "settings", "workspace", {"name": "Bench-hotellet", "timezone": "Europe/Oslo", "locale": "nb"})
    channel_ids = {c: new_record_id() for c in CHANNELS}
    for name, rid in channel_ids.items():
        batch(setup, "channels", rid, {"name": name.capitalize(), "network": name, "target_per_week": 3})
    category_ids = {c: new_record_id() for c in CATEGORIES}
    for name, rid in category_ids.items():
        batch(setup, "categories", rid, {"name": name, "cadence": "weekly", "active": True})
    span = 5 * 365
    post_ids = []
    for i in range(posts):
        device = rng.choice(devices)
        day = START + timedelta(days=span * i // posts)
        rid = new_record_id()
        post_ids.append(rid)
        batch(device, "posts", rid, {
            "title": f"Innlegg {i}: {rng.choice(CATEGORIES)}",
            "caption": " ".join(rng.choice(["fjord", "frokost", "utsikt", "ansatt", "kveld", "tur"]) for _ in range(25)),
            "channel": channel_ids[rng.choice(CHANNELS)],
            "category": category_ids[rng.choice(CATEGORIES)],
            "date": day.isoformat(),
            "time": f"{rng.randint(7, 21):02d}:{rng.choice(['00', '15', '30', '45'])}",
            "status": "published" if day < START + timedelta(days=span - 30) else rng.choice(STATUSES),
        })
        batch(device, "posts", rid, {
            "reach": rng.randint(100, 9000),
            "reactions": rng.randint(0, 400),
            "comments": rng.randint(0, 60),
            "shares": rng.randint(0, 40),
            "followers": rng.randint(2000, 6000),
        })
    while count < 40_000:
        device = rng.choice(devices)
        batch(device, "posts", rng.choice(post_ids), {"status": rng.choice(STATUSES)})
    for device in devices:
        device.flush()
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--posts", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--assets", type=int, default=20_000, help="files in assets/ (200 folders)")
    args = parser.parse_args()
    if args.out.exists():
        print(f"{args.out} exists; pick a new folder", file=sys.stderr)
        return 1
    ops = generate(args.out, args.posts, args.seed)
    make_assets(args.out, args.assets)
    print(f"{args.out}: {args.posts} posts, {ops} ops, {len(DEVICE_IDS)} devices, {args.assets} asset files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

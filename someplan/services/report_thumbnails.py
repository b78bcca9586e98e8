"""Small thumbnails of a post's picture, embedded in the report as data: URIs.

Only files inside the workspace's asset folder are read (a reference leading out of it, by
`..`, an absolute path or a symlink, is skipped), and only what Pillow reads as an image; a
video, a missing or a broken file gives no thumbnail rather than an error. A thumbnail is a
JPEG of at most `SIZE` pixels a side, so the report stays small enough to e-mail.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass, field
from pathlib import Path

from someplan.domain.post import Post

SIZE = 160
QUALITY = 72


@dataclass
class Thumbnails:
    root: Path | None
    made: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def of(cls, catalog) -> Thumbnails:
        from someplan.services.assets import asset_root

        try:
            return cls(asset_root(catalog))
        except (OSError, ValueError):
            return cls(None)

    def __call__(self, post: Post) -> str | None:
        """The first of the post's assets that makes a thumbnail, as a data: URI."""
        for ref in post.assets:
            if ref not in self.made:
                self.made[ref] = self._make(ref)
            if self.made[ref]:
                return self.made[ref]
        return None

    def _make(self, ref: str) -> str | None:
        from someplan.services.assets import resolve_reference

        if self.root is None:
            return None
        try:
            path = resolve_reference(self.root, ref)
        except Exception:  # BadReference and anything a strange name raises: no picture, no stop
            return None
        data = thumbnail_jpeg(path)
        return "data:image/jpeg;base64," + base64.b64encode(data).decode("ascii") if data else None


def thumbnail_jpeg(path: Path, size: int = SIZE) -> bytes | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            image.draft("RGB", (size * 2, size * 2))  # JPEG: decode at a fraction of the size
            image.thumbnail((size, size))
            if image.mode in ("RGBA", "LA", "P"):
                image = image.convert("RGBA")
                flat = Image.new("RGB", image.size, (255, 255, 255))
                flat.paste(image, mask=image.getchannel("A"))
                image = flat
            elif image.mode != "RGB":
                image = image.convert("RGB")
            out = io.BytesIO()
            image.save(out, "JPEG", quality=QUALITY, optimize=True)
            return out.getvalue()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None

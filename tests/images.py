"""Small real images for letterhead tests (Pillow, as the application reads them)."""

from __future__ import annotations

import io

from PIL import Image


def png(width: int = 600, height: int = 150, color: str = "#1f3a5f") -> bytes:
    buf = io.BytesIO()
    img = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    img.paste(Image.new("RGBA", (width // 4, height // 2), color), (width - width // 4 - 10, height // 4))
    img.save(buf, "PNG")
    return buf.getvalue()


def jpeg(width: int = 600, height: int = 150) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), "#c9a227").save(buf, "JPEG")
    return buf.getvalue()


def noisy_png(min_bytes: int) -> bytes:
    """A PNG larger than ``min_bytes`` (random pixels do not compress)."""
    import random

    side = int((min_bytes / 3) ** 0.5) + 64
    rnd = random.Random(3)
    img = Image.frombytes("RGB", (side, side), rnd.randbytes(side * side * 3))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()

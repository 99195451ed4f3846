#!/usr/bin/env python3
"""xwd2png.py IN.xwd OUT.png: an X window dump (``xwd -root``) as PNG, with Pillow (no ImageMagick)."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PIL import Image


def convert(src: str, dst: str) -> None:
    data = Path(src).read_bytes()
    fields = struct.unpack(">25I", data[:100])
    header_size, _version, _format, depth, width, height = fields[:6]
    byte_order, bits_per_pixel, bytes_per_line, ncolors = fields[7], fields[11], fields[12], fields[19]
    if bits_per_pixel not in (24, 32) or depth not in (24, 32):
        raise SystemExit(f"unsupported dump: depth {depth}, {bits_per_pixel} bits per pixel")
    pixels = data[header_size + 12 * ncolors :]
    lsb = byte_order == 0
    raw = ("BGRX" if lsb else "XRGB") if bits_per_pixel == 32 else ("BGR" if lsb else "RGB")
    Image.frombuffer("RGB", (width, height), pixels, "raw", raw, bytes_per_line, 1).save(dst)


if __name__ == "__main__":
    convert(sys.argv[1], sys.argv[2])

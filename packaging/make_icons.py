"""Render resources/icons/cluster-desktop.svg to the PNG (Linux, window icon) and ICO (Windows) the
build ships. Run after changing the SVG: ``python packaging/make_icons.py`` (offscreen Qt, Pillow)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def render_png(svg: Path, out: Path, size: int) -> None:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"not a valid SVG: {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out)):
        raise SystemExit(f"could not write {out}")


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    svg = ICONS / "cluster-desktop.svg"
    png = ICONS / "cluster-desktop.png"
    render_png(svg, png, 256)
    Image.open(png).save(ICONS / "cluster-desktop.ico", sizes=ICO_SIZES)
    print(png, ICONS / "cluster-desktop.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())

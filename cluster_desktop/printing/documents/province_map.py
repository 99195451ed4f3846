"""The national map as a page of the printed national ranking report: the 31 provinces drawn as vector
paths from the same projected outlines, colours and figures as the screen's map (services/province_map),
with its legend and the boundaries' ODbL notice on the map. Text goes through the one Persian line
layout (printing/layout)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from cluster_desktop.domain.geo import ProvinceShape
from cluster_desktop.printing.fonts import FONT_BOLD, FONT_REGULAR
from cluster_desktop.printing.layout import draw_line, layout_line

BORDER = colors.HexColor("#5b6570")
TEXT = colors.HexColor("#1d2733")


@dataclass(frozen=True)
class MapLegendEntry:
    colour: str  # "#rrggbb"
    text: str


@dataclass(frozen=True)
class MapPage:
    title: str  # «استان‌ها بر پایهٔ پرونده‌ها»
    shapes: Sequence[ProvinceShape]
    bounds: tuple[float, float, float, float]
    colours: Mapping[str, str]  # province code -> fill
    labels: Mapping[str, str]  # province code -> its figure, Persian digits
    legend_title: str
    legend: Sequence[MapLegendEntry]
    attribution: str


def _dark(hex_colour: str) -> bool:
    c = colors.HexColor(hex_colour)
    return (0.299 * c.red + 0.587 * c.green + 0.114 * c.blue) < 0.47


class ProvinceMapFlowable(Flowable):
    """The map filling the frame's width (keeping Iran's proportions), legend and notice included."""

    NOTICE_SIZE = 6.5

    def __init__(self, page: MapPage) -> None:
        super().__init__()
        self.page = page
        x0, y0, x1, y1 = page.bounds
        self.aspect = (y1 - y0) / (x1 - x0)
        self.map_w = self.map_h = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        room = availHeight - 8 * mm  # the notice under the map
        self.map_w = min(availWidth, room / self.aspect)
        self.map_h = self.map_w * self.aspect
        self.width = availWidth
        return availWidth, self.map_h + 8 * mm

    def draw(self) -> None:
        canv = self.canv
        page = self.page
        x0, y0, x1, _ = page.bounds
        scale = self.map_w / (x1 - x0)
        left = (self.width - self.map_w) / 2
        bottom = 8 * mm

        def at(x: float, y: float) -> tuple[float, float]:
            return left + (x - x0) * scale, bottom + (y - y0) * scale

        canv.saveState()
        canv.setStrokeColor(BORDER)
        canv.setLineWidth(0.4)
        canv.setLineJoin(1)
        for shape in page.shapes:
            canv.setFillColor(colors.HexColor(page.colours.get(shape.code, "#d4d4d4")))
            path = canv.beginPath()
            for polygon in shape.polygons:
                for ring in polygon:
                    path.moveTo(*at(*ring[0]))
                    for point in ring[1:]:
                        path.lineTo(*at(*point))
                    path.close()
            canv.drawPath(path, fill=1, stroke=1, fillMode=0)  # even-odd: holes stay holes
        for shape in page.shapes:
            text = page.labels.get(shape.code, "")
            if not text:
                continue
            x, y = at(*shape.label_point)
            canv.setFillColor(colors.white if _dark(page.colours.get(shape.code, "#ffffff")) else TEXT)
            draw_line(canv, layout_line(text, FONT_REGULAR, 7), x, y - 2.5, "center")
        self._legend(left)
        canv.setFillColor(colors.HexColor("#4a5561"))
        notice = layout_line(page.attribution, FONT_REGULAR, self.NOTICE_SIZE)
        size = self.NOTICE_SIZE * min(1.0, self.width / max(notice.width, 1))  # never wider than the page
        draw_line(canv, layout_line(page.attribution, FONT_REGULAR, size), self.width / 2, 2.5 * mm, "center")
        canv.restoreState()

    def _legend(self, left: float) -> None:
        """Bottom left of the map (the Persian Gulf's corner): swatch on the right of each text."""
        canv, page = self.canv, self.page
        line = 5.2 * mm
        size = 8.0
        caption = layout_line(page.legend_title, FONT_BOLD, size + 0.5)
        texts = [layout_line(e.text, FONT_REGULAR, size) for e in page.legend]
        inner = max([caption.width, *(t.width for t in texts)]) + 9 * mm
        height = line * (len(texts) + 1) + 3 * mm
        x, y = left + 2 * mm, 8 * mm + 2 * mm
        canv.setFillColor(colors.white)
        canv.setStrokeColor(colors.HexColor("#b8c0c8"))
        canv.rect(x, y, inner, height, fill=1, stroke=1)
        right = x + inner - 2.5 * mm
        top = y + height - line
        canv.setFillColor(TEXT)
        draw_line(canv, caption, right, top, "right")
        for i, (entry, text) in enumerate(zip(page.legend, texts, strict=True)):
            base = top - line * (i + 1)
            canv.setFillColor(colors.HexColor(entry.colour))
            canv.setStrokeColor(BORDER)
            canv.rect(right - 4 * mm, base - 0.8 * mm, 4 * mm, 3 * mm, fill=1, stroke=1)
            canv.setFillColor(TEXT)
            draw_line(canv, text, right - 5.5 * mm, base, "right")

"""The seed's responsibility matrix (ماتریس وظایف): agencies × process steps, landscape, drawn ticks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from cluster_desktop.printing.document import para
from cluster_desktop.printing.fonts import FONT_BOLD
from cluster_desktop.printing.layout import Align, RTLTable, draw_line, rtl_style, wrap_lines

from .common import Letterhead, Official, Target, TickMark, new_document

TITLE = "ماتریس وظایف دستگاه‌های اجرایی در توسعهٔ خوشه‌های صادرات‌گرا"
HEAD_SIZE = 7.2
HEAD_LEADING = 8.6
SUBSTEP_FILL = colors.white
STEP_FILL = colors.HexColor("#eef1f5")


_CODE_TITLE: list[Align] = ["center", "right"]
_CENTER: list[Align] = ["center"]


@dataclass(frozen=True)
class MatrixColumn:
    code: str
    name: str


@dataclass(frozen=True)
class MatrixRow:
    code: str
    title: str
    is_substep: bool = False


@dataclass(frozen=True)
class MatrixData:
    letterhead: Letterhead
    columns: Sequence[MatrixColumn]  # in the seed's order: the first stands next to the step titles
    rows: Sequence[MatrixRow]
    ticks: frozenset[tuple[str, str]]  # (step code, organization code)


class VerticalLabel(Flowable):
    """A column header turned 90°, read bottom to top, wrapped to at most a few lines."""

    def __init__(self, text: str, height: float, max_lines: int = 3) -> None:
        super().__init__()
        self.text = text
        self.label_height = height
        self.max_lines = max_lines
        self.lines = wrap_lines(text, FONT_BOLD, HEAD_SIZE, height)[:max_lines]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.label_height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        n = len(self.lines)
        # Rotated +90°: x runs up the page, y runs leftwards; lines stack from left to right.
        c.translate(self.width / 2, 0)
        c.rotate(90)
        first = (n - 1) * HEAD_LEADING / 2
        for i, line in enumerate(self.lines):
            draw_line(c, line, self.label_height / 2, first - i * HEAD_LEADING - HEAD_SIZE * 0.35, "center")
        c.restoreState()


def build_matrix(data: MatrixData, target: Target) -> None:
    """Write the responsibility matrix on landscape pages as a PDF to ``target``."""
    doc = new_document(target, title=TITLE, letterhead=data.letterhead, official=Official(), landscape=True)
    cols = list(data.columns)
    code_w, title_w = 13 * mm, 78 * mm
    col_w = (doc.frame_width - code_w - title_w) / max(len(cols), 1)
    head_h = 34 * mm
    header: list[object] = ["کد", "فرایند / وظیفه", *[VerticalLabel(c.name, head_h - 2 * mm) for c in cols]]
    rows: list[list[object]] = [header]
    step_rows: list[int] = []
    for i, r in enumerate(data.rows, 1):
        if not r.is_substep:
            step_rows.append(i)
        rows.append(
            [
                r.code,
                r.title,
                *[TickMark() if (r.code, c.code) in data.ticks else "" for c in cols],
            ]
        )
    ncols = 2 + len(cols)
    cell = rtl_style("matrix-cell", size=8, leading=12)
    style = [("BACKGROUND", (0, r), (ncols - 1, r), STEP_FILL) for r in step_rows]
    style += [("VALIGN", (0, 0), (-1, 0), "BOTTOM"), ("ALIGN", (0, 1), (-1, -1), "CENTER")]
    table = RTLTable(
        rows,
        [code_w, title_w, *[col_w] * len(cols)],
        style=cell,
        col_align=_CODE_TITLE + _CENTER * len(cols),
        table_style=style,
    )
    story: list[Flowable] = [
        para(
            "هر علامت نشان می‌دهد دستگاه ستون در فرایند آن ردیف نقش دارد (برگرفته از ماتریس وظایف برنامهٔ "
            "عملیاتی توسعهٔ خوشه‌های صادرات‌گرا). ردیف‌های رنگی فرایندهای اصلی و بقیه زیرفرایندها هستند."
        ),
        table,
    ]
    doc.build(story)

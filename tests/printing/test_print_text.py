"""Persian exactly as typed, on paper (issue 18): shaping, font fallback and the PDF's text layer.

The examples of the issue are printed in one document and read back two ways: with poppler's
``pdftotext`` (what copy and search in a PDF viewer do) and, glyph by glyph in drawing order, with
pypdf's layout mode, compared with the visual order GNU FriBidi gives for the typed text.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from cluster_desktop.printing.document import OfficialDocument, para
from cluster_desktop.printing.fonts import FALLBACK_REGULAR, FONT_REGULAR, fallback_path
from cluster_desktop.printing.layout import RTLTable, draw_line, layout_line, wrap_lines
from cluster_desktop.printing.shaping import REPLACEMENT
from tests.printing.test_bidi_reference import FRIBIDI, fribidi_order

EXAMPLES = [
    "خوشهٔ اولویت ملی (ISIPO) ۲۵٪",
    "+98 (31) 5544-1234",
    "-۹",
    "مقرّر شد تقریباً همه",
    "بازار: Россия و 中国",
    "خوشه‌های صادرات‌گرا",
    "کد HS 0806.20 (OEM) برای قطعه",
    "مبلغ (دلار)",
    "لا الله",
    "Saffron & Spice Export Cluster Ltd",
]
# Lines whose direction poppler's own reordering reproduces (one direction, or numbers alone):
# pdftotext gives them back exactly as typed.
READ_EXACTLY = [1, 2, 3, 5, 7, 8, 9]
_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def as_typed(text: str) -> str:
    """NFKC without bidi controls; ZWNJ is kept (it is part of what was typed)."""
    return _CONTROLS.sub("", unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module")
def examples_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("issue18") / "examples.pdf"
    rows = [["ردیف", "نمونه"], *([str(i), e] for i, e in enumerate(EXAMPLES))]
    flowables = [para(e) for e in EXAMPLES] + [RTLTable(rows, ["15%", "85%"])]
    OfficialDocument(path, title="نمونه‌های متن (ISIPO)", date_text="۱۴۰۵/۰۹/۰۷").build(flowables)
    return path


def test_pdftotext_gives_the_typed_text(examples_pdf: Path) -> None:
    text = as_typed(
        subprocess.run(["pdftotext", str(examples_pdf), "-"], capture_output=True, text=True).stdout
    )
    lines = {line.strip() for line in text.splitlines()}
    for i in READ_EXACTLY:
        assert as_typed(EXAMPLES[i]) in lines, EXAMPLES[i]
    # harakat, ZWNJ, the lam-alef and Allah ligatures and the brackets come back as letters
    assert "مقرّر" in text and "تقریباً" in text and "خوشه‌های" in text and "لا الله" in text
    assert not re.search("[\ufb50-\ufdff\ufe70-\ufeff]", text), "presentation forms in the text layer"
    # a mixed line: every word is there as typed (the order of its parts is poppler's guess)
    for word in ["خوشهٔ", "اولویت", "ISIPO", "۲۵٪", "Россия", "中国", "HS", "0806.20", "OEM"]:
        assert word in text, word


def drawn_lines(pdf: Path) -> list[str]:
    """The text of the first page's glyphs, one text object (one drawn line) at a time, in
    content-stream order, each glyph's code looked up in its font subset's ``/ToUnicode``.

    A line's runs are drawn left to right and each run's glyphs left to right, so this is the
    visual order, read without any reader's bidi guesses.
    """
    page = PdfReader(pdf).pages[0]
    maps = {}
    for name, ref in page["/Resources"]["/Font"].items():
        cmap = ref.get_object()["/ToUnicode"].get_object().get_data().decode("latin-1")
        maps[name] = {
            int(code, 16): bytes.fromhex(text).decode("utf-16-be")
            for code, text in re.findall(r"<([0-9A-F]{2})> <([0-9A-F]*)>", cmap.split("beginbfchar")[1])
        }
    lines: list[str] = []
    font: dict[int, str] = {}
    for operands, op in ContentStream(page.get_contents(), None).operations:
        if op == b"BT":
            lines.append("")
        elif op == b"Tf":
            font = maps[operands[0]]
        elif op in (b"Tj", b"TJ"):
            for item in operands[0] if op == b"TJ" else operands:
                if isinstance(item, str | bytes):
                    raw = item.original_bytes if hasattr(item, "original_bytes") else bytes(item)
                    lines[-1] += "".join(font.get(b, "?") for b in raw)
    return lines


@pytest.mark.skipif(FRIBIDI is None, reason="fribidi (libfribidi-bin) is not installed")
def test_text_layer_holds_the_typed_letters_in_fribidis_visual_order(examples_pdf: Path) -> None:
    # GIVEN each example drawn on the first page, its glyphs' text in drawing order
    drawn = drawn_lines(examples_pdf)
    for text, order in zip(EXAMPLES, fribidi_order(EXAMPLES), strict=True):
        # THEN some line is the typed characters in FriBidi's visual order (marks aside)
        expected = "".join(text[i] for i in order)
        marks = re.compile("[\u064b-\u065f\u0670]")
        assert any(marks.sub("", line) == marks.sub("", expected) for line in drawn), text


def test_harakat_are_drawn_as_positioned_marks() -> None:
    shadda = pdfmetrics.getFont(FONT_REGULAR).face.charToGlyph[0x0651]
    [run] = layout_line("مقرّر", FONT_REGULAR, 12).runs
    cmap = pdfmetrics.getFont(FONT_REGULAR).face.charToGlyph
    glyphs = [cmap[ord(ch)] for ch in run.glyphs]
    assert shadda in glyphs
    mark = run.glyphs.__shapeData__[glyphs.index(shadda)]
    assert mark.x_advance == 0  # placed on its letter by the font's mark positioning
    [tanwin_run] = layout_line("تقریباً", FONT_REGULAR, 12).runs
    assert cmap[0x064B] in [cmap[ord(ch)] for ch in tanwin_run.glyphs]


def test_zwnj_keeps_the_letter_before_it_final() -> None:
    cmap = pdfmetrics.getFont(FONT_REGULAR).face.charToGlyph
    with_zwnj = [cmap[ord(c)] for c in layout_line("خوشه‌ها", FONT_REGULAR, 12).runs[0].glyphs]
    without = [cmap[ord(c)] for c in layout_line("خوشهها", FONT_REGULAR, 12).runs[0].glyphs]
    assert cmap[0xFEEA] in with_zwnj  # final heh before the ZWNJ
    assert with_zwnj != without


def test_letters_vazirmatn_lacks_use_the_fallback_and_the_rest_a_visible_mark(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    line = layout_line("بازار: Россия و 中国", FONT_REGULAR, 12)
    fonts = {line.text[s:e]: run.font for (s, e, _), run in zip(line.segments, line.runs, strict=True)}
    assert fonts["Россия"] == FALLBACK_REGULAR
    assert line.missing == {"中", "国"}
    # drawn as U+FFFD (the font has it), never dropped
    [cjk] = [run for (s, e, _), run in zip(line.segments, line.runs, strict=True) if line.text[s:e] == "中国"]
    cmap = pdfmetrics.getFont(FONT_REGULAR).face.charToGlyph
    assert [cmap[ord(c)] for c in cjk.glyphs] == [cmap[ord(REPLACEMENT)]] * 2
    # logged once per document, however often it is drawn
    canvas = Canvas(str(tmp_path / "x.pdf"))
    with caplog.at_level(logging.WARNING, logger="cluster_desktop.printing.layout"):
        for y in (700, 680, 660):
            draw_line(canvas, line, 500, y)
    assert len(caplog.records) == 1 and "U+4E2D" in caplog.text
    canvas.save()
    assert fallback_path().stat().st_size < 800_000


def test_both_fonts_are_embedded_as_subsets(examples_pdf: Path) -> None:
    names = {
        str(ref.get_object()["/BaseFont"]).split("+")[1]
        for page in PdfReader(examples_pdf).pages
        for ref in page["/Resources"]["/Font"].values()
    }
    assert names == {"Vazirmatn-Regular", "Vazirmatn-Bold", "DejaVuSans"}


def test_lines_break_on_shaped_widths() -> None:
    text = "مقرّر شد تقریباً همهٔ خوشه‌های صادرات‌گرا (ISIPO) " * 6
    for width in (90, 140, 233):
        lines = wrap_lines(text, FONT_REGULAR, 11, width)
        assert all(line.width <= width + 1e-6 for line in lines)
        assert " ".join(line.text for line in lines) == " ".join(text.split())


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")
def test_pages_render(examples_pdf: Path, tmp_path: Path) -> None:
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(examples_pdf), str(tmp_path / "p")], check=True)
    assert sorted(p.name for p in tmp_path.glob("p-*.png"))

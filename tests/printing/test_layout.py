"""Persian PDF layout core: line wrapping and bidi, the official document frame, fonts, hostile text."""

from __future__ import annotations

import builtins
import io
import re
import socket
import urllib.request
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from cluster_desktop.printing.document import (
    OfficialDocument,
    field_table,
    heading,
    page_label,
    para,
    signature_block,
    spacer,
)
from cluster_desktop.printing.fonts import FONT_BOLD, FONT_REGULAR, font_path, register_fonts
from cluster_desktop.printing.layout import (
    RTLParagraph,
    RTLTable,
    fa_digits,
    layout_line,
    logical_lines,
    wrap_lines,
)
from cluster_desktop.printing.qr import qr_drawing
from tests.printing.pdftext import extract_logical, extract_logical_pages, normalise

SIZE = 10.5


def visual(text: str, width: float = 400) -> list[str]:
    """Each wrapped line's characters left to right as drawn (brackets mirrored in RTL runs)."""
    return [line.visual for line in wrap_lines(text, FONT_REGULAR, SIZE, width)]


def words(n: int) -> str:
    return " ".join(f"کلمه{fa_digits(i)}" for i in range(n))


def build(path: Path, flowables: list, **kw) -> Path:
    OfficialDocument(path, title=kw.pop("title", "سند آزمایشی"), date_text="۱۴۰۵/۰۹/۰۷", **kw).build(
        flowables
    )
    return path


# --- line layout -----------------------------------------------------------------------------


def test_lines_fit_the_width_and_keep_reading_order():
    # GIVEN 120 numbered words WHEN wrapped to 200 pt
    text = words(120)
    lines = wrap_lines(text, FONT_REGULAR, SIZE, 200)
    # THEN every shaped line fits and the lines read back as the original text
    assert len(lines) > 5
    assert all(line.width <= 200 + 1e-6 for line in lines)
    assert " ".join(line.text for line in lines) == text


def test_newlines_are_kept_and_empty_text_has_no_lines():
    assert logical_lines("الف\n\nب", FONT_REGULAR, SIZE, 300) == ["الف", "", "ب"]
    assert wrap_lines("", FONT_REGULAR, SIZE, 300) == []


def test_unbreakable_word_is_cut_by_characters():
    word = "ب" * 300
    lines = wrap_lines(word, FONT_REGULAR, SIZE, 150)
    assert len(lines) > 2
    assert "".join(line.text for line in lines) == word
    assert all(line.width <= 150 + 1e-6 for line in lines)


def test_brackets_are_mirrored_in_the_visual_line():
    # «مبلغ (دلار)» drawn left to right is "(رالد) غلبم": HarfBuzz draws the glyph of "(" for ")"
    assert visual("مبلغ (دلار)") == ["(رالد) غلبم"]
    [run] = layout_line("مبلغ (دلار)", FONT_REGULAR, SIZE).runs
    cmap = pdfmetrics.getFont(FONT_REGULAR).face.charToGlyph
    glyphs = [cmap[ord(ch)] for ch in run.glyphs]
    assert glyphs[0] == cmap[ord("(")] and glyphs[-1] != cmap[ord(")")]


def test_latin_and_numbers_keep_their_order_inside_persian():
    assert visual("کد HS 0806.20 برای انگور (تازه)") == ["(هزات) روگنا یارب HS 0806.20 دک"]
    assert visual("رایانامه: info@tpo.ir") == ["info@tpo.ir :همانایار"]


def test_latin_only_paragraph_reads_left_to_right():
    assert visual("<i>unclosed") == ["<i>unclosed"]
    # …but a Latin-only line wrapped out of a Persian paragraph keeps the paragraph's direction
    width = layout_line("AT&T.", FONT_REGULAR, SIZE).width + 1
    assert visual("سلام AT&T.", width) == ["مالس", ".AT&T"]


def test_bidi_override_characters_are_removed():
    # U+202E would otherwise draw "abc" as "cba"
    [line] = wrap_lines("\u202eabc \u2067سلام\u2069", FONT_REGULAR, SIZE, 300)
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", line.text)
    assert line.visual == "abc مالس"


def test_fa_digits():
    assert fa_digits("0806.20") == "۰۸۰۶.۲۰"
    assert fa_digits(1405) == "۱۴۰۵"
    assert fa_digits("٣") == "۳"


# --- flowables ----------------------------------------------------------------------------------


def test_paragraph_splits_across_frames_without_losing_lines():
    p = RTLParagraph(words(200))
    _, height = p.wrap(300, 10_000)
    leading = p.style.leading
    first, second = p.split(300, leading * 3.5)
    assert first.wrap(300, 10_000)[1] == 3 * leading
    assert second.wrap(300, 10_000)[1] == height - 3 * leading
    assert p.split(300, leading / 2) == []


def test_rtl_table_puts_first_logical_column_on_the_right():
    table = RTLTable([["ردیف", "نام"], ["۱", "شرکت آریا"]], [40, 200])
    assert [c.text for c in table._cellvalues[0]] == ["نام", "ردیف"]
    assert table._argW == [200, 40]
    assert table.repeatRows == 1


def test_qr_drawing_has_the_requested_size():
    d = qr_drawing("مجوز:۱۲۳|sig=abc", 30)
    assert isinstance(d, Drawing)
    assert (d.width, d.height) == pytest.approx((30 * mm, 30 * mm))


# --- documents ----------------------------------------------------------------------------------


def test_font_is_found_in_resources():
    assert font_path().name == "Vazirmatn-Regular.ttf" and font_path().is_file()
    assert font_path(bold=True).name == "Vazirmatn-Bold.ttf" and font_path(bold=True).is_file()
    assert register_fonts() == (FONT_REGULAR, FONT_BOLD)


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "sample.pdf"
    build(
        path,
        [
            heading("مشخصات خوشه"),
            field_table([("نام خوشه", "انگور تازهٔ ملایر"), ("مبلغ (دلار)", fa_digits("12,500"))]),
            spacer(3),
            para("کد HS 0806.20 برای انگور (تازه)\nرایانامه: info@tpo.ir"),
            RTLTable([["ردیف", "نام عضو"], ["۱", "شرکت آریا"]], ["20%", "80%"]),
            qr_drawing("مجوز:۱۲۳", 25),
            para(words(500)),
            signature_block([("مریم احمدی", "رئیس کارگروه"), ("علی رضایی", "دبیر")]),
        ],
        title="فرم معرفی خوشه",
        number="۱۲۳/ص/۴۵۶",
        attachments="دو برگ",
        footer_note="تهیه‌شده در سامانه",
    )
    return path


def test_document_text_reads_in_logical_order(sample_pdf):
    text = extract_logical(sample_pdf)
    for expected in [
        "بسمه تعالی",
        "جمهوری اسلامی ایران",
        "وزارت صنعت، معدن و تجارت",
        "سازمان توسعه تجارت ایران",
        "شماره: ۱۲۳/ص/۴۵۶",
        "تاریخ: ۱۴۰۵/۰۹/۰۷",
        "پیوست: دو برگ",
        "فرم معرفی خوشه",
        "نام خوشه انگور تازهٔ ملایر",  # label first: it stands on the right
        "مبلغ (دلار) ۱۲,۵۰۰",
        "کد HS 0806.20 برای انگور (تازه)",
        "رایانامه: info@tpo.ir",
        "ردیف نام عضو",
        "مریم احمدی علی رضایی",
        "تهیه‌شده در سامانه",
    ]:
        assert normalise(expected) in text, expected


def test_pages_are_numbered_n_of_total(sample_pdf):
    pages = extract_logical_pages(sample_pdf)
    assert len(pages) == 2
    assert page_label(1, 2) == "صفحه ۱ از ۲"
    assert "صفحه ۱ از ۲" in pages[0] and "صفحه ۲ از ۲" in pages[1]
    # the letterhead repeats on every page
    assert all("سازمان توسعه تجارت ایران" in p for p in pages)


def test_only_embedded_vazirmatn_subsets(sample_pdf):
    reader = PdfReader(sample_pdf)
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        assert fonts
        for ref in fonts.values():
            font = ref.get_object()
            assert re.fullmatch(r"/[A-Z]{6}\+Vazirmatn-(Regular|Bold)", font["/BaseFont"])
            assert "/FontFile2" in font["/FontDescriptor"].get_object()
    assert b"Helvetica" not in sample_pdf.read_bytes()


def test_landscape_option(tmp_path):
    path = build(tmp_path / "wide.pdf", [para("متن")], landscape=True)
    box = PdfReader(path).pages[0].mediabox
    assert box.width > box.height


def test_document_writes_to_a_buffer():
    buf = io.BytesIO()
    OfficialDocument(buf, title="عنوان").build([para("متن")])
    assert buf.getvalue().startswith(b"%PDF")


# --- hostile text -------------------------------------------------------------------------------

HOSTILE = [
    "<",
    "&",
    "AT&T",
    "<i>unclosed",
    "<font size=40 color=red>VOID</font>",
    '<img src="/etc/passwd"/>',
    '<img src="http://example.com/x.png"/>',
    '<font color="[[[%s]]]">' % ("[" * 20),
    "]]>",
    "",
    "کد HS 0806.20 برای انگور (تازه)",
]


class Trapped(AssertionError):
    pass


@pytest.fixture
def no_io(monkeypatch):
    """Fail on any network use or any attempt to read /etc/passwd; record the attempts."""
    attempts: list[str] = []

    def refuse(what: str):
        attempts.append(what)
        raise Trapped(what)

    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        if "passwd" in str(file):
            refuse(f"open {file}")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(io, "open", guarded_open)
    monkeypatch.setattr(socket.socket, "connect", lambda *a, **k: refuse("socket.connect"))
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: refuse("getaddrinfo"))
    monkeypatch.setattr(urllib.request, "urlopen", lambda *a, **k: refuse("urlopen"))
    return attempts


def test_the_io_trap_catches_reportlab_markup(no_io, tmp_path):
    # GIVEN reportlab's own Paragraph (the thing we avoid) THEN the trap sees it read the file
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    with pytest.raises(Exception):  # noqa: B017 - whatever reportlab wraps the refusal in
        SimpleDocTemplate(str(tmp_path / "bad.pdf")).build([Paragraph('<img src="/etc/passwd"/>')])
    assert no_io == ["open /etc/passwd"]


def test_hostile_strings_print_literally_without_io(no_io, tmp_path):
    long_word = "x" * 150 + "ب" * 150
    rtl_override = "\u202eسلام abc"
    flowables = [para(s) for s in HOSTILE]
    flowables += [para(long_word), para(rtl_override), para("مبلغ (دلار)")]
    flowables.append(field_table([(s or "خالی", s) for s in HOSTILE]))
    path = build(tmp_path / "hostile.pdf", flowables, title="<b>AT&T</b>", number="<i>")

    assert no_io == []
    text = extract_logical(path)
    for s in [x for x in HOSTILE if x]:
        assert text.count(normalise(s)) >= 2, s  # once as a paragraph, once in the table
    assert "<b>AT&T</b>" in text and "شماره: <i>" in text
    assert long_word in re.sub(r"\s", "", text)
    assert "سلام abc" in text  # not reversed by U+202E
    assert "مبلغ (دلار)" in text
    assert "VOID" in text and "\u202e" not in text


def test_five_thousand_characters_span_pages_in_order(no_io, tmp_path):
    text = words(700)
    assert len(text) > 5000
    path = build(tmp_path / "long.pdf", [para(text)])
    pages = extract_logical_pages(path)
    assert len(pages) >= 2
    found = re.findall(r"کلمه[۰-۹]+", "\n".join(pages))
    assert found == text.split(" ")

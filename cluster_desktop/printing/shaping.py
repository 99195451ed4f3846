"""HarfBuzz shaping for print: one run of text (one font, one direction) into glyphs reportlab draws.

HarfBuzz picks the glyphs the font designs for the text (joining forms, lam-alef, harakat placed
by mark positioning, ZWNJ honoured, brackets mirrored in right-to-left runs) and positions them.
The result is a reportlab ``ShapedStr``: one character per glyph with HarfBuzz's advances and
offsets, which reportlab's text object turns into ``TJ`` adjustments and text rise. So the PDF
draws exactly HarfBuzz's glyph ids at HarfBuzz's positions.

The text layer: each drawn glyph is a character code of a font subset, and the subset's
``/ToUnicode`` map says which typed characters the code stands for. A glyph whose typed text is
just the character the font's cmap maps to it (a Latin letter, a digit) keeps that character; any
other glyph (a joining form, a ligature, a mirrored bracket, a mark, the glyph of a ZWNJ) gets a
private-use character of its own, mapped to the glyph for drawing and to the typed text, in
logical form, in ``/ToUnicode``. Viewers read glyphs left to right and reverse right-to-left
runs, as for any PDF, and get the letters as typed: no presentation forms, the brackets as typed,
ZWNJ and harakat kept. (``/ActualText`` spans were tried: poppler reads a span's text as if it
were in visual order and reverses it.)

Characters are itemised by font: the primary font where its cmap has them, else the fallback font
(DejaVu Sans: Cyrillic, Greek, more Latin); what neither has is drawn as U+FFFD and reported,
while the text layer keeps the typed character.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz as hb
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr, TTFont

from cluster_desktop.printing.fonts import FONT_FILES, coverage, fallback_font, register_fonts

REPLACEMENT = "\ufffd"
# Joiners, marks and variation selectors stay in the font of the letter they belong to.
_STICKY = {"\u200c", "\u200d", "\u034f", "\ufe0e", "\ufe0f"}
_lock = threading.RLock()
_PRIVATE_FIRST, _PRIVATE_LAST = 0xE000, 0xF8FF
# Private-use code -> the typed text its glyph stands for; codes are unique across fonts.
_private_text: dict[int, str] = {}
_private_code: dict[tuple[str, int, str], int] = {}
_next_private = _PRIVATE_FIRST


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap for a subset, with the typed text of private-use codes."""
    lines = []
    for i, code in enumerate(subset):
        text = _private_text.get(code)
        if text is None:
            lines.append(f"<{i:02X}> <{code:04X}>")
        else:  # empty for a mark's glyph: its letter's glyph carries it
            lines.append(f"<{i:02X}> <{text.encode('utf-16-be').hex().upper()}>")
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(lines)} beginbfchar",
            *lines,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


# reportlab builds every subset's ToUnicode through this module function (TTFont.addObjects).
ttfonts.makeToUnicodeCMap = _to_unicode_cmap


@dataclass(frozen=True)
class Run:
    """Shaped glyphs of one run, left to right as drawn; ``advance`` in 1/1000 em."""

    font: str
    glyphs: ShapedStr
    advance: float

    def width(self, size: float) -> float:
        """Width in points at ``size``."""
        return self.advance * size / 1000


@dataclass(frozen=True)
class _HbFont:
    ttf: TTFont
    font: hb.Font


@lru_cache(maxsize=8)
def _hb_font(name: str) -> _HbFont:
    register_fonts()
    ttf = pdfmetrics.getFont(name)
    return _HbFont(ttf, hb.Font(hb.Face(hb.Blob(ttf.face._ttf_data))))


@lru_cache(maxsize=1)
def _all_coverage() -> frozenset[int]:
    # A private code must be free in every font: the ToUnicode map of each subset consults it.
    return frozenset().union(*(coverage(name) for name in FONT_FILES))


def _glyph_char(f: _HbFont, gid: int, text: str) -> str:
    """The character drawn for glyph ``gid`` standing for the typed ``text`` (see the module doc)."""
    global _next_private
    face = f.ttf.face
    name = f.ttf.fontName
    if len(text) == 1 and ord(text) in coverage(name) and face.charToGlyph.get(ord(text)) == gid:
        return text
    key = (name, gid, text)
    code = _private_code.get(key)
    if code is None:
        taken = _all_coverage()
        while _next_private in taken:
            _next_private += 1
        if _next_private > _PRIVATE_LAST:  # full: draw right, lose this glyph's text
            chars = face.glyphToChar.get(gid)
            return chr(chars[0]) if chars else REPLACEMENT
        code = _private_code[key] = _next_private
        _next_private += 1
        _private_text[code] = text
        face.charToGlyph[code] = gid
        face.glyphToChar.setdefault(gid, []).append(code)
        face.charWidths[code] = f.ttf.pdfScale(f.font.get_glyph_h_advance(gid))
    return chr(code)


@lru_cache(maxsize=16384)
def shape_run(text: str, font: str, rtl: bool, typed: str | None = None) -> Run:
    """Shape ``text`` in ``font`` right to left or left to right; cached (positions scale with size).

    ``typed`` (same length) is what the text layer says, where ``text`` has replacement marks.
    """
    typed = text if typed is None else typed
    with _lock:
        f = _hb_font(font)
        buf = hb.Buffer()
        buf.add_str(text)  # UTF-32: clusters are character indices
        buf.guess_segment_properties()
        buf.direction = "rtl" if rtl else "ltr"
        buf.language = "fa"
        # Marks join their letter's cluster: the letter's glyph carries the letter and its harakat.
        buf.cluster_level = hb.BufferClusterLevel.MONOTONE_GRAPHEMES
        hb.shape(f.font, buf, {})
        infos, positions = buf.glyph_infos, buf.glyph_positions
        clusters = sorted({i.cluster for i in infos})
        ends = dict(zip(clusters, [*clusters[1:], len(text)], strict=True))
        # A cluster's text goes to its first glyph in logical order (the last one drawn, right to left).
        seen: set[int] = set()
        owner: list[bool] = [False] * len(infos)
        for k in reversed(range(len(infos))) if rtl else range(len(infos)):
            if infos[k].cluster not in seen:
                seen.add(infos[k].cluster)
                owner[k] = True
        chars: list[str] = []
        data: list[ShapeData] = []
        advance = 0.0
        widths = f.ttf.face.charWidths
        for k, (info, pos) in enumerate(zip(infos, positions, strict=True)):
            glyph_text = typed[info.cluster : ends[info.cluster]] if owner[k] else ""
            if rtl:  # readers reverse right-to-left runs character by character, a glyph's text too
                glyph_text = glyph_text[::-1]
            ch = _glyph_char(f, info.codepoint, glyph_text)
            x_advance = f.ttf.pdfScale(pos.x_advance)
            advance += x_advance
            chars.append(ch)
            data.append(
                ShapeData(
                    info.cluster,
                    x_advance,
                    f.ttf.pdfScale(pos.y_advance),
                    f.ttf.pdfScale(pos.x_offset),
                    f.ttf.pdfScale(pos.y_offset),
                    widths.get(ord(ch), 0),
                )
            )
        return Run(font, ShapedStr("".join(chars), shapeData=data), advance)


def _sticky(ch: str) -> bool:
    return ch in _STICKY or unicodedata.category(ch) in ("Mn", "Me", "Mc")


@lru_cache(maxsize=8192)
def itemise(text: str, font: str) -> tuple[str, tuple[tuple[int, int, str], ...], frozenset[str]]:
    """Split ``text`` into font runs: (drawn text, ((start, end, font), …), characters not printable).

    The drawn text equals ``text`` except that characters neither font has are U+FFFD.
    """
    register_fonts()
    fallback = fallback_font(font)
    primary_cmap, fallback_cmap = coverage(font), coverage(fallback)
    drawn: list[str] = []
    fonts: list[str] = []
    missing: set[str] = set()
    for ch in text:
        cp = ord(ch)
        if (
            fonts
            and _sticky(ch)
            and (cp in (primary_cmap if fonts[-1] == font else fallback_cmap) or ch in _STICKY)
        ):
            fonts.append(fonts[-1])
        elif cp in primary_cmap or ch == " ":
            fonts.append(font)
        elif cp in fallback_cmap:
            fonts.append(fallback)
        else:
            missing.add(ch)
            ch = REPLACEMENT
            fonts.append(font)
        drawn.append(ch)
    items: list[tuple[int, int, str]] = []
    start = 0
    for i in range(1, len(fonts) + 1):
        if i == len(fonts) or fonts[i] != fonts[start]:
            items.append((start, i, fonts[start]))
            start = i
    return "".join(drawn), tuple(items), frozenset(missing)


__all__ = ["REPLACEMENT", "Run", "itemise", "shape_run"]

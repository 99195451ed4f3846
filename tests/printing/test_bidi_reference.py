"""Print bidi against a reference: GNU FriBidi's command (Debian's libfribidi-bin).

Our levels come from python-bidi's Rust implementation and our own line reordering (L1, L2);
FriBidi is an independent implementation of UAX #9. Both take the base direction from the first
strong letter and fall back to left to right, so for one-line paragraphs the visual order of
every character must agree.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cluster_desktop.printing.bidi_levels import base_direction, first_strong, paragraph_levels
from cluster_desktop.printing.fonts import FONT_REGULAR
from cluster_desktop.printing.layout import layout_line

FRIBIDI = shutil.which("fribidi")
if FRIBIDI is None and os.environ.get("CI"):
    raise RuntimeError("the fribidi command is missing (Debian libfribidi-bin, scripts/install.sh --test)")
pytestmark = pytest.mark.skipif(FRIBIDI is None, reason="fribidi (libfribidi-bin) is not installed")


def fribidi_order(lines: list[str]) -> list[list[int]]:
    """FriBidi's visual-to-logical map of each line (auto base direction, LTR without a strong letter)."""
    out = subprocess.run(
        [str(FRIBIDI), "--novisual", "--vtol", "--nopad", "--nobreak"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    return [[int(x) for x in row.split()] for row in out]


def without_marks(text: str, order: list[int]) -> list[int]:
    # FriBidi moves combining marks after their letter (its NSM option); HarfBuzz keeps them in
    # their letter's cluster, so compare the letters' order only.
    return [i for i in order if unicodedata.category(text[i]) != "Mn"]


ISSUE_EXAMPLES = [
    "خوشهٔ اولویت ملی (ISIPO) ۲۵٪",
    "+98 (31) 5544-1234",
    "تلفن: +98 (31) 5544-1234",
    "-9",
    "-۹",
    "شکاف: -۹",
    "مقرّر شد",
    "تقریباً",
    "بازار: Россия و 中国",
    "خوشه‌های صادرات‌گرا",
    "کد HS 0806.20 (OEM) برای قطعه",
    "قطعه (OEM) 8471.30",
    "مبلغ (دلار)",
    "abc (دلار) def",
    "«خوشه» [ISIPO] {۱۲}",
    "<b>AT&T</b> خوشه",
    "۱۴۰۵/۰۹/۰۷",
    "رایانامه: info@tpo.ir",
]


@pytest.mark.parametrize("text", ISSUE_EXAMPLES)
def test_visual_order_matches_fribidi(text: str) -> None:
    line = layout_line(text, FONT_REGULAR, 10)
    [reference] = fribidi_order([text])
    assert without_marks(text, line.order) == without_marks(text, reference)


def test_issue_cases_read_as_the_screen_shows_them() -> None:
    # digits are not letters: no strong letter means left to right
    assert base_direction("+98 (31) 5544-1234") == "L" and base_direction("-۹") == "L"
    assert layout_line("-۹").visual == "-۹"
    assert layout_line("+98 (31) 5544-1234").visual == "+98 (31) 5544-1234"
    # the paired-bracket rule keeps «(ISIPO)» together, ۲۵٪ after it (to its left)
    assert layout_line("خوشهٔ اولویت ملی (ISIPO) ۲۵٪").visual.startswith("۲۵٪ (ISIPO) یلم")
    assert layout_line("کد HS 0806.20 (OEM)").visual == "HS 0806.20 (OEM) دک"
    # first strong letter, not any letter
    assert first_strong("HS 0806.20 انگور") == "L" and first_strong("۱۲ کیلو") == "R"


def test_levels_cover_every_character() -> None:
    text = "ab\u200cجد (x) ۱۲ 中国 Россия"
    assert len(paragraph_levels(text, "R")) == len(text)


# Letters of both directions, digits of both kinds, brackets, quotes, separators and spaces.
_ALPHABET = list("ابپتخدرسشکگلمنوهی") + list("ABCxyz") + list("0189۰۱۹٤") + list("()[]«»<> .,:;-+/%٪،")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=24), min_size=20, max_size=20))
def test_random_lines_match_fribidi(lines: list[str]) -> None:
    lines = [line if line.strip() else "x" for line in lines]
    for text, reference in zip(lines, fribidi_order(lines), strict=True):
        assert layout_line(text, FONT_REGULAR, 10).order == reference, text

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cluster_desktop.domain.text import (
    clean_text,
    normalize_for_search,
    search_index,
    similarity,
    strip_marks,
)

ZWNJ = "\u200c"


def test_arabic_letters_fold_to_persian_for_search():
    # GIVEN the same word typed on an Arabic and on a Persian keyboard
    # THEN both have the same search key
    assert normalize_for_search("كاشاني") == normalize_for_search("کاشانی") == "کاشانی"
    assert normalize_for_search("مدرسة") == "مدرسه"
    assert normalize_for_search("خانۀ") == normalize_for_search("خانه")


def test_alef_variants_fold_but_madda_is_kept():
    assert normalize_for_search("أحمد إسلامي") == "احمد اسلامی"
    assert normalize_for_search("آب") == "آب"


def test_digits_of_every_script_fold_to_latin():
    assert normalize_for_search("خوشه ۱۲۳") == normalize_for_search("خوشه ١٢٣") == "خوشه 123"


def test_diacritics_tatweel_and_spacing_vanish():
    assert normalize_for_search("  مُحَمَّد   فـــرش ") == "محمد فرش"


def test_zwnj_becomes_a_space_and_latin_is_casefolded():
    assert normalize_for_search(f"می{ZWNJ}شود") == normalize_for_search("می شود") == "می شود"
    assert normalize_for_search("TPO Cluster") == "tpo cluster"


def test_presentation_forms_from_pdfs_fold_back():
    # GIVEN text extracted from a PDF (Arabic presentation forms)
    assert normalize_for_search("\ufee3\ufeb8\ufeec\ufeaa") == "مشهد"


def test_clean_text_fixes_letters_and_spaces_but_keeps_zwnj():
    assert clean_text(f"  علي   {ZWNJ}كريمي می{ZWNJ}رود ") == f"علی {ZWNJ}کریمی می{ZWNJ}رود"


def test_clean_text_drops_bidi_overrides():
    # GIVEN a name carrying a right-to-left override that would reorder the interface
    text = "abc\u202edef\u2066x\u2069"
    # THEN the controls are gone
    assert clean_text(text) == "abcdefx"


def test_clean_text_keeps_line_breaks_unless_single_line():
    assert clean_text(" یک  \r\n\n\n\n دو ") == "یک\n\nدو"
    assert clean_text("یک\nدو", single_line=True) == "یک دو"


def test_similarity_sees_keyboard_variants_and_word_order_as_the_same():
    assert similarity("خوشه فرش دستباف كاشان", "خوشه فرش دستباف کاشان") == 1.0
    assert similarity("فرش دستباف کاشان", "کاشان فرش دستباف") == 1.0
    assert similarity("فرش کاشان", "زعفران قائنات") < 0.5
    assert 0.8 < similarity("خوشه فرش دستباف کاشان", "خوشه فرش دست باف کاشان") < 1.0
    assert similarity("", "") == 0.0


@given(st.text())
def test_normalisation_is_idempotent(s):
    once = normalize_for_search(s)
    assert normalize_for_search(once) == once


@given(st.text())
def test_clean_text_is_idempotent_and_free_of_bidi_controls(s):
    once = clean_text(s)
    assert clean_text(once) == once
    assert not any(0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 for c in once)


@given(st.text(), st.text())
def test_similarity_is_bounded(a, b):
    assert 0.0 <= similarity(a, b) <= 1.0


def test_pasted_direction_and_joining_marks_are_removed_but_zwnj_is_kept():
    # GIVEN a name pasted from a web page: LRM, RLM, ALM, ZWJ, ZWSP, BOM, word joiner, soft hyphen
    pasted = "\u200fخوشه\u200c\u200dهای\u200e زعفران\u061c \ufeffقائن\u2060ات\u00ad\u200b"
    # THEN only the letters, the space and the ZWNJ stay
    assert clean_text(pasted) == f"خوشه{ZWNJ}های زعفران قائنات"
    assert strip_marks("info@tpo.ir\u202e\u200f") == "info@tpo.ir"


def test_search_finds_a_word_typed_without_its_zwnj():
    # GIVEN a cluster name written correctly, with ZWNJ
    index = search_index(f"خوشه{ZWNJ}های صادراتی زعفران")
    # THEN a query typed with the ZWNJ, with a space, or with the halves joined finds it
    for query in (f"خوشه{ZWNJ}های", "خوشه های", "خوشههای"):
        assert all(word in index for word in normalize_for_search(query).split()), query
    # AND a text without ZWNJ indexes exactly as before
    assert search_index("فرش دستباف") == normalize_for_search("فرش دستباف")


def test_persian_percent_and_decimal_separators_fold():
    assert normalize_for_search("رشد ۲۵٪") == normalize_for_search("رشد 25%") == "رشد 25%"
    assert normalize_for_search("۰۸۰۶٫۲۰") == "0806.20"


def test_first_strong_letter_decides_the_direction_digits_do_not():
    from cluster_desktop.domain.text import first_strong

    assert first_strong("Saffron & Spice Export Cluster Ltd.") == "ltr"
    assert first_strong("(ISIPO) خوشه") == "ltr"
    assert first_strong("۲۵٪ خوشهٔ ملی (ISIPO)") == "rtl"
    assert first_strong("+98 (31) 5544-1234") is None
    assert first_strong("۱۴۰۵/۰۹/۰۷") is None
    assert first_strong("\u2066abc\u2069 خوشه") == "rtl"

"""Persian text: a cleaned form for storing and showing, a normalised form for search and uniqueness.

Persian is typed on Arabic and Persian keyboards alike, so the same word arrives as ``علي``/``علی``,
``كاشان``/``کاشان``, with or without a zero-width non-joiner, and with Persian, Arabic-Indic or Latin
digits. ``clean_text`` keeps what the person wrote but fixes the letters and strips characters that
could reorder the interface; ``normalize_for_search`` folds every variant to one key, applied both
when indexing and when querying (SQLite FTS5 does none of this itself).
"""

from __future__ import annotations

import difflib
import re
import unicodedata

ZWNJ = "\u200c"

# Explicit embeddings/overrides (LRE RLE PDF LRO RLO) and isolates (LRI RLI FSI PDI): a stored U+202E
# would flip every later character of a label or a printed line.
_BIDI_CONTROLS = "".join(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))

# Marks that only steer direction or joining and carry no letter: LRM, RLM, ALM, ZWSP, ZWJ, word joiner,
# BOM and soft hyphen. Pasted from web pages and PDFs they glue or split words invisibly, so they are
# removed from everything stored (ZWNJ is kept: it is Persian spelling).
_MARKS = re.compile(f"[\u200b\u200d\u200e\u200f\u061c\u2060\ufeff\u00ad{_BIDI_CONTROLS}]")

# Letters Arabic keyboards produce for their Persian counterparts (display-safe mapping).
_PERSIAN_LETTERS = str.maketrans({"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9"})

_DIGITS_TO_LATIN = str.maketrans(
    {**{chr(0x06F0 + i): str(i) for i in range(10)}, **{chr(0x0660 + i): str(i) for i in range(10)}}
)

# Search folding, on top of the display mapping and digits.
_SEARCH_FOLD = str.maketrans(
    {
        "\u0629": "\u0647",  # ة → ه
        "\u06c0": "\u0647",  # ۀ → ه
        "\u0623": "\u0627",  # أ → ا
        "\u0625": "\u0627",  # إ → ا
        "\u0671": "\u0627",  # ٱ → ا
        "\u066a": "%",  # Arabic percent sign
        "\u066b": ".",  # Arabic decimal separator
        "\u066c": ",",  # Arabic thousands separator
        ZWNJ: " ",
    }
)

# Harakat, Quranic annotation marks, superscript alef, hamza above/below as marks, and tatweel.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]")
# C0/C1 control characters other than tab and newline.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_HSPACE = re.compile(r"[^\S\n]+")
_WHITESPACE = re.compile(r"\s+")


def strip_marks(text: str) -> str:
    """``text`` without bidi controls and invisible marks (ZWNJ kept): the first step for every typed or
    pasted value, codes, dates and e-mail addresses included."""
    return _MARKS.sub("", text)


def clean_text(text: str, *, single_line: bool = False) -> str:
    """Return ``text`` fit for storing and showing.

    Arabic ي/ى/ك become Persian ی/ک, bidi controls, invisible marks (``strip_marks``) and other control
    characters are removed, runs of spaces collapse to one, and each line is stripped. ZWNJ is kept
    (it is correct Persian spelling). Line breaks are kept unless ``single_line`` is true, in which
    case they become spaces.
    """
    text = unicodedata.normalize("NFC", text).translate(_PERSIAN_LETTERS)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = strip_marks(text)
    text = _CONTROL.sub("", text.replace("\t", " "))
    if single_line:
        return _WHITESPACE.sub(" ", text).strip()
    lines = [_HSPACE.sub(" ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def normalize_for_search(text: str) -> str:
    """Fold ``text`` to the key used for search and uniqueness.

    NFKC (undoes Arabic presentation forms, e.g. text copied from PDFs), Arabic ي/ى/ك → ی/ک, ة/ۀ → ه,
    أ/إ/ٱ → ا (آ is kept: it is a distinct Persian letter), diacritics and tatweel removed, Persian and
    Arabic-Indic digits → Latin, ZWNJ → space, invisible characters removed, whitespace collapsed and
    stripped, Latin letters case-folded.
    """
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_PERSIAN_LETTERS).translate(_SEARCH_FOLD).translate(_DIGITS_TO_LATIN)
    text = _DIACRITICS.sub("", text)
    text = strip_marks(text)
    text = _CONTROL.sub(" ", text)
    return _WHITESPACE.sub(" ", text).strip().casefold()


def search_index(text: str) -> str:
    """The stored search key of ``text``: ``normalize_for_search`` plus, for every word written with a
    ZWNJ, the same word joined, so a query typed without its ZWNJ («خوشههای», common on Persian
    keyboards) finds «خوشه‌های» as well as a query typed with it or with a space."""
    key = normalize_for_search(text)
    if ZWNJ not in text:
        return key
    words = set(key.split())
    joined = [w for w in normalize_for_search(text.replace(ZWNJ, "")).split() if w not in words]
    return " ".join([key, *dict.fromkeys(joined)]) if joined else key


def first_strong(text: str) -> str | None:
    """ "ltr" or "rtl" after the first strong letter of ``text`` (UAX #9, P2: digits and punctuation
    are not letters, and text inside isolates is skipped), or None when it has none."""
    depth = 0
    for ch in text:
        if ch in "\u2066\u2067\u2068":
            depth += 1
        elif ch == "\u2069":
            depth = max(0, depth - 1)
        elif depth == 0:
            kind = unicodedata.bidirectional(ch)
            if kind == "L":
                return "ltr"
            if kind in ("R", "AL"):
                return "rtl"
    return None


def similarity(a: str, b: str) -> float:
    """How alike two texts are, from 0.0 to 1.0, after ``normalize_for_search``.

    Used to warn about possible duplicate clusters. The better of a character comparison and a
    comparison with the words sorted counts, so «فرش دستباف کاشان» and «کاشان فرش دستباف» match
    fully. Empty texts are like nothing: 0.0.
    """
    na, nb = normalize_for_search(a), normalize_for_search(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    direct = difflib.SequenceMatcher(None, na, nb, autojunk=False).ratio()
    sa, sb = " ".join(sorted(na.split())), " ".join(sorted(nb.split()))
    by_words = difflib.SequenceMatcher(None, sa, sb, autojunk=False).ratio()
    return max(direct, by_words)

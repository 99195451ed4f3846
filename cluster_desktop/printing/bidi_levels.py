"""Unicode bidi (UAX #9) for print: paragraph embedding levels and the visual order of a line.

The levels come from python-bidi's Rust implementation (the ``unicode-bidi`` crate), which applies
the whole algorithm including the paired-bracket rule N0; the legacy pure-Python ``bidi.algorithm``
lacks N0 and reorders «(ISIPO) ۲۵٪». The crate exposes its levels to Python only through
``get_display(..., debug=True)``, whose text is parsed here (one level per UTF-8 byte); the test
suite checks the parse against GNU FriBidi. Lines are then reordered here by rules L1 and L2 on the
paragraph's levels, as UAX #9 prescribes (levels per paragraph, reordering per line). Mirroring
(L4) is left to HarfBuzz, which mirrors brackets when it shapes a right-to-left run.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal

from bidi import get_display

Base = Literal["R", "L"]

_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")
# Strong classes: L, R and AL. Digits (EN, AN) are weak, so «-۹» or a phone number has no strong letter.
_STRONG = {"L": "L", "R": "R", "AL": "R"}


def first_strong(text: str) -> Base | None:
    """Direction of the first strong letter (rules P2/P3), or None when there is none."""
    for ch in text:
        direction = _STRONG.get(unicodedata.bidirectional(ch))
        if direction:
            return direction  # type: ignore[return-value]
    return None


def base_direction(paragraph: str) -> Base:
    """The paragraph's base direction: its first strong letter's; left to right without one.

    Without a strong letter the text is numbers and punctuation («-۹», «+98 (31) 5544-1234»,
    «۱۴۰۵/۰۹/۰۷»), which read left to right in Persian too, as the screens show them.
    """
    return first_strong(paragraph) or "L"


@lru_cache(maxsize=4096)
def paragraph_levels(paragraph: str, base: Base) -> tuple[int, ...]:
    """Resolved embedding level of every character of one paragraph (no newlines), before L1."""
    if not paragraph:
        return ()
    debug = get_display(paragraph, base_dir=base, debug=True)
    # After the "levels" list only the paragraph list follows; the quoted text comes before it.
    start = debug.rfind("levels: [")
    end = debug.find("]", start)
    per_byte = [int(m) for m in _LEVEL.findall(debug, start, end)]
    levels: list[int] = []
    i = 0
    for ch in paragraph:
        levels.append(per_byte[i])
        i += len(ch.encode("utf-8"))
    if i != len(per_byte):
        raise RuntimeError(f"bidi levels: {len(per_byte)} for {i} bytes")
    return tuple(levels)


def line_levels(levels: tuple[int, ...] | list[int], line: str, base: Base) -> list[int]:
    """Rule L1 on one line: whitespace before a separator or at the end goes to the base level."""
    out = list(levels)
    base_level = 1 if base == "R" else 0
    trailing = True
    for i in range(len(line) - 1, -1, -1):
        cls = unicodedata.bidirectional(line[i])
        if cls in ("S", "B"):
            out[i] = base_level
            trailing = True
        elif trailing and cls in ("WS", "BN", "FSI", "LRI", "RLI", "PDI"):
            out[i] = base_level
        else:
            trailing = False
    return out


def visual_runs(
    levels: list[int], cuts: set[int] | frozenset[int] = frozenset()
) -> list[tuple[int, int, int]]:
    """Rule L2: runs (start, end, level) of one line, left to right as drawn.

    Runs are maximal ranges of one level, also cut at the indices in ``cuts`` (font changes).
    A run at an odd level is drawn right to left, one at an even level left to right.
    """
    runs: list[tuple[int, int, int]] = []
    start = 0
    for i in range(1, len(levels) + 1):
        if i == len(levels) or levels[i] != levels[start] or i in cuts:
            runs.append((start, i, levels[start]))
            start = i
    if not runs:
        return []
    highest = max(r[2] for r in runs)
    lowest_odd = min(r[2] for r in runs) | 1
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(runs):
            if runs[i][2] >= level:
                j = i
                while j < len(runs) and runs[j][2] >= level:
                    j += 1
                runs[i:j] = runs[i:j][::-1]
                i = j
            else:
                i += 1
    return runs


__all__ = [
    "Base",
    "base_direction",
    "first_strong",
    "line_levels",
    "paragraph_levels",
    "visual_runs",
]

"""Persian digits in, Latin digits stored, Persian digits out.

Input fields accept Persian (۰-۹), Arabic-Indic (٠-٩) and Latin digits with any of the usual
thousands separators; what people see uses Persian digits, «٬» between thousands and «٫» before
decimals.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal

from cluster_desktop.domain.errors import ValidationError
from cluster_desktop.domain.text import strip_marks

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
LATIN_DIGITS = "0123456789"
THOUSANDS_SEPARATOR = "٬"  # U+066C
DECIMAL_SEPARATOR = "٫"  # U+066B

_TO_PERSIAN = str.maketrans(LATIN_DIGITS + ARABIC_DIGITS, PERSIAN_DIGITS * 2)
_TO_LATIN = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS, LATIN_DIGITS * 2)

# Thousands separators people type or paste: comma, Arabic thousands separator, Arabic comma and
# spaces of every width; ZWNJ and directional marks come along with pasted text.
_SEPARATORS = re.compile("[,\u066c\u060c\\s\u200c\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
_MINUS = "-\u2212\u2013"  # hyphen-minus, minus sign, en dash (word processors)


def to_persian_digits(s: str | int) -> str:
    """Replace Latin and Arabic-Indic digits with Persian ones; other characters stay."""
    return str(s).translate(_TO_PERSIAN)


def to_latin_digits(s: str) -> str:
    """Replace Persian and Arabic-Indic digits with Latin ones; other characters stay."""
    return s.translate(_TO_LATIN)


def _label(field: str | None) -> tuple[str, str]:
    return (f"«{field}»", f"'{field}'") if field else ("این مقدار", "This value")


def latin_code(text: str) -> str:
    """A code as typed (HS code, licence or registry number): marks gone, Latin digits, and «٫», the
    Persian keyboard's decimal separator, as «.» (۰۸۰۶٫۲۰ is 0806.20)."""
    return to_latin_digits(strip_marks(text or "")).replace("\u066b", ".").strip()


def parse_int(
    text: str,
    *,
    field: str | None = None,
    minimum: int | None = None,
    maximum: int | None = None,
    allow_empty: bool = False,
    label: str | None = None,
) -> int | None:
    """Read a whole number typed by a person.

    Accepts Persian, Arabic-Indic and Latin digits, thousands separators («,» «٬» «،» spaces) and a
    leading minus or plus sign. Returns ``None`` for empty input when ``allow_empty``; otherwise raises
    ``ValidationError`` for empty, non-numeric, fractional or out-of-range input. The error's ``field``
    is ``field``; its message names ``label`` (what the person sees), or ``field`` without a label.
    """
    name = label or field
    fa_label, en_label = _label(name)
    raw = _SEPARATORS.sub("", to_latin_digits(strip_marks(text or "")))
    if not raw:
        if allow_empty:
            return None
        raise ValidationError(
            f"{fa_label} را وارد کنید." if name else "عددی وارد کنید.",
            f"{en_label} is required." if name else "Enter a number.",
            field=field,
        )
    sign = 1
    if raw[0] in _MINUS or raw[0] == "+":
        sign = -1 if raw[0] != "+" else 1
        raw = raw[1:]
    if re.fullmatch(r"\d*[.\u066b]\d+|\d+[.\u066b]", raw):
        raise ValidationError(
            f"{fa_label}: فقط عدد صحیح (بدون اعشار) وارد کنید.",
            f"{en_label}: enter a whole number (no decimals).",
            field=field,
        )
    if not raw.isascii() or not raw.isdigit():
        raise ValidationError(
            f"{fa_label}: فقط عدد وارد کنید.", f"{en_label}: enter digits only.", field=field
        )
    value = sign * int(raw)
    _check_range(value, field, name, minimum, maximum)
    return value


def _check_range(
    value: int, field: str | None, name: str | None, minimum: int | None, maximum: int | None
) -> None:
    fa_label, en_label = _label(name)
    too_low = minimum is not None and value < minimum
    too_high = maximum is not None and value > maximum
    if not (too_low or too_high):
        return
    if minimum is not None and maximum is not None:
        fa = f"{fa_label} باید بین {format_int(minimum)} و {format_int(maximum)} باشد."
        en = f"{en_label} must be between {minimum:,} and {maximum:,}."
    elif minimum is not None:
        fa = f"{fa_label} باید دست‌کم {format_int(minimum)} باشد."
        en = f"{en_label} must be at least {minimum:,}."
    else:
        assert maximum is not None
        fa = f"{fa_label} نباید بیشتر از {format_int(maximum)} باشد."
        en = f"{en_label} must be at most {maximum:,}."
    raise ValidationError(fa, en, field=field)


def format_int(n: int, *, persian: bool = True, grouping: bool = True) -> str:
    """``12345`` → ``۱۲٬۳۴۵`` (or ``12,345`` with ``persian=False``)."""
    text = f"{n:,}" if grouping else str(n)
    if persian:
        return to_persian_digits(text.replace(",", THOUSANDS_SEPARATOR))
    return text


def round_score(x: float | None) -> float | None:
    """A score at the precision it is shown, stored and compared: one decimal, half up on the decimal
    value as written (``47.199999999999996`` → ``47.2``, ``72.25`` → ``72.3``); None and NaN → None."""
    if x is None or math.isnan(x):
        return None
    return float(Decimal(repr(float(x))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)) + 0.0


def format_score(x: float | None) -> str:
    """A 0–100 score with one decimal, Persian digits and «٫»: ``73.25`` → ``۷۳٫۳``; ``None`` → ``—``.

    Rounds half up on the decimal value as written (``72.25`` → ``۷۲٫۳``), not on its binary
    approximation.
    """
    if x is None or math.isnan(x):
        return "—"
    value = Decimal(repr(float(x))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)  # as round_score
    if value == 0:
        value = abs(value)  # no "-۰٫۰"
    return to_persian_digits(str(value).replace(".", DECIMAL_SEPARATOR))

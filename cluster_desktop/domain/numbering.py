"""Numbers people write on paper: cluster approval licenses (F8) and working-group minutes.

License numbers are ``TPO-CL-{jalali_year}-{seq:05d}``, e.g. ``TPO-CL-1405-00012``: issued only by
the centre, counted from 1 again every Jalali year (the year the license is issued). The sequence
grows beyond five digits if a year ever needs it. Stored with Latin digits; shown as is (it is a
left-to-right code), parsed from Persian or Arabic-Indic digits too.

Minutes numbers are ``{jalali_year}/{seq:03d}``, e.g. ``1405/012``: counted per working group and
Jalali year of the meeting. Stored with Latin digits, shown with ``to_persian_digits`` (۱۴۰۵/۰۱۲).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from cluster_desktop.domain.errors import ValidationError
from cluster_desktop.domain.numbers import to_latin_digits

LICENSE_PREFIX = "TPO-CL"

_LICENSE = re.compile(r"TPO\s*-\s*CL\s*-\s*(\d{4})\s*-\s*(\d{5,})", re.IGNORECASE)
_MINUTES = re.compile(r"(\d{4})\s*[/\-]\s*(\d{1,})")


def _check(year: int, seq: int) -> None:
    if not 1000 <= year <= 9999:
        raise ValueError(f"year must have four digits: {year}")
    if seq < 1:
        raise ValueError(f"sequence numbers start at 1: {seq}")


def format_license_number(year: int, seq: int) -> str:
    """``(1405, 12)`` → ``TPO-CL-1405-00012``."""
    _check(year, seq)
    return f"{LICENSE_PREFIX}-{year}-{seq:05d}"


def parse_license_number(s: str) -> tuple[int, int]:
    """``TPO-CL-1405-00012`` (any digits, any case, spaces around dashes) → ``(1405, 12)``."""
    m = _LICENSE.fullmatch(to_latin_digits((s or "").strip()))
    if m is None or int(m.group(2)) < 1:
        raise ValidationError(
            f"شماره پروانه «{s}» درست نیست؛ شکل درست: TPO-CL-1405-00012",
            f"'{s}' is not a license number; expected e.g. TPO-CL-1405-00012.",
            field="license_number",
        )
    return int(m.group(1)), int(m.group(2))


def next_license_number(existing: Iterable[str], year: int) -> str:
    """The number after the highest of ``year`` among ``existing``; other years and foreign
    formats are ignored (the database's uniqueness constraint is the final guard)."""
    return format_license_number(year, _next_seq(existing, year, parse_license_number))


def format_minutes_number(year: int, seq: int) -> str:
    """``(1405, 12)`` → ``1405/012`` (Latin digits; show it with ``to_persian_digits``)."""
    _check(year, seq)
    return f"{year}/{seq:03d}"


def parse_minutes_number(s: str) -> tuple[int, int]:
    """``1405/012``, ``۱۴۰۵/۱۲`` or ``1405-12`` → ``(1405, 12)``."""
    m = _MINUTES.fullmatch(to_latin_digits((s or "").strip()))
    if m is None or int(m.group(2)) < 1:
        raise ValidationError(
            f"شماره صورتجلسه «{s}» درست نیست؛ شکل درست: ۱۴۰۵/۰۱۲",
            f"'{s}' is not a minutes number; expected e.g. 1405/012.",
            field="minutes_number",
        )
    return int(m.group(1)), int(m.group(2))


def next_minutes_number(existing: Iterable[str], year: int) -> str:
    """The minutes number after the highest of ``year`` among ``existing`` (one working group's)."""
    return format_minutes_number(year, _next_seq(existing, year, parse_minutes_number))


def _next_seq(existing: Iterable[str], year: int, parse: Callable[[str], tuple[int, int]]) -> int:
    highest = 0
    for text in existing:
        try:
            y, seq = parse(text)
        except ValidationError:
            continue
        if y == year:
            highest = max(highest, seq)
    return highest + 1

"""Reading form values the same way for the GUI, the CLI and imports: typed, labelled, all errors at once."""

from __future__ import annotations

import re
from datetime import date

from cluster_desktop.domain.errors import FieldCollector
from cluster_desktop.domain.jalali import parse_jalali
from cluster_desktop.domain.numbers import parse_int, to_latin_digits
from cluster_desktop.domain.text import clean_text

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_HS = re.compile(r"^\d{2,4}(\.?\d{2}){0,3}$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()\-]{3,30}$")


def number(
    c: FieldCollector,
    value: int | str | None,
    key: str,
    fa: str,
    en: str,
    *,
    minimum: int | None = 0,
    maximum: int | None = None,
    required: bool = False,
) -> int:
    """A whole number from an int or typed text (any digits); errors are filed under ``key``."""
    raw = str(value) if isinstance(value, int) else (value or "")
    got = c.check(
        parse_int, raw, field=key, label=fa, minimum=minimum, maximum=maximum, allow_empty=not required
    )
    return got or 0


def text(
    c: FieldCollector,
    value: str | None,
    key: str,
    fa: str,
    en: str,
    *,
    required: bool = False,
    single_line: bool = True,
    max_len: int = 255,
) -> str:
    got = clean_text(value or "", single_line=single_line)
    if required and not got:
        c.add(key, f"«{fa}» را وارد کنید.", f"'{en}' is required.")
    elif len(got) > max_len:
        c.add(key, f"«{fa}» بیش از اندازه طولانی است.", f"'{en}' is too long.")
    return got


def email(c: FieldCollector, value: str | None, key: str) -> str:
    got = (value or "").strip()
    if got and not _EMAIL.match(got):
        c.add(key, "نشانی رایانامه درست نیست.", "The e-mail address is not valid.")
    return got


def phone_number(c: FieldCollector, value: str | None, key: str = "phone") -> str:
    """A telephone number (any digits, spaces, dashes, brackets, a leading «+»); letters are refused.

    Stored with Latin digits, so the same number typed as «۰۷۱» or «071» is one number.
    """
    got = to_latin_digits((value or "").strip())
    if got and not _PHONE.match(got):
        c.add(
            key,
            "شمارهٔ تلفن فقط رقم، فاصله، خط تیره و پرانتز دارد.",
            "A telephone number holds only digits, spaces, dashes and brackets.",
        )
    return got


def hs_code(c: FieldCollector, value: str, key: str) -> str:
    got = to_latin_digits(value or "").strip()
    if not _HS.match(got):
        c.add(
            key,
            f"کد تعرفه (HS) «{value}» درست نیست؛ مانند 0806 یا 0806.20 وارد کنید.",
            f"The HS code '{value}' is not valid; enter e.g. 0806 or 0806.20.",
        )
    return got


def jalali(
    c: FieldCollector, value: str | date | None, key: str, fa: str, en: str, *, required: bool = True
) -> date | None:
    if isinstance(value, date):
        return value
    if not (value or "").strip():
        if required:
            c.add(key, f"«{fa}» را وارد کنید.", f"'{en}' is required.")
        return None
    return c.check(parse_jalali, value or "", field=key, label=fa)

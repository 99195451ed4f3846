"""Reading form values the same way for the GUI, the CLI and imports: typed, labelled, all errors at once."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sqlalchemy import BigInteger, Integer, String, Text

from cluster_desktop.domain.errors import FieldCollector
from cluster_desktop.domain.jalali import parse_jalali
from cluster_desktop.domain.numbers import latin_code, parse_int, to_latin_digits, to_persian_digits
from cluster_desktop.domain.text import clean_text, strip_marks
from cluster_desktop.sync.records import MAX_TEXT  # Text columns: the bundle checker's cap, one constant

_INT_MAX = {Integer: 2**31 - 1, BigInteger: 2**63 - 1}


def column_limit(column: Any) -> int:
    """How many characters the database (and so the bundle checker) takes in ``column``, a model
    attribute such as ``Firm.national_id``: one source for the forms, the CLI and the bundles."""
    kind = column.property.columns[0].type
    if isinstance(kind, String) and not isinstance(kind, Text) and kind.length:
        return int(kind.length)
    return MAX_TEXT


def column_max(column: Any) -> int | None:
    """The largest whole number ``column`` stores (PostgreSQL refuses more; SQLite would not)."""
    kind = column.property.columns[0].type
    for t, limit in _INT_MAX.items():
        if type(kind) is t:
            return limit
    return None


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
    column: Any = None,
) -> int:
    """A whole number from an int or typed text (any digits); errors are filed under ``key``. With
    ``column`` it is also kept within what that column stores."""
    if column is not None and (top := column_max(column)) is not None:
        maximum = top if maximum is None else min(maximum, top)
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
    max_len: int | None = None,
    column: Any = None,
) -> str:
    """Cleaned text. Its limit is the ``column``'s (the database's and the bundles'), or ``max_len``
    where that is stricter or the text lands inside a JSON field; 255 (a plain string column) else."""
    limit = _limit(max_len, column)
    got = clean_text(value or "", single_line=single_line)
    if required and not got:
        c.add(key, f"«{fa}» را وارد کنید.", f"'{en}' is required.")
    else:
        too_long(c, got, key, fa, en, limit)
    return got


def _limit(max_len: int | None, column: Any) -> int:
    limits = [x for x in (max_len, column_limit(column) if column is not None else None) if x]
    return min(limits) if limits else 255


def too_long(c: FieldCollector, got: str, key: str, fa: str, en: str, limit: int) -> bool:
    if len(got) <= limit:
        return False
    c.add(
        key,
        f"«{fa}» حداکثر {to_persian_digits(limit)} نویسه است؛ {to_persian_digits(len(got))} نویسه وارد شده است.",
        f"'{en}' takes at most {limit} characters; {len(got)} were entered.",
    )
    return True


def email(c: FieldCollector, value: str | None, key: str, *, column: Any = None) -> str:
    got = clean_text(value or "", single_line=True).strip()
    if got and not _EMAIL.match(got):
        c.add(key, "نشانی رایانامه درست نیست.", "The e-mail address is not valid.")
    elif got:
        too_long(c, got, key, "رایانامه", "E-mail", column_limit(column) if column is not None else EMAIL_MAX)
    return got


# Every e-mail column has one length (Cluster.contact_email, Member.email, Office.email).
def _email_max() -> int:
    from cluster_desktop.store.models import Cluster

    return column_limit(Cluster.contact_email)


EMAIL_MAX = _email_max()


def phone_number(c: FieldCollector, value: str | None, key: str = "phone") -> str:
    """A telephone number (any digits, spaces, dashes, brackets, a leading «+»); letters are refused.

    Stored with Latin digits, so the same number typed as «۰۷۱» or «071» is one number.
    """
    got = to_latin_digits(strip_marks(value or "").strip())
    if got and not _PHONE.match(got):
        c.add(
            key,
            "شمارهٔ تلفن فقط رقم، فاصله، خط تیره و پرانتز دارد.",
            "A telephone number holds only digits, spaces, dashes and brackets.",
        )
    return got


def hs_code(c: FieldCollector, value: str, key: str) -> str:
    got = latin_code(value)
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

"""Jalali (Solar Hijri) dates: entered and shown in Persian, stored as Gregorian ``date``/UTC ``datetime``.

Times are shown in Iran's time zone. ``zoneinfo`` gives exact history (Iran kept daylight saving,
UTC+04:30 in summer, until 1401/2022). Windows has no IANA database of its own: the ``tzdata`` package
is a dependency there and frozen into the Windows build. Only if even that is missing is a fixed
UTC+03:30 used (right since 1402; summer times before that would show an hour early), and the log says so.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

import jdatetime

from cluster_desktop.domain.errors import ValidationError
from cluster_desktop.domain.numbers import to_latin_digits, to_persian_digits
from cluster_desktop.domain.text import strip_marks

JALALI_MONTHS_FA: list[str] = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
]

# Years accepted from people; anything else is a typo (e.g. «۰۳/۱۲/۳۰» or «14033/1/1»).
MIN_YEAR = 1300
MAX_YEAR = 1500


def _tehran() -> tzinfo:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Asia/Tehran")
    except Exception:  # ZoneInfoNotFoundError, or no tz database at all
        import logging

        logging.getLogger(__name__).warning(
            "no time-zone database with Asia/Tehran (install tzdata): using a fixed UTC+03:30"
        )
        return timezone(timedelta(hours=3, minutes=30), "IRST")


TEHRAN: tzinfo = _tehran()

_SEP = r"\s*[/\-.\u066b\u066c]\s*"
_YMD = re.compile(rf"(\d{{4}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}})")
# Year last: what a right-to-left date field hands back when it reverses its sections.
_DMY = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{4}})")


def _days_in_month(year: int, month: int) -> int:
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if jdatetime.date(year, 1, 1).isleap() else 29


def _labels(field: str | None) -> tuple[str, str]:
    return (f"«{field}»: ", f"'{field}': ") if field else ("", "")


def jalali_to_date(
    year: int, month: int, day: int, *, field: str | None = None, label: str | None = None
) -> date:
    """The Gregorian ``date`` of a Jalali day; ``ValidationError`` if that day does not exist."""
    shown = to_persian_digits(f"{year:04d}/{month:02d}/{day:02d}")
    prefix, en_prefix = _labels(label or field)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(
            f"{prefix}سال {to_persian_digits(year)} در تاریخ {shown} پذیرفته نیست.",
            f"{en_prefix}The year {year} in {year:04d}/{month:02d}/{day:02d} is not accepted.",
            field=field,
        )
    if not 1 <= month <= 12:
        raise ValidationError(
            f"{prefix}تاریخ {shown} وجود ندارد: ماه باید بین ۱ و ۱۲ باشد.",
            f"{en_prefix}The date {year:04d}/{month:02d}/{day:02d} does not exist: the month must be 1–12.",
            field=field,
        )
    last = _days_in_month(year, month)
    if not 1 <= day <= last:
        month_name = JALALI_MONTHS_FA[month - 1]
        raise ValidationError(
            f"{prefix}تاریخ {shown} وجود ندارد: {month_name} سال {to_persian_digits(year)} "
            f"فقط {to_persian_digits(last)} روز دارد.",
            f"{en_prefix}The date {year:04d}/{month:02d}/{day:02d} does not exist: that month has {last} days.",
            field=field,
        )
    return jdatetime.date(year, month, day).togregorian()


def parse_jalali(text: str, *, field: str | None = None, label: str | None = None) -> date:
    """Read a Jalali date typed by a person and return its Gregorian ``date``.

    Accepts year/month/day with «/», «-» or «.» between them, any of Persian, Arabic-Indic or Latin
    digits, with or without zero padding (``1403/12/30``, ``۱۴۰۳/۱۲/۳۰``, ``١٤٠٣-١٢-٣٠``, ``1403.2.5``);
    also day/month/year with a four-digit year last. Raises ``ValidationError`` for malformed text
    and for days that do not exist (``1404/12/30``: 1404 is not a leap year). The error's ``field`` is
    ``field``; its message names ``label`` (or ``field`` without a label).
    """
    prefix, en_prefix = _labels(label or field)
    # Pasted dates bring direction marks and spaces around the separators («‏۱۴۰۵ / ۰۹ / ۰۷»).
    text = re.sub(r"\s+", "", strip_marks(text or ""))
    raw = to_latin_digits(text)
    if not raw:
        raise ValidationError(f"{prefix}تاریخ را وارد کنید.", f"{en_prefix}Enter a date.", field=field)
    if m := _YMD.fullmatch(raw):
        year, month, day = (int(g) for g in m.groups())
    elif m := _DMY.fullmatch(raw):
        day, month, year = (int(g) for g in m.groups())
    else:
        raise ValidationError(
            f"{prefix}تاریخ «{text}» درست نیست؛ به شکل ۱۴۰۳/۱۲/۲۵ وارد کنید.",
            f"{en_prefix}'{text}' is not a date; enter it as 1403/12/25.",
            field=field,
        )
    return jalali_to_date(year, month, day, field=field, label=label)


def to_tehran(dt: datetime) -> datetime:
    """``dt`` in Iran's time zone; a naive ``dt`` is taken as UTC (how SQLite hands stored times back)."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(TEHRAN)


def _local_date(d: date | datetime) -> date:
    if isinstance(d, datetime):
        return to_tehran(d).date() if d.tzinfo is not None else d.date()
    return d


def _jdate(d: date | datetime) -> jdatetime.date:
    return jdatetime.date.fromgregorian(date=_local_date(d))


def format_jalali(d: date | datetime | None, *, persian: bool = True) -> str:
    """``date(2026, 11, 28)`` → ``۱۴۰۵/۰۹/۰۷``; ``None`` → ``""``.

    An aware ``datetime`` is first moved to Tehran time; a naive one is used as it is.
    """
    if d is None:
        return ""
    j = _jdate(d)
    text = f"{j.year:04d}/{j.month:02d}/{j.day:02d}"
    return to_persian_digits(text) if persian else text


def format_jalali_long(d: date | datetime | None) -> str:
    """``date(2026, 11, 28)`` → ``۷ آذر ۱۴۰۵``; ``None`` → ``""``."""
    if d is None:
        return ""
    j = _jdate(d)
    return f"{to_persian_digits(j.day)} {JALALI_MONTHS_FA[j.month - 1]} {to_persian_digits(j.year)}"


def format_jalali_datetime(dt: datetime | None) -> str:
    """A stored UTC time shown in Tehran: ``۱۴۰۵/۰۹/۰۷ ۱۴:۰۵``; ``None`` → ``""``.

    A naive ``dt`` is taken as UTC.
    """
    if dt is None:
        return ""
    local = to_tehran(dt)
    return f"{format_jalali(local.date())} {to_persian_digits(f'{local.hour:02d}:{local.minute:02d}')}"


def jalali_year(d: date | datetime) -> int:
    """The Jalali year of ``d`` (e.g. for numbering licenses per year)."""
    return _jdate(d).year


def jalali_quarter(d: date | datetime) -> tuple[int, int]:
    """The Jalali year and quarter (1–4, three months each from Farvardin) of ``d``."""
    j = _jdate(d)
    return j.year, (j.month - 1) // 3 + 1


def today() -> date:
    """Today's date in Tehran."""
    return datetime.now(TEHRAN).date()


def today_jalali() -> str:
    """Today in Tehran as ``۱۴۰۵/۰۹/۰۷``."""
    return format_jalali(today())


def jalali_year_bounds(year: int) -> tuple[date, date]:
    """First and last Gregorian day of Jalali ``year`` (1 Farvardin … 29/30 Esfand)."""
    return jalali_to_date(year, 1, 1), jalali_to_date(year, 12, _days_in_month(year, 12))


# Saturday first, as Iranian calendars print the week; Friday is the weekend.
WEEKDAYS_FA: list[str] = ["شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه"]


def weekday_index(d: date) -> int:
    """0 for Saturday … 6 for Friday."""
    return (d.weekday() + 2) % 7


def jalali_parts(d: date | datetime) -> tuple[int, int, int]:
    """(year, month, day) of ``d`` in the Jalali calendar."""
    j = _jdate(d)
    return j.year, j.month, j.day


def days_in_month(year: int, month: int) -> int:
    return _days_in_month(year, month)


def month_dates(year: int, month: int) -> list[date]:
    """Every Gregorian day of Jalali ``year``/``month``, in order: what a month page of the date picker
    shows. The picker, the parser and print read this one calendar (jdatetime's), never Qt's own Jalali
    arithmetic, which differs by a day in 1437 and 1470."""
    first = jalali_to_date(year, month, 1)
    return [first + timedelta(days=i) for i in range(_days_in_month(year, month))]


def format_jalali_weekday(d: date | datetime) -> str:
    """``date(2026, 12, 3)`` → ``پنجشنبه ۱۲ آذر ۱۴۰۵`` (the status bar's date)."""
    return f"{WEEKDAYS_FA[weekday_index(_local_date(d))]} {format_jalali_long(d)}"


_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_day(text: str, *, field: str | None = None, label: str | None = None) -> date:
    """A day typed as Jalali (``1405/09/07``, any digits, as ``parse_jalali``) or as an ISO Gregorian
    date (``2026-11-28``: a year beyond the Jalali years accepted tells them apart)."""
    raw = to_latin_digits((text or "").strip())
    m = _ISO_DAY.fullmatch(raw)
    if m and int(m.group(1)) > MAX_YEAR:
        try:
            return date.fromisoformat(raw)
        except ValueError:
            prefix, en_prefix = _labels(label or field)
            raise ValidationError(
                f"{prefix}تاریخ {raw} وجود ندارد.", f"{en_prefix}The date {raw} does not exist.", field=field
            ) from None
    return parse_jalali(text, field=field, label=label)


def tehran_day_start(d: date) -> datetime:
    """The UTC instant at which day ``d`` begins in Tehran (so a filter by day means Iran's day)."""
    return datetime(d.year, d.month, d.day, tzinfo=TEHRAN).astimezone(UTC)

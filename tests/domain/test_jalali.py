from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cluster_desktop.domain.errors import ValidationError
from cluster_desktop.domain.jalali import (
    JALALI_MONTHS_FA,
    format_jalali,
    format_jalali_datetime,
    format_jalali_long,
    jalali_year,
    jalali_year_bounds,
    parse_jalali,
    today_jalali,
)


@pytest.mark.parametrize("text", ["1403/12/30", "۱۴۰۳/۱۲/۳۰", "١٤٠٣-١٢-٣٠", "1403.12.30", "30/12/1403"])
def test_last_day_of_leap_year_1403_parses_in_every_spelling(text):
    assert parse_jalali(text) == date(2025, 3, 20)


def test_zero_padding_is_optional():
    assert parse_jalali("1405/9/7") == parse_jalali("۱۴۰۵/۰۹/۰۷") == date(2026, 11, 28)


@pytest.mark.parametrize("text", ["1404/12/30", "1403/12/31", "1403/13/01", "1403/07/31", "1403/01/32"])
def test_days_that_do_not_exist_are_refused(text):
    with pytest.raises(ValidationError) as err:
        parse_jalali(text, field="تاریخ جلسه")
    assert "وجود ندارد" in err.value.fa
    assert err.value.field == "تاریخ جلسه"


@pytest.mark.parametrize("text", ["", "abc", "1403/12", "14031230", "1403/12/30/1", "03/12/30"])
def test_malformed_dates_are_refused(text):
    with pytest.raises(ValidationError):
        parse_jalali(text)


def test_formats():
    d = date(2026, 11, 28)
    assert format_jalali(d) == "۱۴۰۵/۰۹/۰۷"
    assert format_jalali(d, persian=False) == "1405/09/07"
    assert format_jalali(None) == ""
    assert format_jalali_long(d) == "۷ آذر ۱۴۰۵"
    assert jalali_year(d) == 1405
    assert JALALI_MONTHS_FA[8] == "آذر"


def test_utc_time_is_shown_in_tehran():
    # GIVEN a UTC timestamp 10:35 (Tehran is +03:30 all year since 2022)
    dt = datetime(2026, 11, 28, 10, 35, tzinfo=UTC)
    assert format_jalali_datetime(dt) == "۱۴۰۵/۰۹/۰۷ ۱۴:۰۵"
    # AND a naive value (as SQLite returns it) counts as UTC
    assert format_jalali_datetime(dt.replace(tzinfo=None)) == "۱۴۰۵/۰۹/۰۷ ۱۴:۰۵"


def test_late_utc_evening_is_the_next_jalali_day_in_tehran():
    assert format_jalali(datetime(2026, 11, 27, 21, 0, tzinfo=UTC)) == "۱۴۰۵/۰۹/۰۷"


def test_year_bounds_and_today():
    assert jalali_year_bounds(1403) == (date(2024, 3, 20), date(2025, 3, 20))
    assert len(today_jalali()) == 10


@given(st.dates(min_value=date(1925, 1, 1), max_value=date(2100, 12, 31)))
def test_format_then_parse_round_trips(d):
    assert parse_jalali(format_jalali(d)) == d
    assert parse_jalali(format_jalali(d, persian=False)) == d


def test_each_year_has_365_or_366_days():
    for year in range(1380, 1420):
        first, last = jalali_year_bounds(year)
        assert (last - first + timedelta(days=1)).days in (365, 366)
        assert jalali_year_bounds(year + 1)[0] == last + timedelta(days=1)


def test_label_is_shown_while_field_stays_the_key():
    with pytest.raises(ValidationError) as err:
        parse_jalali("1404/12/30", field="meeting_date", label="تاریخ جلسه")
    assert err.value.fa.startswith("«تاریخ جلسه»")
    assert err.value.field == "meeting_date"


@pytest.mark.parametrize(
    "text",
    ["\u200f۱۴۰۵/۰۹/۰۷", "۱۴۰۵/۰۹/۰۷\u200e", " ۱۴۰۵ / ۰۹ / ۰۷ ", "\u202b1405/9/7\u202c", "۱۴۰۵\u200f/۰۹/۰۷"],
)
def test_pasted_dates_with_marks_or_spaces_are_read(text):
    # GIVEN a date copied from a letter or a web page, with direction marks or spaces around «/»
    assert parse_jalali(text) == date(2026, 11, 28)


def test_a_refused_date_is_shown_without_its_invisible_marks():
    with pytest.raises(ValidationError) as err:
        parse_jalali("\u200f۱۴۰۵/۱۳/۰۷")
    assert "\u200f" not in err.value.fa


def test_one_calendar_day_by_day_from_1300_to_1500():
    # GIVEN every month page the picker shows, 1300–1500
    from cluster_desktop.domain.jalali import days_in_month, jalali_parts, month_dates

    expected = parse_jalali("1300/01/01")
    for year in range(1300, 1501):
        for month in range(1, 13):
            for day, d in enumerate(month_dates(year, month), start=1):
                # THEN the days follow each other without a gap, and the parser, print and the
                # picker's page name the same day
                assert d == expected, (year, month, day)
                assert jalali_parts(d) == (year, month, day)
                assert parse_jalali(format_jalali(d)) == d
                assert format_jalali(d, persian=False) == f"{year:04d}/{month:02d}/{day:02d}"
                expected += timedelta(days=1)
            assert len(month_dates(year, month)) == days_in_month(year, month)


def test_nowruz_1437_falls_where_an_ephemeris_puts_it():
    # The astronomical calendar (jdatetime's): Qt's arithmetic Jalali calendar says 2058-03-20.
    assert parse_jalali("1437/01/01") == date(2058, 3, 21)
    assert parse_jalali("1437/05/10") == date(2058, 8, 1)

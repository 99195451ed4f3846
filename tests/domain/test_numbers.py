from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cluster_desktop.domain.errors import ValidationError
from cluster_desktop.domain.numbers import (
    format_int,
    format_score,
    parse_int,
    to_latin_digits,
    to_persian_digits,
)


def test_digits_convert_both_ways():
    assert to_persian_digits(1405) == "۱۴۰۵"
    assert to_persian_digits("a1٢") == "a۱۲"
    assert to_latin_digits("۱۴۰۵ و ١٤٠٥") == "1405 و 1405"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("۱۲۳", 123),
        ("١٢٣", 123),
        ("1,234,567", 1234567),
        ("۱٬۲۳۴", 1234),
        ("۱،۲۳۴", 1234),
        (" 12 345 ", 12345),
        ("-۵", -5),
        ("+7", 7),
    ],
)
def test_parse_int_accepts_every_script_and_separator(text, expected):
    assert parse_int(text) == expected


def test_parse_int_refuses_letters_naming_the_field():
    with pytest.raises(ValidationError) as err:
        parse_int("۱۲a", field="تعداد بنگاه")
    assert "فقط عدد وارد کنید" in err.value.fa
    assert "تعداد بنگاه" in err.value.fa
    assert err.value.field == "تعداد بنگاه"


def test_parse_int_refuses_decimals():
    with pytest.raises(ValidationError) as err:
        parse_int("۱۲٫۵")
    assert "اعشار" in err.value.fa
    assert "whole number" in err.value.en


def test_parse_int_empty_is_none_only_when_allowed():
    assert parse_int("  ", allow_empty=True) is None
    with pytest.raises(ValidationError):
        parse_int("")


def test_parse_int_range_messages():
    with pytest.raises(ValidationError) as err:
        parse_int("120", field="امتیاز", minimum=0, maximum=100)
    assert "بین ۰ و ۱۰۰" in err.value.fa
    with pytest.raises(ValidationError) as err:
        parse_int("-1", minimum=0)
    assert "دست‌کم ۰" in err.value.fa
    assert parse_int("100", minimum=0, maximum=100) == 100


def test_format_int_uses_persian_digits_and_separator():
    assert format_int(1234567) == "۱٬۲۳۴٬۵۶۷"
    assert format_int(1234567, persian=False) == "1,234,567"
    assert format_int(1234, grouping=False) == "۱۲۳۴"


def test_format_score():
    assert format_score(73.25) == "۷۳٫۳"
    assert format_score(72.25) == "۷۲٫۳"  # half up, not banker's rounding
    assert format_score(60) == "۶۰٫۰"
    assert format_score(None) == "—"


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_format_then_parse_round_trips(n):
    assert parse_int(format_int(n)) == n
    assert parse_int(format_int(n, persian=False)) == n


def test_label_is_shown_while_field_stays_the_key():
    with pytest.raises(ValidationError) as err:
        parse_int("x", field="firm_count", label="تعداد بنگاه")
    assert "تعداد بنگاه" in err.value.fa
    assert "firm_count" not in err.value.fa
    assert err.value.field == "firm_count"

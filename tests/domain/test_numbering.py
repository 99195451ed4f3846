from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cluster_desktop.domain.errors import ValidationError
from cluster_desktop.domain.numbering import (
    format_license_number,
    format_minutes_number,
    next_license_number,
    next_minutes_number,
    parse_license_number,
    parse_minutes_number,
)


def test_license_number_format_and_parse():
    assert format_license_number(1405, 12) == "TPO-CL-1405-00012"
    assert parse_license_number("TPO-CL-1405-00012") == (1405, 12)
    assert parse_license_number(" tpo-cl-۱۴۰۵-۰۰۰۱۲ ") == (1405, 12)


@pytest.mark.parametrize(
    "text", ["", "TPO-CL-1405", "TPO-CL-1405-12", "XX-CL-1405-00012", "TPO-CL-1405-00000"]
)
def test_bad_license_numbers_are_refused(text):
    with pytest.raises(ValidationError):
        parse_license_number(text)


def test_next_license_number_counts_per_year():
    existing = ["TPO-CL-1404-00031", "TPO-CL-1405-00001", "TPO-CL-1405-00007", "legacy-17"]
    assert next_license_number(existing, 1405) == "TPO-CL-1405-00008"
    assert next_license_number(existing, 1406) == "TPO-CL-1406-00001"
    assert next_license_number([], 1405) == "TPO-CL-1405-00001"


def test_formatting_refuses_nonsense():
    with pytest.raises(ValueError):
        format_license_number(1405, 0)
    with pytest.raises(ValueError):
        format_minutes_number(99, 1)


def test_minutes_numbers():
    assert format_minutes_number(1405, 12) == "1405/012"
    assert parse_minutes_number("۱۴۰۵/۰۱۲") == (1405, 12)
    assert parse_minutes_number("1405-12") == (1405, 12)
    assert next_minutes_number(["1405/001", "1405/011", "1404/090"], 1405) == "1405/012"
    with pytest.raises(ValidationError):
        parse_minutes_number("صورتجلسه")


@given(st.integers(1300, 1500), st.integers(1, 10**6))
def test_numbers_round_trip(year, seq):
    assert parse_license_number(format_license_number(year, seq)) == (year, seq)
    assert parse_minutes_number(format_minutes_number(year, seq)) == (year, seq)

"""Strict JSON: every refusal has its reason code, and canonical output is one byte form."""

from __future__ import annotations

import time

import pytest

from cluster_desktop.sync.limits import BundleError
from cluster_desktop.sync.strictjson import dumps_canonical, loads_strict


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'{"a":1,"a":2}', "duplicate_key"),
        (b'{"x":{"b":1,"b":1}}', "duplicate_key"),
        (b"[NaN]", "nan"),
        (b'{"v":Infinity}', "nan"),
        (b"-Infinity", "nan"),
        (b"1e400", "nan"),
        (b'["\\ud800"]', "surrogate"),
        (b'{"\\udc00":1}', "surrogate"),
        (b'["ok", {"k": "\\ud83d"}]', "surrogate"),
        (b"\xef\xbb\xbf{}", "bom"),
        (b'{"a":"\xff"}', "utf8"),
        (b'"\xed\xa0\x80"', "utf8"),  # a surrogate encoded as UTF-8 bytes
        (b'{"a":', "syntax"),
        (b"{} []", "syntax"),
        (b"1" * 5000, "syntax"),  # beyond Python's integer digit limit: still a BundleError
    ],
)
def test_refusals_carry_reason(data: bytes, reason: str) -> None:
    with pytest.raises(BundleError) as err:
        loads_strict(data)
    assert err.value.reason == reason
    assert err.value.fa and err.value.en


def test_deep_nesting_is_refused_before_parsing() -> None:
    # GIVEN 10,000 nested arrays (json.loads would raise RecursionError)
    data = b"[" * 10_000 + b"]" * 10_000
    # WHEN / THEN it is a BundleError("depth"), quickly
    start = time.perf_counter()
    with pytest.raises(BundleError) as err:
        loads_strict(data)
    assert err.value.reason == "depth"
    assert time.perf_counter() - start < 1


def test_depth_limit_is_exact_and_ignores_brackets_in_strings() -> None:
    assert loads_strict(b"[" * 32 + b"]" * 32, max_depth=32) is not None
    with pytest.raises(BundleError) as err:
        loads_strict(b"[" * 33 + b"]" * 33, max_depth=32)
    assert err.value.reason == "depth"
    assert loads_strict(b'["' + b"[" * 100 + b'\\"{"]') == ["[" * 100 + '"{']


def test_unterminated_strings_do_not_make_the_scan_quadratic() -> None:
    start = time.perf_counter()
    # brackets beyond the cheap opener count force the string-aware scan
    for tail in (b"[" * 40, b"[" * 40 + b"\\"):
        with pytest.raises(BundleError):
            loads_strict(b'["' + b'\\"' * 500_000 + tail)
    with pytest.raises(BundleError):
        loads_strict(b'["a' * 300_000)
    assert time.perf_counter() - start < 1


def test_size_limit() -> None:
    with pytest.raises(BundleError) as err:
        loads_strict(b"[" + b"1," * 100 + b"1]", max_bytes=50)
    assert err.value.reason == "too_large"


def test_valid_documents_parse() -> None:
    # a surrogate *pair* is one valid character; Persian text passes untouched
    assert loads_strict('{"t":"\\ud83d\\ude00 خوشه","n":[1,2.5,null,true]}'.encode()) == {
        "t": "😀 خوشه",
        "n": [1, 2.5, None, True],
    }


def test_dumps_canonical_is_sorted_compact_utf8() -> None:
    assert dumps_canonical({"b": 1, "a": ["خوشه", None]}) == '{"a":["خوشه",null],"b":1}'.encode()
    assert dumps_canonical({"a": 1, "b": 2}) == dumps_canonical({"b": 2, "a": 1})


def test_dumps_canonical_refuses_nan_and_surrogates() -> None:
    with pytest.raises(ValueError):
        dumps_canonical({"x": float("nan")})
    with pytest.raises(BundleError) as err:
        dumps_canonical({"x": "\ud800"})
    assert err.value.reason == "surrogate"

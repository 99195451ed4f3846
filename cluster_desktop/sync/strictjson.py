"""Strict JSON for bundles: one accepted reading of every document, and one canonical writing.

Python's ``json`` accepts duplicate keys (the last wins), NaN and Infinity, unpaired surrogates and
arbitrarily deep nesting (which ends in ``RecursionError``). Two readers could then disagree about
what a signed document says, so all of that is refused here before anything is trusted.
"""

from __future__ import annotations

import json
import math
import re
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from itertools import accumulate
from typing import Any, NoReturn

from .limits import MAX_JSON_BYTES, MAX_JSON_DEPTH, BundleError

_BOM = b"\xef\xbb\xbf"
# A JSON string literal, or an unterminated one running to the end. Allowing the end means a match
# never fails, so there is no backtracking: a pattern that must find the closing quote rescans the
# rest of the text from every escaped quote and takes quadratic time on '"\\"\\"\\"…'.
_STRING = re.compile(r'"[^"\\]*(?:\\.?[^"\\]*)*(?:"|\Z)', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")
# Only a \uD800-\uDFFF escape can put a surrogate into the parsed result: UTF-8 decoding already
# refuses encoded surrogates. Valid pairs are joined by the decoder, so a full scan is needed only then.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _nesting_depth(text: str) -> int:
    """Deepest bracket nesting outside string literals, found without recursion."""
    brackets = _BRACKETS.findall(_STRING.sub("", text))
    if not brackets:
        return 0
    return max(accumulate(1 if b in "[{" else -1 for b in brackets))


def _refuse_constant(name: str) -> NoReturn:
    raise BundleError("nan", name)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e400 parses as inf
        raise BundleError("nan", text[:40])
    return value


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise BundleError("duplicate_key", key[:80])
        result[key] = value
    return result


def _strings(value: Any) -> Iterator[str]:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            yield from item.keys()
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def loads_strict(data: bytes, *, max_depth: int = MAX_JSON_DEPTH, max_bytes: int = MAX_JSON_BYTES) -> Any:
    """Parse one JSON document from UTF-8 bytes, refusing anything two parsers might read differently.

    Raises ``BundleError`` with reason ``too_large``, ``bom``, ``utf8``, ``depth``, ``syntax``,
    ``duplicate_key``, ``nan`` or ``surrogate``.
    """
    if len(data) > max_bytes:
        raise BundleError("too_large", f"JSON {len(data)} > {max_bytes} bytes")
    if data.startswith(_BOM):
        raise BundleError("bom")
    try:
        text = bytes(data).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BundleError("utf8", f"byte {exc.start}") from None
    # Counting openers is cheap and settles most documents (one record line) without the scan.
    if text.count("[") + text.count("{") > max_depth and _nesting_depth(text) > max_depth:
        raise BundleError("depth", f"> {max_depth}")
    try:
        value = json.loads(
            text,
            object_pairs_hook=_unique_pairs,
            parse_constant=_refuse_constant,
            parse_float=_finite_float,
        )
    except RecursionError:  # the pre-scan should make this unreachable; never let it escape
        raise BundleError("depth") from None
    except ValueError as exc:  # JSONDecodeError, and int strings beyond Python's digit limit
        raise BundleError("syntax", str(exc)[:120]) from None
    if _SURROGATE_ESCAPE.search(text):
        for s in _strings(value):
            if _SURROGATE.search(s):
                raise BundleError("surrogate")
    return value


def dumps_canonical(obj: Any) -> bytes:
    """The one byte form of ``obj``: sorted keys, no spaces, UTF-8 unescaped, no NaN.

    Raises ``BundleError("surrogate")`` for text that cannot be UTF-8 (an unpaired surrogate) and
    ``ValueError`` for NaN/Infinity or values JSON cannot hold.
    """
    text = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        raise BundleError("surrogate") from None


# --- typed fields -----------------------------------------------------------------------------

_UTC_ISO = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
HEX64 = re.compile(r"[0-9a-f]{64}")


def utc_iso(moment: datetime) -> str:
    """``2024-03-20T08:30:00Z``: the one text form of a UTC instant in bundles and certificates."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime given where UTC is required")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_utc_iso(text: str) -> datetime | None:
    """The aware datetime for a ``utc_iso`` string, or None if ``text`` is not exactly that form."""
    if not _UTC_ISO.fullmatch(text):
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        return None


def is_canonical_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False


class Fields:
    """Typed reading of one JSON object: every field must be present, typed right and known.

    ``fail(detail)`` builds the exception raised for a bad field, so certificates and manifests can
    each refuse with their own message. Call ``done()`` after reading to refuse unknown fields.
    """

    def __init__(self, obj: Any, where: str, fail: Callable[[str], Exception]) -> None:
        if not isinstance(obj, dict):
            raise fail(f"{where}: expected an object")
        self._obj: dict[str, Any] = obj
        self._where = where
        self._fail = fail
        self._read: set[str] = set()

    def _get(self, key: str) -> Any:
        if key not in self._obj:
            raise self._fail(f"{self._where}.{key}: missing")
        self._read.add(key)
        return self._obj[key]

    def error(self, key: str, problem: str) -> Exception:
        return self._fail(f"{self._where}.{key}: {problem}")

    def text(self, key: str, *, pattern: re.Pattern[str] | None = None, max_len: int = 200) -> str:
        value = self._get(key)
        if not isinstance(value, str) or not value or len(value) > max_len:
            raise self.error(key, f"expected a non-empty string of at most {max_len} characters")
        if pattern is not None and not pattern.fullmatch(value):
            raise self.error(key, "bad format")
        return value

    def opt_text(self, key: str, *, pattern: re.Pattern[str] | None = None, max_len: int = 200) -> str | None:
        if self._obj.get(key, "") is None:
            self._read.add(key)
            return None
        return self.text(key, pattern=pattern, max_len=max_len)

    def integer(self, key: str, *, minimum: int = 0, maximum: int = 2**53) -> int:
        value = self._get(key)
        if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
            raise self.error(key, f"expected an integer in [{minimum}, {maximum}]")
        return value

    def uuid(self, key: str) -> str:
        value = self.text(key, max_len=36)
        if not is_canonical_uuid(value):
            raise self.error(key, "expected a lowercase UUID")
        return value

    def time(self, key: str) -> datetime:
        value = self.text(key, max_len=20)
        moment = parse_utc_iso(value)
        if moment is None:
            raise self.error(key, "expected UTC time as YYYY-MM-DDTHH:MM:SSZ")
        return moment

    def object(self, key: str) -> Fields:
        return Fields(self._get(key), f"{self._where}.{key}", self._fail)

    def opt_object(self, key: str) -> Fields | None:
        """An object that may be absent (a field newer versions added); present, it must be an object."""
        return self.object(key) if key in self._obj else None

    def items(self, key: str, *, max_items: int) -> list[Any]:
        value = self._get(key)
        if not isinstance(value, list) or len(value) > max_items:
            raise self.error(key, f"expected a list of at most {max_items} items")
        return value

    def mapping(self, key: str, *, max_items: int) -> dict[str, Any]:
        value = self._get(key)
        if not isinstance(value, dict) or len(value) > max_items:
            raise self.error(key, f"expected an object of at most {max_items} fields")
        return value

    def done(self) -> None:
        unknown = sorted(set(self._obj) - self._read)
        if unknown:
            raise self._fail(f"{self._where}: unknown field {unknown[0][:60]!r}")

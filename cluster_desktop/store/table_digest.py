"""One fingerprint per table: its row count and a SHA-256 over a canonical encoding of its rows.

Backups record it when they are made, verification recomputes it over the copy inside the archive and
restore over what it put back, and tests compare offices with it: the same function everywhere. Values
are normalised so equal data gives equal hashes on SQLite and PostgreSQL (booleans as 0/1, times as
ISO text in UTC, bytes as hex, decimals and floats in one spelling, JSON with sorted keys), columns are
taken by name and rows in primary-key order, text keys compared byte by byte on both (SQLite's BINARY
collation, PostgreSQL's "C"), so the order does not depend on the server's locale.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, MetaData, String, Table, select


@dataclass(frozen=True)
class TableDigest:
    rows: int
    sha256: str

    def to_dict(self) -> dict[str, Any]:
        return {"rows": self.rows, "sha256": self.sha256}


def canonical(value: Any) -> Any:
    """A JSON-ready value that reads the same whichever database handed ``value`` back."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return repr(value)  # shortest round-trip spelling; also for nan and inf, which JSON lacks
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value.is_finite() else str(value)
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat(timespec="microseconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dict):
        return {str(k): canonical(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [canonical(v) for v in value]
    return str(value)


def _line(values: list[Any]) -> bytes:
    text = json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.encode("utf-8") + b"\n"


def _order(table: Table, postgres: bool) -> list[Any]:
    keys = list(table.primary_key.columns) or list(table.columns)
    if not postgres:
        return keys
    return [c.collate("C") if isinstance(c.type, String) else c for c in keys]


def table_digest(conn: Connection, table: Table) -> TableDigest:
    names = sorted(table.columns.keys())
    stmt = select(*(table.c[n] for n in names)).order_by(*_order(table, conn.dialect.name == "postgresql"))
    h = hashlib.sha256(_line(names))
    rows = 0
    for row in conn.execution_options(yield_per=500).execute(stmt):
        h.update(_line([canonical(v) for v in row]))
        rows += 1
    return TableDigest(rows, h.hexdigest())


def table_digests(conn: Connection, tick: Callable[[str], None] | None = None) -> dict[str, TableDigest]:
    """Every table of the database as it is (reflected, so an older schema inside an archive works too),
    by name. ``tick(table)`` is called before each one (progress, cancellation)."""
    meta = MetaData()
    meta.reflect(conn)
    out: dict[str, TableDigest] = {}
    for name in sorted(meta.tables):
        if tick is not None:
            tick(name)
        out[name] = table_digest(conn, meta.tables[name])
    return out

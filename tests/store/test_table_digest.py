"""The table hash that backups record, verification recomputes and tests compare: equal data gives the
same hash on SQLite and on PostgreSQL, whatever the server's locale orders text by; any change shows."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from pathlib import Path

import sqlalchemy as sa

from cluster_desktop.store.table_digest import canonical, table_digests
from tests.pgserver import PgServer

ROWS = [  # keys whose order differs between byte order and a language's collation
    {
        "id": "b",
        "flag": True,
        "n": 2**40,
        "x": 0.1,
        "d": dt.date(2026, 3, 21),
        "j": {"z": 1, "a": [1.5, None]},
    },
    {"id": "B", "flag": False, "n": -1, "x": 1e-300, "d": None, "j": None},
    {"id": "ی", "flag": None, "n": 0, "x": 3.0, "d": dt.date(1999, 1, 1), "j": {"متن": "خوشه"}},
    {"id": "a", "flag": True, "n": None, "x": None, "d": None, "j": []},
    {"id": "ا", "flag": False, "n": 7, "x": -2.5, "d": dt.date(2000, 2, 29), "j": {"k": True}},
]


def _fill(engine: sa.Engine) -> dict[str, object]:
    meta = sa.MetaData()
    t = sa.Table(
        "sample",
        meta,
        sa.Column("id", sa.String(8), primary_key=True),
        sa.Column("flag", sa.Boolean),
        sa.Column("n", sa.BigInteger),
        sa.Column("x", sa.Float),
        sa.Column("d", sa.Date),
        sa.Column("at", sa.DateTime),
        sa.Column("j", sa.JSON),
        sa.Column("b", sa.LargeBinary),
        sa.Column("note", sa.Text),
    )
    meta.create_all(engine)
    at = dt.datetime(2026, 12, 4, 10, 5, 6, 789)
    with engine.begin() as c:
        c.execute(
            t.insert(), [{**r, "at": at, "b": r["id"].encode() * 3, "note": "سلام\u200cها"} for r in ROWS]
        )
    with engine.connect() as c:
        return dict(table_digests(c))


def _persian_database(pg_server: PgServer) -> str:
    """A database that sorts text the Persian way (ICU), unlike SQLite's byte order."""
    name = f"t_fa_{uuid.uuid4().hex[:12]}"
    with pg_server.admin.connect() as c:
        c.exec_driver_sql(
            f"CREATE DATABASE {name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'fa-IR' LOCALE 'C.UTF-8'"
        )
    return name


def test_equal_data_gives_equal_hashes_on_both_backends(tmp_path: Path, pg_server: PgServer) -> None:
    sqlite = sa.create_engine(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    name = _persian_database(pg_server)
    pg = sa.create_engine(pg_server.url(name))
    try:
        on_sqlite, on_pg = _fill(sqlite), _fill(pg)
        with pg.connect() as c:  # the server itself orders these keys otherwise
            assert [r[0] for r in c.exec_driver_sql("SELECT id FROM sample ORDER BY id")] == [
                "ا",
                "ی",
                "a",
                "b",
                "B",
            ]
        assert on_sqlite == on_pg and on_sqlite["sample"].rows == len(ROWS)  # type: ignore[attr-defined]
        with pg.begin() as c:
            c.exec_driver_sql("UPDATE sample SET x = 0.1000001 WHERE id = 'b'")
        with pg.connect() as c:
            assert table_digests(c) != on_sqlite
    finally:
        sqlite.dispose()
        pg.dispose()
        pg_server.drop(name)


def test_canonical_values() -> None:
    aware = dt.datetime(2026, 1, 1, 3, 30, tzinfo=dt.timezone(dt.timedelta(hours=3, minutes=30)))
    assert canonical(aware) == canonical(dt.datetime(2026, 1, 1, 0, 0)) == "2026-01-01T00:00:00.000000"
    assert canonical(True) == 1 and canonical(False) == 0
    assert canonical(Decimal("12.500")) == canonical(Decimal("12.5")) == "12.5"
    assert canonical(memoryview(b"\x00\xff")) == canonical(b"\x00\xff") == "00ff"
    assert canonical(0.1) == "0.1" and canonical(float("nan")) == "nan"
    assert canonical({"b": [dt.date(2026, 1, 2)]}) == {"b": ["2026-01-02"]}

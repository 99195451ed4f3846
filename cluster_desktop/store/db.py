"""The engine, its SQLite pragmas and sessions.

SQLite is the embedded default; a ``postgresql+…`` URL works with the same models and migrations.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from cluster_desktop.domain.errors import DomainError

DB_FILENAME = "cluster-desktop.sqlite3"


def sqlite_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / DB_FILENAME}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Python's sqlite3 opens implicit transactions and commits DDL on its own; let SQLAlchemy
    # drive BEGIN/COMMIT so a failed migration or import rolls back entirely.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=5000")
    # 32 MiB of page cache instead of SQLite's 2 MiB: the lists walk a sort index and look each
    # dossier's cluster up in index order, which misses a small cache; measured on 100,000 dossiers,
    # ordering by score takes ≈ 240 ms instead of ≈ 330 ms. The cache grows only as pages are read.
    # temp_store stays at its default: the sorts' temporary B-trees fit in this cache, and MEMORY
    # measured no faster while letting a large batch migration's copy take RAM instead of disk.
    cur.execute("PRAGMA cache_size=-32768")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    # IMMEDIATE takes the write lock at once: a transaction that reads and then decides to write (the
    # start-up's reference check) must not find, on its first write, that another process wrote first.
    immediate = conn.get_execution_options().get("sqlite_immediate")
    # An immediate transaction (start-up, an import) waits its turn behind another process's rather than
    # fail after the usual 5 s; set on every begin, so a pooled connection never keeps the long wait.
    conn.exec_driver_sql(f"PRAGMA busy_timeout={60000 if immediate else 5000}")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


# pg_advisory_lock key of the start-up (migration and reference data): "CDsk".
STARTUP_LOCK_KEY = 0x4344736B


@contextmanager
def startup_lock(engine: Engine) -> Iterator[None]:
    """One process at a time migrates and loads reference data. PostgreSQL: a session advisory lock
    on its own connection (others wait, then find nothing left to do). SQLite: the migration and the
    reference check each run in a ``BEGIN IMMEDIATE`` transaction, which serialises them already."""
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as conn:
        conn.exec_driver_sql(f"SELECT pg_advisory_lock({STARTUP_LOCK_KEY})")
        conn.commit()
        try:
            yield
        finally:
            conn.exec_driver_sql(f"SELECT pg_advisory_unlock({STARTUP_LOCK_KEY})")
            conn.commit()


def make_engine(url: str) -> Engine:
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def quick_check(engine: Engine) -> None:
    """Refuse to work on a damaged SQLite file (PRAGMA quick_check), before anything writes to it."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        rows = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
    if rows != ["ok"]:
        raise DomainError(
            "پایگاه داده آسیب دیده است؛ از آخرین پشتیبان بازیابی کنید: " + "; ".join(rows[:3]),
            "The database is damaged; restore the latest backup: " + "; ".join(rows[:3]),
        )


def integrity_check(engine: Engine) -> str:
    """``"ok"`` or what is wrong. SQLite: ``PRAGMA integrity_check``. PostgreSQL enforces keys and
    constraints itself; reading every table end to end (``count(*)`` visits every heap page) is what a
    client can check without superuser rights, and it fails on a damaged page."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            return str(conn.execute(text("PRAGMA integrity_check")).scalar())
        from sqlalchemy import inspect

        problems = []
        for table in inspect(conn).get_table_names():
            try:
                conn.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar()
            except Exception as exc:  # a damaged page or a missing relation, named for the report
                problems.append(f"{table}: {exc}")
                conn.rollback()
        return "ok" if not problems else "; ".join(problems)


class Database:
    """An engine and its session factory for one data directory or URL."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self, *, immediate: bool = False) -> Iterator[Session]:
        """A unit of work: committed when the block ends normally, rolled back on any error.
        ``immediate``: on SQLite, hold the write lock from the start (BEGIN IMMEDIATE)."""
        s = (
            self.sessions(bind=self.engine.execution_options(sqlite_immediate=True))
            if immediate and self.engine.dialect.name == "sqlite"
            else self.sessions()
        )
        try:
            yield s
            s.commit()
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    def dispose(self) -> None:
        self.engine.dispose()

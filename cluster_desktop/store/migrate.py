"""Schema migrations at start-up: verified backup first, then alembic, all before any window opens."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.paths import migrations_dir

BACKUP_DIR = "backups"

log = logging.getLogger(__name__)


def _ini_value(value: str) -> str:
    """alembic's Config is a ConfigParser with %-interpolation: a literal % must be written %%.
    SQLAlchemy 2.1 percent-encodes ``C:\\`` and non-ASCII folder names in a rendered URL."""
    return value.replace("%", "%%")


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", _ini_value(str(migrations_dir())))
    cfg.set_main_option("sqlalchemy.url", _ini_value(engine.url.render_as_string(hide_password=False)))
    return cfg


def head_revision(engine: Engine) -> str:
    heads = ScriptDirectory.from_config(alembic_config(engine)).get_heads()
    return heads[0]


def script_directory() -> ScriptDirectory:
    """The program's own migrations, without a database (what a backup's revision is checked against)."""
    cfg = Config()
    cfg.set_main_option("script_location", _ini_value(str(migrations_dir())))
    return ScriptDirectory.from_config(cfg)


def is_known_revision(revision: str | None) -> bool:
    """Whether this program knows ``revision`` (None: an empty database); a newer program's is unknown."""
    if revision is None:
        return True
    try:
        return script_directory().get_revision(revision) is not None
    except Exception:  # alembic raises its own errors for unknown or malformed ids
        return False


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_sqlite(engine: Engine, data_dir: Path, label: str, *, folder: Path | None = None) -> Path:
    """Copy the live database with SQLite's backup API, then prove the copy opens and is intact
    (into ``data_dir/backups``, or ``folder``)."""
    import sqlite3

    src_path = engine.url.database
    if not src_path:
        raise ValueError("not a file database")
    folder = folder or data_dir / BACKUP_DIR
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"cluster-desktop-{stamp}-{label}.sqlite3"
    src = sqlite3.connect(src_path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
        ok = dst.execute("PRAGMA integrity_check").fetchone()[0]
        n_src = src.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        n_dst = dst.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    finally:
        dst.close()
        src.close()
    if ok != "ok" or n_src != n_dst:
        target.unlink(missing_ok=True)
        raise DomainError(
            "پشتیبان‌گیری از پایگاه داده ناموفق بود (نسخهٔ پشتیبان سالم نبود)؛ هیچ تغییری داده نشد.",
            "The database backup failed (the copy was not intact); nothing was changed.",
        )
    return target


def upgrade_database(engine: Engine, data_dir: Path | None) -> Path | None:
    """Bring the schema to head. Returns the backup taken, if any.

    A database written by a newer program (a revision this build does not know) is refused
    instead of being damaged.
    """
    cfg = alembic_config(engine)
    script = ScriptDirectory.from_config(cfg)
    current = current_revision(engine)
    head = script.get_current_head()
    if current == head:
        return None
    if current is not None:
        try:
            script.get_revision(current)
        except Exception as exc:
            raise DomainError(
                "این پایگاه داده با نسخهٔ جدیدتری از برنامه ساخته شده است؛ برنامه را به‌روز کنید.",
                f"This database was written by a newer version of the program (revision {current}); "
                "upgrade the program.",
            ) from exc
    backup = None
    has_tables = bool(inspect(engine).get_table_names())
    if has_tables and data_dir is not None:
        if engine.dialect.name == "sqlite":
            backup = backup_sqlite(engine, data_dir, f"before-{head}")
        else:
            from .pgbackup import backup_postgres

            backup = backup_postgres(engine, data_dir / BACKUP_DIR, f"before-{head}")
        log.info("backup before the migration: %s", backup)
    log.info("migrating the %s database from revision %s to %s", engine.dialect.name, current, head)
    try:
        run_in_transaction(engine, cfg, "head")
    except Exception:
        log.exception("migration to %s failed; the database was left at %s", head, current)
        raise
    log.info("database at revision %s", head)
    return backup


def run_in_transaction(engine: Engine, cfg: Config, target: str, *, downgrade: bool = False) -> None:
    """Run alembic in one transaction; on SQLite with foreign keys off while batch mode rebuilds
    tables, checked again before the commit so no dangling reference slips through."""
    # SQLite: BEGIN IMMEDIATE, so a second process starting at the same moment waits, then finds the
    # schema at head (PostgreSQL serialises start-ups with an advisory lock: store/db.startup_lock).
    with engine.execution_options(sqlite_immediate=True).connect() as conn:
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            # Must be set outside a transaction to take effect.
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                (command.downgrade if downgrade else command.upgrade)(cfg, target)
                if sqlite:
                    bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if bad:
                        raise DomainError(
                            "به‌روزرسانی پایگاه داده ارجاع‌های ناسازگار پیدا کرد و انجام نشد.",
                            f"The database upgrade found {len(bad)} broken references and was not applied.",
                        )
        finally:
            if sqlite:
                conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]

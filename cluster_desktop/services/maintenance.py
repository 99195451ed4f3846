"""The office's database as IT staff look after it: where it is, whether it is intact, a backup now."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cluster_desktop.domain.roles import Role
from cluster_desktop.store.db import integrity_check
from cluster_desktop.store.migrate import BACKUP_DIR, backup_sqlite, current_revision, head_revision
from cluster_desktop.store.pgbackup import backup_postgres

from . import audit
from .actor import Actor, require
from .workspace import Workspace


@dataclass(frozen=True)
class DatabaseStatus:
    backend: str
    where: str  # the SQLite file, or the server URL without its password
    revision: str | None
    program_revision: str
    integrity: str  # "ok" or what is wrong

    def to_dict(self) -> dict[str, str | None]:
        return dict(self.__dict__)


def database_status(ws: Workspace) -> DatabaseStatus:
    engine = ws.db.engine
    return DatabaseStatus(
        ws.backend,
        ws.database_label(),
        current_revision(engine),
        head_revision(engine),
        integrity_check(engine),
    )


def backup_now(ws: Workspace, actor: Actor, folder: Path | None = None) -> Path:
    """A verified backup: SQLite's backup API + integrity check, or pg_dump + pg_restore --list."""
    require(actor, {Role.ADMIN}, what_fa="پشتیبان‌گیری از پایگاه داده", what_en="back the database up")
    target_dir = Path(folder) if folder else ws.data_dir / BACKUP_DIR
    if ws.backend == "sqlite":
        path = backup_sqlite(ws.db.engine, ws.data_dir, "manual", folder=target_dir)
    else:
        path = backup_postgres(ws.db.engine, target_dir, "manual")
    with ws.db.session() as s:
        audit.record(s, actor, "database.backup", "database", None, file=path.name)
    return path

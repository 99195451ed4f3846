"""An opened data directory: database (migrated, checked), attachments and bundle folders."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from cluster_desktop.store.db import DB_FILENAME, Database, quick_check, sqlite_url
from cluster_desktop.store.migrate import upgrade_database
from cluster_desktop.store.models import Office
from cluster_desktop.store.reference import load_reference


@dataclass
class Workspace:
    data_dir: Path
    db: Database
    backup: Path | None = None  # taken by this start's migration, if any

    @classmethod
    def open(cls, data_dir: Path, url: str | None = None) -> Workspace:
        """Open (creating if new) the office in ``data_dir``: check, back up, migrate, load reference."""
        data_dir = Path(data_dir)
        data_dir.mkdir(parents=True, exist_ok=True)
        db = Database(url or sqlite_url(data_dir))
        if (data_dir / DB_FILENAME).exists() and url is None:
            quick_check(db.engine)
        backup = upgrade_database(db.engine, data_dir)
        with db.session() as s:
            load_reference(s)
        return cls(data_dir=data_dir, db=db, backup=backup)

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

    @property
    def bundles_dir(self) -> Path:
        return self.data_dir / "bundles"

    def local_office(self) -> Office | None:
        with self.db.session() as s:
            return s.scalar(select(Office).where(Office.is_local.is_(True)))

    def close(self) -> None:
        self.db.dispose()

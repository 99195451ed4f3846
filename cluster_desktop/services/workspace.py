"""An opened data directory: database (migrated, checked), attachments and bundle folders."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from cluster_desktop.store.blobs import BlobStore, DatabaseBlobs, FileBlobs
from cluster_desktop.store.db import DB_FILENAME, Database, quick_check, sqlite_url, startup_lock
from cluster_desktop.store.dbconfig import configured_url, display_url, remember
from cluster_desktop.store.migrate import upgrade_database
from cluster_desktop.store.models import Office
from cluster_desktop.store.reference import load_reference_if_changed

log = logging.getLogger(__name__)


@dataclass
class Workspace:
    data_dir: Path
    db: Database
    backup: Path | None = None  # taken by this start's migration, if any

    @classmethod
    def open(cls, data_dir: Path, url: str | None = None) -> Workspace:
        """Open (creating if new) the office in ``data_dir``: check, back up, migrate, load reference.

        Without ``url`` the folder's configured server (store/dbconfig.py) or its SQLite file is used;
        a server ``url`` given here is remembered for the next start (without its password)."""
        data_dir = Path(data_dir)
        data_dir.mkdir(parents=True, exist_ok=True)
        explicit = url
        url = url or configured_url(data_dir)
        db = Database(url or sqlite_url(data_dir))
        try:
            sqlite = db.engine.dialect.name == "sqlite"
            if sqlite and (data_dir / DB_FILENAME).exists():
                quick_check(db.engine)
            log.info("database: %s", display_url(db.url))
            with startup_lock(db.engine):
                backup = upgrade_database(db.engine, data_dir)
                with db.session(immediate=True) as s:
                    if load_reference_if_changed(s) is not None:
                        log.info("reference data loaded (shipped files changed)")
            ws = cls(data_dir=data_dir, db=db, backup=backup)
            if not sqlite:
                ws.move_files_into_database()
        except BaseException:
            db.dispose()  # no pooled connection may keep the file open (Windows could not delete it)
            raise
        if explicit is not None and not sqlite:
            try:
                remember(data_dir, explicit)
            except OSError as exc:  # a read-only folder: the office works, the next start needs --db-url
                log.warning("could not remember the server in %s: %s", data_dir, exc)
        return ws

    def move_files_into_database(self) -> int:
        """Attachment files an office kept in its folder before it ran on a server (or before 0006)
        go into the database once, checked against their hash, so every PC can read them."""
        folder = self.attachments_dir
        if not folder.is_dir():
            return 0
        from cluster_desktop.store.blobs import hash_file

        moved: list[Path] = []
        store = DatabaseBlobs()
        with self.db.session() as s:
            for path in sorted(folder.glob("??/*")):
                name = path.name
                if len(name) != 64 or name.startswith("."):
                    continue
                if hash_file(path) != name:
                    log.warning("attachment file %s does not match its hash; left in %s", name, folder)
                    continue
                store.put_file(s, name, path)  # nothing if the database holds it already
                moved.append(path)
        for path in moved:  # committed: the database holds them now
            path.unlink(missing_ok=True)
        if moved:
            log.info("%d attachment files moved into the database", len(moved))
        return len(moved)

    @property
    def backend(self) -> str:
        """``sqlite`` or ``postgresql``: what the status bar and About name."""
        return self.db.engine.dialect.name

    def database_label(self) -> str:
        return display_url(self.db.url) if self.backend != "sqlite" else str(self.data_dir / DB_FILENAME)

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

    @property
    def blobs(self) -> BlobStore:
        """Attachment content: files in the data folder, or the database when it is a server."""
        return FileBlobs(self.attachments_dir) if self.backend == "sqlite" else DatabaseBlobs()

    @property
    def bundles_dir(self) -> Path:
        return self.data_dir / "bundles"

    def local_office(self) -> Office | None:
        with self.db.session() as s:
            return s.scalar(select(Office).where(Office.is_local.is_(True)))

    def close(self) -> None:
        self.db.dispose()

"""Putting an office back from a backup archive: verify it, refuse what must not land here, keep a copy of
the current state, then replace the database and the attachments, migrate up if the archive is older, check.

Who may restore: into an empty data folder or an empty server database (a new PC after a disk failure)
nobody needs to sign in, because there is no office yet to protect; over an existing office only its
administrator (``--user NAME --password-stdin`` on the command line; the signed-in administrator in the
program). An archive of another office, of a newer program or of another kind of database is refused.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from cluster_desktop import __version__
from cluster_desktop.domain.errors import DomainError, PermissionDenied
from cluster_desktop.domain.roles import Role
from cluster_desktop.store.backup_archive import (
    ATTACHMENTS,
    FORMAT_VERSION,
    Manifest,
    OfficeFacts,
    Progress,
    fsync_dir,
    office_facts,
    write_postgres_archive,
    write_sqlite_archive,
)
from cluster_desktop.store.backup_verify import compare_restored, extract_member, open_archive, verify_archive
from cluster_desktop.store.db import DB_FILENAME, integrity_check
from cluster_desktop.store.dbconfig import configured_url
from cluster_desktop.store.migrate import BACKUP_DIR, is_known_revision
from cluster_desktop.store.table_digest import table_digests

from . import audit
from .actor import Actor
from .backup import BackupInfo, describe_backup, inspect_backup
from .workspace import Workspace

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Target:
    """Where a restore goes: the data folder and its database (SQLite file or server URL)."""

    data_dir: Path
    url: str | None  # None: the folder's SQLite file

    @classmethod
    def of(cls, data_dir: Path, url: str | None = None) -> Target:
        url = url or configured_url(Path(data_dir))
        if url and make_url(url).get_backend_name() == "sqlite":
            url = None if Path(make_url(url).database or "") == Path(data_dir) / DB_FILENAME else url
        return cls(Path(data_dir), url)

    @property
    def backend(self) -> str:
        return (
            "sqlite"
            if self.url is None or make_url(self.url).get_backend_name() == "sqlite"
            else "postgresql"
        )

    @property
    def sqlite_file(self) -> Path:
        return Path(make_url(self.url).database or "") if self.url else self.data_dir / DB_FILENAME

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

    def engine(self) -> Engine:
        return create_engine(self.url or f"sqlite:///{self.sqlite_file}", poolclass=NullPool)


@dataclass(frozen=True)
class RestorePlan:
    info: BackupInfo
    current: OfficeFacts | None  # the office there now (None: an empty folder or database)
    copy_folder: Path  # where the copy of the current state goes


@dataclass(frozen=True)
class RestoreReport:
    info: BackupInfo
    before_copy: Path | None
    migrated: bool
    integrity: str


def current_office(target: Target) -> OfficeFacts | None:
    """The office the target holds now, without creating anything there."""
    if target.backend == "sqlite" and not target.sqlite_file.exists():
        return None
    engine = target.engine()
    try:
        with engine.connect() as conn:
            return office_facts(conn)
    except Exception as exc:  # a damaged file or an unreachable server: nothing may be replaced blindly
        raise DomainError(
            "پایگاه دادهٔ کنونی خوانده نمی‌شود. اگر آسیب دیده است، پروندهٔ آن را (برای نگه‌داری) از پوشهٔ "
            f"داده بیرون ببرید و دوباره بازگردانی کنید: {target.sqlite_file if target.backend == 'sqlite' else ''}",
            f"The current database cannot be read ({exc}). If it is damaged, move its file out of the data "
            "folder (keep it) and restore again.",
        ) from exc
    finally:
        engine.dispose()


def _office_label(o: OfficeFacts) -> str:
    return f"«{o.name}» ({o.id})"


def _refusal(m: Manifest, target: Target, current: OfficeFacts | None) -> DomainError | None:
    if (
        m.format_version > FORMAT_VERSION
        or not is_known_revision(m.schema_revision)
        or _newer(m.program_version)
    ):
        return DomainError(
            f"این پشتیبان با نسخهٔ جدیدتری از برنامه ({m.program_version}) ساخته شده است؛ "
            f"نخست برنامه را به‌روز کنید (نسخهٔ کنونی {__version__}).",
            f"This backup was made by a newer program ({m.program_version}, schema {m.schema_revision}); "
            f"upgrade this one ({__version__}) first.",
        )
    if m.office is None:
        return DomainError("این پشتیبان هیچ دفتری را در خود ندارد.", "This backup holds no office.")
    if m.backend != target.backend:
        names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
        return DomainError(
            f"این پشتیبان از پایگاه دادهٔ {names[m.backend]} است و این دفتر روی {names[target.backend]} کار "
            "می‌کند؛ بازگردانی انجام نشد.",
            f"This backup is of a {names[m.backend]} office and this one runs on {names[target.backend]}; "
            "nothing was restored.",
        )
    if current is not None and current.id != m.office.id:
        return DomainError(
            f"این پشتیبان از دفتر {_office_label(m.office)} است، نه از این دفتر {_office_label(current)}؛ "
            "بازگردانی انجام نشد و داده‌های این دفتر دست نخورد.",
            f"This backup is of the office {m.office.id}, not of this office ({current.id}); nothing was "
            "restored and this office's data is untouched.",
        )
    return None


def _newer(version: str) -> bool:
    def parts(v: str) -> tuple[int, ...]:
        return tuple(int(p) if p.isdigit() else 0 for p in v.split("."))

    return parts(version) > parts(__version__)


def _require_admin(actor: Actor | None, current: OfficeFacts | None) -> None:
    if current is None:
        return  # an empty folder or database: there is no office yet to protect
    if actor is None or actor.role is not Role.ADMIN or actor.office_id != current.id:
        raise PermissionDenied(
            "بازگردانی روی دفتری که داده دارد فقط با ورود مدیر همان دفتر انجام می‌شود.",
            "Restoring over an office that holds data needs that office's administrator "
            "(--user NAME --password-stdin).",
        )


def _refuse_unverified(info: BackupInfo) -> None:
    if not info.ok:
        raise DomainError(
            "پشتیبان سالم نیست و بازگردانی نمی‌شود: " + "؛ ".join(info.problems[:3]),
            "The backup is not intact and will not be restored: " + "; ".join(info.problems[:3]),
        )


def check_restore(
    data_dir: Path,
    archive: Path,
    *,
    url: str | None = None,
    actor: Actor | None = None,
    progress: Progress | None = None,
) -> RestorePlan:
    """Everything a restore would refuse, checked without changing anything (the confirmation shows it)."""
    target = Target.of(data_dir, url)
    info = inspect_backup(archive, progress=progress)
    _refuse_unverified(info)
    assert info.manifest is not None
    current = current_office(target)
    refusal = _refusal(info.manifest, target, current)
    if refusal is not None:
        raise refusal
    _require_admin(actor, current)
    return RestorePlan(info, current, target.data_dir / BACKUP_DIR)


def restore_backup(
    data_dir: Path,
    archive: Path,
    *,
    url: str | None = None,
    actor: Actor | None = None,
    progress: Progress | None = None,
) -> RestoreReport:
    """Verify ``archive``, refuse what must not land here, keep the current state in ``backups/`` as a
    ``before-restore`` archive, replace database and attachments, migrate up if older, check integrity.
    Nothing may hold the office's database open meanwhile (the program closes its own connections)."""
    target = Target.of(data_dir, url)
    target.data_dir.mkdir(parents=True, exist_ok=True)
    current = current_office(target)
    _require_admin(actor, current)
    if target.backend == "sqlite":
        info, before = _restore_sqlite(target, archive, current, progress)
    else:
        info, before = _restore_postgres(target, archive, current, progress)
    assert info.manifest is not None
    ws = Workspace.open(target.data_dir, target.url)  # migrates an older archive up to this program's schema
    try:
        integrity = integrity_check(ws.db.engine)
        with ws.db.session() as s:
            audit.record(
                s,
                actor,
                "backup.restore",
                "database",
                None,
                file=Path(archive).name,
                made=info.manifest.created_at.isoformat(),
                before=before.name if before else None,
            )
        migrated = ws.backup is not None
    finally:
        ws.close()
    log.info("restored %s into %s (copy of the former state: %s)", archive, target.data_dir, before)
    return RestoreReport(info, before, migrated, integrity)


def _checked(
    target: Target, archive: Path, current: OfficeFacts | None, keep: Path, progress: Progress | None
) -> BackupInfo:
    if progress:
        progress(0, 0, "verify")
    info = describe_backup(
        Path(archive), verify_archive(Path(archive), keep_database=keep, progress=progress)
    )
    _refuse_unverified(info)
    assert info.manifest is not None
    refusal = _refusal(info.manifest, target, current)
    if refusal is not None:
        keep.unlink(missing_ok=True)
        raise refusal
    return info


def _sqlite_in_use(db: Path) -> bool:
    """Another program (a second window, another user on this PC) has the database open."""
    try:
        with contextlib.closing(sqlite3.connect(db, timeout=0.5, isolation_level=None)) as c:
            c.execute("PRAGMA locking_mode=EXCLUSIVE")
            c.execute("BEGIN EXCLUSIVE")
            c.execute("COMMIT")
            c.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file before it is replaced
    except sqlite3.OperationalError:
        return True
    return False


def _restore_sqlite(
    target: Target, archive: Path, current: OfficeFacts | None, progress: Progress | None
) -> tuple[BackupInfo, Path | None]:
    db = target.sqlite_file
    db.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=db.parent, prefix=".restoring-", suffix=".sqlite3")
    os.close(fd)
    staged = Path(tmp_name)
    try:
        info = _checked(target, archive, current, staged, progress)
        manifest = info.manifest
        assert manifest is not None
        if db.exists() and _sqlite_in_use(db):
            raise DomainError(
                "پایگاه داده در برنامهٔ دیگری باز است؛ همهٔ پنجره‌های میزکار خوشه را ببندید و دوباره بکوشید.",
                "The database is open in another program; close every Cluster Desktop window and try again.",
            )
        before = None
        if current is not None:
            if progress:
                progress(0, 0, "copy")
            engine = target.engine()
            try:
                before, _m = write_sqlite_archive(
                    engine, target.attachments_dir, target.data_dir / BACKUP_DIR, "before-restore"
                )
            finally:
                engine.dispose()
        # Attachments first, added beside the ones there: at every moment each record has its file.
        _add_attachments(archive, manifest, target.attachments_dir, progress)
        for suffix in (
            "-wal",
            "-shm",
            "-journal",
        ):  # checkpointed above; stale ones would corrupt the new file
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        os.replace(staged, db)
        fsync_dir(db.parent)
        # a file the backup lacked but this PC still has stays: the restored records may point to it
        _prune_attachments(
            target.attachments_dir, set(manifest.attachments) | set(manifest.missing_attachments)
        )
        return info, before
    finally:
        staged.unlink(missing_ok=True)


def _add_attachments(archive: Path, m: Manifest, folder: Path, progress: Progress | None) -> None:
    from cluster_desktop.store.blobs import hash_file

    with open_archive(archive) as zf:
        for i, sha in enumerate(sorted(m.attachments)):
            if progress:
                progress(i, len(m.attachments), "attachments")
            final = folder / sha[:2] / sha
            if final.is_file() and hash_file(final) == sha:
                continue
            final.parent.mkdir(parents=True, exist_ok=True)
            part = final.with_name(f".tmp-{sha}")
            if not extract_member(zf, m, ATTACHMENTS + sha, part):
                raise DomainError(
                    f"پیوست {sha[:12]} در پشتیبان آسیب دیده است؛ پایگاه داده جایگزین نشد.",
                    f"The attachment {sha[:12]} in the backup is damaged; the database was not replaced.",
                )
            os.replace(part, final)


def _prune_attachments(folder: Path, keep: set[str]) -> None:
    """Files of the former state that the restored one does not know (they are in the copy taken before)."""
    for p in folder.glob("??/*") if folder.is_dir() else []:
        if p.name not in keep:
            with contextlib.suppress(OSError):
                p.unlink()


def _restore_postgres(
    target: Target, archive: Path, current: OfficeFacts | None, progress: Progress | None
) -> tuple[BackupInfo, Path | None]:
    from cluster_desktop.store.pgbackup import other_sessions, restore_postgres

    with tempfile.TemporaryDirectory(prefix="cdbackup-restore-") as tmp:
        dump = Path(tmp) / "database.pgdump"
        info = _checked(target, archive, current, dump, progress)
        manifest = info.manifest
        assert manifest is not None
        engine = target.engine()
        try:
            others = other_sessions(engine)
            if others:
                raise DomainError(
                    "رایانه‌های دیگری به این پایگاه داده وصل‌اند؛ برنامه را روی همهٔ آن‌ها ببندید و دوباره "
                    "بکوشید: " + "، ".join(others[:5]),
                    "Other computers are connected to this database; close the program on all of them and try "
                    "again: " + ", ".join(others[:5]),
                )
            before = None
            if current is not None:
                if progress:
                    progress(0, 0, "copy")
                before, _m = write_postgres_archive(engine, target.data_dir / BACKUP_DIR, "before-restore")
            if progress:
                progress(0, 0, "database")
            restore_postgres(engine, dump)
            with engine.connect() as conn:
                problems = compare_restored(manifest, table_digests(conn))
        finally:
            engine.dispose()
    if problems:
        where_fa = f"؛ نسخهٔ وضعیت پیشین: {before}" if before else ""
        where_en = f"; the former state is kept in {before}" if before else ""
        raise DomainError(
            "دادهٔ بازگردانده با پشتیبان نمی‌خواند: " + problems[0].fa + where_fa,
            "The restored data does not match the backup: " + problems[0].en + where_en,
        )
    return info, before

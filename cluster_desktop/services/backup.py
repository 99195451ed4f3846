"""Backups of a whole office (database and attachments) in one verified archive (store/backup_archive.py):
made on demand by the administrator, once a day when the program closes (kept 7 daily and 4 weekly), and
looked into before anyone restores one (services/restore.py)."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.jalali import format_jalali_datetime, to_tehran
from cluster_desktop.domain.roles import Role
from cluster_desktop.store.backup_archive import (
    SUFFIX,
    Manifest,
    Progress,
    parse_archive_name,
    write_postgres_archive,
    write_sqlite_archive,
)
from cluster_desktop.store.backup_archive import Cancelled as Cancelled  # re-exported for the GUI
from cluster_desktop.store.backup_verify import Verification, verify_archive
from cluster_desktop.store.migrate import BACKUP_DIR as BACKUP_DIR

from . import audit
from .actor import Actor, require
from .workspace import Workspace

log = logging.getLogger(__name__)

KEEP_DAILY = 7
KEEP_WEEKLY = 4
SCHEDULED = "scheduled"

# The tables people recognise, for what a backup holds (the rest are counted in the total).
HEADLINE_TABLES: tuple[tuple[str, str, str], ...] = (
    ("clusters", "خوشه", "clusters"),
    ("dossiers", "پرونده", "dossiers"),
    ("feasibility_plans", "طرح توجیهی", "feasibility plans"),
    ("evaluations", "برگهٔ ارزیابی", "evaluation sheets"),
    ("meetings", "جلسهٔ کارگروه", "working-group meetings"),
    ("licenses", "پروانه", "licenses"),
    ("programmes", "برنامهٔ توسعه", "development programmes"),
    ("users", "کاربر", "users"),
    ("audit_log", "رویداد گزارش ممیزی", "audit log entries"),
)


def label_title(label: str) -> tuple[str, str]:
    """How people read a backup's kind (its label)."""
    if label.startswith("before-") and label != "before-restore":
        return "پیش از به‌روزرسانی پایگاه داده", "before a database upgrade"
    return {
        "manual": ("دستی", "made by hand"),
        SCHEDULED: ("روزانه، هنگام بستن برنامه", "daily, when the program closed"),
        "before-restore": ("وضعیت پیش از یک بازگردانی", "the state before a restore"),
    }.get(label, (label, label))


@dataclass(frozen=True)
class BackupInfo:
    """What an archive holds and whether it is whole: for the restore dialog, ``backup inspect``."""

    path: Path
    size: int
    ok: bool
    problems: list[str]
    warnings: list[str]
    office_id: str | None = None
    office_name: str = ""
    office_kind: str = ""
    province_code: str | None = None
    created_at: datetime | None = None  # UTC
    created_jalali: str = ""  # Tehran time, Persian digits
    program_version: str = ""
    schema_revision: str | None = None
    backend: str = ""
    label: str = ""
    tables: dict[str, int] = field(default_factory=dict)
    attachments: int = 0
    attachment_bytes: int = 0
    manifest: Manifest | None = field(default=None, repr=False, compare=False)

    @property
    def total_rows(self) -> int:
        return sum(self.tables.values())

    def headline(self) -> list[tuple[str, str, int]]:
        """(Persian title, English title, rows) of the tables people recognise."""
        return [(fa, en, self.tables[t]) for t, fa, en in HEADLINE_TABLES if t in self.tables]

    def to_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if k != "manifest"}
        out["path"] = str(self.path)
        out["created_at"] = self.created_at.isoformat() if self.created_at else None
        out["total_rows"] = self.total_rows
        return out


def inspect_backup(path: Path, *, deep: bool = True, progress: Progress | None = None) -> BackupInfo:
    """Open ``path``, check it (``deep``: also the database inside) and describe it. Never raises for a
    damaged file: ``ok`` is False and ``problems`` say what is wrong."""
    return describe_backup(Path(path), verify_archive(Path(path), deep=deep, progress=progress))


def describe_backup(path: Path, v: Verification) -> BackupInfo:
    """What a verification found in ``path``, as callers show it."""
    size = path.stat().st_size if path.is_file() else 0
    problems, warnings = [str(p) for p in v.problems], [str(w) for w in v.warnings]
    m = v.manifest
    if m is None:
        return BackupInfo(path, size, False, problems, warnings)
    return BackupInfo(
        path,
        size,
        v.ok,
        problems,
        warnings,
        office_id=m.office.id if m.office else None,
        office_name=m.office.name if m.office else "",
        office_kind=m.office.kind if m.office else "",
        province_code=m.office.province_code if m.office else None,
        created_at=m.created_at,
        created_jalali=format_jalali_datetime(m.created_at),
        program_version=m.program_version,
        schema_revision=m.schema_revision,
        backend=m.backend,
        label=m.label,
        tables={k: d.rows for k, d in m.tables.items()},
        attachments=len(m.attachments),
        attachment_bytes=sum(m.attachments.values()),
        manifest=m,
    )


def make_archive(
    ws: Workspace, folder: Path, label: str, *, target: Path | None = None, progress: Progress | None = None
) -> tuple[Path, Manifest]:
    """An archive of ``ws`` into ``folder`` (no permission check: callers decide who may)."""
    if ws.backend == "sqlite":
        return write_sqlite_archive(
            ws.db.engine, ws.attachments_dir, folder, label, target=target, progress=progress
        )
    return write_postgres_archive(ws.db.engine, folder, label, target=target, progress=progress)


def _destination(ws: Workspace, out: Path | None) -> tuple[Path, Path | None]:
    """``out`` a folder (existing, or named without the suffix) or a file path → (folder, file or None)."""
    if out is None:
        return ws.data_dir / BACKUP_DIR, None
    out = Path(out)
    if out.is_dir() or out.suffix.lower() != SUFFIX:
        return out, None
    return out.parent, out


def create_backup(
    ws: Workspace, actor: Actor, out: Path | None = None, *, progress: Progress | None = None
) -> Path:
    """A full verified archive now (administrator): into ``out`` (a folder or a ``.cdbackup`` path),
    by default the data folder's ``backups/``. Returns the archive's path."""
    require(actor, {Role.ADMIN}, what_fa="پشتیبان‌گیری از دفتر", what_en="back the office up")
    folder, target = _destination(ws, out)
    try:
        path, manifest = make_archive(ws, folder, "manual", target=target, progress=progress)
    except OSError as exc:
        raise DomainError(
            f"پشتیبان در «{folder}» نوشته نشد: {exc.strerror or exc}",
            f"The backup could not be written to {folder}: {exc}",
        ) from exc
    with ws.db.session() as s:
        audit.record(s, actor, "backup.create", "database", None, file=path.name, label="manual")
    log.info(
        "backup written: %s (%d tables, %d attachments)",
        path,
        len(manifest.tables),
        len(manifest.attachments),
    )
    return path


# ------------------------------------------------------------------ the daily backup and its rotation


def local_day(when: datetime) -> date:
    """The office's day (Tehran), the same day the status bar and printed pages name."""
    return to_tehran(when).date()


def rotation_victims(
    names: Iterable[str],
    *,
    office_id: str | None = None,
    keep_daily: int = KEEP_DAILY,
    keep_weekly: int = KEEP_WEEKLY,
) -> list[str]:
    """Which scheduled archives to delete: kept are the newest of each of the ``keep_daily`` most recent
    days and of each of the ``keep_weekly`` most recent ISO weeks. Manual archives, copies taken before a
    restore or a migration, files named otherwise and (given ``office_id``) other offices' archives are
    never chosen."""
    scheduled = sorted(
        (
            (parsed.created_at, name)
            for name in names
            if (parsed := parse_archive_name(name))
            and parsed.label == SCHEDULED
            and office_id in (None, parsed.office_id)
        ),
        reverse=True,
    )
    keep: set[str] = set()
    days: set[date] = set()
    weeks: set[tuple[int, int]] = set()
    for when, name in scheduled:  # newest first: the first of each day or week is its newest
        day = local_day(when)
        week = day.isocalendar()[:2]
        if day not in days and len(days) < keep_daily:
            days.add(day)
            keep.add(name)
        if week not in weeks and len(weeks) < keep_weekly:
            weeks.add(week)
            keep.add(name)
    return [name for _when, name in scheduled if name not in keep]


def rotate(folder: Path, office_id: str | None = None) -> list[Path]:
    victims = rotation_victims((p.name for p in folder.glob("*" + SUFFIX)), office_id=office_id)
    removed = []
    for name in victims:
        try:
            (folder / name).unlink()
            removed.append(folder / name)
        except OSError as exc:  # open in another program: tried again after the next backup
            log.warning("old backup %s not removed: %s", name, exc)
    return removed


def _clear_leftovers(folder: Path, older_than: float = 86400) -> None:
    """A backup interrupted by a power cut leaves a hidden ``.part`` file or a ``.cdbackup-`` folder."""
    import shutil

    limit = time.time() - older_than
    for p in list(folder.glob(".*.part")) + list(folder.glob(".cdbackup-*")):
        try:
            if p.stat().st_mtime < limit:
                shutil.rmtree(p) if p.is_dir() else p.unlink()
        except OSError:
            pass


def backup_if_due(
    ws: Workspace, *, now: datetime | None = None, progress: Progress | None = None
) -> Path | None:
    """The scheduled backup: one archive a day into ``backups/`` (when the program closes), then the
    rotation. Needs nobody's password: the archive holds the database as it is, keys still sealed."""
    office = ws.local_office()
    if office is None:
        return None
    folder = ws.data_dir / BACKUP_DIR
    today = local_day(now or datetime.now(UTC))
    for p in folder.glob("*" + SUFFIX) if folder.is_dir() else []:
        parsed = parse_archive_name(p.name)
        if (
            parsed
            and parsed.label == SCHEDULED
            and parsed.office_id == office.id
            and local_day(parsed.created_at) == today
        ):
            return None
    if folder.is_dir():
        _clear_leftovers(folder)
    path, _manifest = make_archive(ws, folder, SCHEDULED, progress=progress)
    with ws.db.session() as s:
        audit.record(s, None, "backup.create", "database", None, file=path.name, label=SCHEDULED)
    removed = rotate(folder, office.id)
    log.info("scheduled backup %s; %d old ones removed", path.name, len(removed))
    return path


@dataclass(frozen=True)
class BackupEntry:
    path: Path
    created_at: datetime  # UTC
    label: str  # manual | scheduled | before-restore | before-<revision> (database only) | …
    size: int
    archive: bool  # a whole-office archive, or a database-only copy from before a migration

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "created_at": self.created_at.isoformat(),
            "created_jalali": format_jalali_datetime(self.created_at),
            "label": self.label,
            "size": self.size,
            "archive": self.archive,
        }


def list_backups(data_dir: Path) -> list[BackupEntry]:
    """What ``backups/`` holds, newest first: archives, and the database copies taken before migrations."""
    import re

    folder = Path(data_dir) / BACKUP_DIR
    raw = re.compile(r"cluster-desktop-(\d{8}T\d{6}Z)-(.+)\.(sqlite3|pgdump)")
    out = []
    for p in folder.iterdir() if folder.is_dir() else []:
        parsed = parse_archive_name(p.name)
        if parsed is not None:
            out.append(BackupEntry(p, parsed.created_at, parsed.label, p.stat().st_size, True))
        elif m := raw.fullmatch(p.name):
            when = datetime.strptime(m[1], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            out.append(BackupEntry(p, when, m[2], p.stat().st_size, False))
    return sorted(out, key=lambda e: (e.created_at, e.path.name), reverse=True)

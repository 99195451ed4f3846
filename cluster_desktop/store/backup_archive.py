"""A whole office in one verified file: ``cluster-desktop-<office>-<UTC stamp>[-<label>].cdbackup``.

A ZIP holding ``manifest.json`` (what, whose, when, by which program and schema; every table's row count
and hash, see table_digest.py; every attachment and member with size and SHA-256), the database
(SQLite: a copy made with the online backup API and integrity-checked; PostgreSQL: a ``pg_dump`` custom
file from the very snapshot the table hashes were computed in) and, for SQLite, the attachment files
(a server keeps them in the database, so they are in the dump). Attachments that are already compressed
(scans, PDFs, Office files) are stored as they are; the rest are deflated.

The archive is written under a hidden temporary name, flushed to disk and then renamed: a power cut
leaves at worst a ``.part`` file, never a half archive under the final name. Reading and checking it:
backup_verify.py.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from hashlib import sha256
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, inspect
from sqlalchemy.pool import NullPool

from cluster_desktop import __version__
from cluster_desktop.domain.errors import DomainError

from .table_digest import TableDigest, table_digests

SUFFIX = ".cdbackup"
FORMAT = "cluster-desktop-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database/cluster-desktop.sqlite3"
POSTGRES_MEMBER = "database/cluster-desktop.pgdump"
ATTACHMENTS = "attachments/"
CHUNK = 1 << 20
_HEX64 = re.compile(r"[0-9a-f]{64}")
_NAME = re.compile(
    r"cluster-desktop-(?P<office>.+?)-(?P<stamp>\d{8}T\d{6}Z)(?:-(?P<label>[a-z][a-z0-9-]*))?"
    + re.escape(SUFFIX)
)

# progress(done, total, what): also the place to stop a long backup (it raises Cancelled).
Progress = Callable[[int, int, str], None]


class Cancelled(Exception):
    """The user stopped the backup; nothing was left under the archive's name."""


@dataclass(frozen=True)
class OfficeFacts:
    id: str
    name: str
    kind: str
    province_code: str | None


@dataclass(frozen=True)
class FileEntry:
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    format_version: int
    program_version: str
    schema_revision: str | None
    office: OfficeFacts | None
    created_at: datetime  # UTC
    backend: str  # sqlite | postgresql
    label: str  # manual | scheduled | before-restore | …
    tables: dict[str, TableDigest]
    attachments: dict[str, int]  # sha256 → size
    files: dict[str, FileEntry]  # every member but the manifest
    missing_attachments: list[str] = field(default_factory=list)  # referenced, absent or damaged when made

    @property
    def database_member(self) -> str:
        return SQLITE_MEMBER if self.backend == "sqlite" else POSTGRES_MEMBER

    def to_json(self) -> bytes:
        doc = {
            "format": FORMAT,
            "format_version": self.format_version,
            "program_version": self.program_version,
            "schema_revision": self.schema_revision,
            "office": None if self.office is None else self.office.__dict__,
            "created_at": self.created_at.astimezone(UTC).isoformat(),
            "backend": self.backend,
            "label": self.label,
            "tables": {k: v.to_dict() for k, v in sorted(self.tables.items())},
            "attachments": [{"sha256": k, "size": v} for k, v in sorted(self.attachments.items())],
            "missing_attachments": sorted(self.missing_attachments),
            "files": {k: v.__dict__ for k, v in sorted(self.files.items())},
        }
        return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> Manifest:
        try:
            doc = json.loads(raw.decode("utf-8"))
            if doc.get("format") != FORMAT:
                raise ValueError("not a Cluster Desktop backup")
            office = doc["office"]
            return cls(
                format_version=int(doc["format_version"]),
                program_version=str(doc["program_version"]),
                schema_revision=doc["schema_revision"],
                office=None if office is None else OfficeFacts(**office),
                created_at=datetime.fromisoformat(doc["created_at"]).astimezone(UTC),
                backend=str(doc["backend"]),
                label=str(doc["label"]),
                tables={k: TableDigest(int(v["rows"]), str(v["sha256"])) for k, v in doc["tables"].items()},
                attachments={str(a["sha256"]): int(a["size"]) for a in doc["attachments"]},
                files={k: FileEntry(int(v["size"]), str(v["sha256"])) for k, v in doc["files"].items()},
                missing_attachments=[str(x) for x in doc.get("missing_attachments", [])],
            )
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
            raise DomainError(
                "این پرونده پشتیبان میزکار خوشه نیست یا فهرست محتوای آن آسیب دیده است.",
                f"This is not a Cluster Desktop backup, or its manifest is damaged ({exc}).",
            ) from exc


@dataclass(frozen=True)
class ArchiveName:
    office_id: str
    created_at: datetime
    label: str  # "manual" when the name carries none


def archive_name(office_id: str, created_at: datetime, label: str) -> str:
    stamp = created_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    safe = re.sub(r"[^A-Za-z0-9-]", "_", office_id) or "office"
    return f"cluster-desktop-{safe}-{stamp}{'' if label == 'manual' else '-' + label}{SUFFIX}"


def parse_archive_name(name: str) -> ArchiveName | None:
    m = _NAME.fullmatch(name)
    if m is None:
        return None
    when = datetime.strptime(m["stamp"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    return ArchiveName(m["office"], when, m["label"] or "manual")


# ------------------------------------------------------------------ facts read from a database


def office_facts(conn: Connection) -> OfficeFacts | None:
    if "offices" not in inspect(conn).get_table_names():
        return None
    row = conn.exec_driver_sql(
        "SELECT id, name_fa, kind, province_code FROM offices WHERE is_local ORDER BY id"
    ).first()
    return None if row is None else OfficeFacts(str(row[0]), str(row[1]), str(row[2]), row[3])


def schema_revision(conn: Connection) -> str | None:
    if "alembic_version" not in inspect(conn).get_table_names():
        return None
    return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def referenced_attachments(conn: Connection) -> set[str]:
    """Every content hash a record points to (``attachments.sha256``, ``…_sha256`` columns)."""
    found: set[str] = set()
    insp = inspect(conn)
    for table in insp.get_table_names():
        if table == "attachment_chunks":
            continue
        for col in insp.get_columns(table):
            if col["name"] == "sha256" or col["name"].endswith("_sha256"):
                found.update(
                    str(v)
                    for (v,) in conn.exec_driver_sql(f'SELECT DISTINCT "{col["name"]}" FROM "{table}"')
                    if v
                )
    return found


def _tick(progress: Progress | None, what: str) -> Callable[[str], None]:
    return lambda table: progress(0, 0, f"{what}: {table}") if progress else None


# ------------------------------------------------------------------ writing


def _compressible(path: Path) -> bool:
    """Deflate only what shrinks: a sample of JPEG, PNG, most PDFs or a .docx hardly does."""
    with open(path, "rb") as f:
        sample = f.read(256 * 1024)
    return len(sample) < 4096 or len(zlib.compress(sample, 1)) < 0.9 * len(sample)


def fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder; its rename is durable once the file is flushed
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class _Writer:
    def __init__(self, target: Path) -> None:
        self.target = target
        self.part = target.with_name(f".{target.name}.part")
        self.zip = zipfile.ZipFile(self.part, "w", allowZip64=True)
        self.files: dict[str, FileEntry] = {}

    def add(self, name: str, source: Path, *, compress: bool) -> FileEntry:
        info = zipfile.ZipInfo(name, datetime.now().timetuple()[:6])
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        h, size = sha256(), 0
        with open(source, "rb") as src, self.zip.open(info, "w", force_zip64=True) as dst:
            for block in iter(lambda: src.read(CHUNK), b""):
                h.update(block)
                dst.write(block)
                size += len(block)
        self.files[name] = FileEntry(size, h.hexdigest())
        return self.files[name]

    def finish(self, manifest: Manifest) -> Path:
        self.zip.writestr(MANIFEST, manifest.to_json(), compress_type=zipfile.ZIP_DEFLATED)
        self.zip.close()
        with open(self.part, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(self.part, self.target)
        fsync_dir(self.target.parent)
        return self.target

    def abort(self) -> None:
        with contextlib.suppress(Exception):
            self.zip.close()
        self.part.unlink(missing_ok=True)


def _free_name(folder: Path, office_id: str, created_at: datetime, label: str) -> Path:
    """A name nobody has taken yet (two backups within one second get the next second's stamp)."""
    from datetime import timedelta

    when = created_at
    while (folder / archive_name(office_id, when, label)).exists():
        when += timedelta(seconds=1)
    return folder / archive_name(office_id, when, label)


def write_sqlite_archive(
    engine: Engine,
    attachments_dir: Path,
    folder: Path,
    label: str,
    *,
    target: Path | None = None,
    progress: Progress | None = None,
) -> tuple[Path, Manifest]:
    """Archive an office on SQLite: its database copied with the backup API (a consistent snapshot even
    while others write), the table hashes computed over that copy, and its attachment files."""
    from .migrate import backup_sqlite

    folder.mkdir(parents=True, exist_ok=True)
    created = datetime.now(UTC).replace(microsecond=0)
    with tempfile.TemporaryDirectory(dir=folder, prefix=".cdbackup-") as tmp:
        if progress:
            progress(0, 0, "database")
        copy = backup_sqlite(engine, Path(tmp), label, folder=Path(tmp))  # integrity-checked
        with contextlib.closing(sqlite3.connect(copy)) as c:
            c.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        snap = create_engine(f"sqlite:///{copy}", poolclass=NullPool)
        try:
            with snap.connect() as conn:
                office = office_facts(conn)
                revision = schema_revision(conn)
                tables = table_digests(conn, _tick(progress, "tables"))
                referenced = referenced_attachments(conn)
        finally:
            snap.dispose()
        blobs = sorted(
            p
            for p in attachments_dir.glob("??/*")
            if _HEX64.fullmatch(p.name) and p.parent.name == p.name[:2]
        )
        out = target or _free_name(folder, office.id if office else "new", created, label)
        writer = _Writer(out)
        try:
            writer.add(SQLITE_MEMBER, copy, compress=True)
            attachments: dict[str, int] = {}
            for i, path in enumerate(blobs):
                if progress:
                    progress(i, len(blobs), "attachments")
                entry = writer.add(ATTACHMENTS + path.name, path, compress=_compressible(path))
                if entry.sha256 == path.name:
                    attachments[path.name] = entry.size
            manifest = Manifest(
                FORMAT_VERSION,
                __version__,
                revision,
                office,
                created,
                "sqlite",
                label,
                tables,
                attachments,
                dict(writer.files),
                sorted(referenced - set(attachments)),
            )
            return writer.finish(manifest), manifest
        except BaseException:
            writer.abort()
            raise


def write_postgres_archive(
    engine: Engine,
    folder: Path,
    label: str,
    *,
    target: Path | None = None,
    progress: Progress | None = None,
) -> tuple[Path, Manifest]:
    """Archive an office on a server: one read-only snapshot, exported to ``pg_dump`` so the dump holds
    exactly the rows the table hashes were computed over (attachments included: they are rows)."""
    from .pgbackup import dump_postgres

    folder.mkdir(parents=True, exist_ok=True)
    created = datetime.now(UTC).replace(microsecond=0)
    with tempfile.TemporaryDirectory(dir=folder, prefix=".cdbackup-") as tmp:
        dump = Path(tmp) / "database.pgdump"
        with engine.connect() as base:
            conn = base.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                conn.exec_driver_sql("SET TRANSACTION READ ONLY")
                snapshot = conn.exec_driver_sql("SELECT pg_export_snapshot()").scalar()
                if progress:
                    progress(0, 0, "database")
                dump_postgres(engine, dump, snapshot=str(snapshot))
                office = office_facts(conn)
                revision = schema_revision(conn)
                tables = table_digests(conn, _tick(progress, "tables"))
                attachments: dict[str, int] = {
                    str(sha): int(n)
                    for sha, n in conn.exec_driver_sql(
                        "SELECT sha256, sum(length(data)) FROM attachment_chunks GROUP BY sha256"
                    )
                }
                referenced = referenced_attachments(conn)
        out = target or _free_name(folder, office.id if office else "new", created, label)
        writer = _Writer(out)
        try:
            writer.add(POSTGRES_MEMBER, dump, compress=False)  # pg_dump's custom format is compressed
            manifest = Manifest(
                FORMAT_VERSION,
                __version__,
                revision,
                office,
                created,
                "postgresql",
                label,
                tables,
                attachments,
                dict(writer.files),
                sorted(referenced - set(attachments)),
            )
            return writer.finish(manifest), manifest
        except BaseException:
            writer.abort()
            raise


def describe(manifest: Manifest) -> dict[str, Any]:
    """The manifest as plain data (``backup inspect --json``)."""
    doc: dict[str, Any] = json.loads(manifest.to_json())
    return doc

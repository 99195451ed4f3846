"""Reading a backup archive (backup_archive.py) and proving it whole before anything trusts it.

Every member must be listed in the manifest with its size and SHA-256 and match them; nothing else may be
in the file. Deep verification also opens the database inside: SQLite's copy must pass
``integrity_check`` and give back every table's row count and hash; a PostgreSQL dump must be readable
by ``pg_restore --list`` and hold the data of every table the manifest names.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from hashlib import sha256
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from cluster_desktop.domain.errors import DomainError

from .backup_archive import ATTACHMENTS, CHUNK, MANIFEST, Manifest, Progress
from .table_digest import TableDigest, table_digests

MAX_MANIFEST = 64 << 20


@dataclass
class Verification:
    manifest: Manifest | None
    problems: list[DomainError] = field(default_factory=list)  # the archive cannot be trusted
    warnings: list[DomainError] = field(default_factory=list)  # it can, but this is worth knowing

    @property
    def ok(self) -> bool:
        return self.manifest is not None and not self.problems


def _problem(fa: str, en: str) -> DomainError:
    return DomainError(fa, en)


@contextlib.contextmanager
def open_archive(path: Path) -> Iterator[zipfile.ZipFile]:
    try:
        with zipfile.ZipFile(path) as zf:
            yield zf
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise DomainError(
            f"پروندهٔ «{Path(path).name}» پشتیبان خوانایی نیست (آسیب دیده یا ناقص است).",
            f"'{Path(path).name}' is not a readable backup (damaged or incomplete): {exc}",
        ) from exc


def read_manifest(zf: zipfile.ZipFile) -> Manifest:
    try:
        info = zf.getinfo(MANIFEST)
    except KeyError as exc:
        raise DomainError(
            "این پرونده پشتیبان میزکار خوشه نیست (فهرست محتوا ندارد).",
            "This is not a Cluster Desktop backup (it has no manifest).",
        ) from exc
    if info.file_size > MAX_MANIFEST:
        raise DomainError(
            "فهرست محتوای پشتیبان بیش از اندازه بزرگ است.", "The backup's manifest is too large."
        )
    return Manifest.from_json(zf.read(info))


def read_archive_manifest(path: Path) -> Manifest:
    with open_archive(path) as zf:
        return read_manifest(zf)


def copy_member(zf: zipfile.ZipFile, name: str, size: int, out: object | None) -> str | None:
    """Stream one member (into ``out`` if given), reading no more than ``size`` bytes; its SHA-256, or
    None when it is longer than the manifest says or fails the ZIP's own CRC."""
    h, n = sha256(), 0
    try:
        with zf.open(name) as src:
            for block in iter(lambda: src.read(CHUNK), b""):
                n += len(block)
                if n > size:
                    return None
                h.update(block)
                if out is not None:
                    out.write(block)  # type: ignore[attr-defined]
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error):
        return None
    return h.hexdigest() if n == size else None


def _check_members(zf: zipfile.ZipFile, m: Manifest, v: Verification, progress: Progress | None) -> None:
    present = {i.filename for i in zf.infolist()} - {MANIFEST}
    for extra in sorted(present - set(m.files)):
        v.problems.append(
            _problem(
                f"عضو ناشناختهٔ «{extra}» در پشتیبان است.", f"The backup holds an unlisted member '{extra}'."
            )
        )
    for i, (name, entry) in enumerate(sorted(m.files.items())):
        if progress:
            progress(i, len(m.files), "files")
        if name not in present:
            v.problems.append(_problem(f"«{name}» در پشتیبان نیست.", f"'{name}' is missing from the backup."))
        elif copy_member(zf, name, entry.size, None) != entry.sha256:
            v.problems.append(
                _problem(
                    f"«{name}» آسیب دیده یا دست‌کاری شده است (چکیده یا اندازه‌اش نمی‌خواند).",
                    f"'{name}' is damaged or was altered (its hash or size does not match).",
                )
            )
    if m.database_member not in m.files:
        v.problems.append(_problem("پایگاه داده در پشتیبان نیست.", "The backup holds no database."))
    for sha in m.attachments:
        name = ATTACHMENTS + sha
        if m.backend == "sqlite" and (name not in m.files or m.files[name].sha256 != sha):
            v.problems.append(
                _problem(
                    f"پیوست {sha[:12]} در پشتیبان نیست.", f"The attachment {sha[:12]} is not in the backup."
                )
            )
    if m.missing_attachments:
        n = len(m.missing_attachments)
        v.warnings.append(
            _problem(
                f"{n} پیوست هنگام پشتیبان‌گیری در دفتر نبود یا آسیب دیده بود و در پشتیبان نیست.",
                f"{n} attachments were missing or damaged in the office when this backup was made.",
            )
        )


def _compare_tables(
    m: Manifest, actual: dict[str, TableDigest], v: Verification, where_fa: str, where_en: str
) -> None:
    for name in sorted(set(m.tables) | set(actual)):
        if m.tables.get(name) != actual.get(name):
            v.problems.append(
                _problem(
                    f"جدول «{name}» {where_fa} با فهرست محتوای پشتیبان نمی‌خواند.",
                    f"The table '{name}' {where_en} does not match the backup's manifest.",
                )
            )


def check_sqlite_copy(db: Path, m: Manifest, v: Verification, progress: Progress | None) -> None:
    """The extracted database must be intact and hold exactly the rows the manifest counted."""
    try:
        with contextlib.closing(sqlite3.connect(db)) as c:
            ok = c.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        ok = str(exc)
    if ok != "ok":
        v.problems.append(
            _problem(
                "پایگاه دادهٔ درون پشتیبان سالم نیست: " + ok[:200],
                "The database inside is damaged: " + ok[:200],
            )
        )
        return
    engine = create_engine(f"sqlite:///{db}", poolclass=NullPool)
    try:
        with engine.connect() as conn:
            tick = (lambda t: progress(0, 0, f"tables: {t}")) if progress else None
            actual = table_digests(conn, tick)
    finally:
        engine.dispose()
    _compare_tables(m, actual, v, "در پایگاه دادهٔ درون پشتیبان", "inside the backup")


def compare_restored(m: Manifest, actual: dict[str, TableDigest]) -> list[DomainError]:
    v = Verification(m)
    _compare_tables(m, actual, v, "پس از بازگردانی", "after the restore")
    return v.problems


def _check_postgres_dump(dump: Path, m: Manifest, v: Verification) -> None:
    from .pgbackup import dump_tables

    try:
        listed = dump_tables(dump)
    except DomainError as exc:  # no pg_restore on this PC: the hashes above still hold
        v.warnings.append(exc)
        return
    if listed is None:
        v.problems.append(
            _problem("پروندهٔ PostgreSQL درون پشتیبان خوانا نیست.", "The dump inside cannot be read.")
        )
    elif not set(m.tables) <= listed:
        missing = ", ".join(sorted(set(m.tables) - listed))[:200]
        v.problems.append(
            _problem(f"دادهٔ این جدول‌ها در پشتیبان نیست: {missing}", f"The dump lacks the data of: {missing}")
        )


def extract_member(zf: zipfile.ZipFile, m: Manifest, name: str, target: Path) -> bool:
    """Write one member to ``target`` (flushed to disk) if it matches the manifest; False otherwise."""
    entry = m.files[name]
    with open(target, "wb") as out:
        ok = copy_member(zf, name, entry.size, out) == entry.sha256
        out.flush()
        os.fsync(out.fileno())
    if not ok:
        target.unlink(missing_ok=True)
    return ok


def verify_archive(
    path: Path, *, deep: bool = True, keep_database: Path | None = None, progress: Progress | None = None
) -> Verification:
    """Check ``path`` end to end. With ``keep_database`` the checked database is left there (restore puts
    it in place from there, so what was verified is what is used)."""
    try:
        with open_archive(path) as zf:
            m = read_manifest(zf)
            v = Verification(m)
            _check_members(zf, m, v, progress)
            if not deep or v.problems:
                return v
            with tempfile.TemporaryDirectory(prefix="cdbackup-verify-") as tmp:
                db = keep_database or Path(tmp) / Path(m.database_member).name
                if not extract_member(zf, m, m.database_member, db):
                    v.problems.append(
                        _problem("پایگاه دادهٔ درون پشتیبان آسیب دیده است.", "The database inside is damaged.")
                    )
                    return v
                if m.backend == "sqlite":
                    check_sqlite_copy(db, m, v, progress)
                else:
                    _check_postgres_dump(db, m, v)
                if v.problems and keep_database is not None:
                    keep_database.unlink(missing_ok=True)
            return v
    except DomainError as exc:
        return Verification(None, [exc])

"""Where attachment bytes live, content-addressed by SHA-256 and checked on every read.

- An office on SQLite (every province, a one-PC centre): files under ``<data dir>/attachments/ab/abcd…``,
  written atomically; the PC's own disk is the only reader.
- An office on a server that several PCs share: the bytes are in the database (``attachment_chunks``,
  1 MiB chunks), written in the same transaction as the attachment's record, so every PC reads what
  any PC imported or attached, backups (pg_dump) hold them, and there is no shared folder to configure,
  secure and keep consistent with the database. Measured in the README.

Readers get the bytes as a file they may open (``to_file``), verified against the hash first.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import NotFound

from .models import AttachmentChunk

CHUNK = 1 << 20


class BlobStore(Protocol):
    in_database: bool

    def put(self, session: Session, data: bytes) -> str: ...
    def put_file(self, session: Session, sha256: str, source: Path) -> None: ...
    def size(self, session: Session, sha256: str) -> int | None: ...
    def to_file(self, session: Session, sha256: str, target: Path) -> Path: ...


def _missing(sha256: str) -> NotFound:
    return NotFound(
        f"محتوای پیوست {sha256[:12]} در این دفتر پیدا نشد یا آسیب دیده است.",
        f"The attachment content {sha256[:12]} is missing or damaged in this office.",
        field="attachment",
    )


def hash_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(CHUNK), b""):
            h.update(block)
    return h.hexdigest()


class FileBlobs:
    in_database = False

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def path(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / sha256

    def _write(self, sha256: str, write: object) -> None:
        target = self.path(sha256)
        if target.exists():
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as f:
                write(f)  # type: ignore[operator]
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)  # gone already once replaced

    def put(self, session: Session, data: bytes) -> str:
        digest = hashlib.sha256(data).hexdigest()
        self._write(digest, lambda f: f.write(data))
        return digest

    def put_file(self, session: Session, sha256: str, source: Path) -> None:
        def copy(f: object) -> None:
            with open(source, "rb") as src:
                shutil.copyfileobj(src, f)  # type: ignore[arg-type]

        self._write(sha256, copy)

    def size(self, session: Session, sha256: str) -> int | None:
        p = self.path(sha256)
        return p.stat().st_size if p.exists() else None

    def verified_path(self, sha256: str) -> Path:
        p = self.path(sha256)
        if not p.is_file() or hash_file(p) != sha256:
            raise _missing(sha256)
        return p

    def to_file(self, session: Session, sha256: str, target: Path) -> Path:
        shutil.copyfile(self.verified_path(sha256), target)
        return target


class DatabaseBlobs:
    in_database = True

    @staticmethod
    def _insert(session: Session, sha256: str, seq: int, block: bytes) -> None:
        # Two transactions may store the same content at once (two imports, two PCs attaching the same
        # form): the same bytes under the same key, so the second one's rows are simply not needed.
        from sqlalchemy.dialects.postgresql import insert as pg_insert
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        dialect = session.get_bind().dialect.name
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        session.execute(
            insert(AttachmentChunk).values(sha256=sha256, seq=seq, data=block).on_conflict_do_nothing()
        )

    def put(self, session: Session, data: bytes) -> str:
        digest = hashlib.sha256(data).hexdigest()
        if self.size(session, digest) is None:
            for seq, start in enumerate(range(0, len(data), CHUNK)):
                self._insert(session, digest, seq, data[start : start + CHUNK])
        return digest

    def put_file(self, session: Session, sha256: str, source: Path) -> None:
        if self.size(session, sha256) is not None:
            return
        with open(source, "rb") as f:
            for seq, block in enumerate(iter(lambda: f.read(CHUNK), b"")):
                self._insert(session, sha256, seq, block)  # one chunk in memory at a time

    def size(self, session: Session, sha256: str) -> int | None:
        n = session.scalar(
            select(func.sum(func.length(AttachmentChunk.data))).where(AttachmentChunk.sha256 == sha256)
        )
        return int(n) if n is not None else None

    def to_file(self, session: Session, sha256: str, target: Path) -> Path:
        h = hashlib.sha256()
        seqs = session.scalars(
            select(AttachmentChunk.seq).where(AttachmentChunk.sha256 == sha256).order_by(AttachmentChunk.seq)
        ).all()
        if not seqs:
            raise _missing(sha256)
        try:
            self._copy_out(session, sha256, seqs, target, h)
        except BaseException:
            target.unlink(missing_ok=True)  # never leave a partial file behind
            raise
        if h.hexdigest() != sha256:
            target.unlink(missing_ok=True)
            raise _missing(sha256)
        return target

    @staticmethod
    def _copy_out(session: Session, sha256: str, seqs: Sequence[int], target: Path, h: Any) -> None:
        with open(target, "wb") as out:
            for seq in seqs:  # one chunk in memory at a time
                block = session.scalar(
                    select(AttachmentChunk.data).where(
                        AttachmentChunk.sha256 == sha256, AttachmentChunk.seq == seq
                    )
                )
                if block is None:
                    raise _missing(sha256)
                h.update(block)
                out.write(block)

    def verify_all(self, session: Session) -> list[str]:
        """The hashes whose stored bytes no longer match (for ``database check``)."""
        bad = []
        with tempfile.TemporaryDirectory() as tmp:
            for sha in session.scalars(select(AttachmentChunk.sha256).distinct()):
                try:
                    self.to_file(session, sha, Path(tmp) / "x")
                except NotFound:
                    bad.append(sha)
        return bad

    def forget(self, session: Session, sha256: str) -> None:
        session.execute(delete(AttachmentChunk).where(AttachmentChunk.sha256 == sha256))


def as_blobs(where: BlobStore | Path) -> BlobStore:
    """A store, or the attachments folder of a file-based office (what older callers pass)."""
    return FileBlobs(where) if isinstance(where, Path | str) else where

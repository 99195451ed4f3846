"""Backup and restore (issue 17, third part), on SQLite and on a real PostgreSQL server: ``backup create``,
the data folder deleted, ``backup restore`` gives back every table (same hashes) and every attachment
byte for byte, and the office's login; another office's archive, a tampered one and one of a newer program
are refused with the office untouched."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from cluster_desktop.domain.errors import DomainError, PermissionDenied
from cluster_desktop.domain.roles import OfficeKind, Role
from cluster_desktop.services import backup, demo, plans, users
from cluster_desktop.services.actor import Actor
from cluster_desktop.services.office import OfficeSetup, setup_office
from cluster_desktop.services.restore import restore_backup
from cluster_desktop.services.workspace import Workspace
from cluster_desktop.store.backup_archive import MANIFEST, SQLITE_MEMBER, Cancelled
from cluster_desktop.store.backup_verify import verify_archive
from cluster_desktop.store.models import Attachment, AuditEntry, Dossier
from cluster_desktop.store.table_digest import TableDigest, table_digests
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def cli(data: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cluster_desktop", "--data-dir", str(data), *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env={**os.environ, "CLUSTER_DESKTOP_FAST_KDF": "1"},
    )


def digests(ws: Workspace, *, without_restore_entry: bool = False) -> dict[str, TableDigest]:
    """Every table's hash; optionally as it was before the restore wrote its own audit entry (removed in a
    transaction that is rolled back)."""
    with ws.db.engine.connect() as conn:
        if without_restore_entry:
            conn.exec_driver_sql("DELETE FROM audit_log WHERE action = 'backup.restore'")
        out = table_digests(conn)
        conn.rollback()
    return out


def attach_files(ws: Workspace, admin: Actor, tmp: Path, n: int = 3) -> dict[str, bytes]:
    """Attachments on editable dossiers: a small PDF-like text, incompressible 'scans' (one over 1 MiB,
    so a server keeps it in two chunks). Returns sha256 → bytes."""
    rng = random.Random(7)
    contents = [b"%PDF-1.4 " + b"plain text " * 2000, rng.randbytes(1_300_000), rng.randbytes(40_000)]
    stored: dict[str, bytes] = {}
    with ws.db.session() as s:
        for d in s.scalars(select(Dossier).order_by(Dossier.id)):
            if len(stored) == n:
                break
            data = contents[len(stored)]
            src = tmp / f"scan-{len(stored)}.pdf"
            src.write_bytes(data)
            try:
                with s.begin_nested():
                    att = plans.add_attachment(s, admin, ws.blobs, d.id, src)
            except DomainError:
                continue  # not editable in its state
            stored[att.sha256] = data
    assert len(stored) == n
    return stored


def province_office(root: Path, url: str | None, province: str = "IR-07", clusters: int = 8) -> Workspace:
    ws = Workspace.open(root, url)
    admin = setup_office(ws, OfficeSetup(OfficeKind.PROVINCE, province, "admin", PASSWORD))
    demo.fill_demo(ws, admin, PASSWORD, count=clusters, seed=3)
    return ws


def admin_of(ws: Workspace) -> Actor:
    with ws.db.session() as s:
        return users.authenticate(s, "admin", PASSWORD)


@pytest.mark.slow
def test_backup_delete_the_data_folder_restore_gives_everything_back(
    tmp_path: Path, backend: str, new_db_url: Callable[[], str | None]
) -> None:
    # GIVEN an office with sample data and three attachments
    data = tmp_path / "دفتر"
    ws = province_office(data, new_db_url())
    files = attach_files(ws, admin_of(ws), tmp_path)
    before = digests(ws)
    ws.close()
    # WHEN it is backed up, its data folder deleted, and the archive restored into a new folder (and, on a
    # server, into a new empty database)
    r = cli(
        data,
        "--user",
        "admin",
        "--password-stdin",
        "backup",
        "create",
        str(tmp_path / "out"),
        stdin=PASSWORD + "\n",
    )
    assert r.returncode == 0, r.stderr
    archive = Path(r.stdout.strip())
    assert archive.parent == tmp_path / "out" and archive.name.startswith("cluster-desktop-IR-07-")
    assert archive.suffix == ".cdbackup" and not list(archive.parent.glob(".*"))  # no temporary left
    shutil.rmtree(data)
    url = new_db_url()
    r = cli(data, *(["--db-url", url] if url else []), "backup", "restore", str(archive))
    assert r.returncode == 0, r.stderr
    assert "IR-07" in r.stdout and "سالم" in r.stdout
    # THEN every table is as it was (the restore's own audit entry aside) and so is every attachment
    ws = Workspace.open(data, url)
    try:
        after = digests(ws, without_restore_entry=True)
        assert after == before
        assert digests(ws)["audit_log"].rows == before["audit_log"].rows + 1
        with ws.db.session() as s:
            shas = set(s.scalars(select(Attachment.sha256)))
            assert shas == set(files)
            for sha in shas:
                out = ws.blobs.to_file(s, sha, tmp_path / "read-back")
                assert out.read_bytes() == files[sha]
            # the office's login and its sealed keys work as before
            actor = users.authenticate(s, "admin", PASSWORD)
            assert actor.office_id == "IR-07" and len(users.unlock_data_key(s, actor, PASSWORD)) == 32
            entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "backup.restore")).one()
            assert entry.username == "system" and entry.details["file"] == archive.name
    finally:
        ws.close()
    assert cli(data, "audit", "verify").returncode == 0  # the hash chain goes on unbroken


def test_another_offices_backup_is_refused_and_nothing_changes(
    tmp_path: Path, backend: str, new_db_url: Callable[[], str | None]
) -> None:
    ours = province_office(tmp_path / "fars", new_db_url(), "IR-07", clusters=2)
    theirs = province_office(tmp_path / "kermanshah", new_db_url(), "IR-05", clusters=2)
    try:
        archive = backup.create_backup(theirs, admin_of(theirs), tmp_path / "out")
        before = digests(ours)
        url = None if backend == "sqlite" else ours.db.url
        ours.close()  # a restore needs the database to itself
        with pytest.raises(DomainError) as refused:
            restore_backup(ours.data_dir, archive, url=url, actor=admin_of(ours))
        assert "IR-05" in refused.value.fa and "دست نخورد" in refused.value.fa
        assert digests(ours) == before
        assert not list((ours.data_dir / "backups").glob("*before-restore*"))
    finally:
        ours.close()
        theirs.close()


def test_restore_over_an_office_needs_its_administrator(
    tmp_path: Path, backend: str, new_db_url: Callable[[], str | None]
) -> None:
    ws = province_office(tmp_path / "fars", new_db_url(), clusters=1)
    try:
        admin = admin_of(ws)
        with pytest.raises(PermissionDenied):
            backup.create_backup(
                ws, Actor(99, "clerk", "x", Role.CLERK, "IR-07", OfficeKind.PROVINCE, "IR-07"), None
            )
        archive = backup.create_backup(ws, admin, None)
        assert archive.parent == ws.data_dir / "backups"
        url = None if backend == "sqlite" else ws.db.url
        ws.close()
        with pytest.raises(PermissionDenied):
            restore_backup(ws.data_dir, archive, url=url, actor=None)
        report = restore_backup(ws.data_dir, archive, url=url, actor=admin)
        assert report.integrity == "ok" and report.before_copy is not None
        assert report.before_copy.name.endswith("-before-restore.cdbackup")
        assert verify_archive(report.before_copy).ok
    finally:
        ws.close()


def _rewrite(archive: Path, out: Path, change: Callable[[str, bytes], bytes]) -> Path:
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, change(info.filename, src.read(info)))
    return out


def test_a_tampered_archive_is_refused(
    tmp_path: Path, backend: str, new_db_url: Callable[[], str | None]
) -> None:
    ws = province_office(tmp_path / "fars", new_db_url(), clusters=8)
    try:
        attach_files(ws, admin_of(ws), tmp_path, n=1)
        archive = backup.create_backup(ws, admin_of(ws), tmp_path)
        before = digests(ws)
        member = next(n for n in zipfile.ZipFile(archive).namelist() if n.startswith("database/"))
        # one byte of the database changed
        bad = _rewrite(
            archive,
            tmp_path / "bad.cdbackup",
            lambda name, b: b[:-100] + bytes([b[-100] ^ 1]) + b[-99:] if name == member else b,
        )
        v = verify_archive(bad)
        assert not v.ok and member in str(v.problems[0])
        r = cli(ws.data_dir, "backup", "verify", str(bad))
        assert r.returncode == 1 and member in r.stderr and "Traceback" not in r.stderr
        url = None if backend == "sqlite" else ws.db.url
        ws.close()
        with pytest.raises(DomainError, match="سالم نیست"):
            restore_backup(ws.data_dir, bad, url=url, actor=admin_of(ws))
        assert digests(ws) == before
        # an extra member slipped in
        with zipfile.ZipFile(bad, "w") as z, zipfile.ZipFile(archive) as src:
            for info in src.infolist():
                z.writestr(info, src.read(info))
            z.writestr("attachments/evil", b"x")
        assert "attachments/evil" in str(verify_archive(bad).problems[0])
    finally:
        ws.close()


def test_a_row_changed_inside_the_database_is_found_by_its_table_hash(tmp_path: Path) -> None:
    """A forger who also fixes the member's hash in the manifest is still caught: the tables inside are
    hashed again."""
    import hashlib
    import sqlite3

    ws = province_office(tmp_path / "fars", None, clusters=1)
    try:
        archive = backup.create_backup(ws, admin_of(ws), tmp_path)
    finally:
        ws.close()
    with zipfile.ZipFile(archive) as z:
        db = tmp_path / "db.sqlite3"
        db.write_bytes(z.read(SQLITE_MEMBER))
        manifest = json.loads(z.read(MANIFEST))
    with sqlite3.connect(db) as c:
        c.execute("UPDATE users SET full_name = 'someone else' WHERE username = 'admin'")
    raw = db.read_bytes()
    manifest["files"][SQLITE_MEMBER] = {"size": len(raw), "sha256": hashlib.sha256(raw).hexdigest()}
    forged = _rewrite(
        archive,
        tmp_path / "forged.cdbackup",
        lambda name, b: (
            raw if name == SQLITE_MEMBER else json.dumps(manifest).encode() if name == MANIFEST else b
        ),
    )
    problems = [p.en for p in verify_archive(forged).problems]
    assert problems == ["The table 'users' inside the backup does not match the backup's manifest."]


def test_an_archive_of_a_newer_program_is_refused(
    tmp_path: Path, backend: str, new_db_url: Callable[[], str | None]
) -> None:
    ws = province_office(tmp_path / "fars", new_db_url(), clusters=1)
    try:
        archive = backup.create_backup(ws, admin_of(ws), tmp_path)
        url = None if backend == "sqlite" else ws.db.url
        ws.close()
        for key, value in (("schema_revision", "0099_from_the_future"), ("program_version", "9.0.0")):

            def newer(name: str, b: bytes, key: str = key, value: str = value) -> bytes:
                if name != MANIFEST:
                    return b
                doc = json.loads(b)
                doc[key] = value
                return json.dumps(doc).encode()

            future = _rewrite(archive, tmp_path / f"future-{key}.cdbackup", newer)
            with pytest.raises(DomainError) as refused:
                restore_backup(ws.data_dir, future, url=url, actor=admin_of(ws))
            assert "جدیدتری" in refused.value.fa
        assert not list((ws.data_dir / "backups").glob("*before-restore*"))
    finally:
        ws.close()


def test_an_interrupted_backup_leaves_no_archive(tmp_path: Path) -> None:
    ws = province_office(tmp_path / "fars", None, clusters=8)
    try:
        attach_files(ws, admin_of(ws), tmp_path, n=2)

        def stop(done: int, total: int, what: str) -> None:
            if what == "attachments" and done == 1:
                raise Cancelled

        with pytest.raises(Cancelled):
            backup.create_backup(ws, admin_of(ws), tmp_path / "out", progress=stop)
        assert list((tmp_path / "out").iterdir()) == []
    finally:
        ws.close()


def test_an_older_archive_is_migrated_up_after_the_restore(tmp_path: Path) -> None:
    """An archive made by the first release (schema 0001) restores into an empty folder and comes up at
    this program's schema with its records."""
    from sqlalchemy import create_engine

    from cluster_desktop.store.backup_archive import write_sqlite_archive
    from cluster_desktop.store.migrate import current_revision, head_revision

    old = tmp_path / "old"
    with zipfile.ZipFile(ROOT / "tests" / "fixtures" / "r0001_province_demo.zip") as z:
        z.extractall(old)
    engine = create_engine(f"sqlite:///{old / 'cluster-desktop.sqlite3'}")
    try:
        archive, manifest = write_sqlite_archive(engine, old / "attachments", tmp_path / "out", "manual")
        assert manifest.schema_revision == "0001"
    finally:
        engine.dispose()
    report = restore_backup(tmp_path / "new", archive)
    assert report.migrated and report.integrity == "ok"
    ws = Workspace.open(tmp_path / "new")
    try:
        assert current_revision(ws.db.engine) == head_revision(ws.db.engine)
        with ws.db.session() as s:
            assert s.scalars(select(Dossier)).first() is not None
            users.authenticate(s, "admin", PASSWORD)
    finally:
        ws.close()

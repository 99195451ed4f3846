"""Upgrades: an office's data directory from the first schema revision opens in the current program with
every record kept and a verified backup taken; a database from a newer program is refused untouched."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.services.users import authenticate
from cluster_desktop.services.workspace import Workspace
from cluster_desktop.store.db import DB_FILENAME
from cluster_desktop.store.migrate import current_revision, head_revision
from tests.conftest import PASSWORD

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "r0001_province_demo.zip"
# Filled from resources/reference at every start: a newer program may add rows (never drop any).
REFERENCE_TABLES = {
    "provinces",
    "organizations",
    "process_steps",
    "responsibilities",
    "phases",
    "phase_steps",
    "offices",
    "criteria_sets",
    "criteria",
}


def _rows(db: Path) -> dict[str, set[tuple]]:
    """Primary keys of every row of every table (alembic's own bookkeeping aside)."""
    con = sqlite3.connect(db)
    try:
        out = {}
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "AND name != 'alembic_version'"
            )
        ]
        for t in tables:
            pk = [r[1] for r in sorted(con.execute(f'PRAGMA table_info("{t}")'), key=lambda r: r[5]) if r[5]]
            cols = ", ".join(f'"{c}"' for c in pk) or "rowid"
            out[t] = set(con.execute(f'SELECT {cols} FROM "{t}"'))
        return out
    finally:
        con.close()


@pytest.fixture
def r0001_dir(tmp_path: Path) -> Path:
    data = tmp_path / "office"
    with zipfile.ZipFile(FIXTURE) as z:
        z.extractall(data)
    return data


def test_first_revision_office_opens_with_every_record_and_a_backup(r0001_dir: Path) -> None:
    # GIVEN a provincial office's data directory written at schema revision 0001 (15 demo dossiers)
    db = r0001_dir / DB_FILENAME
    before = _rows(db)
    assert len(before["clusters"]) == 15 and before["transitions"]
    # WHEN the current program opens it
    ws = Workspace.open(r0001_dir)
    try:
        # THEN it is at head, with a verified backup of the old file in backups/
        assert current_revision(ws.db.engine) == head_revision(ws.db.engine)
        assert ws.backup is not None and ws.backup.parent == r0001_dir / "backups"
        backup = sqlite3.connect(ws.backup)
        assert backup.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        backup.close()
        # ... every record is still there (data tables exactly; reference tables may only grow)
        after = _rows(db)
        for table, keys in before.items():
            assert keys <= after[table], f"rows lost from {table}"
            if table == "settings":  # the program notes which reference files it loaded, nothing else
                assert {k[0] for k in after[table] - keys} <= {"reference_digest"}
            elif table not in REFERENCE_TABLES:
                assert len(after[table]) == len(keys), f"row count of {table} changed"
        # ... revision 0002's search column was filled from the existing clusters
        con = sqlite3.connect(db)
        empty = con.execute("SELECT count(*) FROM clusters WHERE search_text = ''").fetchone()[0]
        con.close()
        assert empty == 0
        # ... and the office's administrator still logs in
        with ws.db.session() as s:
            assert authenticate(s, "admin", PASSWORD).office_id == "IR-07"
    finally:
        ws.close()


def test_reopening_an_upgraded_office_takes_no_second_backup(r0001_dir: Path) -> None:
    Workspace.open(r0001_dir).close()
    ws = Workspace.open(r0001_dir)
    ws.close()
    assert ws.backup is None
    assert len(list((r0001_dir / "backups").iterdir())) == 1


def test_database_from_a_newer_program_is_refused_and_left_byte_identical(r0001_dir: Path) -> None:
    # GIVEN an office whose database a newer program has migrated to a revision this build does not know
    Workspace.open(r0001_dir).close()
    shutil.rmtree(r0001_dir / "backups")
    db = r0001_dir / DB_FILENAME
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in r0001_dir.iterdir() if p.is_file()}
    # WHEN the current program opens it, THEN it is refused with a clear Persian and English message
    with pytest.raises(DomainError) as refused:
        Workspace.open(r0001_dir)
    assert "نسخهٔ جدیدتری" in refused.value.fa
    assert "newer version" in refused.value.en and "9999_from_the_future" in refused.value.en
    # ... and nothing in the data directory changed: no backup, no migration, not a byte
    assert not (r0001_dir / "backups").exists()
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in r0001_dir.iterdir() if p.is_file()}
    assert {k: v for k, v in after.items() if not k.endswith(("-wal", "-shm"))} == files

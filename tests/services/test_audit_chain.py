"""The audit log as evidence (issue 17): every entry carries the hash of the one before, so an edited,
deleted or inserted entry is found and named; on both backends, also with two writers at once."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from sqlalchemy import text

from cluster_desktop.services import audit, clusters
from cluster_desktop.store.audit_chain import verify_chain
from cluster_desktop.store.models import AuditEntry
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def _some_history(ws, actor) -> list[int]:  # type: ignore[no-untyped-def]
    for name in ("خوشهٔ زعفران", "خوشهٔ پسته", "خوشهٔ گلاب"):
        with ws.db.session() as s:
            clusters.create_cluster(s, actor, clusters.ClusterInput(name, "قائنات"))
    with ws.db.session() as s:
        return [e.id for e in s.query(AuditEntry).order_by(AuditEntry.id)]


def _check(ws):  # type: ignore[no-untyped-def]
    with ws.db.session() as s:
        return verify_chain(s)


def test_an_edited_deleted_or_inserted_entry_is_named(workspace, province_admin) -> None:
    ids = _some_history(workspace, province_admin)
    assert len(ids) >= 4 and _check(workspace).intact
    # edited: the entry itself no longer matches its hash
    with workspace.db.engine.begin() as c:
        c.execute(text("UPDATE audit_log SET username = 'someone-else' WHERE id = :i"), {"i": ids[2]})
    assert _check(workspace).broken_id == ids[2]
    with workspace.db.engine.begin() as c:
        c.execute(text("UPDATE audit_log SET username = 'admin' WHERE id = :i"), {"i": ids[2]})
    assert _check(workspace).intact  # put back exactly: the chain holds again
    # deleted: the next entry's link points at a hash that is gone
    with workspace.db.engine.begin() as c:
        c.execute(text("DELETE FROM audit_log WHERE id = :i"), {"i": ids[1]})
    assert _check(workspace).broken_id == ids[2]


def test_a_forged_entry_at_the_end_is_named(workspace, province_admin) -> None:
    _some_history(workspace, province_admin)
    with workspace.db.engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO audit_log (at, username, action, entity, details, prev_hash, entry_hash) "
                "VALUES ('2026-01-01 00:00:00', 'admin', 'cluster.delete', 'cluster', '{}', '', '')"
            )
        )
        forged = c.execute(text("SELECT max(id) FROM audit_log")).scalar()
    assert _check(workspace).broken_id == forged


def test_two_writers_at_once_make_one_chain(workspace, province_admin) -> None:
    errors: list[BaseException] = []

    def write(tag: str) -> None:
        try:
            for i in range(15):
                with workspace.db.session() as s:
                    audit.record(s, province_admin, "test.write", "test", f"{tag}-{i}")
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(t,)) for t in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    check = _check(workspace)
    assert check.intact and check.entries >= 30


def test_audit_verify_on_the_command_line(workspace, province_admin) -> None:
    ids = _some_history(workspace, province_admin)
    url = [] if workspace.backend == "sqlite" else ["--db-url", workspace.db.url]

    def verify() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "cluster_desktop",
                "--data-dir",
                str(workspace.data_dir),
                *url,
                "audit",
                "verify",
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
        )

    r = verify()
    assert r.returncode == 0 and "سالم" in r.stdout, r.stderr
    with workspace.db.engine.begin() as c:
        c.execute(text("UPDATE audit_log SET action = 'x' WHERE id = :i"), {"i": ids[1]})
    r = verify()
    assert r.returncode == 1 and f"ردیف {ids[1]}" in r.stderr and "Traceback" not in r.stderr
    assert PASSWORD not in r.stderr

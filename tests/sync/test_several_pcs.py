"""Several PCs on one central database (issue 14), driven as real processes: imports of two bundles at
the same instant both land; the same bundle imported on two PCs at once lands once and the other PC is
told "already imported"; an attachment imported on one PC opens on another; two secretaries saving the
same profile: the second is told who changed it meanwhile, and nothing of either is half-saved."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.services import clusters, demo, sync
from cluster_desktop.services.cluster_queries import copy_attachment
from cluster_desktop.services.office import OfficeSetup, setup_office
from cluster_desktop.services.workspace import Workspace
from cluster_desktop.store.models import Attachment, ImportLog
from tests.conftest import PASSWORD

from .offices import ATTACHMENT, Office, Pair, _open

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import json, sys, time
from pathlib import Path
from cluster_desktop.domain.errors import DomainError
from cluster_desktop.services import sync
from tests.sync.offices import _open
office = _open(Path(sys.argv[1]), sys.argv[2] or None)
time.sleep(max(0.0, float(sys.argv[4]) - time.time()))
try:
    r = sync.import_bundle(office.ws, office.actor, office.keys, Path(sys.argv[3]))
    print(json.dumps({"ok": True, "sender": r["sender"]["office_id"], "dossiers": len(r["dossiers"])}))
except DomainError as e:
    print(json.dumps({"ok": False, "en": e.en, "fa": e.fa, "reason": getattr(e, "reason", None)}))
office.ws.close()
"""


def _pcs(centre: Office, tmp: Path, n: int) -> tuple[list[Path], str]:
    """The data folders of ``n`` PCs of the centre: copies holding the same server's address, or (on
    SQLite, one PC) the one folder."""
    url = "" if centre.ws.backend == "sqlite" else centre.ws.db.url
    if not url:
        return [centre.dir] * n, url
    dirs = []
    for i in range(n):
        d = tmp / f"pc{i}"
        shutil.copytree(centre.dir, d)
        dirs.append(d)
    return dirs, url


def _at_once(jobs: list[tuple[Path, str, Path]]) -> list[dict[str, object]]:
    at = time.time() + 5.0
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(d), url, str(bundle), repr(at)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**__import__("os").environ, "CLUSTER_DESKTOP_FAST_KDF": "1"},
        )
        for d, url, bundle in jobs
    ]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err[-3000:]
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def _second_province(tmp: Path, centre: Office) -> Office:
    ws = Workspace.open(tmp / "ir08")
    admin = setup_office(ws, OfficeSetup(OfficeKind.PROVINCE, "IR-08", "admin", PASSWORD))
    demo.fill_demo(ws, admin, PASSWORD, count=6, seed=5)
    ws.close()
    office = _open(tmp / "ir08")
    with centre.ws.db.session() as s:
        centre_cert = sync.certificate(s, centre.keys).to_json()
    with office.ws.db.session() as s:
        sync.enroll(s, office.actor, centre_cert)
        cert = sync.certificate(s, office.keys).to_json()
    with centre.ws.db.session() as s:
        sync.enroll(s, centre.actor, cert)
    return office


@pytest.mark.slow
def test_imports_on_several_pcs_at_once(pair: Pair, tmp_path: Path) -> None:
    prov, centre = pair.province, pair.centre
    other = _second_province(tmp_path, centre)
    a = sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "IR-07-1.bundle").files[0]
    b = sync.export_bundle(other.ws, other.actor, other.keys, tmp_path / "IR-08-1.bundle").files[0]
    dirs, url = _pcs(centre, tmp_path, 3)
    centre.ws.close()
    # WHEN two PCs import two provinces' bundles at the same instant
    first = _at_once([(dirs[0], url, a), (dirs[1], url, b)])
    # THEN both land
    assert all(r["ok"] for r in first), first
    assert {r["sender"] for r in first} == {"IR-07", "IR-08"}
    # AND an attachment imported by the first PC opens on the third, byte for byte
    ws3 = Workspace.open(dirs[2], url or None)
    try:
        with ws3.db.session() as s:
            atts = s.scalars(select(Attachment).where(Attachment.owner_office_id == "IR-07")).all()
            assert atts
            opened = copy_attachment(s, ws3.blobs, atts[0].id, tmp_path / "open")
        assert opened.read_bytes() in (ATTACHMENT, ATTACHMENT[::-1])
    finally:
        ws3.close()
    # WHEN the province's next bundle is imported on two PCs at the same instant
    with prov.ws.db.session() as s:
        d = s.scalar(select(clusters.Dossier).where(clusters.Dossier.state == "draft"))
    assert d is not None
    with prov.ws.db.session() as s:
        c = clusters.get_dossier(s, d.id).cluster
        clusters.update_cluster(s, prov.actor, c.id, _renamed(c))
    again = sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "IR-07-2.bundle").files[0]
    second = _at_once([(dirs[0], url, again), (dirs[1], url, again)])
    # THEN it lands once, and the other PC says it was already imported (not a database error)
    assert sorted(r["ok"] for r in second) == [False, True], second
    refused = next(r for r in second if not r["ok"])
    assert refused["reason"] == "already_imported", refused
    assert "قبلاً" in str(refused["fa"])
    ws = Workspace.open(dirs[0], url or None)
    try:
        with ws.db.session() as s:
            assert len(s.scalars(select(ImportLog).where(ImportLog.sender_office_id == "IR-07")).all()) == 2
    finally:
        ws.close()
    other.ws.close()


def _renamed(c) -> clusters.ClusterInput:  # type: ignore[no-untyped-def]
    data = clusters.cluster_input_of(c)
    data.description = (data.description or "") + " — به‌روز شده"
    return data


def test_two_secretaries_saving_the_same_profile(pair: Pair) -> None:
    """Optimistic locking on the version counter: the second save is refused, naming who and when."""
    prov = pair.province
    url = None if prov.ws.backend == "sqlite" else prov.ws.db.url
    with prov.ws.db.session() as s:
        d = s.scalar(select(clusters.Dossier).where(clusters.Dossier.state == "draft"))
        c = clusters.get_dossier(s, d.id).cluster  # type: ignore[union-attr]
        cluster_id, version = c.id, c.version
        seen_a, seen_b = _renamed(c), clusters.cluster_input_of(c)
    second_pc = Workspace.open(prov.dir, url)
    try:
        with prov.ws.db.session() as s:
            clusters.update_cluster(s, prov.actor, cluster_id, seen_a, expected_version=version)
        seen_b.city = "کاشان"
        with second_pc.db.session() as s, pytest.raises(clusters.ChangedMeanwhile) as refused:
            clusters.update_cluster(s, prov.actor, cluster_id, seen_b, expected_version=version)
        assert "admin" in refused.value.fa and "تغییر کرده" in refused.value.fa
        with second_pc.db.session() as s:
            stored = clusters.get_cluster(s, cluster_id)
            assert stored.version == version + 1 and stored.city != "کاشان"
            assert stored.description.endswith("به‌روز شده")
    finally:
        second_pc.close()

"""Benchmark: export and import of N dossiers with T bytes of attachments, against the floor.

    python tests/benchmarks/bench_bundles.py [--dossiers 10000] [--attachment-mb 1024] [--keep DIR]

The floor is the same work done with nothing around it: SHA-256 over every byte that travels, one
Ed25519 signature check per bundle, and a raw ``sqlite3`` executemany of the same rows into the same
schema in one transaction. Prints JSON with the timings and export+import / floor as a ratio.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("CLUSTER_DESKTOP_FAST_KDF", "1")
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, insert  # noqa: E402

from cluster_desktop.domain.roles import OfficeKind  # noqa: E402
from cluster_desktop.services import sync  # noqa: E402
from cluster_desktop.services.office import OfficeSetup, setup_office  # noqa: E402
from cluster_desktop.services.workspace import Workspace  # noqa: E402
from cluster_desktop.store import models as m  # noqa: E402
from cluster_desktop.store.models import Base  # noqa: E402
from cluster_desktop.store.reference import reference_uuid  # noqa: E402
from cluster_desktop.sync.records import BY_NAME  # noqa: E402
from tests.sync.offices import unpack  # noqa: E402

PW = "bench-password"


def _id() -> str:
    return str(uuid.uuid4())


def fill(ws: Workspace, n: int, total_bytes: int, rng: random.Random) -> None:
    """N sent dossiers with cluster, products, plan + targets, two scored sheets, history, one scan each."""
    now = datetime.now(UTC) - timedelta(days=1)
    base = {"owner_office_id": "IR-07", "version": 3, "created_at": now, "updated_at": now}
    with ws.db.session() as s:
        group = s.query(m.WorkingGroup).filter_by(owner_office_id="IR-07").one()
        members = [
            dict(base, id=_id(), group_id=group.id, full_name=f"عضو {i}", organization_code="TPO")
            for i in range(2)
        ]
        s.execute(insert(m.Member.__table__), members)
        rows: dict[str, list[dict]] = {
            t: []
            for t in (
                "clusters",
                "cluster_products",
                "dossiers",
                "feasibility_plans",
                "plan_targets",
                "attachments",
                "evaluations",
                "evaluation_scores",
                "transitions",
            )
        }
        per = max(1, total_bytes // n)
        for i in range(n):
            cid, did, pid = _id(), _id(), _id()
            rows["clusters"].append(
                dict(
                    base,
                    id=cid,
                    name=f"خوشه {i}",
                    name_norm=f"خوشه {i}",
                    province_code="IR-07",
                    county=f"شهرستان {i % 30}",
                    county_norm=f"شهرستان {i % 30}",
                    description="تولید و صادرات " * 20,
                )
            )
            rows["cluster_products"].append(
                dict(base, id=_id(), cluster_id=cid, hs_code="040900", name_fa="عسل")
            )
            rows["dossiers"].append(
                dict(
                    base,
                    id=did,
                    cluster_id=cid,
                    province_code="IR-07",
                    state="sent_to_center",
                    provincial_score=72.5,
                )
            )
            rows["feasibility_plans"].append(
                dict(base, id=pid, dossier_id=did, overview="شرح " * 200, market="بازار " * 100)
            )
            rows["plan_targets"] += [
                dict(base, id=_id(), plan_id=pid, year=y, export_usd=100_000 * y, employment=50)
                for y in (1405, 1406, 1407)
            ]
            data = rng.randbytes(per)
            digest = hashlib.sha256(data).hexdigest()
            blob = ws.attachments_dir / digest[:2] / digest
            blob.parent.mkdir(parents=True, exist_ok=True)
            blob.write_bytes(data)
            rows["attachments"].append(
                dict(base, id=_id(), dossier_id=did, sha256=digest, filename="scan.pdf", size=per)
            )
            for mem in members:
                eid = _id()
                rows["evaluations"].append(
                    dict(
                        base,
                        id=eid,
                        dossier_id=did,
                        member_id=mem["id"],
                        level="province",
                        criteria_set_id=reference_uuid("criteria-set-1"),
                        submitted_at=now,
                    )
                )
                rows["evaluation_scores"] += [
                    dict(base, id=_id(), evaluation_id=eid, criterion_code=f"C{k}", score=4)
                    for k in range(1, 10)
                ]
            rows["transitions"].append(
                dict(
                    base,
                    id=_id(),
                    dossier_id=did,
                    action="send_to_center",
                    from_state="provincially_approved",
                    to_state="sent_to_center",
                    f_code="P1-7",
                    actor="bench",
                    at=now,
                )
            )
        for table, batch in rows.items():
            s.execute(insert(BY_NAME[table].table), batch)


def floor(
    records: dict[str, list[dict]],
    payload_files: list[Path],
    manifest_and_sig: list[tuple[bytes, bytes, object]],
    workdir: Path,
) -> dict[str, float]:
    t0 = time.perf_counter()
    for path in payload_files:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                h.update(chunk)
    t1 = time.perf_counter()
    for body, sig, key in manifest_and_sig:
        key.verify(sig, body)  # type: ignore[attr-defined]
    t2 = time.perf_counter()
    db = workdir / "floor.sqlite3"
    engine = create_engine(f"sqlite:///{db}")
    Base.metadata.create_all(engine)
    engine.dispose()
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    t3 = time.perf_counter()
    con.execute("BEGIN")
    for table, rs in records.items():
        if not rs:
            continue
        cols = list(rs[0])
        con.executemany(
            f"INSERT INTO {table} ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})",
            [tuple(json.dumps(r[c]) if isinstance(r[c], list | dict) else r[c] for c in cols) for r in rs],
        )
    con.execute("COMMIT")
    t4 = time.perf_counter()
    con.close()
    return {"hash_s": t1 - t0, "signature_s": t2 - t1, "insert_s": t4 - t3}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dossiers", type=int, default=10_000)
    ap.add_argument("--attachment-mb", type=int, default=1024)
    ap.add_argument("--keep", type=Path)
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-bundles-"))
    rng = random.Random(1)
    try:
        p_ws = Workspace.open(work / "province")
        setup_office(p_ws, OfficeSetup(OfficeKind.PROVINCE, "IR-07", "admin", PW))
        c_ws = Workspace.open(work / "centre")
        setup_office(c_ws, OfficeSetup(OfficeKind.CENTRAL, None, "admin", PW))
        t = time.perf_counter()
        fill(p_ws, args.dossiers, args.attachment_mb * 2**20, rng)
        fill_s = time.perf_counter() - t
        p_ws.close()
        c_ws.close()

        prov, centre = _open_with(work / "province"), _open_with(work / "centre")
        for me, peer in ((prov, centre), (centre, prov)):
            with peer.ws.db.session() as s:
                cert = sync.certificate(s, peer.keys).to_json()
            with me.ws.db.session() as s:
                sync.enroll(s, me.actor, cert)
        t = time.perf_counter()
        result = (
            sync.export_bundle(prov.ws, prov.actor, prov.keys, work / "out" / "b.bundle")
            if (work / "out").mkdir() is None
            else None
        )
        export_s = time.perf_counter() - t
        assert result is not None
        t = time.perf_counter()
        for f in result.files:
            sync.import_bundle(centre.ws, centre.actor, centre.keys, f)
        import_s = time.perf_counter() - t
        # the floor over exactly what travelled
        records: dict[str, dict[str, dict]] = {}
        payload: list[Path] = []
        sigs = []
        for f in result.files:
            manifest, entries = unpack(f, centre)
            from cluster_desktop.sync.manifest import Manifest
            from cluster_desktop.sync.strictjson import dumps_canonical, loads_strict

            body = dumps_canonical(manifest)
            sigs.append(
                (
                    body,
                    __import__("cluster_desktop.sync.manifest", fromlist=["x"]).sign_manifest(
                        body, prov.keys.signing_key
                    ),
                    prov.keys.signing_key.public_key(),
                )
            )
            Manifest.parse(body)
            for name, data in entries.items():
                path = work / "floor-files" / name.replace("/", "_")
                path.parent.mkdir(exist_ok=True)
                path.write_bytes(data)
                payload.append(path)
                if name.startswith("records/") and "sync_coverage" not in name:
                    table = name[8:-6]
                    seen = records.setdefault(table, {})
                    for line in data.splitlines():  # parts repeat the shared records (group, members)
                        row = loads_strict(line)
                        seen[row["id"]] = row
        fl = floor({t: list(r.values()) for t, r in records.items()}, payload, sigs, work)
        floor_s = sum(fl.values())
        out = {
            "dossiers": args.dossiers,
            "attachment_mb": args.attachment_mb,
            "bundles": len(result.files),
            "bundle_mb": round(sum(f.stat().st_size for f in result.files) / 2**20, 1),
            "rows": sum(len(v) for v in records.values()),
            "fill_s": round(fill_s, 2),
            "export_s": round(export_s, 2),
            "import_s": round(import_s, 2),
            **{k: round(v, 2) for k, v in fl.items()},
            "floor_s": round(floor_s, 2),
            "export_ratio": round(export_s / floor_s, 1),
            "import_ratio": round(import_s / floor_s, 1),
            "total_ratio": round((export_s + import_s) / floor_s, 1),
        }
        print(json.dumps(out))
        return 0
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


def _open_with(path: Path):  # type: ignore[no-untyped-def]
    from cluster_desktop.services import users

    ws = Workspace.open(path)
    with ws.db.session() as s:
        actor = users.authenticate(s, "admin", PW)
        keys = sync.unlock(s, actor, PW)
    return type("O", (), {"ws": ws, "actor": actor, "keys": keys, "dir": path})()


if __name__ == "__main__":
    sys.exit(main())

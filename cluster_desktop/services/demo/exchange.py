"""The centre's bundle history in a demo: provinces' submissions imported and decisions sent back.

A real exchange needs each province's keys on its own PC; the demo writes the records a completed
exchange leaves behind instead (trusted certificates, the import log, sent bundles and the outbound
sequence per province), dated by the dossiers' own receipts and decisions, so the exchange screen and
the national dashboard show months of traffic.
"""

from __future__ import annotations

import hashlib
import random
from collections import defaultdict
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cluster_desktop.services.actor import Actor
from cluster_desktop.services.users import local_office
from cluster_desktop.store.models import Dossier, Evaluation, Office, Transition, new_uuid
from cluster_desktop.store.models.sync import ImportLog, Outbound, SentBundle, TrustedKey
from cluster_desktop.sync import trust
from cluster_desktop.sync.keys import fingerprint_text, generate_office_keys
from cluster_desktop.sync.manifest import BundleKind

from .timeline import Clock

DECISIONS = ("approve_central", "reject_central", "register", "license")


def _now() -> datetime:
    return datetime.now(UTC)


def _hash(rng: random.Random) -> str:
    return hashlib.sha256(rng.randbytes(32)).hexdigest()


def centre_exchange(session: Session, admin: Actor, clock: Clock, rng: random.Random) -> None:
    centre = local_office(session)
    moments: dict[str, dict[str, datetime]] = defaultdict(dict)  # dossier -> action -> when
    province_of: dict[str, str] = {}
    for dossier_id, province, action, at in session.execute(
        # Dossier.id, not the nullable Transition.dossier_id: the inner join makes them equal.
        select(Dossier.id, Dossier.province_code, Transition.action, Transition.at)
        .join(Dossier, Dossier.id == Transition.dossier_id)
        .where(Transition.action.in_(("send_to_center", "receive", *DECISIONS)))
    ):
        moments[dossier_id][action] = at
        province_of[dossier_id] = province
    received: dict[str, list[tuple[datetime, datetime, str]]] = defaultdict(list)
    decided: dict[str, list[datetime]] = defaultdict(list)
    for dossier_id, acts in moments.items():
        province = province_of[dossier_id]
        if "receive" in acts:
            sent_on = acts.get("send_to_center", acts["receive"] - timedelta(days=3))
            received[province].append((acts["receive"], sent_on, dossier_id))
        decided[province] += [at for action, at in acts.items() if action in DECISIONS]
    offices = {o.id: o for o in session.scalars(select(Office).where(Office.kind == "province"))}
    for province in sorted(received):
        office = offices.get(province)
        if office is None:
            continue
        imports = sorted(received[province])
        # The province's certificate, enrolled before its first bundle was imported.
        clock.now = imports[0][1] - timedelta(days=rng.randint(5, 30))
        cert = generate_office_keys().public_certificate(
            office.id, "province", office.province_code, office.name_fa
        )
        trust.enroll(session, cert, local=centre, username=admin.username)
        session.flush()
        key = session.get(TrustedKey, cert.fingerprint)
        if key is not None:
            key.enrolled_at = clock.now
        sent = _decision_bundles(session, office.id, decided[province], admin, rng)
        # The province's bundles: one per dossier it submitted, and a short one answering most of our
        # decision bundles (the acknowledgement travels in the province's next bundle).
        bundles: list[tuple[datetime, datetime, str | None]] = list(imports)
        for b in sent:
            answered = b.created_at + timedelta(days=rng.randint(4, 25))
            if answered < _now() and rng.random() < 0.75:
                bundles.append((answered, answered - timedelta(days=rng.randint(1, 3)), None))
        made = datetime.min.replace(tzinfo=UTC)
        for seq, (imported_at, sent_at, submitted) in enumerate(
            sorted(bundles, key=lambda b: (b[0], b[1], b[2] or "")), 1
        ):
            # Written a day or so before it was imported, after the province's previous bundle.
            created_at = max(sent_at, imported_at - timedelta(hours=rng.randint(20, 70)), made)
            made = created_at + timedelta(minutes=30)
            counts = _submission_counts(session, submitted) if submitted else {}
            acked = max((b.sequence for b in sent if b.created_at < created_at), default=0)
            for b in sent:
                if b.sequence <= acked and b.acked_at is None:
                    b.acked_at = imported_at
            session.add(
                ImportLog(
                    bundle_id=new_uuid(),
                    sender_office_id=office.id,
                    kind=BundleKind.PROVINCE_SUBMISSION.value,
                    sequence=seq,
                    manifest_hash=_hash(rng),
                    created_at=created_at,
                    imported_at=imported_at,
                    imported_by=admin.username,
                    report={
                        "applied": True,
                        "kind": BundleKind.PROVINCE_SUBMISSION.value,
                        "sequence": seq,
                        "sender": {
                            "office_id": office.id,
                            "name": office.name_fa,
                            "fingerprint": cert.fingerprint,
                            "fingerprint_text": fingerprint_text(cert.fingerprint),
                        },
                        "recipient": centre.id,
                        "created_at": created_at.isoformat(),
                        "record_counts": counts,
                        "attachments": {"files": 0, "bytes": 0},
                        "tables": {t: {"add": n, "update": 0, "unchanged": 0} for t, n in counts.items()},
                        "acknowledged": acked,
                    },
                )
            )
        if sent:
            session.add(
                Outbound(
                    peer_office_id=office.id,
                    last_sequence=len(sent),
                    last_hash=sent[-1].manifest_hash,
                    acked_sequence=max((b.sequence for b in sent if b.acked_at), default=0),
                )
            )
    session.flush()


def _decision_bundles(
    session: Session, peer: str, decided: list[datetime], admin: Actor, rng: random.Random
) -> list[SentBundle]:
    """One decision bundle a few days after each month's decisions for this province."""
    by_month: dict[tuple[int, int], list[datetime]] = defaultdict(list)
    for at in sorted(decided):
        by_month[(at.year, at.month)].append(at)
    bundles = []
    for seq, (_month, moments) in enumerate(sorted(by_month.items()), 1):
        bundle = SentBundle(
            bundle_id=new_uuid(),
            peer_office_id=peer,
            kind=BundleKind.CENTRAL_DECISION.value,
            sequence=seq,
            manifest_hash=_hash(rng),
            path="",
            created_at=min(max(moments) + timedelta(days=rng.randint(1, 6)), _now()),
            created_by=admin.username,
            record_counts={"dossiers": len(moments), "transitions": len(moments)},
        )
        session.add(bundle)
        bundles.append(bundle)
    return bundles


def _submission_counts(session: Session, dossier_id: str) -> dict[str, int]:
    """What a province's bundle carried for one dossier: the case, its plan, sheets and steps."""
    sheets = session.scalar(
        select(func.count()).where(Evaluation.dossier_id == dossier_id, Evaluation.level == "province")
    )
    steps = session.scalar(
        select(func.count()).where(Transition.dossier_id == dossier_id, Transition.action != "receive")
    )
    return {
        "clusters": 1,
        "dossiers": 1,
        "feasibility_plans": 1,
        "evaluations": int(sheets or 0),
        "transitions": int(steps or 0),
        "meetings": 1,
    }

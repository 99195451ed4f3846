"""Bundles between the provinces and TPO: keys, trust, export, verify, import, history (Qt-free).

Who may: anyone sees the office's key and the trust list; an administrator or the secretary (the
key holders) enrolls and revokes peers and exports and imports bundles.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Table, bindparam, insert, select, text, update
from sqlalchemy.orm import Session

from cluster_desktop import __version__
from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.roles import OfficeKind, Role
from cluster_desktop.domain.workflow import DOSSIER_WORKFLOW, DossierState, Requirement
from cluster_desktop.store.blobs import FileBlobs
from cluster_desktop.store.models import (
    Cluster,
    Dossier,
    ImportLog,
    LocalKeys,
    Office,
    Outbound,
    Programme,
    SentBundle,
    Transition,
    new_uuid,
    utcnow,
)
from cluster_desktop.sync import audit_heads, trust
from cluster_desktop.sync import export as ex
from cluster_desktop.sync import importer as im
from cluster_desktop.sync.container import atomic_write
from cluster_desktop.sync.keys import CENTRAL_OFFICE_ID, OfficeCertificate, OfficeKeys, fingerprint_text
from cluster_desktop.sync.manifest import BundleKind, Party
from cluster_desktop.sync.report import KIND_TITLES, TABLE_TITLES, build_report

from . import audit, workflow
from .actor import Actor, require
from .office import load_office_keys
from .users import local_office
from .workspace import Workspace

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]
KEY_ROLES = (Role.SECRETARY,)  # with admin, who always may


def _require_keys(actor: Actor, what_fa: str, what_en: str) -> None:
    require(actor, KEY_ROLES, what_fa=what_fa, what_en=what_en)


# --- keys ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyInfo:
    office_id: str
    kind: str
    province: str | None
    name_fa: str
    fingerprint: str
    age_recipient: str

    @property
    def fingerprint_text(self) -> str:
        return fingerprint_text(self.fingerprint)

    def to_dict(self) -> dict[str, Any]:
        return {
            "office_id": self.office_id,
            "kind": self.kind,
            "province": self.province,
            "name": self.name_fa,
            "fingerprint": self.fingerprint,
            "fingerprint_text": self.fingerprint_text,
            "age_recipient": self.age_recipient,
        }


def key_info(session: Session) -> KeyInfo:
    """This office's public identity; no password needed."""
    office = local_office(session)
    row = session.get(LocalKeys, office.id)
    assert row is not None
    return KeyInfo(
        office.id, office.kind, office.province_code, office.name_fa, row.fingerprint, row.age_recipient
    )


def unlock(session: Session, actor: Actor, password: str) -> OfficeKeys:
    """The office's private keys, for a key holder's password (once per session: scrypt is slow)."""
    _require_keys(actor, "استفاده از کلیدهای دفتر", "use the office keys")
    return load_office_keys(session, actor, password)


def certificate(session: Session, keys: OfficeKeys) -> OfficeCertificate:
    """This office's self-signed certificate, to hand to the peer office once."""
    office = local_office(session)
    return keys.public_certificate(office.id, office.kind, office.province_code, office.name_fa)


def write_certificate(session: Session, keys: OfficeKeys, out: Path) -> OfficeCertificate:
    """Write this office's certificate to ``out`` (whole or not at all) and return it."""
    cert = certificate(session, keys)
    data = cert.to_json()

    def fill(f: IO[bytes]) -> None:
        f.write(data)

    atomic_write(out, fill)
    return cert


# --- trust ---------------------------------------------------------------------------------------


def read_certificate(data: bytes) -> OfficeCertificate:
    """Parse and check a certificate file (to show its fingerprint before enrolling)."""
    return OfficeCertificate.from_json(data)


def enroll(
    session: Session, actor: Actor, data: bytes, *, expected_fingerprint: str | None = None
) -> trust.TrustEntry:
    """Enroll a peer office's certificate; with ``expected_fingerprint`` (read out by phone) checked."""
    _require_keys(actor, "ثبت گواهی دفتر دیگر", "enroll another office's certificate")
    cert = read_certificate(data)
    if expected_fingerprint is not None:
        trust.check_fingerprint(cert, expected_fingerprint)
    entry = trust.enroll(session, cert, local=local_office(session), username=actor.username)
    audit.record(session, actor, "trust.enroll", "office", cert.office_id, fingerprint=cert.fingerprint)
    return entry


def revoke(session: Session, actor: Actor, office_id: str, reason: str = "") -> list[trust.TrustEntry]:
    _require_keys(actor, "ابطال کلید دفتر دیگر", "revoke another office's key")
    revoked = trust.revoke(session, office_id, reason)
    audit.record(session, actor, "trust.revoke", "office", office_id, reason=reason or None)
    return revoked


def trust_list(session: Session) -> list[trust.TrustEntry]:
    return trust.entries(session)


# --- export --------------------------------------------------------------------------------------


@dataclass
class ExportResult:
    files: list[Path]  # the copies written where asked (one per part)
    kept: list[Path]  # the copies kept in the data directory until acknowledged
    sequences: list[int]
    recipient: str
    dossiers: int
    moved_to_sent: list[str]
    record_counts: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": [str(p) for p in self.files],
            "kept": [str(p) for p in self.kept],
            "sequences": self.sequences,
            "recipient": self.recipient,
            "dossiers": self.dossiers,
            "moved_to_sent": self.moved_to_sent,
            "record_counts": self.record_counts,
        }


def _peer(session: Session, local: Office, to: str | None):  # type: ignore[no-untyped-def]
    if to is None:
        if local.kind != OfficeKind.PROVINCE:
            raise DomainError(
                "مرکز باید استان گیرنده را نام ببرد (--to IR-NN).",
                "The centre must name the province (--to IR-NN).",
            )
        to = CENTRAL_OFFICE_ID
    peer = session.get(Office, to)
    if peer is None or peer.kind == local.kind:
        raise DomainError(
            f"بسته فقط میان استان و مرکز جابه‌جا می‌شود؛ «{to}» گیرندهٔ مجاز نیست.",
            f"Bundles go between a province and the centre only; '{to}' cannot receive one.",
        )
    key = trust.active_key(session, to)
    if key is None:
        raise DomainError(
            f"گواهی دفتر {to} هنوز ثبت نشده یا باطل شده است؛ نخست گواهی آن را ثبت کنید.",
            f"Office {to} has no enrolled key; enroll its certificate first.",
        )
    return peer, key


def _cutoff(session: Session, peer: str, acked: int, since: Any) -> tuple[Any, int]:
    """The time after which changes are still unacknowledged, and the sequence it corresponds to.

    An export counts only once all its parts are acknowledged (its parts share one creation time)."""
    if acked == 0:
        return None, 0
    rows = list(
        session.execute(
            select(SentBundle.sequence, SentBundle.created_at).where(
                SentBundle.peer_office_id == peer, SentBundle.created_at >= since
            )
        )
    )
    times = {seq: at for seq, at in rows}
    if acked not in times:
        return None, 0
    done = [at for at in set(times.values()) if all(s <= acked for s, t in times.items() if t == at)]
    done = [at for at in done if at <= times[acked]]
    if not done:
        return None, 0
    at = max(done)
    return at, max(s for s, t in times.items() if t == at)


def _schema_revision(session: Session) -> str:
    return str(session.execute(text("SELECT version_num FROM alembic_version")).scalar() or "none")


def export_bundle(
    ws: Workspace,
    actor: Actor,
    keys: OfficeKeys,
    out: Path,
    *,
    to: str | None = None,
    full: bool = False,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the bundle(s) for ``to`` (the centre, from a province): atomically, kept until acknowledged.

    At a province every provincially approved dossier is first moved to ``sent_to_center`` in the same
    transaction that records the bundle. Parts beyond the first are named ``<out stem>-2<suffix>`` ….
    """
    _require_keys(actor, "ساختن بستهٔ تبادل اطلاعات", "export bundles")
    report = progress or (lambda _f, _m: None)
    out = Path(out)
    _check_destination(out)  # before anything changes: a bad folder must not cost a sequence number
    ws.bundles_dir.mkdir(parents=True, exist_ok=True)
    pending: list[tuple[Path, Path]] = []
    committed = False
    try:
        with (
            ws.db.session() as s,
            tempfile.TemporaryDirectory(prefix=".export-", dir=ws.data_dir) as scratch,
        ):
            store = ws.blobs
            local = local_office(s)
            peer, key = _peer(s, local, to)
            moved = _send_approved(s, actor) if local.kind == OfficeKind.PROVINCE else []
            outbound = s.get(Outbound, peer.id) or Outbound(
                peer_office_id=peer.id, last_sequence=0, last_hash=None, acked_sequence=0
            )
            s.add(outbound)
            cutoff, covers = (
                (None, 0) if full else _cutoff(s, peer.id, outbound.acked_sequence, key.enrolled_at)
            )
            report(0.1, "collect")
            if local.kind == OfficeKind.PROVINCE:
                collected = ex.collect_province(s, local.id, cutoff)
            else:
                collected = ex.collect_central(s, local.id, peer.id, cutoff)
            parts = ex.plan_parts(collected, lambda h: store.size(s, h) or 0)
            s.flush()  # the steps just taken are in our audit chain before its head is read
            audit_head, audit_anchor = audit_heads.for_export(s, peer.id)
            channel = ex.Channel(
                kind=BundleKind.PROVINCE_SUBMISSION
                if local.kind == OfficeKind.PROVINCE
                else BundleKind.CENTRAL_DECISION,
                sender=Party(local.id, keys.fingerprint),
                recipient=Party(peer.id, key.fingerprint),
                recipient_age=key.age_recipient,
                ack_sequence=im.imported_at_least(s, peer.id),
                schema_revision=_schema_revision(s),
                app_version=__version__,
                audit_head=audit_head,
                audit_anchor=audit_anchor,
            )
            now = utcnow()
            counts: dict[str, int] = {}
            sequences = []
            for i, part in enumerate(parts, start=1):
                report(0.1 + 0.85 * (i - 1) / len(parts), f"part {i}/{len(parts)}")
                blobs = {}
                for h in sorted(part.attachments):
                    try:  # verified against its hash, wherever it is kept (store/blobs.py)
                        path = (
                            store.verified_path(h)
                            if isinstance(store, FileBlobs)
                            else store.to_file(s, h, Path(scratch) / h)
                        )
                    except DomainError as exc:
                        raise DomainError(
                            f"فایل پیوست {h[:12]} در این دفتر آسیب دیده یا گم شده است.",
                            f"The attachment file {h[:12]} is damaged or missing here.",
                        ) from exc
                    blobs[h] = path
                sequence = outbound.last_sequence + 1
                final = ws.bundles_dir / f"{local.id}-to-{peer.id}-{sequence:06d}.bundle"
                tmp = ws.bundles_dir / f".{final.name}.pending"
                pending.append((tmp, final))
                written = ex.write_part(
                    channel,
                    keys,
                    sequence=sequence,
                    previous_hash=outbound.last_hash,
                    covers_after=covers if i == 1 else outbound.last_sequence,
                    part=i,
                    parts=len(parts),
                    records=ex.records_of_part(collected, part),
                    blobs=blobs,
                    created_at=now,
                    pending=tmp,
                    dossier_ids=part.dossier_ids,
                )
                outbound.last_sequence, outbound.last_hash = sequence, written.manifest_hash
                s.add(
                    SentBundle(
                        bundle_id=written.manifest.bundle_id,
                        peer_office_id=peer.id,
                        kind=str(channel.kind),
                        sequence=sequence,
                        manifest_hash=written.manifest_hash,
                        path=str(final),
                        created_at=now,
                        created_by=actor.username,
                        record_counts=written.record_counts,
                        audit_length=audit_head.length if audit_head else None,
                        audit_hash=audit_head.hash if audit_head else None,
                    )
                )
                sequences.append(sequence)
                for t, n in written.record_counts.items():
                    counts[t] = counts.get(t, 0) + n
            audit.record(
                s,
                actor,
                "bundle.export",
                "office",
                peer.id,
                sequences=sequences,
                dossiers=collected.dossier_count(),
            )
        # Committed: only now do the bundles become visible under their names, every part first.
        committed = True
        for tmp, final in pending:
            os.replace(tmp, final)
        files = []
        for n, (_tmp, final) in enumerate(pending, start=1):
            target = out if n == 1 else out.with_name(f"{out.stem}-{n}{out.suffix}")
            if target.resolve() != final.resolve():
                try:
                    with open(final, "rb") as src:
                        atomic_write(target, partial(shutil.copyfileobj, src, length=1 << 20))
                except OSError as exc:
                    kept = "، ".join(str(f) for _t, f in pending)
                    raise DomainError(
                        f"بسته ساخته و در پوشهٔ داده نگه داشته شد ({kept})، ولی رونوشت آن در «{target}» "
                        f"نوشته نشد: {exc.strerror or exc}. همان فایل را از پوشهٔ داده بردارید.",
                        f"The bundle was made and kept in the data folder ({kept}), but its copy at "
                        f"'{target}' could not be written: {exc.strerror or exc}. Take that file instead.",
                        field="out",
                    ) from exc
            files.append(target)
        report(1.0, "done")
        log.info(
            "exported bundle %s to %s: %d dossiers, %d records, %s",
            ",".join(map(str, sequences)),
            peer.id,
            collected.dossier_count(),
            sum(counts.values()),
            ", ".join(str(f) for f in files),
        )
        return ExportResult(
            files, [f for _, f in pending], sequences, peer.id, collected.dossier_count(), moved, counts
        )
    except BaseException as exc:
        log.warning("bundle export to %s failed: %s", to or "the centre", _reason(exc))
        if not committed:  # once committed, the kept bundles are recorded: never delete them
            for tmp, _final in pending:
                with contextlib.suppress(OSError):
                    tmp.unlink()
        raise


def _check_destination(out: Path) -> None:
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise DomainError(
            f"پوشهٔ «{folder}» وجود ندارد؛ بسته ساخته نشد.",
            f"The folder '{folder}' does not exist; no bundle was made.",
            field="out",
        )
    if not os.access(folder, os.W_OK):
        raise DomainError(
            f"در پوشهٔ «{folder}» نمی‌توان نوشت؛ بسته ساخته نشد.",
            f"The folder '{folder}' is not writable; no bundle was made.",
            field="out",
        )


def _send_approved(session: Session, actor: Actor) -> list[str]:
    """Move every provincially approved dossier to ``sent_to_center`` (the bundle supplies BUNDLE)."""
    ids = list(
        session.scalars(
            select(Dossier.id).where(
                Dossier.owner_office_id == actor.office_id,
                Dossier.state == DossierState.PROVINCIALLY_APPROVED,
            )
        )
    )
    for did in ids:
        workflow.transition(session, actor, did, "send_to_center", extra=(Requirement.BUNDLE,))
    return ids


# --- verify and import ---------------------------------------------------------------------------


def _states(session: Session, ids: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        q = select(Dossier.id, Dossier.state).where(Dossier.id.in_(ids[i : i + 500]))
        out.update({d: st for d, st in session.execute(q)})
    return out


def _programme_states(session: Session, ids: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        q = select(Programme.id, Programme.state).where(Programme.id.in_(ids[i : i + 500]))
        out.update({p: st for p, st in session.execute(q)})
    return out


def _programme_titles(session: Session, ids: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        q = select(Programme.id, Programme.title).where(Programme.id.in_(ids[i : i + 500]))
        out.update({p: t for p, t in session.execute(q)})
    return out


def _programme_lines(
    bundle: im.ReadBundle,
    before: dict[str, str],
    states: dict[str, tuple[str, str]],
    titles: dict[str, str] | None = None,
) -> list[dict[str, Any]]:
    """The programmes a bundle concerns, with their state here before and after it."""
    sent = {r["id"]: r["title"] for r in bundle.records.get("programmes", [])}
    ids = sorted(set(sent) | set(states) | set(before))
    out = []
    for pid in ids:
        old = before.get(pid)  # None: new here
        new = states[pid][1] if pid in states else old
        title = (titles or {}).get(pid) or sent.get(pid, "")
        out.append({"id": pid, "title": title, "before": old, "after": new})
    return out


def _names(session: Session, ids: list[str]) -> dict[str, str]:
    out = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        q = (
            select(Dossier.id, Cluster.name)
            .join(Cluster, Cluster.id == Dossier.cluster_id)
            .where(Dossier.id.in_(chunk))
        )
        out.update({d: n for d, n in session.execute(q)})
    return out


def _receive(session: Session, actor: Actor, dossier_ids: list[str]) -> dict[str, tuple[str, str]]:
    """At the centre: every dossier that arrived as sent is received (F6), by this import.

    The step is checked once by the workflow and recorded in bulk (one transition row per dossier,
    one audit entry for the import): a bundle may bring thousands. The dossier's version is not
    raised: it belongs to the province, and our step is recorded as our own transition.
    """
    d, t = Dossier.__table__, Transition.__table__
    # Both are mapped to plain tables; SQLAlchemy types __table__ as any FromClause.
    assert isinstance(d, Table) and isinstance(t, Table)
    waiting = []
    for i in range(0, len(dossier_ids), 500):
        q = select(d.c.id).where(
            d.c.id.in_(dossier_ids[i : i + 500]), d.c.state == DossierState.SENT_TO_CENTER
        )
        waiting += list(session.scalars(q))
    if not waiting:
        return {}
    rule = DOSSIER_WORKFLOW.check(
        DossierState.SENT_TO_CENTER,
        "receive",
        role=actor.role,
        office=actor.office_kind,
        provided={Requirement.BUNDLE},
    )
    now = utcnow()
    rows = [
        {
            "id": new_uuid(), "owner_office_id": actor.office_id, "version": 1, "created_at": now,
            "updated_at": now, "dossier_id": did, "programme_id": None, "action": rule.action,
            "from_state": DossierState.SENT_TO_CENTER.value, "to_state": rule.target, "f_code": rule.f_code,
            "actor": actor.label, "at": now, "comment": "", "meeting_id": None, "minutes_number": "",
        }
        for did in waiting
    ]  # fmt: skip
    conn = session.connection()
    conn.execute(insert(t), rows)
    conn.execute(
        update(d)
        .where(d.c.id == bindparam("b_id"))
        .values(state=rule.target, state_changed_at=now, updated_at=d.c.updated_at),
        [{"b_id": did} for did in waiting],
    )
    audit.record(session, actor, "dossier.receive", "dossier", None, count=len(waiting), f_code=rule.f_code)
    return dict.fromkeys(waiting, (DossierState.SENT_TO_CENTER.value, rule.target))


def _run(
    ws: Workspace, actor: Actor, keys: OfficeKeys, path: Path, *, apply: bool, progress: Progress | None
) -> dict[str, Any]:
    _require_keys(actor, "وارد کردن بستهٔ تبادل اطلاعات", "import bundles")
    deletable: list[Path] = []
    # An import holds the write lock from its start on SQLite (BEGIN IMMEDIATE): a second import on the
    # same file waits, then sees the first one's log (PostgreSQL: importer.lock_sender).
    with (
        ws.db.session(immediate=apply) as s,
        tempfile.TemporaryDirectory(prefix=".import-", dir=ws.data_dir) as work,
    ):
        local = local_office(s)
        bundle = im.read_bundle(
            s, Path(path), keys, local.id, OfficeKind(local.kind), Path(work), ws.blobs, progress
        )
        sender = s.get(Office, bundle.manifest.sender.office_id)
        rewrite = audit_heads.check(s, bundle.manifest)
        dossier_ids = sorted({r["id"] for r in bundle.records.get("dossiers", [])})
        touched = sorted(
            set(dossier_ids)
            | {r["dossier_id"] for r in bundle.records.get("transitions", []) if r["dossier_id"]}
        )
        before = _states(s, touched)
        programme_ids = sorted(
            {r["id"] for r in bundle.records.get("programmes", [])}
            | {r["programme_id"] for r in bundle.records.get("transitions", []) if r["programme_id"]}
        )
        programmes_before = _programme_states(s, programme_ids)
        if not apply:
            groups = im.classify(bundle)
            tables = {t: {k: len(v) for k, v in g.items()} for t, g in groups.items()}
            report = build_report(
                bundle,
                sender,
                tables,
                {},
                _names(s, touched),
                before,
                applied=False,
                acked=[],
                rewrite=rewrite,
                programmes=_programme_lines(bundle, programmes_before, {}),
            )
            s.rollback()
            return report
        if progress:
            progress(0.75, "apply")
        applied = im.apply_records(s, bundle)
        states = im.derive_states(s, applied)
        programme_states = im.derive_programme_states(s, applied)
        s.expire_all()
        if local.kind == OfficeKind.CENTRAL:
            for did, change in _receive(s, actor, dossier_ids).items():
                states[did] = (states.get(did, change)[0], change[1])
        acked_paths = im.acknowledge(s, bundle.manifest.sender.office_id, bundle.manifest.ack_sequence)
        acked = sorted(
            s.scalars(select(SentBundle.sequence).where(SentBundle.path.in_([str(p) for p in acked_paths])))
        )
        report = build_report(
            bundle,
            sender,
            applied.tables,
            states,
            _names(s, touched),
            before,
            applied=True,
            acked=acked,
            rewrite=rewrite,
            programmes=_programme_lines(
                bundle, programmes_before, programme_states, _programme_titles(s, programme_ids)
            ),
        )
        im.log_import(s, bundle, _hash(bundle), actor.username, report)
        audit_heads.record(s, bundle.manifest, rewrite)
        if rewrite is not None:
            audit.record(
                s,
                actor,
                "audit.peer_rewritten",
                "office",
                bundle.manifest.sender.office_id,
                kind=rewrite.kind,
                length=rewrite.length,
                recorded=rewrite.recorded_hash,
                stated=rewrite.stated_hash,
                sequence=bundle.manifest.sequence,
            )
            log.warning(
                "the audit log of %s was rewritten (%s at length %d), seen in its bundle %d",
                bundle.manifest.sender.office_id,
                rewrite.kind,
                rewrite.length,
                bundle.manifest.sequence,
            )
        audit.record(
            s,
            actor,
            "bundle.import",
            "office",
            bundle.manifest.sender.office_id,
            bundle=bundle.manifest.bundle_id,
            sequence=bundle.manifest.sequence,
        )
        # Files last, once every record applied: a refusal above leaves none behind (the commit at the
        # end of this block makes the records point at them; a crash in between leaves only spare blobs).
        im.store_attachments(s, bundle, ws.blobs)
        deletable = acked_paths
    for p in deletable:  # acknowledged: the peer holds them now
        with contextlib.suppress(OSError):
            p.unlink()
    if progress:
        progress(1.0, "done")
    return report


def _hash(bundle: im.ReadBundle) -> str:
    from cluster_desktop.sync.manifest import manifest_hash

    return manifest_hash(bundle.manifest.to_bytes())


def _reason(exc: BaseException) -> str:
    return exc.en if isinstance(exc, DomainError) else f"{type(exc).__name__}: {exc}"


def _logged_run(
    ws: Workspace, actor: Actor, keys: OfficeKeys, path: Path, *, apply: bool, progress: Progress | None
) -> dict[str, Any]:
    verb = "import" if apply else "verification"
    try:
        report = _run(ws, actor, keys, path, apply=apply, progress=progress)
    except DomainError as exc:
        log.warning("bundle %s refused (%s): %s", verb, Path(path).name, exc.en)
        raise
    except BaseException:
        log.exception("bundle %s failed (%s)", verb, Path(path).name)
        raise
    log.info(
        "bundle %s passed (%s): %s bundle %s from %s, %d records, %d dossiers",
        verb,
        Path(path).name,
        report.get("kind"),
        report.get("sequence"),
        (report.get("sender") or {}).get("office_id"),
        sum((report.get("record_counts") or {}).values()),
        len(report.get("dossiers") or []),
    )
    return report


def verify_bundle(
    ws: Workspace, actor: Actor, keys: OfficeKeys, path: Path, progress: Progress | None = None
) -> dict[str, Any]:
    """Every check of an import, and what it would add, update and leave; writes nothing."""
    return _logged_run(ws, actor, keys, path, apply=False, progress=progress)


def import_bundle(
    ws: Workspace, actor: Actor, keys: OfficeKeys, path: Path, progress: Progress | None = None
) -> dict[str, Any]:
    """Verify and apply a bundle in one transaction with its import-log row; the report as a dict."""
    return _logged_run(ws, actor, keys, path, apply=True, progress=progress)


# --- history -------------------------------------------------------------------------------------


def history(session: Session, limit: int = 500) -> list[dict[str, Any]]:
    """Bundles sent and imported, newest first."""
    rows: list[dict[str, Any]] = []
    for b in session.scalars(select(SentBundle).order_by(SentBundle.created_at.desc()).limit(limit)):
        rows.append(
            {
                "direction": "sent",
                "peer": b.peer_office_id,
                "kind": b.kind,
                "sequence": b.sequence,
                "at": b.created_at,
                "by": b.created_by,
                "records": b.record_counts,
                "acknowledged_at": b.acked_at,
                "file": b.path,
            }
        )
    for log in session.scalars(select(ImportLog).order_by(ImportLog.imported_at.desc()).limit(limit)):
        rows.append(
            {
                "direction": "imported",
                "peer": log.sender_office_id,
                "kind": log.kind,
                "sequence": log.sequence,
                "at": log.imported_at,
                "by": log.imported_by,
                "records": (log.report or {}).get("record_counts", {}),
                "created_at": log.created_at,
            }
        )
    rows.sort(key=lambda r: r["at"], reverse=True)
    return rows[:limit]


def outbound_state(session: Session) -> list[dict[str, Any]]:
    """Per peer: the last bundle sent and the last one it acknowledged."""
    return [
        {"peer": o.peer_office_id, "sent": o.last_sequence, "acknowledged": o.acked_sequence}
        for o in session.scalars(select(Outbound).order_by(Outbound.peer_office_id))
    ]


# --- for the exchange screen ---------------------------------------------------------------------


def keys_refusal(actor: Actor) -> DomainError | None:
    """Why ``actor`` may not use the office keys (export, import, enrol, revoke), or None if it may.

    Lets a screen disable those actions and say why before anyone tries; the services still check."""
    try:
        _require_keys(actor, "استفاده از کلیدهای دفتر", "use the office keys")
    except DomainError as e:
        return e
    return None


TABLE_ORDER: tuple[str, ...] = tuple(TABLE_TITLES)  # the tables a report lists, in its order


def kind_title(kind: str) -> tuple[str, str]:
    """A bundle kind as (Persian, English) words."""
    try:
        return KIND_TITLES[BundleKind(kind)]
    except ValueError:
        return kind, kind


def table_title(table: str) -> tuple[str, str]:
    """A record table as (Persian, English) words, as the import report names it."""
    return TABLE_TITLES.get(table, (table, table))


@dataclass(frozen=True)
class Peer:
    office_id: str
    name_fa: str
    enrolled: bool  # an active key: a bundle can be encrypted to it


def peers(session: Session) -> list[Peer]:
    """The offices this one may send bundles to: the centre (from a province), or every province whose
    certificate the centre has enrolled."""
    local = local_office(session)
    if local.kind == OfficeKind.PROVINCE:
        centre = session.get(Office, CENTRAL_OFFICE_ID)
        name = centre.name_fa if centre else CENTRAL_OFFICE_ID
        return [Peer(CENTRAL_OFFICE_ID, name, trust.active_key(session, CENTRAL_OFFICE_ID) is not None)]
    return [
        Peer(e.office_id, e.office_name, True)
        for e in trust.entries(session)
        if e.active and e.kind == OfficeKind.PROVINCE
    ]


@dataclass(frozen=True)
class ExchangeRow:
    """One bundle sent or imported, with what the history screen shows of it."""

    direction: str  # "sent" | "imported"
    peer: str
    peer_name: str
    kind: str
    sequence: int
    at: Any  # UTC datetime: written (sent) or imported
    by: str
    record_counts: dict[str, int]
    acknowledged_at: Any = None  # sent: when the peer's acknowledgement covered it
    kept: str | None = None  # sent, not yet acknowledged: the copy kept in the data directory
    changes: dict[str, int] = field(default_factory=dict)  # imported: add / update / unchanged totals


def _office_names(session: Session, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    return dict(session.execute(select(Office.id, Office.name_fa).where(Office.id.in_(sorted(ids)))).all())  # type: ignore[arg-type]


def exchange_log(session: Session, limit: int = 500) -> list[ExchangeRow]:
    """``history`` with peer names, acknowledgement and what each import changed, newest first."""
    rows = history(session, limit)
    names = _office_names(session, {r["peer"] for r in rows})
    reports = {
        (log.sender_office_id, log.sequence, log.imported_at): log.report or {}
        for log in session.scalars(select(ImportLog).order_by(ImportLog.imported_at.desc()).limit(limit))
    }
    out = []
    for r in rows:
        changes: dict[str, int] = {}
        if r["direction"] == "imported":
            tables = reports.get((r["peer"], r["sequence"], r["at"]), {}).get("tables", {})
            for what in ("add", "update", "unchanged"):
                changes[what] = sum(t.get(what, 0) for t in tables.values())
        acked = r.get("acknowledged_at")
        out.append(
            ExchangeRow(
                direction=r["direction"],
                peer=r["peer"],
                peer_name=names.get(r["peer"], r["peer"]),
                kind=r["kind"],
                sequence=r["sequence"],
                at=r["at"],
                by=r["by"],
                record_counts=dict(r["records"] or {}),
                acknowledged_at=acked,
                kept=r.get("file") if r["direction"] == "sent" and acked is None else None,
                changes=changes,
            )
        )
    return out


@dataclass(frozen=True)
class OutboundRow:
    """Per peer: the last bundle sent, the last it acknowledged, and the ones kept until it does."""

    peer: str
    peer_name: str
    sent: int
    acknowledged: int
    waiting: list[int]


def outbound_rows(session: Session) -> list[OutboundRow]:
    state = outbound_state(session)
    names = _office_names(session, {o["peer"] for o in state})
    out = []
    for o in state:
        waiting = list(
            session.scalars(
                select(SentBundle.sequence)
                .where(SentBundle.peer_office_id == o["peer"], SentBundle.acked_at.is_(None))
                .order_by(SentBundle.sequence)
            )
        )
        out.append(
            OutboundRow(o["peer"], names.get(o["peer"], o["peer"]), o["sent"], o["acknowledged"], waiting)
        )
    return out

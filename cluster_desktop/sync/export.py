"""Collecting what a bundle carries and writing it: records as JSONL, attachments by hash, signed, sealed.

A province sends every dossier that is at the centre's side (sent or later) and changed since the
last bundle the centre acknowledged, as a whole: cluster profile, dossier, plan, attachments,
evaluations and history, with its working group, members and the meetings the history cites.
The centre sends a province its own decisions on that province's dossiers (transitions with the
meetings they cite, databank entries, licenses), its plan requests to that province (F3: clusters of
the centre's initial list whose plan the province is asked to complete), the province's TPO liaison
(F2-1) and the criteria sets. Each side also sends its secretariat's details when they changed.
Phases 2 and 3 (development programmes with their packages and reports) travel both ways as
``export_programmes`` says.

Bundles are cumulative: each carries every change after a cutoff (the last export whose every part
was acknowledged), and says so in ``records/sync_coverage.jsonl`` (``covers_after``: the last
sequence the cutoff corresponds to). The importer accepts a gap in the sequence only when the
bundle covers it. An export too large for one bundle (200 MB, 10,000 files) is split into parts by
dossier; part k covers only after part k-1.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from cluster_desktop.domain.workflow import CENTRAL_STATES, DossierState
from cluster_desktop.store.audit_chain import ChainPoint

from . import limits
from .container import MANIFEST_NAME, SIGNATURE_NAME, seal_bundle, write_zip
from .export_programmes import central_programmes, province_programmes
from .keys import OfficeKeys
from .manifest import BundleKind, FileEntry, Manifest, Party, manifest_hash, sign_manifest
from .records import BY_NAME, SPECS, to_json
from .strictjson import dumps_canonical

COVERAGE = "sync_coverage"  # records/sync_coverage.jsonl: what the bundle covers, not a table
PART_ATTACHMENT_BYTES = 150 * limits.MB  # leaves room for records under the 200 MB bundle cap
PART_ENTRIES = limits.MAX_ENTRIES - 100
_CHUNK = 500  # ids per IN (...) query
Progress = Callable[[float, str], None]

# Which dossiers a province sends: those on the centre's side of the workflow.
SENT_STATES: frozenset[str] = frozenset({DossierState.SENT_TO_CENTER.value, *CENTRAL_STATES})


def _noop(_f: float, _m: str) -> None:
    return None


def _tab(name: str) -> Table:
    return BY_NAME[name].table


def _chunks(ids: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def _rows(session: Session, table: str, column: str, ids: Iterable[Any], *extra: Any) -> list[dict[str, Any]]:
    """Rows of ``table`` whose ``column`` is one of ``ids`` (and ``extra`` conditions), as mappings."""
    t = _tab(table)
    wanted = sorted({i for i in ids if i is not None})
    out: list[dict[str, Any]] = []
    for chunk in _chunks(wanted):
        out.extend(dict(r._mapping) for r in session.execute(select(t).where(t.c[column].in_(chunk), *extra)))
    return out


def _ids_changed(session: Session, table: str, key: str, cutoff: datetime | None, *extra: Any) -> set[Any]:
    t = _tab(table)
    q = select(t.c[key]).where(*extra)
    if cutoff is not None:
        q = q.where(t.c.updated_at > cutoff)
    return {r[0] for r in session.execute(q)}


@dataclass
class Collected:
    """Records by table, and per dossier the attachment hashes it needs (for splitting into parts)."""

    shared: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # sent in every part
    by_dossier: dict[str, dict[str, list[dict[str, Any]]]] = field(default_factory=dict)
    attachments: dict[str, set[str]] = field(default_factory=dict)  # dossier id -> sha256s

    def dossier_count(self) -> int:
        return len(self.by_dossier)


def _changed_dossiers(session: Session, office_id: str, cutoff: datetime) -> set[str]:
    """Dossiers of ``office_id`` with any record of their aggregate changed after ``cutoff``."""
    mine = _tab("dossiers").c.owner_office_id == office_id
    changed = _ids_changed(session, "dossiers", "id", cutoff, mine)
    clusters = _ids_changed(session, "clusters", "id", cutoff)
    for child in ("cluster_products", "cluster_markets", "cluster_firms", "cluster_yearly"):
        clusters |= _ids_changed(session, child, "cluster_id", cutoff)
    d = _tab("dossiers")
    for chunk in _chunks(sorted(clusters)):
        changed |= {r[0] for r in session.execute(select(d.c.id).where(d.c.cluster_id.in_(chunk), mine))}
    plans = _ids_changed(session, "feasibility_plans", "id", cutoff)
    plans |= _ids_changed(session, "plan_targets", "plan_id", cutoff)
    changed |= {r["dossier_id"] for r in _rows(session, "feasibility_plans", "id", plans)}
    changed |= _ids_changed(session, "attachments", "dossier_id", cutoff)
    own_eval = _tab("evaluations").c.owner_office_id == office_id
    evaluations = _ids_changed(session, "evaluations", "id", cutoff, own_eval)
    evaluations |= _ids_changed(session, "evaluation_scores", "evaluation_id", cutoff)
    changed |= {r["dossier_id"] for r in _rows(session, "evaluations", "id", evaluations, own_eval)}
    changed |= _ids_changed(
        session, "transitions", "dossier_id", cutoff, _tab("transitions").c.owner_office_id == office_id
    )
    return changed


def _group_records(
    session: Session, office_id: str, meeting_ids: set[str], changed_after: datetime | None, *, changed: bool
) -> dict[str, list[dict[str, Any]]]:
    """The office's working group, all its members, the meetings named and (if ``changed``) every
    meeting of the group changed after the cutoff."""
    g = _tab("working_groups")
    groups = [dict(r._mapping) for r in session.execute(select(g).where(g.c.owner_office_id == office_id))]
    group_ids = [r["id"] for r in groups]
    mt = _tab("meetings")
    if changed:
        meeting_ids = set(meeting_ids) | _ids_changed(
            session, "meetings", "id", changed_after, mt.c.group_id.in_(group_ids)
        )
    meetings = _rows(session, "meetings", "id", meeting_ids, mt.c.owner_office_id == office_id)
    ids = [r["id"] for r in meetings]
    return {
        "working_groups": groups,
        "wg_members": _rows(session, "wg_members", "group_id", group_ids),
        "meetings": meetings,
        "meeting_attendees": _rows(session, "meeting_attendees", "meeting_id", ids),
        "meeting_resolutions": _rows(session, "meeting_resolutions", "meeting_id", ids),
    }


def _own_details(session: Session, office_id: str, cutoff: datetime | None) -> list[dict[str, Any]]:
    """The office's secretariat details when they changed after ``cutoff`` (bundles are cumulative, so
    a change keeps travelling until a bundle that carried it is acknowledged)."""
    t = _tab("office_details")
    q = select(t).where(t.c.owner_office_id == office_id)
    if cutoff is not None:
        q = q.where(t.c.updated_at > cutoff)
    return [dict(r._mapping) for r in session.execute(q)]


def collect_province(session: Session, office_id: str, cutoff: datetime | None) -> Collected:
    """A province's submission: every sent dossier changed after ``cutoff`` (all when None)."""
    d = _tab("dossiers")
    sent = {
        r[0]
        for r in session.execute(
            select(d.c.id).where(d.c.owner_office_id == office_id, d.c.state.in_(sorted(SENT_STATES)))
        )
    }
    ids = sorted(sent if cutoff is None else sent & _changed_dossiers(session, office_id, cutoff))
    out = Collected()
    dossiers = _rows(session, "dossiers", "id", ids)
    clusters = {r["id"]: r for r in _rows(session, "clusters", "id", [r["cluster_id"] for r in dossiers])}
    cluster_children = {
        t: _rows(session, t, "cluster_id", clusters)
        for t in ("cluster_products", "cluster_markets", "cluster_firms", "cluster_yearly")
    }
    plans = _rows(session, "feasibility_plans", "dossier_id", ids)
    targets = _rows(session, "plan_targets", "plan_id", [p["id"] for p in plans])
    attachments = _rows(session, "attachments", "dossier_id", ids)
    ev = _tab("evaluations")
    evaluations = _rows(session, "evaluations", "dossier_id", ids, ev.c.owner_office_id == office_id)
    scores = _rows(session, "evaluation_scores", "evaluation_id", [e["id"] for e in evaluations])
    tr = _tab("transitions")
    transitions = _rows(session, "transitions", "dossier_id", ids, tr.c.owner_office_id == office_id)

    def by(rows: list[dict[str, Any]], key: str) -> dict[Any, list[dict[str, Any]]]:
        grouped: dict[Any, list[dict[str, Any]]] = {}
        for r in rows:
            grouped.setdefault(r[key], []).append(r)
        return grouped

    plan_of = {p["dossier_id"]: p for p in plans}
    targets_of, atts_of, evals_of = (
        by(targets, "plan_id"),
        by(attachments, "dossier_id"),
        by(evaluations, "dossier_id"),
    )
    scores_of, trans_of = by(scores, "evaluation_id"), by(transitions, "dossier_id")
    children_of = {t: by(rows, "cluster_id") for t, rows in cluster_children.items()}
    for dossier in dossiers:
        did, cid = dossier["id"], dossier["cluster_id"]
        plan = plan_of.get(did)
        evs = evals_of.get(did, [])
        rec: dict[str, list[dict[str, Any]]] = {
            "clusters": [clusters[cid]],
            **{t: children_of[t].get(cid, []) for t in children_of},
            "dossiers": [dossier],
            "feasibility_plans": [plan] if plan else [],
            "plan_targets": targets_of.get(plan["id"], []) if plan else [],
            "attachments": atts_of.get(did, []),
            "evaluations": evs,
            "evaluation_scores": [s for e in evs for s in scores_of.get(e["id"], [])],
            "transitions": trans_of.get(did, []),
        }
        out.by_dossier[did] = rec
        out.attachments[did] = {a["sha256"] for a in rec["attachments"]}
    programmes, programme_meetings = province_programmes(session, office_id, cutoff)
    meeting_ids = {t["meeting_id"] for t in transitions if t["meeting_id"]} | programme_meetings
    out.shared = _group_records(session, office_id, meeting_ids, cutoff, changed=True)
    out.shared.update(programmes)
    out.shared["office_details"] = _own_details(session, office_id, cutoff)
    # The whole list, not what changed: the centre then also drops the events deleted here.
    ev_t = _tab("training_events")
    out.shared["training_events"] = [
        dict(r._mapping) for r in session.execute(select(ev_t).where(ev_t.c.owner_office_id == office_id))
    ]
    return out


def collect_central(session: Session, office_id: str, province: str, cutoff: datetime | None) -> Collected:
    """The centre's decisions for one province, changed after ``cutoff`` (all when None)."""
    d = _tab("dossiers")
    theirs = [
        r[0]
        for r in session.execute(
            select(d.c.id).where(d.c.owner_office_id == province, d.c.province_code == province)
        )
    ]
    out = Collected()
    rows: dict[str, list[dict[str, Any]]] = {}
    for table in ("transitions", "databank_entries", "licenses"):
        t = _tab(table)
        cond = [t.c.owner_office_id == office_id]
        if cutoff is not None:
            cond.append(t.c.updated_at > cutoff)
        rows[table] = _rows(session, table, "dossier_id", theirs, *cond)
    addressed = _tab("plan_requests").c.province_code == province  # a request goes to its province only
    liaison = _tab("province_liaisons").c.province_code == province  # F2-1: each its own liaison
    # Criteria revisions and instructions are the same for every province (F5, F15).
    centre_records: list[tuple[str, Any]] = [
        ("criteria_sets", None),
        ("criteria", None),
        ("instructions", None),
        ("plan_requests", addressed),
        ("province_liaisons", liaison),
        ("office_details", None),  # the centre's own secretariat: its head signs the licences
    ]
    for table, only in centre_records:
        t = _tab(table)
        q = select(t).where(t.c.owner_office_id == office_id)
        if only is not None:
            q = q.where(only)
        if cutoff is not None:
            q = q.where(t.c.updated_at > cutoff)
        rows[table] = [dict(r._mapping) for r in session.execute(q)]
    programmes, programme_meetings = central_programmes(session, office_id, province, cutoff)
    meeting_ids = {t["meeting_id"] for t in rows["transitions"] if t["meeting_id"]} | programme_meetings
    # Only the meetings these decisions cite: the central group's minutes also concern other provinces.
    out.shared = {**_group_records(session, office_id, meeting_ids, cutoff, changed=False), **rows}
    out.shared["transitions"] = rows["transitions"] + programmes.pop("transitions")
    out.shared.update(programmes)
    touched = {
        r["dossier_id"] for table in ("transitions", "databank_entries", "licenses") for r in rows[table]
    }
    out.by_dossier = {did: {} for did in sorted(touched)}
    return out


# --- writing parts ---------------------------------------------------------------------------


@dataclass
class PartPlan:
    dossier_ids: list[str]
    attachments: set[str]


def plan_parts(collected: Collected, blob_size: Callable[[str], int]) -> list[PartPlan]:
    """Split dossiers into parts that each stay under the attachment and entry budgets."""
    parts = [PartPlan([], set())]
    used = 0
    for did in collected.by_dossier:
        new = collected.attachments.get(did, set()) - parts[-1].attachments
        extra = sum(blob_size(h) for h in new)
        current = parts[-1]
        if current.dossier_ids and (
            used + extra > PART_ATTACHMENT_BYTES or len(current.attachments) + len(new) > PART_ENTRIES
        ):
            current = PartPlan([], set())
            parts.append(current)
            used = 0
            new = set(collected.attachments.get(did, set()))
            extra = sum(blob_size(h) for h in new)
        current.dossier_ids.append(did)
        current.attachments |= new
        used += extra
    return parts


def _jsonl(records: list[dict[str, Any]]) -> bytes:
    return b"".join(dumps_canonical(r) + b"\n" for r in records)


def records_of_part(collected: Collected, part: PartPlan) -> dict[str, list[dict[str, Any]]]:
    """Every record of one part, as it travels, by table (tables without records left out)."""
    tables: dict[str, list[dict[str, Any]]] = {}
    seen: dict[str, set[str]] = {}

    def add(table: str, rows: list[dict[str, Any]]) -> None:
        spec = BY_NAME[table]
        ids = seen.setdefault(table, set())
        for r in rows:
            if r["id"] not in ids:  # a cluster shared by two dossiers travels once
                ids.add(r["id"])
                tables.setdefault(table, []).append(to_json(spec, r))

    for table, rows in collected.shared.items():
        add(table, rows)
    if "training_events" in collected.shared:
        tables.setdefault("training_events", [])  # an empty list too: the last event deleted here
    for did in part.dossier_ids:
        for table, rows in collected.by_dossier[did].items():
            add(table, rows)
    order = {s.name: i for i, s in enumerate(SPECS)}
    return {t: sorted(tables[t], key=lambda r: r["id"]) for t in sorted(tables, key=order.__getitem__)}


@dataclass(frozen=True)
class Channel:
    """Both ends of a bundle and where the sender's chain stands."""

    kind: BundleKind
    sender: Party
    recipient: Party
    recipient_age: str
    ack_sequence: int
    schema_revision: str
    app_version: str
    audit_head: ChainPoint | None = None  # the sender's audit chain, see Manifest
    audit_anchor: ChainPoint | None = None


@dataclass
class WrittenPart:
    sequence: int
    manifest: Manifest
    manifest_hash: str
    pending: Path  # the sealed file under a hidden name, renamed once the database commits
    record_counts: dict[str, int]
    dossier_ids: list[str]


def write_part(
    channel: Channel,
    keys: OfficeKeys,
    *,
    sequence: int,
    previous_hash: str | None,
    covers_after: int,
    part: int,
    parts: int,
    records: dict[str, list[dict[str, Any]]],
    blobs: dict[str, Path],
    created_at: datetime,
    pending: Path,
    dossier_ids: list[str],
) -> WrittenPart:
    """Write one bundle: records, attachments, manifest and signature, zipped, then sealed."""
    files: dict[str, bytes | Path] = {
        f"records/{table}.jsonl": _jsonl(rows) for table, rows in records.items()
    }
    files[f"records/{COVERAGE}.jsonl"] = _jsonl(
        [{"covers_after": covers_after, "part": part, "parts": parts}]
    )
    entries = []
    for name, data in files.items():
        assert isinstance(data, bytes)
        entries.append(FileEntry(name, len(data), hashlib.sha256(data).hexdigest()))
    for digest, path in blobs.items():
        name = f"attachments/{digest}"
        files[name] = path
        entries.append(FileEntry(name, path.stat().st_size, digest))
    counts = {table: len(rows) for table, rows in records.items()}
    manifest = Manifest.new(
        kind=channel.kind,
        sender=channel.sender,
        recipient=channel.recipient,
        sequence=sequence,
        previous_hash=previous_hash,
        ack_sequence=channel.ack_sequence,
        created_at=created_at.replace(microsecond=0),
        schema_revision=channel.schema_revision,
        app_version=channel.app_version,
        files=entries,
        record_counts=counts,
        audit_head=channel.audit_head,
        audit_anchor=channel.audit_anchor,
    )
    body = manifest.to_bytes()
    files[MANIFEST_NAME] = body
    files[SIGNATURE_NAME] = sign_manifest(body, keys.signing_key)
    fd, zip_name = tempfile.mkstemp(prefix=".zip-", suffix=".tmp", dir=pending.parent)
    try:
        with os.fdopen(fd, "wb") as zf:
            write_zip(zf, files.items())
        seal_bundle(zip_name, channel.recipient_age, pending)
    finally:
        Path(zip_name).unlink(missing_ok=True)
    return WrittenPart(sequence, manifest, manifest_hash(body), pending, counts, dossier_ids)


def hash_blob(path: Path) -> str:
    """SHA-256 of a stored attachment, so a damaged local copy is caught here, not at the centre."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(io.DEFAULT_BUFFER_SIZE * 64):
            h.update(chunk)
    return h.hexdigest()

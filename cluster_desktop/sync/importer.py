"""Reading a bundle with every check of DESIGN.md, in its order, and applying it in one transaction.

decrypt → open with limits → signature by an enrolled, unrevoked key → addressed to this office →
sequence (not imported, not older, no uncovered gap, no absurd jump, chain intact) → every listed
file present, nothing unlisted, sizes and hashes match → records valid → the sender owns every record
it writes → applied with the import-log row in the same transaction. ``read_bundle`` does everything
up to the records and never writes; ``apply_bundle`` writes.

Plan requests (F3) are the one place where an import creates records of its own: a province opens its
own cluster and dossier for a request the centre sent it, and the centre, when that dossier arrives,
folds its initial-list entry into it (its history moves over, the entry goes), so the cluster is listed
once. Both happen in the import's transaction.
"""

from __future__ import annotations

import contextlib
import hashlib
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Table, bindparam, delete, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from cluster_desktop.domain.numbers import to_persian_digits as fa
from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.domain.text import normalize_for_search, search_index
from cluster_desktop.domain.workflow import ROUND_OPENERS, DossierState, ProgrammeState
from cluster_desktop.store.blobs import BlobStore, as_blobs
from cluster_desktop.store.models import (
    ImportLog,
    Outbound,
    PlanDraft,
    Programme,
    SentBundle,
    SupportPackage,
    TrustedKey,
    new_uuid,
    utcnow,
)

from . import limits, programme_checks
from .container import MANIFEST_NAME, RECORDS_NAME, SIGNATURE_NAME, SafeZipReader, open_bundle
from .export import COVERAGE
from .keys import OfficeKeys, public_key_from_b64
from .limits import BundleError
from .manifest import BundleKind, Manifest, manifest_hash, verify_signature
from .records import (
    BY_NAME,
    ORDER,
    REFERENCE_KEYS,
    SPECS,
    TableSpec,
    foreign_owner,
    not_allowed,
    parse_record,
    record_error,
)
from .strictjson import Fields, loads_strict

MAX_JUMP = 1000  # a sequence this far past the last one is not a lost bundle but a fault or an attack
_CHUNK = 500
Progress = Callable[[float, str], None]


def refuse(reason: str, fa: str, en: str, detail: str | None = None) -> BundleError:
    return BundleError(reason, detail, fa=fa, en=en)


@dataclass
class ChainState:
    """Where the sender's chain stands here: the last bundle imported from it under its current key."""

    last_sequence: int
    last_hash: str | None


@dataclass
class ReadBundle:
    """A bundle that passed every check that needs no write; ``records`` are validated values."""

    manifest: Manifest
    sender_key: TrustedKey
    chain: ChainState
    covers_after: int
    part: int
    parts: int
    records: dict[str, list[dict[str, Any]]]
    attachments: dict[str, Path]  # sha256 -> verified temporary copy
    existing: dict[str, dict[str, tuple[str, int]]] = field(
        default_factory=dict
    )  # table -> id -> (owner, version)

    @property
    def gap(self) -> tuple[int, int] | None:
        """The sequences never imported that this bundle covers (first, last), if any."""
        if self.manifest.sequence > self.chain.last_sequence + 1:
            return self.chain.last_sequence + 1, self.manifest.sequence - 1
        return None


def _progress(progress: Progress | None, fraction: float, message: str) -> None:
    if progress is not None:
        progress(fraction, message)


def chain_state(session: Session, sender_id: str, key: TrustedKey) -> ChainState:
    """The last bundle imported from ``sender_id`` since its current key was enrolled (a re-installed
    office starts a new chain at 1)."""
    last = session.scalar(
        select(ImportLog)
        .where(ImportLog.sender_office_id == sender_id, ImportLog.imported_at >= key.enrolled_at)
        .order_by(ImportLog.sequence.desc())
        .limit(1)
    )
    return ChainState(0, None) if last is None else ChainState(last.sequence, last.manifest_hash)


def _check_sender(
    session: Session, manifest: Manifest, manifest_bytes: bytes, signature: bytes
) -> TrustedKey:
    key = session.get(TrustedKey, manifest.sender.fingerprint)
    if key is None or key.office_id != manifest.sender.office_id:
        raise refuse(
            "unenrolled",
            "این بسته با کلیدی امضا شده که در فهرست کلیدهای مورد اعتماد نیست.",
            "This bundle is signed by a key that is not enrolled.",
            manifest.sender.office_id,
        )
    if key.revoked_at is not None:
        raise refuse(
            "revoked",
            "کلید فرستندهٔ این بسته باطل شده است؛ بسته پذیرفته نمی‌شود.",
            "The sender's key has been revoked; the bundle is refused.",
            manifest.sender.office_id,
        )
    verify_signature(manifest_bytes, signature, public_key_from_b64(key.signing_public_key))
    expected = (
        BundleKind.PROVINCE_SUBMISSION if manifest.sender.office_id != "TPO" else BundleKind.CENTRAL_DECISION
    )
    if manifest.kind is not expected:
        raise refuse(
            "wrong_kind",
            "نوع بسته با فرستندهٔ آن نمی‌خواند.",
            "The bundle's kind does not match its sender.",
            str(manifest.kind),
        )
    return key


def _check_recipient(manifest: Manifest, local_id: str, local_fingerprint: str) -> None:
    if manifest.recipient.office_id != local_id or manifest.recipient.fingerprint != local_fingerprint:
        raise refuse(
            "wrong_recipient",
            f"این بسته برای دفتر دیگری ({manifest.recipient.office_id}) فرستاده شده است.",
            f"This bundle is addressed to another office ({manifest.recipient.office_id}).",
        )


def _check_sequence(session: Session, manifest: Manifest, chain: ChainState, bundle_hash: str) -> None:
    seq, last = manifest.sequence, chain.last_sequence
    if session.get(ImportLog, manifest.bundle_id) is not None or (
        seq == last and bundle_hash == chain.last_hash
    ):
        raise refuse(
            "already_imported",
            f"این بسته (شمارهٔ {fa(seq)}) قبلاً وارد شده است؛ چیزی تغییر نکرد.",
            f"This bundle (number {seq}) was already imported; nothing changed.",
        )
    if seq <= last:
        raise refuse(
            "older",
            f"این بسته (شمارهٔ {fa(seq)}) قدیمی‌تر از آخرین بستهٔ واردشده (شمارهٔ {fa(last)}) است؛ چیزی تغییر نکرد.",
            f"This bundle (number {seq}) is older than the last one imported (number {last}); nothing changed.",
        )
    if seq > last + MAX_JUMP:
        raise refuse(
            "jump",
            f"شمارهٔ این بسته ({fa(seq)}) به‌طور غیرعادی از آخرین بستهٔ واردشده ({fa(last)}) جلوتر است.",
            f"This bundle's number ({seq}) jumps absurdly far past the last one imported ({last}).",
        )
    if seq == last + 1 and manifest.previous_hash != chain.last_hash:
        raise refuse(
            "chain",
            "این بسته به آخرین بستهٔ واردشده از همین فرستنده زنجیر نشده است.",
            "This bundle does not chain to the last bundle imported from its sender.",
        )


def _check_ack(session: Session, manifest: Manifest) -> None:
    out = session.get(Outbound, manifest.sender.office_id)
    sent = out.last_sequence if out else 0
    if manifest.ack_sequence > sent:
        raise refuse(
            "bad_ack",
            f"این بسته دریافت بستهٔ شمارهٔ {fa(manifest.ack_sequence)} را تأیید می‌کند که هرگز فرستاده نشده است.",
            f"This bundle acknowledges bundle {manifest.ack_sequence}, which was never sent.",
        )


def _check_files(reader: SafeZipReader, manifest: Manifest) -> None:
    listed = {f.path for f in manifest.files}
    present = set(reader.names()) - {MANIFEST_NAME, SIGNATURE_NAME}
    if missing := sorted(listed - present):
        raise BundleError("missing_file", missing[0])
    if extra := sorted(present - listed):
        raise refuse(
            "unlisted_file",
            "بسته فایلی دارد که در فهرست محتوای آن نیامده است.",
            "The bundle holds a file its manifest does not list.",
            extra[0],
        )


def _hash_mismatch(path: str) -> BundleError:
    return refuse(
        "hash_mismatch",
        "محتوای یکی از فایل‌های بسته با اثر انگشت ثبت‌شده در فهرست نمی‌خواند.",
        "A file in the bundle does not match the hash its manifest lists.",
        path,
    )


def _parse_lines(data: bytes, table: str) -> list[Any]:
    if not data:
        return []  # a list that is now empty (a province's events, all deleted)
    if not data.endswith(b"\n"):
        raise record_error(table, "the file must end with a newline")
    out = []
    for i, line in enumerate(data[:-1].split(b"\n")):
        if not line or len(line) > limits.MAX_RECORD_LINE_BYTES:
            raise record_error(table, f"line {i + 1}: empty or too long")
        out.append(loads_strict(line))
    return out


def _coverage(lines: list[Any], manifest: Manifest) -> tuple[int, int, int]:
    if len(lines) != 1:
        raise record_error(COVERAGE, "expected one line")
    f = Fields(lines[0], COVERAGE, lambda d: record_error(COVERAGE, d))
    covers, part, parts = (
        f.integer("covers_after"),
        f.integer("part", minimum=1),
        f.integer("parts", minimum=1),
    )
    f.done()
    if part > parts or covers >= manifest.sequence:
        raise record_error(COVERAGE, "inconsistent")
    return covers, part, parts


def _check_links(session: Session, bundle: ReadBundle, sender_id: str, sender_kind: str) -> None:
    """Every foreign key points at a record in the bundle or here; owned links at the sender's.

    A transition's dossier or programme is an owned link for a province: the centre decides on the
    provinces' dossiers and programmes, but a province takes steps only on its own."""
    in_bundle = {t: {r["id"] for r in rows} for t, rows in bundle.records.items()}
    wanted: dict[str, set[str]] = {}
    for table, rows in bundle.records.items():
        for link in BY_NAME[table].links:
            for r in rows:
                target = r[link.column]
                if target is not None and target not in in_bundle.get(link.table, ()):
                    wanted.setdefault(link.table, set()).add(target)
    found: dict[str, dict[str, str | None]] = {}
    for table, ids in wanted.items():
        if table in REFERENCE_KEYS:
            col = REFERENCE_KEYS[table]
            found[table] = {
                r[0]: None
                for chunk in _chunks(sorted(ids))
                for r in session.execute(select(col).where(col.in_(chunk)))
            }
            continue
        t = BY_NAME[table].table
        found[table] = {
            r[0]: r[1]
            for chunk in _chunks(sorted(ids))
            for r in session.execute(select(t.c.id, t.c.owner_office_id).where(t.c.id.in_(chunk)))
        }
    for table, rows in bundle.records.items():
        for link in BY_NAME[table].links:
            for r in rows:
                target = r[link.column]
                if target is None or target in in_bundle.get(link.table, ()):
                    continue
                if target not in found.get(link.table, {}):
                    raise record_error(
                        table,
                        f"{link.column} → {link.table} {str(target)[:36]} is neither here nor in the bundle",
                        fa="رکوردی در بسته به رکوردی اشاره می‌کند که نه در این دفتر هست و نه در بسته.",
                        en="A record in the bundle points at a record that is neither here nor in the bundle.",
                    )
                if link.owned_by(sender_kind) and found[link.table][target] != sender_id:
                    raise foreign_owner(
                        table, f"{link.column} → {link.table} {target} belongs to another office"
                    )


def _check_events(bundle: ReadBundle, sender_id: str) -> None:
    """A province reports its own events: each names its own province."""
    for r in bundle.records.get("training_events", []):
        if r["province_code"] != sender_id:
            raise not_allowed("training_events", f"{r['id']} names {str(r['province_code'])[:8]}")


def _check_liaisons(bundle: ReadBundle, local_id: str) -> None:
    """The centre tells a province only its own TPO liaison (F2-1)."""
    for r in bundle.records.get("province_liaisons", []):
        if r["province_code"] != local_id:
            raise not_allowed("province_liaisons", f"{r['id']} is for {str(r['province_code'])[:8]}")


def _check_requests(session: Session, bundle: ReadBundle, sender_id: str, local_id: str) -> None:
    """A plan request is for the province it names, and only that province's dossier may answer it."""
    for r in bundle.records.get("plan_requests", []):
        if r["province_code"] != local_id:
            raise not_allowed("plan_requests", f"{r['id']} is addressed to {str(r['province_code'])[:8]}")
    answers = {
        r["id"]: r["plan_request_id"] for r in bundle.records.get("dossiers", []) if r["plan_request_id"]
    }
    if not answers:
        return
    t = BY_NAME["plan_requests"].table
    found = {
        row[0]: (row[1], row[2])
        for chunk in _chunks(sorted(set(answers.values())))
        for row in session.execute(
            select(t.c.id, t.c.owner_office_id, t.c.province_code).where(t.c.id.in_(chunk))
        )
    }
    for dossier_id, request_id in answers.items():
        if found.get(request_id) != (local_id, sender_id):
            raise foreign_owner("dossiers", f"{dossier_id} answers a request not made to {sender_id}")


def _check_rounds(session: Session, bundle: ReadBundle) -> None:
    """An evaluation sheet belongs to a round its dossier's history opened: at least that many steps
    opening an evaluation at its level (``ROUND_OPENERS``), recorded here or arriving in the bundle."""
    claimed: dict[tuple[str, str], int] = {}
    for r in bundle.records.get("evaluations", []):
        key = (r["dossier_id"], r["level"])
        claimed[key] = max(claimed.get(key, 1), r["round_number"])
    later = {key: n for key, n in claimed.items() if n > 1}
    if not later:
        return
    t = BY_NAME["transitions"].table
    openings: dict[tuple[str, str], set[str]] = {key: set() for key in later}
    for (dossier_id, level), ids in openings.items():
        ids.update(
            r["id"]
            for r in bundle.records.get("transitions", [])
            if r["dossier_id"] == dossier_id and r["action"] in ROUND_OPENERS[level]
        )
        ids.update(
            session.scalars(
                select(t.c.id).where(
                    t.c.dossier_id == dossier_id, t.c.action.in_(sorted(ROUND_OPENERS[level]))
                )
            )
        )
    for (dossier_id, level), n in sorted(later.items()):
        if n > len(openings[(dossier_id, level)]):
            raise record_error(
                "evaluations",
                f"{dossier_id}: round {n} at {level} was never opened",
                fa=f"بسته برگهٔ ارزیابی دور {fa(n)} پرونده‌ای را دارد که ارزیابی آن این‌همه بار گشوده نشده است.",
                en=f"The bundle holds an evaluation sheet of round {n} of a dossier whose evaluation was "
                "never opened that many times.",
            )


def _chunks(ids: list[Any]) -> Iterator[list[Any]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def _existing(session: Session, spec: TableSpec, ids: list[str]) -> dict[str, tuple[str, int]]:
    t = spec.table
    return {
        r[0]: (r[1], r[2])
        for chunk in _chunks(ids)
        for r in session.execute(select(t.c.id, t.c.owner_office_id, t.c.version).where(t.c.id.in_(chunk)))
    }


@contextlib.contextmanager
def opened(path: Path, keys: OfficeKeys) -> Iterator[SafeZipReader]:
    """The decrypted bundle under the container's limits (refusals are ``BundleError``)."""
    try:
        plain = open_bundle(path, keys.age_identity)
    except BundleError:
        raise
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        raise refuse(
            "unreadable", f"فایل «{path}» خوانده نشد.", f"The file '{path}' cannot be read."
        ) from None
    except OSError:  # pyrage reports a damaged payload (after a valid header) as OSError
        raise BundleError("decrypt") from None
    with plain, SafeZipReader(plain) as reader:
        yield reader


def _check_schema(session: Session, manifest: Manifest) -> None:
    """Both offices must run the same schema: records carry exactly the columns of their revision, so
    a bundle from an older or newer program would otherwise fail deep inside, on a field name."""
    ours = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if ours is not None and manifest.schema_revision != ours:
        raise BundleError("schema_revision", f"{manifest.schema_revision[:64]} ≠ {ours}")


def lock_sender(session: Session, sender_id: str) -> None:
    """One import per sender at a time, across every PC on the database: the second waits here, then
    finds the first one's import log and says "already imported" (or takes the next bundle in order).
    PostgreSQL: a transaction advisory lock keyed by the sender; SQLite: the import's transaction is
    BEGIN IMMEDIATE already (services/sync.py), which serialises imports on that file."""
    if session.get_bind().dialect.name == "postgresql":
        key = zlib.crc32(sender_id.encode("utf-8")) - 2**31
        session.execute(
            text("SELECT pg_advisory_xact_lock(:cls, :key)"), {"cls": IMPORT_LOCK_CLASS, "key": key}
        )


IMPORT_LOCK_CLASS = 0x43447349  # "CDsI"


def read_bundle(
    session: Session,
    path: Path,
    keys: OfficeKeys,
    local_id: str,
    local_kind: OfficeKind,
    workdir: Path,
    blobs: BlobStore | Path,
    progress: Progress | None = None,
) -> ReadBundle:
    """Every check up to ownership; attachments are copied, verified, into ``workdir``."""
    store = as_blobs(blobs)
    _progress(progress, 0.0, "decrypt")
    with opened(path, keys) as reader:
        manifest_bytes = reader.read(MANIFEST_NAME, limits.MAX_MANIFEST_BYTES)
        signature = reader.read(SIGNATURE_NAME, limits.SIGNATURE_BYTES)
        manifest = Manifest.parse(manifest_bytes)
        lock_sender(session, manifest.sender.office_id)
        key = _check_sender(session, manifest, manifest_bytes, signature)
        _check_recipient(manifest, local_id, keys.fingerprint)
        _check_schema(session, manifest)
        chain = chain_state(session, manifest.sender.office_id, key)
        _check_sequence(session, manifest, chain, manifest_hash(manifest_bytes))
        _check_ack(session, manifest)
        _check_files(reader, manifest)
        sender_kind = (
            OfficeKind.PROVINCE.value if manifest.kind is BundleKind.PROVINCE_SUBMISSION else "central"
        )
        attachments: dict[str, Path] = {}
        raw: dict[str, bytes] = {}
        total = max(1, sum(f.size for f in manifest.files))
        done = 0
        for entry in manifest.files:  # every byte hashed before any record is read
            _progress(progress, 0.05 + 0.6 * done / total, entry.path)
            done += entry.size
            if reader.info(entry.path).file_size != entry.size:
                raise _hash_mismatch(entry.path)
            if entry.path.startswith("attachments/"):
                target = workdir / entry.sha256
                with open(target, "wb") as out:
                    digest, _size = reader.copy_to(entry.path, out)
                attachments[entry.sha256] = target
            else:
                data = reader.read(entry.path, entry.size)
                digest = hashlib.sha256(data).hexdigest()
                raw[RECORDS_NAME.fullmatch(entry.path).group(1)] = data  # type: ignore[union-attr]
            if digest != entry.sha256:
                raise _hash_mismatch(entry.path)
    records: dict[str, list[dict[str, Any]]] = {}
    coverage: tuple[int, int, int] | None = None
    for table, data in raw.items():
        lines = _parse_lines(data, table)
        if table == COVERAGE:
            coverage = _coverage(lines, manifest)
            continue
        spec = BY_NAME.get(table)
        if spec is None:
            raise refuse(
                "not_allowed",
                "بسته رکوردهای جدولی دارد که با بسته منتقل نمی‌شود.",
                "The bundle holds records of a table that does not travel.",
                table,
            )
        if manifest.record_counts.get(table) != len(lines):
            raise record_error(table, "the count differs from the manifest")
        rows = [parse_record(spec, obj, manifest.sender.office_id, sender_kind) for obj in lines]
        if len({r["id"] for r in rows}) != len(rows):
            raise record_error(table, "the same id twice")
        records[table] = rows
    if coverage is None:
        raise BundleError("missing_file", f"records/{COVERAGE}.jsonl")
    if set(manifest.record_counts) != set(records):
        raise refuse("bad_manifest", "فهرست شمار رکوردها نادرست است.", "The record counts are wrong.")
    bundle = ReadBundle(manifest, key, chain, *coverage, records=records, attachments=attachments)
    if bundle.gap is not None and bundle.covers_after > chain.last_sequence:
        first, last = bundle.gap
        raise refuse(
            "gap",
            f"بسته‌های شمارهٔ {fa(first)} تا {fa(last)} از این فرستنده هنوز وارد نشده‌اند و این بسته جای آن‌ها را "
            "نمی‌گیرد؛ آن‌ها را (که فرستنده تا تأیید دریافت نگه می‌دارد) نخست وارد کنید.",
            f"Bundles {first} to {last} from this sender were never imported and this bundle does not "
            "cover them; import them first (the sender keeps them until acknowledged).",
        )
    _progress(progress, 0.7, "records")
    programme_checks.addressed(records, sender_kind, local_id)
    _check_links(session, bundle, manifest.sender.office_id, sender_kind)
    _check_requests(session, bundle, manifest.sender.office_id, local_id)
    programme_checks.check(session, records, manifest.sender.office_id, sender_kind, local_id)
    _check_events(bundle, manifest.sender.office_id)
    _check_liaisons(bundle, local_id)
    _check_rounds(session, bundle)
    for table, rows in records.items():
        spec = BY_NAME[table]
        existing = _existing(session, spec, [r["id"] for r in rows])
        for r in rows:
            owner = existing.get(r["id"], (manifest.sender.office_id, 0))[0]
            if owner != manifest.sender.office_id:
                raise foreign_owner(table, f"{r['id']} belongs to {owner}")
        bundle.existing[table] = existing
    if "attachments" in records:
        for r in records["attachments"]:
            held = attachments.get(r["sha256"])
            size = held.stat().st_size if held else store.size(session, r["sha256"])
            if size != r["size"]:
                raise record_error("attachments", f"{r['id']}: its file is not in the bundle")
    return bundle


# --- applying --------------------------------------------------------------------------------


@dataclass
class Applied:
    """What an import changed, by table; and the dossiers whose state it set."""

    tables: dict[str, dict[str, int]]
    new_transitions: dict[str, list[dict[str, Any]]]  # dossier id -> transitions inserted
    applied_ids: dict[str, set[str]]
    sender: str = ""
    added_ids: dict[str, set[str]] = field(default_factory=dict)  # records new to this office
    opened: dict[str, str] = field(default_factory=dict)  # province: plan request id -> dossier opened
    folded: dict[str, str] = field(default_factory=dict)  # centre: initial-list entry -> province dossier
    programme_steps: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # programme id -> steps


def classify(bundle: ReadBundle) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Per table: records to ``add``, to ``update`` (newer version) and ``unchanged`` (older or equal)."""
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for table, rows in bundle.records.items():
        existing = bundle.existing.get(table, {})
        groups: dict[str, list[dict[str, Any]]] = {"add": [], "update": [], "unchanged": []}
        for r in rows:
            have = existing.get(r["id"])
            key = "add" if have is None else "update" if r["version"] > have[1] else "unchanged"
            groups[key].append(r)
        out[table] = groups
    return out


def apply_records(session: Session, bundle: ReadBundle) -> Applied:
    """Write the records (Core statements, in dependency order); replaces each applied parent's
    child set with the bundle's. Raises ``BundleError`` on a uniqueness conflict."""
    sender = bundle.manifest.sender.office_id
    local = bundle.manifest.recipient.office_id
    groups = classify(bundle)
    if bundle.manifest.kind is BundleKind.PROVINCE_SUBMISSION:
        # A dossier new to the centre was never received here, whatever the province's copy says:
        # it lands as sent, and the centre's own "receive" follows (the centre's states are its own).
        for r in groups.get("dossiers", {}).get("add", []):
            r["state"] = DossierState.SENT_TO_CENTER.value
    # A programme new here starts where every programme does; its steps in the bundle (checked one
    # by one in derive_states) take it from there, whatever state the record claims.
    for r in groups.get("programmes", {}).get("add", []):
        r["state"] = ProgrammeState.SUBMITTED.value
    # Before the province's cluster arrives: the centre's entry for it holds the same name.
    entries = _take_initial_entries(session, groups.get("dossiers", {}).get("add", []), local)
    entries.update(
        _take_same_clusters(
            session,
            groups.get("clusters", {}).get("add", []),
            groups.get("dossiers", {}).get("add", []),
            local,
        )
    )
    # A parent not older than ours comes with its whole child set; children it no longer has go.
    current = {
        t: {r["id"] for r in g["add"] + g["update"]}
        | {r["id"] for r in g["unchanged"] if r["version"] == bundle.existing[t][r["id"]][1]}
        for t, g in groups.items()
    }
    for spec in reversed(SPECS):
        if spec.parent is None:
            continue
        parent_table = next(link.table for link in spec.links if link.column == spec.parent)
        parents = sorted(current.get(parent_table, set()))
        keep = {r["id"] for r in bundle.records.get(spec.name, [])}
        t = spec.table
        for chunk in _chunks(parents):
            gone = [
                r[0]
                for r in session.execute(
                    select(t.c.id).where(t.c[spec.parent].in_(chunk), t.c.owner_office_id == sender)
                )
                if r[0] not in keep
            ]
            for ids in _chunks(gone):
                session.execute(delete(t).where(t.c.id.in_(ids)))
    _replace_reissued(session, groups.get("instructions", {}).get("add", []), sender)
    _replace_singletons(session, groups, sender)
    if "training_events" in bundle.records:
        # The sender's whole list: its events not in it were deleted there.
        ev_t = BY_NAME["training_events"].table
        sent_ids = [r["id"] for r in bundle.records["training_events"]]
        session.execute(delete(ev_t).where(ev_t.c.owner_office_id == sender, ev_t.c.id.not_in(sent_ids)))
    tables: dict[str, dict[str, int]] = {}
    for table in sorted(groups, key=ORDER.__getitem__):
        spec, g = BY_NAME[table], groups[table]
        t = spec.table
        try:
            if g["update"]:
                cols = [c for c in spec.fields if c != "id" and c not in spec.keep_on_update]
                stmt = (
                    update(t)
                    .where(t.c.id == bindparam("b_id"))
                    .values({c: bindparam(f"b_{c}") for c in cols})
                    .execution_options(synchronize_session=False)
                )
                session.connection().execute(
                    stmt, [{f"b_{k}": r[k] for k in ["id", *cols]} for r in g["update"]]
                )
            if g["add"]:
                session.connection().execute(insert(t), g["add"])
        except IntegrityError as exc:
            raise refuse(
                "conflict",
                f"رکوردهای بسته با داده‌های این دفتر تداخل دارند (جدول {table}).",
                f"The bundle's records collide with this office's data (table {table}).",
                str(exc.orig)[:120],
            ) from None
        tables[table] = {k: len(v) for k, v in g.items()}
    new_transitions: dict[str, list[dict[str, Any]]] = {}
    programme_steps: dict[str, list[dict[str, Any]]] = {}
    for r in groups.get("transitions", {}).get("add", []):
        if r["dossier_id"] is not None:
            new_transitions.setdefault(r["dossier_id"], []).append(r)
        else:
            programme_steps.setdefault(r["programme_id"], []).append(r)
    applied = {t: {r["id"] for r in g["add"] + g["update"]} for t, g in groups.items()}
    added = {t: {r["id"] for r in g["add"]} for t, g in groups.items()}
    folded = _fold_initial_entries(session, entries)
    opened = open_requested(session, bundle.records.get("plan_requests", []), local)
    return Applied(
        tables,
        new_transitions,
        applied,
        sender,
        opened=opened,
        folded=folded,
        added_ids=added,
        programme_steps=programme_steps,
    )


def _replace_reissued(session: Session, added: list[dict[str, Any]], sender: str) -> None:
    """A centre restored from an older backup issues a revision number again under a new id: its
    current record replaces the one it no longer has (else the unique revision number would refuse
    this and every later decision bundle). Approvals cite revisions by number, so none is lost."""
    t = BY_NAME["instructions"].table
    for r in added:
        session.execute(
            delete(t).where(
                t.c.code == r["code"],
                t.c.revision == r["revision"],
                t.c.owner_office_id == sender,
                t.c.id != r["id"],
            )
        )


# One row per key: an office's details (per owner), a province's liaison (per province). A sender
# that was set up again writes its row under a new id; that row replaces the one it no longer has.
_SINGLETONS = {"office_details": "owner_office_id", "province_liaisons": "province_code"}


def _replace_singletons(
    session: Session, groups: dict[str, dict[str, list[dict[str, Any]]]], sender: str
) -> None:
    for table, key in _SINGLETONS.items():
        t = BY_NAME[table].table
        for r in groups.get(table, {}).get("add", []):
            session.execute(
                delete(t).where(t.c[key] == r[key], t.c.owner_office_id == sender, t.c.id != r["id"])
            )


# --- plan requests (F3) ------------------------------------------------------------------------


@dataclass
class InitialEntry:
    """The centre's initial-list entry for a request, taken out until the province's dossier is in."""

    answer: str  # the province's dossier
    transitions: list[dict[str, Any]]


def _take_initial_entries(
    session: Session, added: list[dict[str, Any]], local: str
) -> dict[str, InitialEntry]:
    """At the centre: remove its own entry (dossier and cluster) for each request a newly arrived
    dossier answers, keeping the entry's steps to hang on that dossier (``_fold_initial_entries``)."""
    answers = {r["plan_request_id"]: r["id"] for r in added if r["plan_request_id"]}
    if not answers:
        return {}
    d, tr = BY_NAME["dossiers"].table, BY_NAME["transitions"].table
    conn = session.connection()
    entries: dict[str, InitialEntry] = {}
    for chunk in _chunks(sorted(answers)):
        q = select(d.c.id, d.c.cluster_id, d.c.plan_request_id).where(
            d.c.plan_request_id.in_(chunk), d.c.owner_office_id == local
        )
        for entry_id, cluster_id, request_id in conn.execute(q).all():
            steps = [dict(r._mapping) for r in conn.execute(select(tr).where(tr.c.dossier_id == entry_id))]
            entries[entry_id] = InitialEntry(answers[request_id], steps)
            conn.execute(delete(tr).where(tr.c.dossier_id == entry_id))
            _drop_entry(session, entry_id, cluster_id)
    return entries


def _take_same_clusters(
    session: Session, clusters: list[dict[str, Any]], dossiers: list[dict[str, Any]], local: str
) -> dict[str, InitialEntry]:
    """At the centre: an initial-list entry for a cluster the province had already recorded itself
    (same province, county and name) is answered by the province's own dossier of that cluster, not
    left to collide with it; the entry's steps go to that dossier as for a request's answer."""
    if not clusters:
        return {}
    c, d, tr = (BY_NAME[t].table for t in ("clusters", "dossiers", "transitions"))
    conn = session.connection()
    by_cluster = {r["cluster_id"]: r["id"] for r in dossiers}
    entries: dict[str, InitialEntry] = {}
    for r in clusters:
        answer = by_cluster.get(r["id"])
        if answer is None:
            continue
        same = conn.execute(
            select(c.c.id).where(
                c.c.province_code == r["province_code"],
                c.c.county_norm == r["county_norm"],
                c.c.name_norm == r["name_norm"],
                c.c.owner_office_id == local,
            )
        ).scalar()
        if same is None:
            continue
        for entry_id in conn.execute(
            select(d.c.id).where(
                d.c.cluster_id == same, d.c.owner_office_id == local, d.c.origin == "central"
            )
        ).scalars():
            steps = [dict(x._mapping) for x in conn.execute(select(tr).where(tr.c.dossier_id == entry_id))]
            entries[entry_id] = InitialEntry(answer, steps)
            conn.execute(delete(tr).where(tr.c.dossier_id == entry_id))
            _drop_entry(session, entry_id, same)
    return entries


def _drop_entry(session: Session, dossier_id: str, cluster_id: str) -> None:
    """Delete an initial-list dossier with what hangs on it, and its cluster unless still named."""
    conn = session.connection()
    plans, targets, atts = (BY_NAME[t].table for t in ("feasibility_plans", "plan_targets", "attachments"))
    drafts, d = _table(PlanDraft), BY_NAME["dossiers"].table
    plan_ids = select(plans.c.id).where(plans.c.dossier_id == dossier_id).scalar_subquery()
    conn.execute(delete(targets).where(targets.c.plan_id.in_(plan_ids)))
    for table in (plans, atts, drafts):
        conn.execute(delete(table).where(table.c.dossier_id == dossier_id))
    conn.execute(delete(d).where(d.c.id == dossier_id))
    still = [
        conn.execute(select(func.count()).select_from(t).where(t.c.cluster_id == cluster_id)).scalar()
        for t in (d, BY_NAME["licenses"].table, _table(Programme), _table(SupportPackage))
    ]
    if any(still):
        return
    for child in ("cluster_products", "cluster_markets", "cluster_firms", "cluster_yearly"):
        t = BY_NAME[child].table
        conn.execute(delete(t).where(t.c.cluster_id == cluster_id))
    c = BY_NAME["clusters"].table
    conn.execute(delete(c).where(c.c.id == cluster_id))


def _table(model: type) -> Table:
    return model.__table__  # type: ignore[attr-defined,no-any-return]


def _fold_initial_entries(session: Session, entries: dict[str, InitialEntry]) -> dict[str, str]:
    """The entries' steps (the request, F3) become the start of the province dossier's history; as
    changed records they travel back to the province with the next decision bundle."""
    if not entries:
        return {}
    now = utcnow()
    rows = [
        {**step, "dossier_id": e.answer, "version": step["version"] + 1, "updated_at": now}
        for e in entries.values()
        for step in e.transitions
    ]
    if rows:
        session.connection().execute(insert(BY_NAME["transitions"].table), rows)
    return {entry_id: e.answer for entry_id, e in entries.items()}


# A dossier decided against is closed: a request for its cluster opens a new one.
CLOSED_STATES = (DossierState.PROVINCIALLY_REJECTED.value, DossierState.CENTRALLY_REJECTED.value)


def open_requested(session: Session, requests: list[dict[str, Any]], local: str) -> dict[str, str]:
    """At the province: its own cluster and dossier for every plan request here it has none for yet,
    in ``plan_in_progress`` (origin ``central``) so that it completes the plan. A cluster of the same
    name in the same county is used rather than recorded twice, and its live dossier, if it has one,
    answers the request instead of a new one. Importing a request again opens nothing."""
    mine = [r for r in requests if r["province_code"] == local]
    if not mine:
        return {}
    d, c = BY_NAME["dossiers"].table, BY_NAME["clusters"].table
    conn = session.connection()
    answered = {
        row[0]
        for chunk in _chunks(sorted(r["id"] for r in mine))
        for row in conn.execute(
            select(d.c.plan_request_id).where(d.c.plan_request_id.in_(chunk), d.c.owner_office_id == local)
        )
    }
    now = utcnow()
    stamp = {"owner_office_id": local, "version": 1, "created_at": now, "updated_at": now}
    opened: dict[str, str] = {}
    for r in mine:
        if r["id"] in answered:
            continue
        name_norm, county_norm = normalize_for_search(r["name"]), normalize_for_search(r["county"])
        cluster_id = conn.execute(
            select(c.c.id).where(
                c.c.province_code == local, c.c.county_norm == county_norm, c.c.name_norm == name_norm
            )
        ).scalar()
        if cluster_id is None:
            cluster_id = _open_cluster(session, r, local, stamp)
        else:
            # The province already works on this cluster: its live dossier answers the request
            # (a second dossier would ask the clerks to write the same plan twice).
            live = conn.execute(
                select(d.c.id, d.c.plan_request_id)
                .where(
                    d.c.cluster_id == cluster_id,
                    d.c.owner_office_id == local,
                    d.c.state.not_in(CLOSED_STATES),
                )
                .order_by(d.c.created_at.desc())
            ).first()
            # Listed by the centre, the cluster is a national priority here too (as a new one would be).
            conn.execute(
                update(c)
                .where(c.c.id == cluster_id, c.c.national_priority.is_(False))
                .values(national_priority=True, version=c.c.version + 1, updated_at=now)
            )
            if live is not None:
                if live.plan_request_id is None:
                    conn.execute(
                        update(d)
                        .where(d.c.id == live.id)
                        .values(plan_request_id=r["id"], version=d.c.version + 1, updated_at=now)
                    )
                opened[r["id"]] = live.id
                continue
        dossier_id = new_uuid()
        conn.execute(
            insert(d),
            {
                "id": dossier_id,
                **stamp,
                "cluster_id": cluster_id,
                "province_code": local,
                "state": DossierState.PLAN_IN_PROGRESS.value,
                "origin": "central",
                "nomination_note": r["note"],
                "state_changed_at": now,
                "plan_request_id": r["id"],
            },
        )
        opened[r["id"]] = dossier_id
    return opened


def _open_cluster(session: Session, r: dict[str, Any], local: str, stamp: dict[str, Any]) -> str:
    conn = session.connection()
    cluster_id = new_uuid()
    words = [
        r["name"],
        r["county"],
        r["city"],
        r["sector"],
        *(f"{p['hs_code']} {p['name_fa']}" for p in r["products"]),
    ]
    conn.execute(
        insert(BY_NAME["clusters"].table),
        {
            "id": cluster_id,
            **stamp,
            "name": r["name"],
            "name_norm": normalize_for_search(r["name"]),
            "province_code": local,
            "county": r["county"],
            "county_norm": normalize_for_search(r["county"]),
            "city": r["city"],
            "sector": r["sector"],
            "description": r["description"],
            "national_priority": True,
            "search_text": search_index(" ".join(words)),
        },
    )
    children = (
        ("cluster_products", r["products"], ("hs_code", "name_fa")),
        ("cluster_markets", r["markets"], ("country_fa", "share_percent")),
    )
    for table, items, keys in children:
        if items:
            conn.execute(
                insert(BY_NAME[table].table),
                [
                    {"id": new_uuid(), **stamp, "cluster_id": cluster_id, **{k: i[k] for k in keys}}
                    for i in items
                ],
            )
    return cluster_id


def derive_states(session: Session, applied: Applied) -> dict[str, tuple[str, str]]:
    """Set each dossier's state from the newest transition this bundle brought (the sender acted on
    the state we handed it, so its new steps supersede ours). Returns id -> (before, after)."""
    d = BY_NAME["dossiers"].table
    # The centre's plan request (F3) reaches a province's dossier only folded into its history
    # (see _fold_initial_entries): it never sets a state.
    return _derive(
        session, applied, d, "dossier_id", applied.new_transitions, None, extra={"state_changed_at"}
    )


def derive_programme_states(session: Session, applied: Applied) -> dict[str, tuple[str, str]]:
    """The same for programmes: a programme new here starts as submitted, so its steps are checked
    from there."""
    p = BY_NAME["programmes"].table
    return _derive(
        session, applied, p, "programme_id", applied.programme_steps, ProgrammeState.SUBMITTED.value
    )


def _derive(
    session: Session,
    applied: Applied,
    t: Table,
    column: str,
    new_steps: dict[str, list[dict[str, Any]]],
    new_start: str | None,
    *,
    extra: set[str] | frozenset[str] = frozenset(),
) -> dict[str, tuple[str, str]]:
    tr = BY_NAME["transitions"].table
    ids = sorted(new_steps)
    before: dict[str, str] = {}
    known: dict[str, Any] = {}  # the newest step the sender had already recorded, per record
    arrived = applied.applied_ids.get("transitions", set())
    for chunk in _chunks(ids):
        before.update(dict(session.execute(select(t.c.id, t.c.state).where(t.c.id.in_(chunk))).all()))  # type: ignore[arg-type]
        q = (
            select(tr.c[column], func.max(tr.c.at))
            .where(tr.c[column].in_(chunk), tr.c.owner_office_id == applied.sender, tr.c.id.not_in(arrived))
            .group_by(tr.c[column])
        )
        known.update(dict(session.execute(q).all()))  # type: ignore[arg-type]
    changes: dict[str, tuple[str, str]] = {}
    updates = []
    new_here = applied.added_ids.get(t.name, set())
    for rid in ids:
        steps = sorted(new_steps[rid], key=lambda r: (r["at"], r["created_at"], r["id"]))
        if rid in known and steps[-1]["at"] < known[rid]:
            # Older than a step the sender sent before (both times from its clock): history that
            # arrives late, not a new state.
            continue
        recent = [r for r in steps if r["action"] != "request_plan"]
        if not recent:
            continue
        _check_chain(rid, recent, new_start if rid in new_here else before[rid])
        newest = recent[-1]
        changes[rid] = (before[rid], newest["to_state"])
        if before[rid] != newest["to_state"]:
            updates.append({"b_id": rid, "b_state": newest["to_state"], "b_at": newest["at"]})
    if updates:
        values: dict[str, Any] = {"state": bindparam("b_state"), "updated_at": t.c.updated_at}
        if "state_changed_at" in extra:
            values["state_changed_at"] = bindparam("b_at")
        # updated_at stays: a derived state is not a change of the owner's record
        stmt = update(t).where(t.c.id == bindparam("b_id")).values(values)
        if "state_changed_at" not in extra:
            updates = [{"b_id": u["b_id"], "b_state": u["b_state"]} for u in updates]
        session.connection().execute(stmt, updates)
    return changes


def _check_chain(dossier_id: str, steps: list[dict[str, Any]], local_state: str | None) -> None:
    """The sender's new steps start where this office stands and follow one another: a step taken
    from a state the record is no longer in here (an old decision, a forged one) is refused rather
    than allowed to move it back. ``local_state`` None: a dossier new here (its history may start
    anywhere: a plan request folded in)."""
    expected = local_state
    for step in steps:
        if expected is not None and step["from_state"] != expected:
            raise refuse(
                "stale_state",
                f"بسته گامی دارد («{step['action']}») که از وضعیتی آغاز می‌شود که پرونده در این دفتر "
                "در آن نیست؛ بسته وارد نشد تا وضعیت پرونده به عقب برنگردد.",
                f"The bundle holds a step ('{step['action']}') taken from a state the dossier is not in "
                "here; it was not imported, so the dossier does not move back.",
                f"{dossier_id}: {step['from_state']} != {expected}",
            )
        expected = step["to_state"]


def acknowledge(session: Session, sender_id: str, ack: int) -> list[Path]:
    """Mark our bundles to ``sender_id`` up to ``ack`` acknowledged; returns their files to delete."""
    out = session.get(Outbound, sender_id)
    if out is None or ack <= out.acked_sequence:
        return []
    out.acked_sequence = ack
    now = utcnow()
    paths = []
    for sent in session.scalars(
        select(SentBundle).where(
            SentBundle.peer_office_id == sender_id, SentBundle.sequence <= ack, SentBundle.acked_at.is_(None)
        )
    ):
        sent.acked_at = now
        paths.append(Path(sent.path))
    return paths


def store_attachments(session: Session, bundle: ReadBundle, blobs: BlobStore | Path) -> None:
    """Put the verified attachment copies into the office's content-addressed store (files written
    atomically; on a server, rows in the import's own transaction)."""
    store = as_blobs(blobs)
    for digest, source in bundle.attachments.items():
        store.put_file(session, digest, source)


def log_import(
    session: Session, bundle: ReadBundle, manifest_hash_hex: str, username: str, report: dict[str, Any]
) -> None:
    m = bundle.manifest
    session.add(
        ImportLog(
            bundle_id=m.bundle_id,
            sender_office_id=m.sender.office_id,
            kind=str(m.kind),
            sequence=m.sequence,
            manifest_hash=manifest_hash_hex,
            created_at=m.created_at,
            imported_at=utcnow(),
            imported_by=username,
            report=report,
        )
    )


def imported_at_least(session: Session, sender_id: str) -> int:
    """The last sequence imported from ``sender_id`` under its current key (our acknowledgement)."""
    key = session.scalar(
        select(TrustedKey)
        .where(TrustedKey.office_id == sender_id, TrustedKey.revoked_at.is_(None))
        .order_by(TrustedKey.enrolled_at.desc())
        .limit(1)
    )
    return 0 if key is None else chain_state(session, sender_id, key).last_sequence

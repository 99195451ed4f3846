"""The bundle manifest (``manifest.json``) and its Ed25519 signature (``manifest.sig``).

The signature covers the manifest's exact bytes, and the manifest names its kind, sender,
recipient and sequence, so a signed bundle cannot be replayed as another kind, to another office,
or out of order without the importer noticing. Manifests must be byte-for-byte canonical: one
manifest has one byte form, so the hash chain (``previous_hash``) is unambiguous.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from cluster_desktop.store.audit_chain import ChainPoint

from . import limits
from .container import ATTACHMENT_NAME, RECORDS_NAME
from .keys import OFFICE_ID
from .limits import BundleError
from .strictjson import HEX64, Fields, dumps_canonical, loads_strict, utc_iso

BUNDLE_FORMAT = "cluster-desktop-bundle"
BUNDLE_VERSION = 1
_TABLE = re.compile(r"[a-z_]{1,64}")
_VERSION_TEXT = re.compile(r"[0-9A-Za-z.+_-]{1,64}")  # schema revisions (alembic ids) and app versions


class BundleKind(StrEnum):
    PROVINCE_SUBMISSION = "province-submission"
    CENTRAL_DECISION = "central-decision"


@dataclass(frozen=True)
class Party:
    """An office at one end of a bundle, with the fingerprint of the key it signs with."""

    office_id: str
    fingerprint: str


@dataclass(frozen=True)
class FileEntry:
    """One file of the bundle other than the manifest and its signature."""

    path: str
    size: int
    sha256: str


def _manifest_error(detail: str) -> BundleError:
    return BundleError("bad_manifest", detail)


@dataclass(frozen=True)
class Manifest:
    """What a bundle holds and where it goes; see DESIGN.md, Bundles."""

    bundle_id: str
    kind: BundleKind
    sender: Party
    recipient: Party
    sequence: int  # 1, 2, … per (sender, recipient)
    previous_hash: str | None  # manifest_hash of the previous bundle on this channel; None for sequence 1
    ack_sequence: int  # the last sequence this sender imported from the recipient (0: none)
    created_at: datetime  # UTC, whole seconds
    schema_revision: str
    app_version: str
    files: tuple[FileEntry, ...]
    record_counts: Mapping[str, int] = field(default_factory=dict)
    # The sender's audit chain (optional: bundles of older versions lack them). The head: entries and
    # the hash of the last one when the bundle was made. The anchor: the chain's hash now at the length
    # it had when the sender last exported to this recipient, so a rewritten history shows there.
    audit_head: ChainPoint | None = None
    audit_anchor: ChainPoint | None = None

    @classmethod
    def new(cls, **fields: Any) -> Manifest:
        """A manifest with a fresh uuid4 ``bundle_id`` and ``created_at`` now (unless given);
        files are sorted by path. Validated as ``parse`` would validate it."""
        fields.setdefault("bundle_id", str(uuid.uuid4()))
        fields.setdefault("created_at", datetime.now(UTC).replace(microsecond=0))
        fields["files"] = tuple(sorted(fields.get("files", ()), key=lambda f: f.path))
        fields["record_counts"] = dict(fields.get("record_counts", {}))
        manifest = cls(**fields)
        return cls.parse(manifest.to_bytes())

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "format": BUNDLE_FORMAT,
            "version": BUNDLE_VERSION,
            "bundle_id": self.bundle_id,
            "kind": str(self.kind),
            "sender": {"office_id": self.sender.office_id, "fingerprint": self.sender.fingerprint},
            "recipient": {"office_id": self.recipient.office_id, "fingerprint": self.recipient.fingerprint},
            "sequence": self.sequence,
            "previous_hash": self.previous_hash,
            "ack_sequence": self.ack_sequence,
            "created_at": utc_iso(self.created_at),
            "schema_revision": self.schema_revision,
            "app_version": self.app_version,
            "files": [{"path": f.path, "size": f.size, "sha256": f.sha256} for f in self.files],
            "record_counts": dict(self.record_counts),
        }
        for name, point in (("audit_head", self.audit_head), ("audit_anchor", self.audit_anchor)):
            if point is not None:  # absent, not null: an older manifest keeps its exact bytes
                out[name] = {"length": point.length, "hash": point.hash}
        return out

    def to_bytes(self) -> bytes:
        """The canonical manifest bytes, as stored in ``manifest.json`` and signed."""
        return dumps_canonical(self.to_dict())

    @classmethod
    def parse(cls, data: bytes) -> Manifest:
        """Read manifest bytes strictly: every field present and typed, nothing unknown, canonical form."""
        if len(data) > limits.MAX_MANIFEST_BYTES:
            raise BundleError("too_large", f"manifest {len(data)} bytes")
        top = Fields(loads_strict(data, max_bytes=limits.MAX_MANIFEST_BYTES), "manifest", _manifest_error)
        if top.text("format", max_len=64) != BUNDLE_FORMAT:
            raise _manifest_error("not a cluster-desktop bundle")
        if top.integer("version") != BUNDLE_VERSION:
            raise _manifest_error("unsupported bundle version")
        kind_text = top.text("kind", max_len=32)
        if kind_text not in {k.value for k in BundleKind}:
            raise _manifest_error(f"unknown kind {kind_text[:32]!r}")
        parties = []
        for role in ("sender", "recipient"):
            party = top.object(role)
            parties.append(
                Party(
                    party.text("office_id", pattern=OFFICE_ID, max_len=6),
                    party.text("fingerprint", pattern=HEX64, max_len=64),
                )
            )
            party.done()
        sender, recipient = parties
        manifest = cls(
            bundle_id=top.uuid("bundle_id"),
            kind=BundleKind(kind_text),
            sender=sender,
            recipient=recipient,
            sequence=top.integer("sequence", minimum=1),
            previous_hash=top.opt_text("previous_hash", pattern=HEX64, max_len=64),
            ack_sequence=top.integer("ack_sequence", minimum=0),
            created_at=top.time("created_at"),
            schema_revision=top.text("schema_revision", pattern=_VERSION_TEXT, max_len=64),
            app_version=top.text("app_version", pattern=_VERSION_TEXT, max_len=64),
            files=_parse_files(top),
            record_counts=_parse_counts(top),
            audit_head=_parse_point(top, "audit_head"),
            audit_anchor=_parse_point(top, "audit_anchor"),
        )
        top.done()
        _check_points(manifest.audit_head, manifest.audit_anchor)
        if sender.office_id == recipient.office_id:
            raise _manifest_error("sender and recipient are the same office")
        if (manifest.sequence == 1) != (manifest.previous_hash is None):
            raise _manifest_error("previous_hash must be null exactly for sequence 1")
        if manifest.to_bytes() != bytes(data):
            raise _manifest_error("not in canonical form")
        return manifest


def _parse_files(top: Fields) -> tuple[FileEntry, ...]:
    files: list[FileEntry] = []
    for i, item in enumerate(top.items("files", max_items=limits.MAX_ENTRIES - 2)):
        entry = Fields(item, f"manifest.files[{i}]", _manifest_error)
        path = entry.text("path", max_len=100)
        size = entry.integer("size", maximum=limits.MAX_UNCOMPRESSED)
        digest = entry.text("sha256", pattern=HEX64, max_len=64)
        entry.done()
        attachment = ATTACHMENT_NAME.fullmatch(path)
        if not (attachment or RECORDS_NAME.fullmatch(path)):
            raise _manifest_error(f"files[{i}].path {path!r} is not a records or attachment file")
        if attachment and attachment.group(1) != digest:
            raise _manifest_error(f"files[{i}]: an attachment's name must be its SHA-256")
        if files and path <= files[-1].path:
            raise _manifest_error(f"files[{i}]: paths must be unique and sorted")
        files.append(FileEntry(path, size, digest))
    if sum(f.size for f in files) > limits.MAX_UNCOMPRESSED:
        raise _manifest_error("files: total size too large")
    return tuple(files)


def _parse_point(top: Fields, key: str) -> ChainPoint | None:
    point = top.opt_object(key)
    if point is None:
        return None
    length = point.integer("length", minimum=1)
    digest = point.text("hash", pattern=HEX64, max_len=64)
    point.done()
    return ChainPoint(length, digest)


def _check_points(head: ChainPoint | None, anchor: ChainPoint | None) -> None:
    """An anchor is a point of the chain the head ends: never without it, longer than it or, at the
    same length, with another hash."""
    if anchor is None:
        return
    if head is None:
        raise _manifest_error("audit_anchor without audit_head")
    if anchor.length > head.length:
        raise _manifest_error("audit_anchor.length is beyond audit_head.length")
    if anchor.length == head.length and anchor.hash != head.hash:
        raise _manifest_error("audit_anchor and audit_head differ at the same length")


def _parse_counts(top: Fields) -> dict[str, int]:
    counts = top.mapping("record_counts", max_items=1000)
    for table, n in counts.items():
        if not _TABLE.fullmatch(table):
            raise _manifest_error(f"record_counts: bad table name {table[:64]!r}")
        if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= 2**53:
            raise _manifest_error(f"record_counts.{table}: expected a count")
    return dict(counts)


def manifest_hash(manifest_bytes: bytes) -> str:
    """SHA-256 (hex) of manifest bytes: what the next bundle's ``previous_hash`` names."""
    return hashlib.sha256(manifest_bytes).hexdigest()


def sign_manifest(manifest_bytes: bytes, signing_key: Ed25519PrivateKey) -> bytes:
    """The 64-byte Ed25519 signature stored as ``manifest.sig``."""
    return signing_key.sign(manifest_bytes)


def verify_signature(manifest_bytes: bytes, signature: bytes, public_key: Ed25519PublicKey | bytes) -> None:
    """Raise ``BundleError("bad_signature")`` unless ``signature`` is the key's over exactly these bytes."""
    if isinstance(public_key, bytes):
        public_key = Ed25519PublicKey.from_public_bytes(public_key)
    if len(signature) != limits.SIGNATURE_BYTES:
        raise BundleError("bad_signature", f"{len(signature)} bytes")
    try:
        public_key.verify(signature, manifest_bytes)
    except InvalidSignature:
        raise BundleError("bad_signature") from None

"""Sync state: trusted peer keys, outbound sequence per peer, sent bundles, the import log, and the
audit chain heads peer offices reported in their bundles."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class TrustedKey(Base):
    """A peer office's certificate, enrolled after the fingerprint was compared by phone."""

    __tablename__ = "trusted_keys"

    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)
    office_id: Mapped[str] = mapped_column(ForeignKey("offices.id"), index=True)
    signing_public_key: Mapped[str] = mapped_column(Text)
    age_recipient: Mapped[str] = mapped_column(Text)
    certificate: Mapped[str] = mapped_column(Text)  # the certificate JSON as received
    enrolled_at: Mapped[datetime] = mapped_column(default=utcnow)
    enrolled_by: Mapped[str] = mapped_column(String(64))
    revoked_at: Mapped[datetime | None]
    revoke_reason: Mapped[str] = mapped_column(Text, default="")


class Outbound(Base):
    """Per peer: the last sequence we sent, its manifest hash (the chain), and what the peer acked."""

    __tablename__ = "sync_outbound"

    peer_office_id: Mapped[str] = mapped_column(ForeignKey("offices.id"), primary_key=True)
    last_sequence: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str | None] = mapped_column(String(64))
    acked_sequence: Mapped[int] = mapped_column(Integer, default=0)


class SentBundle(Base):
    """A bundle we wrote; kept until the recipient's signed acknowledgement covers it."""

    __tablename__ = "sent_bundles"

    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    peer_office_id: Mapped[str] = mapped_column(ForeignKey("offices.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    sequence: Mapped[int] = mapped_column(Integer)
    manifest_hash: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64))
    record_counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    acked_at: Mapped[datetime | None]
    # Our audit chain's head as this bundle's manifest stated it (the next bundle's anchor names it).
    audit_length: Mapped[int | None] = mapped_column(BigInteger)
    audit_hash: Mapped[str | None] = mapped_column(String(64))


class ImportLog(Base):
    """One applied bundle; written in the same transaction as its records."""

    __tablename__ = "import_log"

    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sender_office_id: Mapped[str] = mapped_column(ForeignKey("offices.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    sequence: Mapped[int] = mapped_column(Integer)
    manifest_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]  # the bundle's own creation time
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    imported_by: Mapped[str] = mapped_column(String(64))
    report: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class PeerAuditHead(Base):
    """A peer office's audit chain head as one of its bundles stated it (sync/audit_heads.py).

    ``rewritten`` is set when that bundle showed the peer's history differs from what it reported
    before: ``anchor`` (its chain at an earlier length has another hash now), ``head`` (the same length
    with another hash) or ``shorter`` (fewer entries than it once had); ``conflict_length`` names the
    length recorded earlier that it was compared with, ``recorded_hash`` the hash recorded there."""

    __tablename__ = "audit_heads"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sender_office_id: Mapped[str] = mapped_column(ForeignKey("offices.id"), index=True)
    sender_fingerprint: Mapped[str] = mapped_column(String(64))
    bundle_id: Mapped[str] = mapped_column(String(36), unique=True)
    sequence: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    length: Mapped[int] = mapped_column(BigInteger)
    entry_hash: Mapped[str] = mapped_column(String(64))
    anchor_length: Mapped[int | None] = mapped_column(BigInteger)
    anchor_hash: Mapped[str | None] = mapped_column(String(64))
    rewritten: Mapped[str] = mapped_column(String(16), default="")
    conflict_length: Mapped[int | None] = mapped_column(BigInteger)
    recorded_hash: Mapped[str | None] = mapped_column(String(64))

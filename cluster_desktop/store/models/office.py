"""This installation's office, the offices it knows, users, settings and the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cluster_desktop.domain.images import MAX_LETTERHEAD_BYTES

from .base import Base, Synced, UTCDateTime, utcnow


class Office(Base):
    """An office: the local installation (``is_local``) or a peer enrolled from its certificate."""

    __tablename__ = "offices"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # central | province
    province_code: Mapped[str | None] = mapped_column(ForeignKey("provinces.code"))
    name_fa: Mapped[str]
    is_local: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class OfficeDetails(Synced, Base):
    """An office's secretariat (F1/F2): who heads it, its secretary, where it is, its letterhead.

    One row per office, owned by that office: the local office edits its own, and each bundle it sends
    carries the row when changed, so the peer prints the sender's current head, address and letterhead.
    """

    __tablename__ = "office_details"
    __table_args__ = (UniqueConstraint("owner_office_id"),)

    head_name: Mapped[str] = mapped_column(default="")
    head_title: Mapped[str] = mapped_column(default="")  # the post as signed, e.g. «رئیس سازمان …»
    secretary_name: Mapped[str] = mapped_column(default="")
    address: Mapped[str] = mapped_column(Text, default="")
    postal_code: Mapped[str] = mapped_column(String(16), default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    email: Mapped[str] = mapped_column(String(128), default="")
    letterhead_text: Mapped[str] = mapped_column(default="")  # a line printed under the letterhead
    # PNG or JPEG checked by domain/images.py; in the database, so backups and bundles carry it.
    letterhead: Mapped[bytes | None] = mapped_column(LargeBinary(MAX_LETTERHEAD_BYTES), nullable=True)
    letterhead_type: Mapped[str] = mapped_column(String(16), default="")  # image/png | image/jpeg | ""


class LocalKeys(Base):
    """The local office's private keys, sealed; the data key is wrapped once per key-holding user."""

    __tablename__ = "local_keys"

    office_id: Mapped[str] = mapped_column(ForeignKey("offices.id"), primary_key=True)
    signing_public_key: Mapped[str] = mapped_column(Text)  # base64
    age_recipient: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64))
    sealed_keys: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str]
    role: Mapped[str] = mapped_column(String(16))  # domain.roles.Role
    password_hash: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    member_id: Mapped[str | None] = mapped_column(ForeignKey("wg_members.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Login lockout (services/users.py): wrong passwords in a row, and until when logins are refused.
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class KeyWrap(Base):
    """The office data key, encrypted under one user's password (scrypt + AES-GCM)."""

    __tablename__ = "key_wraps"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    wrapped: Mapped[bytes] = mapped_column(LargeBinary)


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    username: Mapped[str] = mapped_column(String(64))
    office_id: Mapped[str | None] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # The hash chain (store/audit_chain.py): the previous entry's hash, and this entry's.
    prev_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")
    entry_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")

"""The centre's registers: the export-cluster databank (F7) and approval licenses (F8)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Synced


class DatabankEntry(Synced, Base):
    __tablename__ = "databank_entries"

    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), unique=True)
    registry_no: Mapped[str] = mapped_column(String(32), unique=True)
    registered_on: Mapped[date]
    note: Mapped[str] = mapped_column(Text, default="")


class License(Synced, Base):
    """A cluster approval license (پروانه تایید خوشه); ``payload`` is signed by the centre's key."""

    __tablename__ = "licenses"
    __table_args__ = (UniqueConstraint("year", "seq"),)

    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), index=True)
    cluster_id: Mapped[str] = mapped_column(ForeignKey("clusters.id"), index=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    year: Mapped[int]  # Jalali year of issue
    seq: Mapped[int] = mapped_column(Integer)
    issued_on: Mapped[date]
    valid_until: Mapped[date]
    conditions: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="valid")  # valid | suspended | revoked
    status_reason: Mapped[str] = mapped_column(Text, default="")
    status_changed_at: Mapped[datetime | None]
    payload: Mapped[str] = mapped_column(Text, default="")  # canonical JSON, what the QR code carries
    signature: Mapped[str] = mapped_column(Text, default="")  # base64 Ed25519 over payload

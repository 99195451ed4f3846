"""The centre's records: plan requests of its initial list (F3), the export-cluster databank (F7) and
approval licenses (F8)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Synced


class PlanRequest(Synced, Base):
    """The centre's request that a province complete the feasibility plan of a cluster on the centre's
    initial list (F3), with the cluster's profile as the centre recorded it.

    Owned by the centre, it travels in decision bundles to the province named; that province's import
    opens its own cluster and dossier from it (``dossiers.plan_request_id``), in ``plan_in_progress``.
    """

    __tablename__ = "plan_requests"

    province_code: Mapped[str] = mapped_column(ForeignKey("provinces.code"), index=True)
    name: Mapped[str]
    county: Mapped[str] = mapped_column(default="")
    city: Mapped[str] = mapped_column(default="")
    sector: Mapped[str] = mapped_column(default="")
    description: Mapped[str] = mapped_column(Text, default="")
    products: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [{"hs_code", "name_fa"}]
    markets: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [{"country_fa", "share_percent"}]
    note: Mapped[str] = mapped_column(Text, default="")
    requested_at: Mapped[datetime]
    requested_by: Mapped[str]  # the centre's secretary, as histories name people


class ProvinceLiaison(Synced, Base):
    """The TPO expert who is a province's contact at the centre (F2-1, «معرفی نمایندهٔ ارتباطی»).

    Kept by the centre, one per province; it travels in decision bundles to that province only.
    """

    __tablename__ = "province_liaisons"

    province_code: Mapped[str] = mapped_column(ForeignKey("provinces.code"), unique=True)
    full_name: Mapped[str] = mapped_column(default="")
    position: Mapped[str] = mapped_column(default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    email: Mapped[str] = mapped_column(String(128), default="")


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

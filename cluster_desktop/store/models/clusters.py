"""Clusters, their profile, dossiers (nominations), feasibility plans and attachments."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Synced


class Cluster(Synced, Base):
    """A geographic concentration of firms (خوشه) and its profile."""

    __tablename__ = "clusters"
    __table_args__ = (
        # The same name twice in one county is a duplicate (normalised text, DESIGN.md Data).
        UniqueConstraint("province_code", "county_norm", "name_norm"),
    )

    name: Mapped[str]
    name_norm: Mapped[str] = mapped_column(index=True)
    province_code: Mapped[str] = mapped_column(ForeignKey("provinces.code"), index=True)
    county: Mapped[str] = mapped_column(default="")
    county_norm: Mapped[str] = mapped_column(default="")
    city: Mapped[str] = mapped_column(default="")
    sector: Mapped[str] = mapped_column(default="")
    description: Mapped[str] = mapped_column(Text, default="")
    firms_count: Mapped[int] = mapped_column(Integer, default=0)
    employees: Mapped[int] = mapped_column(Integer, default=0)
    annual_production_rial: Mapped[int] = mapped_column(BigInteger, default=0)
    annual_exports_usd: Mapped[int] = mapped_column(BigInteger, default=0)
    managing_entity: Mapped[str] = mapped_column(default="")  # the legal entity that runs the cluster
    managing_entity_type: Mapped[str] = mapped_column(String(64), default="")
    managing_entity_reg_no: Mapped[str] = mapped_column(String(64), default="")
    contact_name: Mapped[str] = mapped_column(default="")
    contact_phone: Mapped[str] = mapped_column(String(64), default="")
    contact_email: Mapped[str] = mapped_column(String(128), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    national_priority: Mapped[bool] = mapped_column(default=False)  # F3: on ISIPO's national map
    # Normalised name, county, entity, products and HS codes: what the list's search box matches.
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")

    products: Mapped[list[Product]] = relationship(cascade="all, delete-orphan", order_by="Product.hs_code")
    markets: Mapped[list[TargetMarket]] = relationship(cascade="all, delete-orphan")
    firms: Mapped[list[Firm]] = relationship(cascade="all, delete-orphan", order_by="Firm.name")
    yearly: Mapped[list[YearlyFigure]] = relationship(
        cascade="all, delete-orphan", order_by="YearlyFigure.year"
    )


class Product(Synced, Base):
    __tablename__ = "cluster_products"

    cluster_id: Mapped[str] = mapped_column(ForeignKey("clusters.id"), index=True)
    hs_code: Mapped[str] = mapped_column(String(12), index=True)
    name_fa: Mapped[str]


class TargetMarket(Synced, Base):
    __tablename__ = "cluster_markets"

    cluster_id: Mapped[str] = mapped_column(ForeignKey("clusters.id"), index=True)
    country_fa: Mapped[str]
    share_percent: Mapped[int | None]


class Firm(Synced, Base):
    __tablename__ = "cluster_firms"

    cluster_id: Mapped[str] = mapped_column(ForeignKey("clusters.id"), index=True)
    name: Mapped[str]
    national_id: Mapped[str] = mapped_column(String(32), default="")
    employees: Mapped[int] = mapped_column(Integer, default=0)
    exporter: Mapped[bool] = mapped_column(default=False)


class YearlyFigure(Synced, Base):
    """Production, exports and employment of one Jalali year."""

    __tablename__ = "cluster_yearly"
    __table_args__ = (UniqueConstraint("cluster_id", "year"),)

    cluster_id: Mapped[str] = mapped_column(ForeignKey("clusters.id"), index=True)
    year: Mapped[int]  # Jalali year
    production_rial: Mapped[int] = mapped_column(BigInteger, default=0)
    exports_usd: Mapped[int] = mapped_column(BigInteger, default=0)
    employees: Mapped[int] = mapped_column(Integer, default=0)


class Dossier(Synced, Base):
    """A cluster's case through phase 1: nomination, plan, evaluation, decisions, databank, license."""

    __tablename__ = "dossiers"
    __table_args__ = (
        Index("ix_dossiers_state_province", "state", "province_code"),
        # The lists' sort orders, ``id`` being every order's tie-breaker (migration 0003).
        Index("ix_dossiers_updated_at_id", "updated_at", "id"),
        Index("ix_dossiers_provincial_score_id", "provincial_score", "id"),
        Index("ix_dossiers_central_score_id", "central_score", "id"),
        Index("ix_dossiers_nominated_on_id", "nominated_on", "id"),
        Index("ix_dossiers_origin", "origin"),  # the centre's initial list (F3)
        # One dossier per plan request and office: the centre's initial-list entry and the province's own.
        UniqueConstraint("plan_request_id", "owner_office_id"),
    )

    cluster_id: Mapped[str] = mapped_column(ForeignKey("clusters.id"), index=True)
    province_code: Mapped[str] = mapped_column(ForeignKey("provinces.code"), index=True)
    state: Mapped[str] = mapped_column(String(32), default="draft")  # domain.workflow.DossierState
    origin: Mapped[str] = mapped_column(String(16), default="province")  # province | central (F3)
    nomination_letter_no: Mapped[str] = mapped_column(String(64), default="")
    nominated_on: Mapped[date | None]
    nomination_note: Mapped[str] = mapped_column(Text, default="")
    provincial_score: Mapped[float | None]  # cached consolidation, 0..100
    central_score: Mapped[float | None]
    state_changed_at: Mapped[datetime | None]
    # The centre's request (F3) this dossier answers, if it began on the centre's initial list.
    plan_request_id: Mapped[str | None] = mapped_column(ForeignKey("plan_requests.id"))

    cluster: Mapped[Cluster] = relationship()
    plan: Mapped[FeasibilityPlan | None] = relationship(back_populates="dossier", uselist=False)


class FeasibilityPlan(Synced, Base):
    """The feasibility plan (طرح توجیهی) of a dossier, F3-3."""

    __tablename__ = "feasibility_plans"

    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), unique=True)
    overview: Mapped[str] = mapped_column(Text, default="")
    market: Mapped[str] = mapped_column(Text, default="")
    strengths: Mapped[str] = mapped_column(Text, default="")
    weaknesses: Mapped[str] = mapped_column(Text, default="")
    opportunities: Mapped[str] = mapped_column(Text, default="")
    threats: Mapped[str] = mapped_column(Text, default="")
    investment_rial: Mapped[int] = mapped_column(BigInteger, default=0)
    investment_note: Mapped[str] = mapped_column(Text, default="")
    actions: Mapped[str] = mapped_column(Text, default="")
    expected_results: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime | None]

    dossier: Mapped[Dossier] = relationship(back_populates="plan")
    targets: Mapped[list[PlanTarget]] = relationship(cascade="all, delete-orphan", order_by="PlanTarget.year")


class PlanTarget(Synced, Base):
    __tablename__ = "plan_targets"
    __table_args__ = (UniqueConstraint("plan_id", "year"),)

    plan_id: Mapped[str] = mapped_column(ForeignKey("feasibility_plans.id"), index=True)
    year: Mapped[int]  # Jalali year
    export_usd: Mapped[int] = mapped_column(BigInteger, default=0)
    employment: Mapped[int] = mapped_column(Integer, default=0)


class PlanDraft(Base):
    """Autosaved, not yet saved edits of a plan form; local only, never sent."""

    __tablename__ = "plan_drafts"

    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[str] = mapped_column(Text)  # JSON of the form's fields
    saved_at: Mapped[datetime]


class Attachment(Synced, Base):
    """A file attached to a dossier; the bytes live content-addressed under attachments/<sha256>."""

    __tablename__ = "attachments"

    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str]
    media_type: Mapped[str] = mapped_column(String(128), default="application/octet-stream")
    size: Mapped[int] = mapped_column(BigInteger)
    title: Mapped[str] = mapped_column(default="")


class AttachmentChunk(Base):
    """Attachment content in the database, for an office on a server that several PCs share
    (store/blobs.py): content-addressed by SHA-256, in chunks of at most 1 MiB. Not in bundles:
    they carry the files themselves."""

    __tablename__ = "attachment_chunks"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)

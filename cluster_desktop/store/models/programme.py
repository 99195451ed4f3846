"""Phases 2 and 3: development programmes (F9…F13), support packages, monitoring (F14),
and the registries beside them: instructions (F5/F15) and training events (F4)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Synced


class Programme(Synced, Base):
    """A development programme proposed by a natural/legal person or a CDA (F9)."""

    __tablename__ = "programmes"

    cluster_id: Mapped[str] = mapped_column(ForeignKey("clusters.id"), index=True)
    province_code: Mapped[str] = mapped_column(ForeignKey("provinces.code"), index=True)
    title: Mapped[str]
    proposer_name: Mapped[str]
    proposer_kind: Mapped[str] = mapped_column(String(16))  # natural | legal | cda | nda
    # The proposer's identity: national code (natural person) or national identifier (legal person,
    # CDA, NDA), the company registration number, and how to reach them.
    proposer_national_id: Mapped[str] = mapped_column(String(11), default="")
    proposer_registration_no: Mapped[str] = mapped_column(String(32), default="")
    proposer_phone: Mapped[str] = mapped_column(String(32), default="")
    proposer_address: Mapped[str] = mapped_column(default="")
    state: Mapped[str] = mapped_column(String(32), default="submitted")  # domain.workflow.ProgrammeState
    submitted_on: Mapped[date]
    budget_rial: Mapped[int] = mapped_column(BigInteger, default=0)
    description: Mapped[str] = mapped_column(Text, default="")
    # F9-2: the revision number of the centre's instruction F5-2 whose ceiling the province applied
    # when it approved the programme within its own authority (None for every other programme). A
    # number, as instructions are cited: the same revision at both offices whatever its record's id.
    authority_revision: Mapped[int | None] = mapped_column(Integer)


class SupportPackage(Synced, Base):
    """A specialised support package (F10/F11) for a programme or a selected cluster."""

    __tablename__ = "support_packages"

    programme_id: Mapped[str | None] = mapped_column(ForeignKey("programmes.id"), index=True)
    cluster_id: Mapped[str] = mapped_column(ForeignKey("clusters.id"), index=True)
    title: Mapped[str]
    status: Mapped[str] = mapped_column(String(16), default="proposed")  # proposed | approved | notified
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id"))
    notified_on: Mapped[date | None]


class SupportItem(Synced, Base):
    __tablename__ = "support_items"

    package_id: Mapped[str] = mapped_column(ForeignKey("support_packages.id"), index=True)
    title: Mapped[str]
    organization_code: Mapped[str] = mapped_column(ForeignKey("organizations.code"))  # responsible agency
    amount_rial: Mapped[int] = mapped_column(BigInteger, default=0)
    description: Mapped[str] = mapped_column(Text, default="")


class Allocation(Synced, Base):
    """Resources an agency allocated to a support item (F12)."""

    __tablename__ = "allocations"

    item_id: Mapped[str] = mapped_column(ForeignKey("support_items.id"), index=True)
    organization_code: Mapped[str] = mapped_column(ForeignKey("organizations.code"))
    amount_rial: Mapped[int] = mapped_column(BigInteger)
    allocated_on: Mapped[date]
    reference: Mapped[str] = mapped_column(default="")


class Activity(Synced, Base):
    """An executed activity of a programme (F13)."""

    __tablename__ = "activities"

    programme_id: Mapped[str] = mapped_column(ForeignKey("programmes.id"), index=True)
    title: Mapped[str]
    responsible: Mapped[str] = mapped_column(default="")
    starts_on: Mapped[date | None]
    ends_on: Mapped[date | None]
    progress_percent: Mapped[int] = mapped_column(Integer, default=0)


class Indicator(Synced, Base):
    """A monitored indicator (F14), with targets and actuals per period."""

    __tablename__ = "indicators"

    programme_id: Mapped[str] = mapped_column(ForeignKey("programmes.id"), index=True)
    title: Mapped[str]
    unit: Mapped[str] = mapped_column(String(32), default="")
    baseline: Mapped[int] = mapped_column(BigInteger, default=0)


class IndicatorValue(Synced, Base):
    __tablename__ = "indicator_values"
    __table_args__ = (UniqueConstraint("indicator_id", "period"),)

    indicator_id: Mapped[str] = mapped_column(ForeignKey("indicators.id"), index=True)
    period: Mapped[str] = mapped_column(String(8))  # Jalali "1405" or "1405-Q2"
    target: Mapped[int] = mapped_column(BigInteger)
    actual: Mapped[int | None] = mapped_column(BigInteger)
    feedback: Mapped[str] = mapped_column(Text, default="")


class Instruction(Synced, Base):
    """A versioned instruction (دستورالعمل) of F5, revised under F15."""

    __tablename__ = "instructions"
    __table_args__ = (UniqueConstraint("code", "revision"),)

    code: Mapped[str] = mapped_column(String(16))  # the process it belongs to, e.g. F5-2
    revision: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    issued_on: Mapped[date]
    body: Mapped[str] = mapped_column(Text, default="")
    attachment_sha256: Mapped[str | None] = mapped_column(String(64))
    # F5-2 only: the largest budget (rial) a provincial working group approves itself (F9-2); a
    # programme asking more is referred to the centre (F9-3). None: every programme is referred.
    provincial_ceiling_rial: Mapped[int | None] = mapped_column(BigInteger)


class TrainingEvent(Synced, Base):
    """A training or awareness event (F4)."""

    __tablename__ = "training_events"

    title: Mapped[str]
    kind: Mapped[str] = mapped_column(String(16))  # training | awareness
    held_on: Mapped[date]
    province_code: Mapped[str | None] = mapped_column(ForeignKey("provinces.code"))
    organization_code: Mapped[str | None] = mapped_column(ForeignKey("organizations.code"))
    participants: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text, default="")

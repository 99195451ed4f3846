"""Reference data of the programme, loaded from resources/reference by stable codes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class Province(Base):
    __tablename__ = "provinces"

    code: Mapped[str] = mapped_column(String(5), primary_key=True)  # ISO 3166-2:IR, current scheme
    name_fa: Mapped[str]
    name_en: Mapped[str]
    capital_fa: Mapped[str]
    code_pre2020: Mapped[str | None] = mapped_column(String(5))


class Organization(Base):
    """An agency of the seed (a column of the responsibility matrix or a body it names)."""

    __tablename__ = "organizations"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name_fa: Mapped[str]
    name_en: Mapped[str]
    kind: Mapped[str] = mapped_column(String(32))
    matrix_column: Mapped[int | None]


class ProcessStep(Base):
    """A process of the seed's table (F1…F15) or one of its sub-steps (F1-1 …)."""

    __tablename__ = "process_steps"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("process_steps.code"))
    order: Mapped[int] = mapped_column("sort_order", Integer)
    phase: Mapped[int | None]
    title_fa: Mapped[str] = mapped_column(Text)
    summary_fa: Mapped[str] = mapped_column(Text, default="")
    inputs_fa: Mapped[list[Any]] = mapped_column(JSON, default=list)
    outputs_fa: Mapped[list[Any]] = mapped_column(JSON, default=list)
    matrix_note_fa: Mapped[str] = mapped_column(Text, default="")


class Responsibility(Base):
    """One tick of the responsibility matrix: this organization takes part in this step."""

    __tablename__ = "responsibilities"

    process_code: Mapped[str] = mapped_column(ForeignKey("process_steps.code"), primary_key=True)
    organization_code: Mapped[str] = mapped_column(ForeignKey("organizations.code"), primary_key=True)


class Phase(Base):
    __tablename__ = "phases"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    order: Mapped[int] = mapped_column("sort_order", Integer)
    title_fa: Mapped[str] = mapped_column(Text)
    title_en: Mapped[str] = mapped_column(Text)


class PhaseStep(Base):
    __tablename__ = "phase_steps"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    phase_code: Mapped[str] = mapped_column(ForeignKey("phases.code"))
    order: Mapped[int] = mapped_column("sort_order", Integer)
    title_fa: Mapped[str] = mapped_column(Text)
    processes: Mapped[list[Any]] = mapped_column(JSON, default=list)  # related F-codes

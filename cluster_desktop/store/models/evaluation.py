"""Criteria sets (F5/F15), evaluations by working-group members (F3-4, F6-1), workflow history."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Synced


class CriteriaSet(Synced, Base):
    __tablename__ = "criteria_sets"

    number: Mapped[int] = mapped_column(Integer, unique=True)  # the set's version, 1 = Article 7
    title_fa: Mapped[str] = mapped_column(Text)
    threshold: Mapped[float] = mapped_column(Float, default=60.0)
    is_current: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")

    criteria: Mapped[list[Criterion]] = relationship(order_by="Criterion.order")


class Criterion(Synced, Base):
    __tablename__ = "criteria"
    __table_args__ = (UniqueConstraint("set_id", "code"),)

    set_id: Mapped[str] = mapped_column(ForeignKey("criteria_sets.id"), index=True)
    code: Mapped[str] = mapped_column(String(8))
    order: Mapped[int] = mapped_column("sort_order", Integer)
    title_fa: Mapped[str] = mapped_column(Text)
    title_en: Mapped[str] = mapped_column(Text)
    weight: Mapped[float] = mapped_column(Float)
    rubric: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [{score, fa, en}] for 0..5


class Evaluation(Synced, Base):
    """One member's sheet for one dossier at one level in one evaluation round, against one
    criteria-set version. Each opening of the evaluation starts a round (domain.workflow.ROUND_OPENERS);
    the sheets of earlier rounds are kept as they were."""

    __tablename__ = "evaluations"
    __table_args__ = (UniqueConstraint("dossier_id", "member_id", "level", "round_number"),)

    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), index=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("wg_members.id"))
    level: Mapped[str] = mapped_column(String(16))  # province | central
    round_number: Mapped[int] = mapped_column(Integer, default=1)  # 1, 2, … per dossier and level
    criteria_set_id: Mapped[str] = mapped_column(ForeignKey("criteria_sets.id"))
    submitted_at: Mapped[datetime | None]
    comment: Mapped[str] = mapped_column(Text, default="")

    scores: Mapped[list[Score]] = relationship(cascade="all, delete-orphan")


class Score(Synced, Base):
    __tablename__ = "evaluation_scores"
    __table_args__ = (UniqueConstraint("evaluation_id", "criterion_code"),)

    evaluation_id: Mapped[str] = mapped_column(ForeignKey("evaluations.id"), index=True)
    criterion_code: Mapped[str] = mapped_column(String(8))
    score: Mapped[int]
    comment: Mapped[str] = mapped_column(Text, default="")


class Transition(Synced, Base):
    """One step of a dossier's or programme's history, with its F-code and, for decisions, minutes."""

    __tablename__ = "transitions"

    dossier_id: Mapped[str | None] = mapped_column(ForeignKey("dossiers.id"), index=True)
    programme_id: Mapped[str | None] = mapped_column(ForeignKey("programmes.id"), index=True)
    action: Mapped[str] = mapped_column(String(32))
    from_state: Mapped[str] = mapped_column(String(32))
    to_state: Mapped[str] = mapped_column(String(32))
    f_code: Mapped[str] = mapped_column(String(8))
    actor: Mapped[str]  # username and full name at the time; users are local to an office
    at: Mapped[datetime]
    comment: Mapped[str] = mapped_column(Text, default="")
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id"))
    minutes_number: Mapped[str] = mapped_column(String(16), default="")

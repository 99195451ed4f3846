"""Working groups (F1 central, F2 provincial), their members, meetings and minutes."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Synced


class WorkingGroup(Synced, Base):
    __tablename__ = "working_groups"

    level: Mapped[str] = mapped_column(String(16))  # central | province
    province_code: Mapped[str | None] = mapped_column(ForeignKey("provinces.code"))
    name_fa: Mapped[str]
    established_on: Mapped[date | None]

    members: Mapped[list[Member]] = relationship(back_populates="group", order_by="Member.full_name")


class Member(Synced, Base):
    __tablename__ = "wg_members"

    group_id: Mapped[str] = mapped_column(ForeignKey("working_groups.id"), index=True)
    full_name: Mapped[str]
    organization_code: Mapped[str | None] = mapped_column(ForeignKey("organizations.code"))
    member_role: Mapped[str] = mapped_column(String(16), default="member")  # chair | secretary | member
    position: Mapped[str] = mapped_column(default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    email: Mapped[str] = mapped_column(String(128), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    group: Mapped[WorkingGroup] = relationship(back_populates="members")


class Meeting(Synced, Base):
    """A working-group meeting; its minutes number is what decisions cite."""

    __tablename__ = "meetings"
    __table_args__ = (UniqueConstraint("group_id", "number"),)

    group_id: Mapped[str] = mapped_column(ForeignKey("working_groups.id"), index=True)
    number: Mapped[str] = mapped_column(String(16))  # domain.numbering.format_minutes_number
    held_on: Mapped[date]
    location: Mapped[str] = mapped_column(default="")
    agenda: Mapped[str] = mapped_column(Text, default="")
    minutes_text: Mapped[str] = mapped_column(Text, default="")
    finalized: Mapped[bool] = mapped_column(Boolean, default=False)

    attendees: Mapped[list[Attendance]] = relationship(cascade="all, delete-orphan")
    resolutions: Mapped[list[Resolution]] = relationship(
        cascade="all, delete-orphan", order_by="Resolution.order"
    )


class Attendance(Synced, Base):
    __tablename__ = "meeting_attendees"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), index=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("wg_members.id"))
    present: Mapped[bool] = mapped_column(Boolean, default=True)


class Resolution(Synced, Base):
    """A numbered item of the minutes that is not a dossier decision (those are transitions)."""

    __tablename__ = "meeting_resolutions"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), index=True)
    order: Mapped[int] = mapped_column("sort_order", Integer)
    text: Mapped[str] = mapped_column(Text)

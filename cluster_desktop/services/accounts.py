"""Users management for the administrator: list users, create one with a role, link it to a member.

A secretary holds the office keys, so creating one needs the administrator's own password to unlock
the office data key once (it is then wrapped under the new user's password).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import DomainError, FieldCollector, ValidationError
from cluster_desktop.domain.roles import ROLE_TITLES, Role
from cluster_desktop.store.models import KeyWrap, Member, User, utcnow

from . import users
from .actor import Actor, require
from .first_run import check_admin


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    full_name: str
    role: Role
    role_fa: str
    role_en: str
    member_name: str
    holds_keys: bool
    active: bool
    locked_until: datetime | None = None  # a login lockout still running (services/users.py)


def user_rows(session: Session) -> list[UserRow]:
    members = dict(session.execute(select(Member.id, Member.full_name)).all())
    wraps = set(session.scalars(select(KeyWrap.user_id)))
    return [
        UserRow(
            u.id,
            u.username,
            u.full_name,
            Role(u.role),
            *ROLE_TITLES[Role(u.role)],
            members.get(u.member_id or "", ""),
            u.id in wraps,
            u.active,
            u.locked_until if u.locked_until is not None and u.locked_until > utcnow() else None,
        )
        for u in users.list_users(session)
    ]


@dataclass(frozen=True)
class NewUser:
    username: str
    full_name: str
    role: Role
    password: str
    password_again: str
    member_id: str | None = None
    admin_password: str = ""


def add_user(session: Session, actor: Actor, data: NewUser) -> User:
    """Create a user (admin only); every problem is reported beside its field, nothing is half made."""
    require(actor, (), what_fa="تعریف کاربر", what_en="create users")
    c = FieldCollector()
    c.check(check_admin, data.username, data.full_name, data.password, data.password_again)
    if data.role is Role.EVALUATOR and not data.member_id:
        c.add(
            "member",
            "ارزیاب باید به یکی از اعضای کارگروه پیوند بخورد.",
            "An evaluator must be linked to a working-group member.",
        )
    if data.member_id and session.scalar(select(User).where(User.member_id == data.member_id)):
        c.add("member", "این عضو کارگروه قبلاً کاربر دارد.", "This member already has a user.")
    data_key = None
    if data.role in users.KEY_HOLDERS:
        if not data.admin_password:
            c.add(
                "admin_password",
                "برای دادن دسترسی کلیدهای دفتر، گذرواژهٔ خودتان را وارد کنید.",
                "Enter your own password to give access to the office keys.",
            )
        else:
            try:
                data_key = users.unlock_data_key(session, actor, data.admin_password)
            except DomainError as e:
                c.errors.append(ValidationError(e.fa, e.en, field="admin_password"))
    c.raise_if_any()
    # A taken username is refused there, as a ConflictError naming the "username" field.
    return users.create_user(
        session,
        actor,
        username=data.username,
        full_name=data.full_name,
        role=data.role,
        password=data.password,
        member_id=data.member_id,
        data_key=data_key,
    )


def unlock_user(session: Session, actor: Actor, username: str) -> User:
    """An administrator lifts a login lockout (services/users.LOCK_AFTER) before its delay ends."""
    require(actor, {Role.ADMIN}, what_fa="باز کردن قفل حساب کاربری", what_en="unlock accounts")
    user = session.scalar(select(User).where(User.username == username.strip()))
    if user is None:
        raise DomainError("این نام کاربری پیدا نشد.", "No such username.")
    user.failed_logins, user.locked_until = 0, None
    from . import audit

    audit.record(session, actor, "user.unlock", "user", user.username)
    return user


def change_own_password(session: Session, actor: Actor, old: str, new: str, again: str) -> None:
    """The acting user's own password, the old one required. Every problem is named beside its field;
    a key holder's wrap of the office data key is re-made under the new password, so keys stay usable."""
    c = FieldCollector()
    if not old:
        c.add("old_password", "گذرواژهٔ فعلی را وارد کنید.", "Enter your current password.")
    c.check(users.validate_new_password, new)
    if new != again:
        c.add("password_again", "دو گذرواژهٔ تازه یکی نیستند.", "The two new passwords differ.")
    elif new and new == old:
        c.add("password", "گذرواژهٔ تازه با گذرواژهٔ فعلی یکی است.", "The new password is the current one.")
    c.raise_if_any()
    users.change_password(session, actor, old, new)

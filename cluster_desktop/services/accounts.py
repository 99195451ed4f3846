"""Users management for the administrator: list, create, edit, deactivate and reactivate users, reset a
password, lift a lockout; and everyone's own password change.

A key holder (users.KEY_HOLDERS) has the office data key wrapped under their password, so every step that
gives a user a new password or makes them a key holder needs the administrator's own password to unlock
that key once; a step that takes the role away deletes the wrap. The office always keeps one active
administrator.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import (
    DomainError,
    FieldCollector,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from cluster_desktop.domain.roles import ROLE_TITLES, Role
from cluster_desktop.store.models import KeyWrap, Member, User, utcnow

from . import audit, forms, security, users
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
    member_id: str | None = None


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
            u.member_id,
        )
        for u in users.list_users(session)
    ]


def user_row(session: Session, username: str) -> UserRow:
    row = next((r for r in user_rows(session) if r.username == username.strip()), None)
    if row is None:
        raise NotFound("این نام کاربری پیدا نشد.", "No such username.")
    return row


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
    acting_admin(session, actor, "تعریف کاربر", "create users")
    c = FieldCollector()
    c.check(check_admin, data.username, data.full_name, data.password, data.password_again)
    _check_member(session, c, data.role, data.member_id or None, None)
    data_key = None
    if data.role in users.KEY_HOLDERS:
        data_key = _admin_data_key(session, actor, data.admin_password, c)
    c.raise_if_any()
    # A taken username is refused there, as a ConflictError naming the "username" field.
    return users.create_user(
        session,
        actor,
        username=data.username,
        full_name=data.full_name,
        role=data.role,
        password=data.password,
        member_id=data.member_id or None,
        data_key=data_key,
    )


def unlock_user(session: Session, actor: Actor, username: str) -> User:
    """An administrator lifts a login lockout (services/users.LOCK_AFTER) before its delay ends."""
    acting_admin(session, actor, "باز کردن قفل حساب کاربری", "unlock accounts")
    user = _user(session, username)
    user.failed_logins, user.locked_until = 0, None
    audit.record(session, actor, "user.unlock", "user", user.username)
    return user


def change_own_password(session: Session, actor: Actor, old: str, new: str, again: str) -> None:
    """The acting user's own password, the old one required. Every problem is named beside its field;
    a key holder's wrap of the office data key is re-made under the new password, so keys stay usable."""
    c = FieldCollector()
    if not old:
        c.add("old_password", "گذرواژهٔ فعلی را وارد کنید.", "Enter your current password.")
    c.check(users.validate_new_password, new, actor.username)
    if new != again:
        c.add("password_again", "دو گذرواژهٔ تازه یکی نیستند.", "The two new passwords differ.")
    elif new and new == old:
        c.add("password", "گذرواژهٔ تازه با گذرواژهٔ فعلی یکی است.", "The new password is the current one.")
    c.raise_if_any()
    users.change_password(session, actor, old, new)


# --- the administrator's edits -------------------------------------------------------------------------


def acting_admin(session: Session, actor: Actor, what_fa: str, what_en: str) -> User:
    """Only an administrator, and one whose account is still an active administrator's: a window left open
    after its own demotion or deactivation keeps no power."""
    require(actor, (), what_fa=what_fa, what_en=what_en)
    me = session.get(User, actor.user_id)
    if me is None or not me.active or me.role != Role.ADMIN.value:
        raise PermissionDenied(
            "حساب شما دیگر مدیر فعال سامانه نیست؛ دوباره وارد شوید.",
            "Your account is no longer an active administrator; log in again.",
        )
    return me


def _user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username.strip()))
    if user is None:
        raise NotFound("این نام کاربری پیدا نشد.", "No such username.")
    return user


def _check_member(
    session: Session, c: FieldCollector, role: Role, member_id: str | None, user_id: int | None
) -> None:
    """An evaluator scores as a working-group member, so it is linked to one; a member has one user."""
    if role is Role.EVALUATOR and not member_id:
        c.add(
            "member",
            "ارزیاب باید به یکی از اعضای کارگروه پیوند بخورد.",
            "An evaluator must be linked to a working-group member.",
        )
    if not member_id:
        return
    if session.get(Member, member_id) is None:
        c.add("member", "این عضو کارگروه پیدا نشد.", "No such working-group member.")
    elif session.scalar(select(User.id).where(User.member_id == member_id, User.id != (user_id or -1))):
        c.add("member", "این عضو کارگروه قبلاً کاربر دارد.", "This member already has a user.")


def find_member(session: Session, text: str) -> str:
    """A working-group member's id from its id or its full name as typed (the CLI's ``--member``)."""
    from cluster_desktop.domain.text import normalize_for_search

    text = text.strip()
    if session.get(Member, text) is not None:
        return text
    wanted = normalize_for_search(text)
    found = [m.id for m in session.scalars(select(Member)) if normalize_for_search(m.full_name) == wanted]
    if len(found) != 1:
        raise ValidationError(
            "این عضو کارگروه پیدا نشد؛ شناسه یا نام کامل او را بدهید."
            if not found
            else "چند عضو کارگروه این نام را دارند؛ شناسهٔ عضو را بدهید.",
            "No such working-group member; give its id or full name."
            if not found
            else "Several members have this name; give the member's id.",
            field="member",
        )
    return found[0]


def _admin_data_key(session: Session, actor: Actor, admin_password: str, c: FieldCollector) -> bytes | None:
    """The office data key, unlocked with the administrator's own password (its problems beside that field)."""
    if not admin_password:
        c.add(
            "admin_password",
            "برای دادن دسترسی کلیدهای دفتر، گذرواژهٔ خودتان را وارد کنید.",
            "Enter your own password to give access to the office keys.",
        )
        return None
    try:
        return users.unlock_data_key(session, actor, admin_password)
    except DomainError as e:
        c.errors.append(ValidationError(e.fa, e.en, field="admin_password"))
        return None


def _check_new_password(c: FieldCollector, user: User, password: str, again: str) -> None:
    c.check(users.validate_new_password, password, user.username)
    if password != again:
        c.add("password_again", "دو گذرواژه یکسان نیستند.", "The two passwords differ.")


LAST_ADMIN = (
    "دفتر باید دست‌کم یک مدیر سامانهٔ فعال داشته باشد؛ نخست کاربر دیگری را مدیر کنید.",
    "The office must keep at least one active administrator; make another user an administrator first.",
)


def _is_last_admin(session: Session, user: User) -> bool:
    """Whether ``user`` is the only active administrator. The administrators' rows are locked in one
    order, so two administrators demoting each other at once cannot both succeed (PostgreSQL)."""
    admins = session.scalars(
        select(User.id)
        .where(User.role == Role.ADMIN.value, User.active.is_(True))
        .order_by(User.id)
        .with_for_update()
    ).all()
    return user.id in admins and len(admins) == 1


def _set_password(session: Session, user: User, password: str, data_key: bytes | None) -> None:
    """A new password (lockout cleared); a key holder's wrap is made again under it, never left stale."""
    user.password_hash = security.hash_password(password)
    user.failed_logins, user.locked_until = 0, None
    wrap = session.get(KeyWrap, user.id)
    if data_key is None:
        if wrap is not None:  # unreachable by the callers' checks: a stale wrap would be unusable
            session.delete(wrap)
    elif wrap is None:
        session.add(KeyWrap(user_id=user.id, wrapped=security.wrap_data_key(data_key, password)))
    else:
        wrap.wrapped = security.wrap_data_key(data_key, password)


@dataclass(frozen=True)
class UserEdit:
    username: str  # who is edited (the username itself never changes: the audit log names people by it)
    full_name: str
    role: Role
    member_id: str | None = None
    # Only when the change makes the user a key holder: the office key is wrapped under a new password
    # set here (the user's own is known to nobody else), unlocked with the administrator's password.
    password: str = ""
    password_again: str = ""
    admin_password: str = ""


def becomes_key_holder(old: Role, new: Role) -> bool:
    """A role change that needs a new password and the administrator's (see UserEdit)."""
    return old not in users.KEY_HOLDERS and new in users.KEY_HOLDERS


def edit_user(session: Session, actor: Actor, data: UserEdit) -> User:
    """Change a user's full name, working-group member and role; every problem beside its field."""
    acting_admin(session, actor, "ویرایش کاربر", "edit users")
    user = _user(session, data.username)
    old_role = Role(user.role)
    c = FieldCollector()
    full_name = forms.text(c, data.full_name, "full_name", "نام و نام خانوادگی", "Full name", required=True)
    member_id = data.member_id or None
    _check_member(session, c, data.role, member_id, user.id)
    if (
        old_role is Role.ADMIN
        and data.role is not Role.ADMIN
        and user.active
        and _is_last_admin(session, user)
    ):
        c.add("role", *LAST_ADMIN)
    data_key = None
    if becomes_key_holder(old_role, data.role):
        _check_new_password(c, user, data.password, data.password_again)
        data_key = _admin_data_key(session, actor, data.admin_password, c)
    c.raise_if_any()
    changes = {
        k: v
        for k, v, old in (("full_name", full_name, user.full_name), ("member_id", member_id, user.member_id))
        if v != old
    }
    if changes:
        user.full_name, user.member_id = full_name, member_id
        audit.record(session, actor, "user.edit", "user", str(user.id), username=user.username, **changes)
    if data.role is not old_role:
        user.role = data.role.value
        audit.record(
            session,
            actor,
            "user.role",
            "user",
            str(user.id),
            username=user.username,
            old=old_role.value,
            new=data.role.value,
        )
        if data_key is not None:
            _set_password(session, user, data.password, data_key)
            audit.record(
                session, actor, "user.reset_password", "user", str(user.id), username=user.username, keys=True
            )
        elif data.role not in users.KEY_HOLDERS and (wrap := session.get(KeyWrap, user.id)) is not None:
            session.delete(wrap)  # no longer a key holder: the office key stays out of reach
    return user


def deactivate_user(session: Session, actor: Actor, username: str) -> User:
    """The account can no longer log in nor act; its history stays (nothing is deleted)."""
    acting_admin(session, actor, "غیرفعال کردن کاربر", "deactivate users")
    user = _user(session, username)
    if not user.active:
        raise DomainError("این حساب از پیش غیرفعال است.", "This account is already deactivated.")
    if user.role == Role.ADMIN.value and _is_last_admin(session, user):
        raise DomainError(*LAST_ADMIN)
    user.active = False
    audit.record(session, actor, "user.deactivate", "user", str(user.id), username=user.username)
    return user


def reactivate_user(session: Session, actor: Actor, username: str) -> User:
    """The account logs in again with its own password (a key holder's wrap was kept)."""
    acting_admin(session, actor, "فعال کردن دوبارهٔ کاربر", "reactivate users")
    user = _user(session, username)
    if user.active:
        raise DomainError("این حساب فعال است.", "This account is active.")
    user.active = True
    user.failed_logins, user.locked_until = 0, None
    audit.record(session, actor, "user.reactivate", "user", str(user.id), username=user.username)
    return user


@dataclass(frozen=True)
class PasswordReset:
    username: str
    password: str
    password_again: str
    admin_password: str = ""  # needed for a key holder: it unlocks the office key to re-wrap it


def reset_password(session: Session, actor: Actor, data: PasswordReset) -> User:
    """An administrator gives another user a new password (their own is changed with the old one, in
    change_own_password). A key holder's office key is re-wrapped under it in the same transaction."""
    acting_admin(session, actor, "تعیین گذرواژهٔ تازه برای کاربر", "reset passwords")
    user = _user(session, data.username)
    if user.id == actor.user_id:
        raise DomainError(
            "گذرواژهٔ خودتان را از «تغییر گذرواژهٔ من» عوض کنید.",
            "Change your own password with 'Change my password'.",
        )
    c = FieldCollector()
    _check_new_password(c, user, data.password, data.password_again)
    holder = Role(user.role) in users.KEY_HOLDERS
    data_key = _admin_data_key(session, actor, data.admin_password, c) if holder else None
    c.raise_if_any()
    _set_password(session, user, data.password, data_key)
    audit.record(
        session,
        actor,
        "user.reset_password",
        "user",
        str(user.id),
        username=user.username,
        keys=holder or None,
    )
    return user

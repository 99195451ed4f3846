"""Users and roles: login, creation, passwords (scrypt), and who may hold the office keys."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import (
    ConflictError,
    DomainError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.domain.roles import OfficeKind, Role
from cluster_desktop.domain.text import clean_text
from cluster_desktop.store.models import KeyWrap, Office, User, utcnow

from . import audit, security
from .actor import Actor, require

# Roles whose holders can sign and decrypt bundles (they get a wrap of the office data key).
KEY_HOLDERS = (Role.ADMIN, Role.SECRETARY)
MIN_PASSWORD = 8
_USERNAME = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{1,31}$")


def password_policy_text() -> tuple[str, str]:
    """The password rules in words (Persian, English), shown beside every new-password field; the one
    place that states what ``validate_new_password`` enforces."""
    n = MIN_PASSWORD
    return (
        f"گذرواژه دست‌کم {to_persian_digits(n)} نویسه دارد، با نام کاربری یکی نیست، و فقط از رقم یا از "
        "تکرار یک نویسه ساخته نشده است. حروف فارسی و لاتین، رقم، فاصله و نشانه‌ها همه پذیرفته‌اند؛ "
        "یک جملهٔ کوتاه به‌خاطرسپردنی بهتر از یک واژهٔ دشوار است.",
        f"A password has at least {n} characters, is not the username, and is not only digits or one "
        "character repeated. Persian and Latin letters, digits, spaces and symbols are all accepted; a "
        "short memorable sentence beats a hard word.",
    )


def validate_new_password(password: str, username: str = "") -> None:
    """Refuse a new password that breaks ``password_policy_text``'s rules (the first one broken)."""
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            f"گذرواژه باید دست‌کم {to_persian_digits(MIN_PASSWORD)} نویسه باشد.",
            f"The password must have at least {MIN_PASSWORD} characters.",
            field="password",
        )
    if username.strip() and password.strip().casefold() == username.strip().casefold():
        raise ValidationError(
            "گذرواژه نباید همان نام کاربری باشد.", "The password must not be the username.", field="password"
        )
    if len(set(password)) == 1:
        raise ValidationError(
            "گذرواژه نباید تکرار یک نویسه باشد.",
            "The password must not be one character repeated.",
            field="password",
        )
    if password.isdigit():
        raise ValidationError(
            "گذرواژه نباید فقط رقم باشد؛ دست‌کم یک حرف یا نشانه در آن بگذارید.",
            "The password must not be only digits; put at least one letter or symbol in it.",
            field="password",
        )


def validate_username(username: str) -> str:
    username = username.strip()
    if not _USERNAME.match(username):
        raise ValidationError(
            "نام کاربری باید با حرف لاتین شروع شود و فقط حروف لاتین، رقم، نقطه، خط تیره یا زیرخط داشته باشد.",
            "The username must start with a Latin letter and hold only letters, digits, '.', '-' or '_'.",
            field="username",
        )
    return username


def local_office(session: Session) -> Office:
    office = session.scalar(select(Office).where(Office.is_local.is_(True)))
    if office is None:
        raise NotFound("این دفتر هنوز راه‌اندازی نشده است.", "This office has not been set up yet.")
    return office


def actor_for(session: Session, user: User) -> Actor:
    """The Actor a user acts as; a deactivated account acts as nobody (accounts.deactivate_user)."""
    if not user.active:
        raise PermissionDenied(
            f"حساب کاربری «{user.username}» غیرفعال است.", f"The account '{user.username}' is deactivated."
        )
    office = local_office(session)
    return Actor(
        user_id=user.id,
        username=user.username,
        full_name=user.full_name,
        role=Role(user.role),
        office_id=office.id,
        office_kind=OfficeKind(office.kind),
        province_code=office.province_code,
        member_id=user.member_id,
    )


# Lockout: after LOCK_AFTER wrong passwords in a row an account is refused for a delay that doubles
# with every further failure (1, 2, 4 … minutes, at most LOCK_MAX); the right password afterwards, or an
# administrator (accounts.unlock_user), clears it.
LOCK_AFTER = 5
LOCK_MAX = timedelta(hours=1)


def lock_delay(failures: int) -> timedelta:
    return min(LOCK_MAX, timedelta(minutes=2 ** min(6, max(0, failures - LOCK_AFTER))))


class AccountLocked(DomainError):
    """Too many wrong passwords in a row: logins refused until a time (or an administrator's unlock)."""


def _locked(until: datetime) -> AccountLocked:
    from cluster_desktop.domain.jalali import format_jalali_datetime

    return AccountLocked(
        f"به‌دلیل چند گذرواژهٔ نادرست پیاپی، ورود با این نام کاربری تا {format_jalali_datetime(until)} بسته است؛ "
        "مدیر سامانه می‌تواند زودتر آن را باز کند.",
        f"After several wrong passwords in a row this account is locked until {until:%Y-%m-%d %H:%M} UTC; "
        "an administrator can unlock it sooner.",
    )


def _record_failure(session: Session, user_id: int) -> datetime | None:
    """Count the failure in a transaction of its own (the caller's rolls back with the refusal);
    returns until when the account is now locked, if it is."""
    from sqlalchemy.orm import Session as OrmSession

    with OrmSession(bind=session.get_bind()) as own:
        user = own.get(User, user_id, with_for_update=True)
        if user is None:
            return None
        user.failed_logins = (user.failed_logins or 0) + 1
        if user.failed_logins >= LOCK_AFTER:
            user.locked_until = utcnow() + lock_delay(user.failed_logins)
            audit.record(
                own,
                None,
                "user.locked",
                "user",
                user.username,
                failures=user.failed_logins,
                until=user.locked_until.isoformat(),
            )
        until = user.locked_until
        own.commit()
        return until


def authenticate(session: Session, username: str, password: str) -> Actor:
    """The actor for a username and password; one vague message for a wrong pair, a clear one for an
    account locked by too many of them (services/users.LOCK_AFTER)."""
    user = session.scalar(select(User).where(User.username == username.strip()))
    if user is not None and user.locked_until is not None and user.locked_until > utcnow():
        raise _locked(user.locked_until)
    if user is None or not user.active or not security.verify_password(password, user.password_hash):
        until = _record_failure(session, user.id) if user is not None else None
        if until is not None and until > utcnow():
            raise _locked(until)
        raise DomainError("نام کاربری یا گذرواژه نادرست است.", "Wrong username or password.")
    if user.failed_logins or user.locked_until is not None:
        user.failed_logins, user.locked_until = 0, None
    return actor_for(session, user)


def create_user_record(
    session: Session,
    *,
    username: str,
    full_name: str,
    role: Role,
    password: str,
    member_id: str | None = None,
) -> User:
    username = validate_username(username)
    full_name = clean_text(full_name)
    if not full_name:
        raise ValidationError("نام و نام خانوادگی را وارد کنید.", "Enter the full name.", field="full_name")
    validate_new_password(password, username)
    if session.scalar(select(User).where(User.username == username)):
        raise ConflictError("این نام کاربری قبلاً ثبت شده است.", "This username is taken.", field="username")
    user = User(
        username=username,
        full_name=full_name,
        role=role.value,
        password_hash=security.hash_password(password),
        member_id=member_id,
    )
    session.add(user)
    session.flush()
    return user


def create_user(
    session: Session,
    actor: Actor,
    *,
    username: str,
    full_name: str,
    role: Role,
    password: str,
    member_id: str | None = None,
    data_key: bytes | None = None,
) -> User:
    """Add a user (admin only). Key holders need the office data key, unlocked by the admin."""
    require(actor, (), what_fa="تعریف کاربر", what_en="create users")
    user = create_user_record(
        session, username=username, full_name=full_name, role=role, password=password, member_id=member_id
    )
    if role in KEY_HOLDERS and data_key is not None:
        session.add(KeyWrap(user_id=user.id, wrapped=security.wrap_data_key(data_key, password)))
    audit.record(session, actor, "user.create", "user", str(user.id), username=user.username, role=role.value)
    return user


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.username)))


def change_password(session: Session, actor: Actor, old: str, new: str) -> None:
    user = session.get(User, actor.user_id)
    assert user is not None
    if not security.verify_password(old, user.password_hash):
        raise ValidationError(
            "گذرواژهٔ فعلی نادرست است.", "The current password is wrong.", field="old_password"
        )
    validate_new_password(new, user.username)
    user.password_hash = security.hash_password(new)
    wrap = session.get(KeyWrap, user.id)
    if wrap is not None:
        wrap.wrapped = security.wrap_data_key(security.unwrap_data_key(wrap.wrapped, old), new)
    audit.record(session, actor, "user.password", "user", str(user.id))


def unlock_data_key(session: Session, actor: Actor, password: str) -> bytes:
    """The office data key, for an actor who holds a wrap of it (to sign or open bundles)."""
    wrap = session.get(KeyWrap, actor.user_id)
    if wrap is None:
        raise DomainError(
            "این کاربر به کلیدهای دفتر دسترسی ندارد؛ با مدیر سامانه یا دبیر کارگروه کار کنید.",
            "This user holds no office keys; act as the administrator or the secretary.",
        )
    return security.unwrap_data_key(wrap.wrapped, password)

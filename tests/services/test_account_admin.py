"""The administrator's account work (issue 17, accounts): edit, role changes with the office key's wrap,
deactivate and reactivate, password resets, the last administrator kept, the password policy and the
idle-lock setting. On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from cluster_desktop.domain.errors import DomainError, FormError, NotFound, PermissionDenied
from cluster_desktop.domain.roles import Role
from cluster_desktop.services import accounts, session_lock, sync, users
from cluster_desktop.services.actor import Actor
from cluster_desktop.services.groups import MemberInput, add_member
from cluster_desktop.services.workspace import Workspace
from cluster_desktop.store.models import AuditEntry, KeyWrap, User
from tests.conftest import PASSWORD

NEW = "fresh-pass-42"


def _add(ws: Workspace, admin: Actor, name: str, role: Role, member_id: str | None = None) -> None:
    with ws.db.session() as s:
        accounts.add_user(
            s,
            admin,
            accounts.NewUser(
                name, f"کاربر {name}", role, PASSWORD, PASSWORD, member_id, admin_password=PASSWORD
            ),
        )


def _member(ws: Workspace, admin: Actor, name: str) -> str:
    with ws.db.session() as s:
        return add_member(s, admin, MemberInput(name, "CHAMBER_COMMERCE")).id


def _login(ws: Workspace, name: str, password: str = PASSWORD) -> Actor:
    with ws.db.session() as s:
        return users.authenticate(s, name, password)


def _fields(exc: pytest.ExceptionInfo[DomainError]) -> dict[str, str]:
    assert isinstance(exc.value, FormError)
    return exc.value.by_field()


def _actions(ws: Workspace, username: str) -> list[str]:
    with ws.db.session() as s:
        return [
            e.action
            for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))
            if (e.details or {}).get("username") == username or e.entity_id == username
        ]


def _has_wrap(ws: Workspace, username: str) -> bool:
    with ws.db.session() as s:
        user = s.scalar(select(User).where(User.username == username))
        assert user is not None
        return s.get(KeyWrap, user.id) is not None


def test_edit_name_member_and_role_each_audited(workspace, province_admin) -> None:
    ws, admin = workspace, province_admin
    first, second = _member(ws, admin, "الهام رحیمی"), _member(ws, admin, "رضا کریمی")
    _add(ws, admin, "elham", Role.EVALUATOR, first)
    _add(ws, admin, "reza", Role.EVALUATOR, second)
    with ws.db.session() as s:
        accounts.edit_user(s, admin, accounts.UserEdit("elham", "  الهام   رحیمی‌نژاد ", Role.CLERK, first))
    with ws.db.session() as s:
        row = next(r for r in accounts.user_rows(s) if r.username == "elham")
        assert (row.full_name, row.role, row.member_id) == ("الهام رحیمی‌نژاد", Role.CLERK, first)
    assert _actions(ws, "elham")[-2:] == ["user.edit", "user.role"]
    # an evaluator stays linked; a member has one user; an unknown member is named
    with ws.db.session() as s, pytest.raises(FormError) as no_member:
        accounts.edit_user(s, admin, accounts.UserEdit("reza", "رضا کریمی", Role.EVALUATOR, None))
    assert "اعضای کارگروه" in _fields(no_member)["member"]
    with ws.db.session() as s, pytest.raises(FormError) as taken:
        accounts.edit_user(s, admin, accounts.UserEdit("reza", "رضا کریمی", Role.EVALUATOR, first))
    assert "قبلاً کاربر دارد" in _fields(taken)["member"]
    with ws.db.session() as s, pytest.raises(FormError) as unknown:
        accounts.edit_user(s, admin, accounts.UserEdit("reza", "", Role.EVALUATOR, "no-such-member"))
    assert set(_fields(unknown)) == {"member", "full_name"}
    with ws.db.session() as s, pytest.raises(NotFound):
        accounts.edit_user(s, admin, accounts.UserEdit("nobody", "x", Role.CLERK))
    # nothing half-saved by the refusals
    with ws.db.session() as s:
        row = next(r for r in accounts.user_rows(s) if r.username == "reza")
        assert (row.full_name, row.role, row.member_id) == ("کاربر reza", Role.EVALUATOR, second)


def test_only_an_active_administrator_manages_users(workspace, province_admin) -> None:
    ws, admin = workspace, province_admin
    _add(ws, admin, "clerk1", Role.CLERK)
    _add(ws, admin, "boss2", Role.ADMIN)
    clerk = _login(ws, "clerk1")
    for call in (
        lambda s, a: accounts.deactivate_user(s, a, "boss2"),
        lambda s, a: accounts.edit_user(s, a, accounts.UserEdit("clerk1", "x", Role.ADMIN)),
        lambda s, a: accounts.reset_password(s, a, accounts.PasswordReset("boss2", NEW, NEW, PASSWORD)),
        lambda s, a: session_lock.set_idle_lock_minutes(s, a, 5),
    ):
        with ws.db.session() as s, pytest.raises(PermissionDenied):
            call(s, clerk)
    # an administrator demoted meanwhile keeps no power in the window still open with the old actor
    boss2 = _login(ws, "boss2")
    with ws.db.session() as s:
        accounts.edit_user(s, admin, accounts.UserEdit("boss2", "کاربر boss2", Role.SECRETARY))
    with ws.db.session() as s, pytest.raises(PermissionDenied) as stale:
        accounts.deactivate_user(s, boss2, "clerk1")
    assert "دیگر مدیر فعال" in stale.value.fa


def test_the_office_always_keeps_an_active_administrator(workspace, province_admin) -> None:
    ws, admin = workspace, province_admin
    with ws.db.session() as s, pytest.raises(DomainError) as alone:
        accounts.deactivate_user(s, admin, "admin")
    assert "دست‌کم یک مدیر سامانهٔ فعال" in alone.value.fa
    with ws.db.session() as s, pytest.raises(FormError) as demote:
        accounts.edit_user(s, admin, accounts.UserEdit("admin", "مدیر سامانه", Role.SECRETARY))
    assert "مدیر سامانهٔ فعال" in _fields(demote)["role"]
    # with a second administrator the first may step down; then the second is the last one
    _add(ws, admin, "boss2", Role.ADMIN)
    with ws.db.session() as s:
        accounts.edit_user(s, admin, accounts.UserEdit("admin", "مدیر سامانه", Role.SECRETARY))
    assert _has_wrap(ws, "admin")  # a secretary still holds the keys
    boss2 = _login(ws, "boss2")
    with ws.db.session() as s, pytest.raises(DomainError):
        accounts.deactivate_user(s, boss2, "boss2")
    with ws.db.session() as s, pytest.raises(FormError):
        accounts.edit_user(s, boss2, accounts.UserEdit("boss2", "x y", Role.VIEWER))
    # an inactive administrator does not count: reactivated, it may be the one who stays
    _add(ws, boss2, "boss3", Role.ADMIN)
    with ws.db.session() as s:
        accounts.deactivate_user(s, boss2, "boss3")
    with ws.db.session() as s, pytest.raises(DomainError):
        accounts.deactivate_user(s, boss2, "boss2")


def test_a_deactivated_user_cannot_log_in_nor_act_until_reactivated(workspace, province_admin) -> None:
    ws, admin = workspace, province_admin
    _add(ws, admin, "sec", Role.SECRETARY)
    with ws.db.session() as s:
        accounts.deactivate_user(s, admin, "sec")
    with pytest.raises(DomainError) as refused:
        _login(ws, "sec")
    assert refused.value.fa == "نام کاربری یا گذرواژه نادرست است."
    with ws.db.session() as s:
        user = s.scalar(select(User).where(User.username == "sec"))
        with pytest.raises(PermissionDenied):
            users.actor_for(s, user)  # type: ignore[arg-type]
        assert not next(r for r in accounts.user_rows(s) if r.username == "sec").active
    with ws.db.session() as s, pytest.raises(DomainError):
        accounts.deactivate_user(s, admin, "sec")  # already
    with ws.db.session() as s:
        accounts.reactivate_user(s, admin, "sec")
    sec = _login(ws, "sec")
    with ws.db.session() as s:
        assert sync.unlock(s, sec, PASSWORD) is not None  # the wrap was kept
    assert _actions(ws, "sec")[-2:] == ["user.deactivate", "user.reactivate"]


def test_a_reset_rewraps_a_key_holders_office_key_and_needs_the_admin_password(
    workspace, province_admin
) -> None:
    ws, admin = workspace, province_admin
    _add(ws, admin, "sec", Role.SECRETARY)
    _add(ws, admin, "clerk1", Role.CLERK)
    for i in range(users.LOCK_AFTER):  # a reset also lifts a lockout
        with pytest.raises(DomainError):
            _login(ws, "sec", f"wrong-{i}")
    with ws.db.session() as s, pytest.raises(FormError) as missing:
        accounts.reset_password(s, admin, accounts.PasswordReset("sec", NEW, NEW))
    assert set(_fields(missing)) == {"admin_password"}
    with ws.db.session() as s, pytest.raises(FormError) as wrong:
        accounts.reset_password(s, admin, accounts.PasswordReset("sec", NEW, NEW, "not-my-password"))
    assert _fields(wrong)["admin_password"] == "گذرواژه نادرست است."
    with ws.db.session() as s, pytest.raises(FormError) as policy:
        accounts.reset_password(s, admin, accounts.PasswordReset("sec", "sec", "other", PASSWORD))
    assert set(_fields(policy)) == {"password", "password_again"}
    with ws.db.session() as s:
        accounts.reset_password(s, admin, accounts.PasswordReset("sec", NEW, NEW, PASSWORD))
        accounts.reset_password(s, admin, accounts.PasswordReset("clerk1", NEW, NEW))  # no keys: no admin pw
    sec = _login(ws, "sec", NEW)
    with ws.db.session() as s:
        assert sync.unlock(s, sec, NEW) is not None
    assert _login(ws, "clerk1", NEW).role is Role.CLERK
    with pytest.raises(DomainError):
        _login(ws, "clerk1", PASSWORD)
    with ws.db.session() as s, pytest.raises(DomainError) as own:
        accounts.reset_password(s, admin, accounts.PasswordReset("admin", NEW, NEW, PASSWORD))
    assert "تغییر گذرواژهٔ من" in own.value.fa
    assert "user.reset_password" in _actions(ws, "sec")


def test_becoming_a_key_holder_needs_a_new_password_and_leaving_it_drops_the_wrap(
    workspace, province_admin
) -> None:
    ws, admin = workspace, province_admin
    _add(ws, admin, "clerk1", Role.CLERK)
    assert not _has_wrap(ws, "clerk1")
    with ws.db.session() as s, pytest.raises(FormError) as needs:
        accounts.edit_user(s, admin, accounts.UserEdit("clerk1", "کاربر clerk1", Role.SECRETARY))
    assert {"password", "admin_password"} <= set(_fields(needs))
    with ws.db.session() as s:
        assert accounts.becomes_key_holder(Role.CLERK, Role.SECRETARY)
        assert not accounts.becomes_key_holder(Role.SECRETARY, Role.ADMIN)
        accounts.edit_user(
            s,
            admin,
            accounts.UserEdit(
                "clerk1",
                "کاربر clerk1",
                Role.SECRETARY,
                password=NEW,
                password_again=NEW,
                admin_password=PASSWORD,
            ),
        )
    promoted = _login(ws, "clerk1", NEW)
    with ws.db.session() as s:
        assert promoted.role is Role.SECRETARY and sync.unlock(s, promoted, NEW) is not None
    # secretary to administrator keeps the wrap; then down to a viewer removes it
    with ws.db.session() as s:
        accounts.edit_user(s, admin, accounts.UserEdit("clerk1", "کاربر clerk1", Role.ADMIN))
    assert _has_wrap(ws, "clerk1")
    with ws.db.session() as s:
        accounts.edit_user(s, admin, accounts.UserEdit("clerk1", "کاربر clerk1", Role.VIEWER))
    assert not _has_wrap(ws, "clerk1")
    assert _login(ws, "clerk1", NEW).role is Role.VIEWER
    assert _actions(ws, "clerk1").count("user.role") == 3


def test_the_password_policy(workspace, province_admin) -> None:
    fa, en = users.password_policy_text()
    assert "۸" in fa and "نام کاربری" in fa and "8" in en
    for good in (PASSWORD, "self-check-password-1", "s3cret-پ", "گذرواژهٔ من", NEW, "abc 1234"):
        users.validate_new_password(good, "admin")
    for bad, word in (
        ("short", "دست‌کم"),
        ("Admin1234", "نام کاربری"),
        ("aaaaaaaaaa", "تکرار"),
        ("1234567890", "رقم"),
        ("۱۲۳۴۵۶۷۸۹", "رقم"),
    ):
        with pytest.raises(DomainError) as refused:
            users.validate_new_password(bad, "admin1234")
        assert word in refused.value.fa and refused.value.field == "password"
    with workspace.db.session() as s, pytest.raises(FormError) as own:
        accounts.change_own_password(s, province_admin, PASSWORD, "admin", "admin")
    assert "دست‌کم" in _fields(own)["password"]
    with workspace.db.session() as s, pytest.raises(FormError) as own:
        accounts.change_own_password(s, province_admin, PASSWORD, "ADMIN    ", "ADMIN    ")
    assert "نام کاربری" in _fields(own)["password"]


def test_idle_lock_minutes_are_an_office_setting(workspace, province_admin) -> None:
    with workspace.db.session() as s:
        assert session_lock.idle_lock_minutes(s) == session_lock.DEFAULT_IDLE_LOCK_MINUTES == 10
        assert session_lock.set_idle_lock_minutes(s, province_admin, "۲۵") == 25
    with workspace.db.session() as s:
        assert session_lock.idle_lock_minutes(s) == 25
        assert session_lock.set_idle_lock_minutes(s, province_admin, 0) == 0
    for bad in ("-1", "abc", str(session_lock.MAX_IDLE_LOCK_MINUTES + 1)):
        with workspace.db.session() as s, pytest.raises(DomainError) as refused:
            session_lock.set_idle_lock_minutes(s, province_admin, bad)
        assert refused.value.field == "idle_minutes"
    with workspace.db.session() as s:
        assert session_lock.idle_lock_minutes(s) == 0
        changes = s.scalars(select(AuditEntry).where(AuditEntry.action == "settings.idle_lock")).all()
        assert [(e.details["old"], e.details["new"]) for e in changes] == [(10, 25), (25, 0)]

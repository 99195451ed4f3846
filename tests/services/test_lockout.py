"""Login lockout (issue 17, its first part): wrong passwords in a row lock an account for a growing delay,
recorded in the audit log; the right password then is refused too, until the delay ends or an
administrator unlocks it. On both backends (the failure is counted in a transaction of its own)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from cluster_desktop.domain.errors import DomainError, PermissionDenied
from cluster_desktop.domain.roles import Role
from cluster_desktop.services import accounts, users
from cluster_desktop.store.models import AuditEntry, User, utcnow
from tests.conftest import PASSWORD


def _login(ws, password: str):  # type: ignore[no-untyped-def]
    with ws.db.session() as s:
        return users.authenticate(s, "admin", password)


def test_25_wrong_passwords_then_the_right_one_is_refused(workspace, province_admin) -> None:
    for i in range(users.LOCK_AFTER - 1):
        with pytest.raises(DomainError) as wrong:
            _login(workspace, f"wrong-{i}")
        assert not isinstance(wrong.value, users.AccountLocked)
    with pytest.raises(users.AccountLocked) as locked:
        _login(workspace, "wrong-again")
    assert "بسته است" in locked.value.fa and "مدیر" in locked.value.fa
    for i in range(20):
        with pytest.raises(users.AccountLocked):
            _login(workspace, f"still-wrong-{i}")
    with pytest.raises(users.AccountLocked):
        _login(workspace, PASSWORD)  # the right one too, while locked
    with workspace.db.session() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "user.locked")).all()
        assert entries and entries[0].entity_id == "admin"


def test_the_delay_grows_and_the_lock_ends_or_is_lifted(workspace, province_admin) -> None:
    assert users.lock_delay(users.LOCK_AFTER) == timedelta(minutes=1)
    assert users.lock_delay(users.LOCK_AFTER + 3) == timedelta(minutes=8)
    assert users.lock_delay(50) == users.LOCK_MAX
    for i in range(users.LOCK_AFTER):
        with pytest.raises(DomainError):
            _login(workspace, f"wrong-{i}")
    # the delay runs out: the right password works again and clears the count
    with workspace.db.session() as s:
        s.scalar(select(User).where(User.username == "admin")).locked_until = utcnow() - timedelta(seconds=1)  # type: ignore[union-attr]
    assert _login(workspace, PASSWORD).username == "admin"
    with workspace.db.session() as s:
        u = s.scalar(select(User).where(User.username == "admin"))
        assert u is not None and u.failed_logins == 0 and u.locked_until is None
    # locked again, then unlocked by an administrator (only an administrator)
    for i in range(users.LOCK_AFTER):
        with pytest.raises(DomainError):
            _login(workspace, f"wrong-{i}")
    with workspace.db.session() as s, pytest.raises(PermissionDenied):
        accounts.unlock_user(
            s, province_admin.__class__(**{**province_admin.__dict__, "role": Role.SECRETARY}), "admin"
        )
    with workspace.db.session() as s:
        accounts.unlock_user(s, province_admin, "admin")
        assert [r.locked_until for r in accounts.user_rows(s) if r.username == "admin"] == [None]
    assert _login(workspace, PASSWORD).username == "admin"

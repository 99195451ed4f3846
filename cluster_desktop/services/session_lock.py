"""The idle lock: after how many minutes without mouse or keyboard input a window hides its content and
asks for the password again. One value for the whole office, set by its administrator, kept in the
database's settings table (so every PC of a server office locks alike)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from cluster_desktop.domain.numbers import parse_int
from cluster_desktop.store.models import Setting

from . import audit
from .accounts import acting_admin
from .actor import Actor

IDLE_LOCK_KEY = "session.idle_lock_minutes"
DEFAULT_IDLE_LOCK_MINUTES = 10
MAX_IDLE_LOCK_MINUTES = 24 * 60


def idle_lock_minutes(session: Session) -> int:
    """Minutes without input before the lock; 0 means never."""
    stored = session.get(Setting, IDLE_LOCK_KEY)
    if stored is None or not stored.value.isdigit():
        return DEFAULT_IDLE_LOCK_MINUTES
    return min(int(stored.value), MAX_IDLE_LOCK_MINUTES)


def set_idle_lock_minutes(session: Session, actor: Actor, minutes: int | str) -> int:
    """The administrator's choice (0 = never), typed in any digits; audited when it changes."""
    acting_admin(session, actor, "تنظیم قفل خودکار", "set the idle lock")
    value = parse_int(str(minutes), field="idle_minutes", minimum=0, maximum=MAX_IDLE_LOCK_MINUTES)
    assert value is not None
    old = idle_lock_minutes(session)
    stored = session.get(Setting, IDLE_LOCK_KEY)
    if stored is None:
        session.add(Setting(key=IDLE_LOCK_KEY, value=str(value)))
    else:
        stored.value = str(value)
    if value != old:
        audit.record(session, actor, "settings.idle_lock", "setting", IDLE_LOCK_KEY, old=old, new=value)
    return value

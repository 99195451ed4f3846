"""The audit log: every change a service makes is attributed to the acting user."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from cluster_desktop.store import audit_chain  # noqa: F401 (its insert hook chains every entry)
from cluster_desktop.store.models import AuditEntry

from .actor import Actor


def record(
    session: Session, actor: Actor | None, action: str, entity: str, entity_id: str | None, **details: Any
) -> None:
    """Add an audit entry in the caller's transaction, so it commits or rolls back with the change."""
    session.add(
        AuditEntry(
            username=actor.username if actor else "system",
            office_id=actor.office_id if actor else None,
            action=action,
            entity=entity,
            entity_id=entity_id,
            details={k: v for k, v in details.items() if v is not None},
        )
    )

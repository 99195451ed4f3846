"""audit log as a hash chain: each entry carries the previous entry's SHA-256 and its own

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04

Existing entries are chained in the order they were written (by id), so ``audit verify`` holds from
the first entry on; from now on the insert hook (store/audit_chain.py) extends the chain.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from cluster_desktop.store.audit_chain import entry_hash
    from cluster_desktop.store.models.base import UTCDateTime

    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=False, server_default=""))
        batch.add_column(sa.Column("entry_hash", sa.String(length=64), nullable=False, server_default=""))
    log = sa.table(
        "audit_log",
        sa.column("id", sa.Integer),
        sa.column("at", UTCDateTime()),
        sa.column("username", sa.String),
        sa.column("office_id", sa.String),
        sa.column("action", sa.String),
        sa.column("entity", sa.String),
        sa.column("entity_id", sa.String),
        sa.column("details", sa.JSON),
        sa.column("prev_hash", sa.String),
        sa.column("entry_hash", sa.String),
    )
    conn = op.get_bind()
    prev = ""
    rows = conn.execute(sa.select(log).order_by(log.c.id)).mappings().all()
    for r in rows:
        h = entry_hash(prev, r["at"], r["username"], r["office_id"], r["action"], r["entity"], r["entity_id"], r["details"])
        conn.execute(sa.update(log).where(log.c.id == r["id"]).values(prev_hash=prev, entry_hash=h))
        prev = h


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("entry_hash")
        batch.drop_column("prev_hash")

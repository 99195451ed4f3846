"""login lockout: failed logins in a row and the time an account stays locked

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04

After five wrong passwords in a row an account is locked for a delay that doubles with each further
failure (services/users.py); an administrator may unlock it. Local to each office: users never travel.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import cluster_desktop.store.models.base

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("locked_until", cluster_desktop.store.models.base.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("locked_until")
        batch.drop_column("failed_logins")

"""audit chain heads in bundles: what each peer office reported, and what we sent each peer

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05

Every bundle's manifest now names the sender's audit chain head (entries, hash of the last) and an
anchor (its chain's hash at the length it had at its previous bundle to the same office). The sender
keeps the head it sent on ``sent_bundles``; the receiver keeps every head it received in
``audit_heads``, flagged when a bundle shows that the sender's history was rewritten.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import cluster_desktop.store.models.base

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sent_bundles") as batch:
        batch.add_column(sa.Column("audit_length", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("audit_hash", sa.String(length=64), nullable=True))
    op.create_table(
        "audit_heads",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("sender_office_id", sa.String(length=36), nullable=False),
        sa.Column("sender_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("received_at", cluster_desktop.store.models.base.UTCDateTime(), nullable=False),
        sa.Column("length", sa.BigInteger(), nullable=False),
        sa.Column("entry_hash", sa.String(length=64), nullable=False),
        sa.Column("anchor_length", sa.BigInteger(), nullable=True),
        sa.Column("anchor_hash", sa.String(length=64), nullable=True),
        sa.Column("rewritten", sa.String(length=16), nullable=False),
        sa.Column("conflict_length", sa.BigInteger(), nullable=True),
        sa.Column("recorded_hash", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["sender_office_id"], ["offices.id"], name=op.f("fk_audit_heads_sender_office_id_offices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_heads")),
        sa.UniqueConstraint("bundle_id", name=op.f("uq_audit_heads_bundle_id")),
    )
    with op.batch_alter_table("audit_heads") as batch:
        batch.create_index(batch.f("ix_audit_heads_sender_office_id"), ["sender_office_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("audit_heads") as batch:
        batch.drop_index(batch.f("ix_audit_heads_sender_office_id"))
    op.drop_table("audit_heads")
    with op.batch_alter_table("sent_bundles") as batch:
        batch.drop_column("audit_hash")
        batch.drop_column("audit_length")

"""plan requests: the centre's initial-list entries travel to the province as a request for the plan

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28

``plan_requests`` holds the centre's request (F3) that a province complete the feasibility plan of a
cluster on the centre's initial list, with the cluster's profile; it is the centre's record and travels
in decision bundles. ``dossiers.plan_request_id`` links the province's dossier opened from it (and the
centre's own initial-list entry) to the request; one dossier per request and office.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import cluster_desktop.store.models.base

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    utc = cluster_desktop.store.models.base.UTCDateTime
    op.create_table(
        "plan_requests",
        sa.Column("province_code", sa.String(length=5), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("county", sa.String(length=255), nullable=False),
        sa.Column("city", sa.String(length=255), nullable=False),
        sa.Column("sector", sa.String(length=255), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("products", sa.JSON(), nullable=False),
        sa.Column("markets", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("requested_at", utc(), nullable=False),
        sa.Column("requested_by", sa.String(length=255), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", utc(), nullable=False),
        sa.Column("updated_at", utc(), nullable=False),
        sa.Column("owner_office_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_office_id"], ["offices.id"], name=op.f("fk_plan_requests_owner_office_id_offices")
        ),
        sa.ForeignKeyConstraint(
            ["province_code"], ["provinces.code"], name=op.f("fk_plan_requests_province_code_provinces")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_requests")),
    )
    with op.batch_alter_table("plan_requests", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_plan_requests_owner_office_id"), ["owner_office_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_plan_requests_province_code"), ["province_code"], unique=False)

    with op.batch_alter_table("dossiers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("plan_request_id", sa.String(length=36), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_dossiers_plan_request_id_owner_office_id"), ["plan_request_id", "owner_office_id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_dossiers_plan_request_id_plan_requests"),
            "plan_requests",
            ["plan_request_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("dossiers", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_dossiers_plan_request_id_plan_requests"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("uq_dossiers_plan_request_id_owner_office_id"), type_="unique")
        batch_op.drop_column("plan_request_id")

    with op.batch_alter_table("plan_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_requests_province_code"))
        batch_op.drop_index(batch_op.f("ix_plan_requests_owner_office_id"))

    op.drop_table("plan_requests")

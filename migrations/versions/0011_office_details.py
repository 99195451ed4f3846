"""secretariat details that travel, and the TPO liaison of each province (F1/F2, F2-1)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05

``office_details`` holds an office's head (name and post), secretary, address, postal code, phone,
e-mail and letterhead (image and a text line): one row per office, owned by it and carried in its
bundles. The five contact columns the setup wizard wrote on ``offices`` move there, for the local
office (the only one that had them). ``province_liaisons`` is the centre's register of the TPO expert
each province deals with; it travels to that province.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import cluster_desktop.store.models.base

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MAX_LETTERHEAD_BYTES = 1024 * 1024
_MOVED = ("address", "phone", "email", "head_name", "secretary_name")


def _synced_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    utc = cluster_desktop.store.models.base.UTCDateTime
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", utc(), nullable=False),
        sa.Column("updated_at", utc(), nullable=False),
        sa.Column("owner_office_id", sa.String(length=36), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "office_details",
        sa.Column("head_name", sa.String(length=255), nullable=False),
        sa.Column("head_title", sa.String(length=255), nullable=False),
        sa.Column("secretary_name", sa.String(length=255), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("postal_code", sa.String(length=16), nullable=False),
        sa.Column("phone", sa.String(length=64), nullable=False),
        sa.Column("email", sa.String(length=128), nullable=False),
        sa.Column("letterhead_text", sa.String(length=255), nullable=False),
        sa.Column("letterhead", sa.LargeBinary(length=MAX_LETTERHEAD_BYTES), nullable=True),
        sa.Column("letterhead_type", sa.String(length=16), nullable=False),
        *_synced_columns(),
        sa.ForeignKeyConstraint(
            ["owner_office_id"], ["offices.id"], name=op.f("fk_office_details_owner_office_id_offices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_details")),
        sa.UniqueConstraint("owner_office_id", name=op.f("uq_office_details_owner_office_id")),
    )
    with op.batch_alter_table("office_details", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_office_details_owner_office_id"), ["owner_office_id"], unique=False
        )
    op.create_table(
        "province_liaisons",
        sa.Column("province_code", sa.String(length=5), nullable=False),
        sa.Column("full_name", sa.String(length=255), nullable=False),
        sa.Column("position", sa.String(length=255), nullable=False),
        sa.Column("phone", sa.String(length=64), nullable=False),
        sa.Column("email", sa.String(length=128), nullable=False),
        *_synced_columns(),
        sa.ForeignKeyConstraint(
            ["owner_office_id"], ["offices.id"], name=op.f("fk_province_liaisons_owner_office_id_offices")
        ),
        sa.ForeignKeyConstraint(
            ["province_code"], ["provinces.code"], name=op.f("fk_province_liaisons_province_code_provinces")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_province_liaisons")),
        sa.UniqueConstraint("province_code", name=op.f("uq_province_liaisons_province_code")),
    )
    with op.batch_alter_table("province_liaisons", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_province_liaisons_owner_office_id"), ["owner_office_id"], unique=False
        )

    _move_contacts()
    with op.batch_alter_table("offices", schema=None) as batch_op:
        for name in _MOVED:
            batch_op.drop_column(name)


def _move_contacts() -> None:
    """The wizard's contact columns of the local office become its details row (version 1, stamped
    now, so the next bundle carries it)."""
    import uuid
    from datetime import UTC, datetime

    utc = cluster_desktop.store.models.base.UTCDateTime
    offices = sa.table(
        "offices", sa.column("id", sa.String), sa.column("is_local", sa.Boolean), *(sa.column(c) for c in _MOVED)
    )
    details = sa.table(
        "office_details",
        *(sa.column(c, sa.String) for c in ("id", "owner_office_id", *_MOVED, "head_title", "postal_code")),
        *(sa.column(c, sa.String) for c in ("letterhead_text", "letterhead_type")),
        sa.column("version", sa.Integer),
        sa.column("created_at", utc()),
        sa.column("updated_at", utc()),
    )
    conn = op.get_bind()
    now = datetime.now(UTC)
    for row in conn.execute(sa.select(offices).where(offices.c.is_local.is_(True))).mappings().all():
        conn.execute(
            sa.insert(details).values(
                id=str(uuid.uuid4()),
                owner_office_id=row["id"],
                **{c: row[c] or "" for c in _MOVED},
                head_title="",
                postal_code="",
                letterhead_text="",
                letterhead_type="",
                version=1,
                created_at=now,
                updated_at=now,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("offices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("address", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("phone", sa.String(length=64), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("email", sa.String(length=128), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("head_name", sa.String(length=255), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("secretary_name", sa.String(length=255), nullable=False, server_default="")
        )
    offices = sa.table("offices", sa.column("id", sa.String), *(sa.column(c, sa.String) for c in _MOVED))
    details = sa.table(
        "office_details", sa.column("owner_office_id", sa.String), *(sa.column(c, sa.String) for c in _MOVED)
    )
    conn = op.get_bind()
    for row in conn.execute(sa.select(details)).mappings().all():
        conn.execute(
            sa.update(offices)
            .where(offices.c.id == row["owner_office_id"])
            .values(**{c: row[c] for c in _MOVED})
        )
    with op.batch_alter_table("province_liaisons", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_province_liaisons_owner_office_id"))
    op.drop_table("province_liaisons")
    with op.batch_alter_table("office_details", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_office_details_owner_office_id"))
    op.drop_table("office_details")

"""attachment content in the database for server offices; field limits enforced by the forms

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04

``attachment_chunks`` holds attachment bytes (content-addressed, 1 MiB chunks) for an office whose
database is a server that several PCs share, so an attachment imported on one PC opens on the others
(store/blobs.py). A SQLite office keeps its files in ``attachments/`` and leaves the table empty. The
bundle format is unchanged, but offices compare schema revisions, so all upgrade together.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "attachment_chunks",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "seq", name=op.f("pk_attachment_chunks")),
    )


def downgrade() -> None:
    op.drop_table("attachment_chunks")

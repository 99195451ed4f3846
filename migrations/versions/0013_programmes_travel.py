"""programmes at the province and in bundles: the proposer's identity, the provincial ceiling of F5-2

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-08

A provincial office now records development programmes (F9) and its working group approves them
within provincial authority (F9-2) or refers them to the centre (F9-3); phases 2 and 3 travel in
bundles from this revision (programmes, their steps, support packages with items and allocations,
activities, indicators and their values). ``programmes`` gains the proposer's identity (national code
or national identifier, registration number, telephone, address) and the number of the F5-2 revision
whose ceiling a provincial approval applied; ``instructions`` gains that ceiling, which the centre publishes with
instruction F5-2 and which reaches the provinces in its decision bundles. Offices compare schema
revisions before reading a bundle, so an office still on an older revision refuses these bundles as
made by another program version.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PROPOSER = (
    ("proposer_national_id", 11),
    ("proposer_registration_no", 32),
    ("proposer_phone", 32),
    ("proposer_address", 255),
)


def upgrade() -> None:
    with op.batch_alter_table("programmes", schema=None) as batch_op:
        for name, length in _PROPOSER:
            batch_op.add_column(
                sa.Column(name, sa.String(length=length), nullable=False, server_default="")
            )
        batch_op.add_column(sa.Column("authority_revision", sa.Integer(), nullable=True))
    # The server defaults only filled the existing rows; the models give the values from now on.
    with op.batch_alter_table("programmes", schema=None) as batch_op:
        for name, length in _PROPOSER:
            batch_op.alter_column(
                name, existing_type=sa.String(length=length), existing_nullable=False, server_default=None
            )
    with op.batch_alter_table("instructions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("provincial_ceiling_rial", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("instructions", schema=None) as batch_op:
        batch_op.drop_column("provincial_ceiling_rial")
    with op.batch_alter_table("programmes", schema=None) as batch_op:
        batch_op.drop_column("authority_revision")
        for name, _length in reversed(_PROPOSER):
            batch_op.drop_column(name)

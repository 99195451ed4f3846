"""evaluation rounds: a returned dossier is scored afresh when its evaluation reopens

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06

Each member had one sheet per dossier and level, so after a return (by the province's working group or
by the centre) the revised plan could not be scored again (issue 15). ``evaluations.round_number``
numbers the rounds per dossier and level; the unique key becomes (dossier, member, level, round). Every
existing sheet becomes a sheet of round 1. The round a dossier is in is counted from its history (the
steps that open an evaluation, ``domain.workflow.ROUND_OPENERS``), so a dossier that was already
returned and reopened is in round 2 after the upgrade, and its members score it afresh.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("evaluations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("round_number", sa.Integer(), nullable=False, server_default="1"))
        batch_op.drop_constraint(batch_op.f("uq_evaluations_dossier_id_member_id_level"), type_="unique")
        batch_op.create_unique_constraint(
            batch_op.f("uq_evaluations_dossier_id_member_id_level_round_number"),
            ["dossier_id", "member_id", "level", "round_number"],
        )


# A sheet for which the same member has one in a later round of the same dossier and level.
_SUPERSEDED = (
    "SELECT e.id FROM evaluations e WHERE EXISTS (SELECT 1 FROM evaluations n WHERE "
    "n.dossier_id = e.dossier_id AND n.member_id = e.member_id AND n.level = e.level "
    "AND n.round_number > e.round_number)"
)


def downgrade() -> None:
    """The older program keeps one sheet per member: each member's newest round stays."""
    op.execute(f"DELETE FROM evaluation_scores WHERE evaluation_id IN ({_SUPERSEDED})")
    op.execute(f"DELETE FROM evaluations WHERE id IN ({_SUPERSEDED})")
    with op.batch_alter_table("evaluations", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("uq_evaluations_dossier_id_member_id_level_round_number"), type_="unique"
        )
        batch_op.create_unique_constraint(
            batch_op.f("uq_evaluations_dossier_id_member_id_level"), ["dossier_id", "member_id", "level"]
        )
        batch_op.drop_column("round_number")

"""dossier list indexes: the lists' sort orders and the centre's initial-list filter

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28

The cluster list (services/clusters.py) and the national list (services/central.py) sort by update
time, provincial score, central score or nomination date, always with ``id`` as the tie-breaker, and
page with LIMIT/OFFSET. With ``(column, id)`` SQLite walks the index in order instead of sorting every
row: on 100,000 dossiers a 200-row page sorted by score drops from ≈ 160 ms to ≈ 15 ms. ``origin``
serves the centre's initial-list filter and its dashboard count.

Carrying ``cluster_id`` in these indexes too was measured and rejected: the planner then scans such an
index for every other order (name, county, state…) and joins the clusters in random order, ≈ 1.6×
slower.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES: dict[str, list[str]] = {
    "ix_dossiers_updated_at_id": ["updated_at", "id"],
    "ix_dossiers_provincial_score_id": ["provincial_score", "id"],
    "ix_dossiers_central_score_id": ["central_score", "id"],
    "ix_dossiers_nominated_on_id": ["nominated_on", "id"],
    "ix_dossiers_origin": ["origin"],
}


def upgrade() -> None:
    with op.batch_alter_table("dossiers", schema=None) as batch_op:
        for name, columns in INDEXES.items():
            batch_op.create_index(name, columns, unique=False)


def downgrade() -> None:
    with op.batch_alter_table("dossiers", schema=None) as batch_op:
        for name in reversed(INDEXES):
            batch_op.drop_index(name)

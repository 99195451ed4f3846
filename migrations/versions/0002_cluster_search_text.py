"""cluster search text: one normalised column the list's search box matches

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

Backfills the column from each cluster's name, county, city, sector, managing entity and products,
with the same normalisation the application applies (ی/ي, ک/ك, digits, ZWNJ).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cluster_desktop.domain.text import normalize_for_search

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("clusters", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
    conn = op.get_bind()
    products: dict[str, list[str]] = {}
    for cid, hs, name in conn.execute(sa.text("SELECT cluster_id, hs_code, name_fa FROM cluster_products")):
        products.setdefault(cid, []).append(f"{hs} {name}")
    rows = conn.execute(
        sa.text("SELECT id, name, county, city, sector, managing_entity FROM clusters")
    ).fetchall()
    for cid, *parts in rows:
        text = normalize_for_search(" ".join([*(p or "" for p in parts), *products.get(cid, [])]))
        conn.execute(sa.text("UPDATE clusters SET search_text = :t WHERE id = :id"), {"t": text, "id": cid})


def downgrade() -> None:
    with op.batch_alter_table("clusters", schema=None) as batch_op:
        batch_op.drop_column("search_text")

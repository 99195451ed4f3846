"""search index: words written with a ZWNJ are found typed without it, «٪» folds to «%»

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04

Recomputes every cluster's ``search_text`` with ``domain.text.search_index`` (issue 18: a query typed
without its ZWNJ, «خوشههای», finds «خوشه‌های»). The name/county keys of the duplicate check are left as
they are: refolding them could make two existing clusters collide in their unique constraint.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cluster_desktop.domain.text import search_index

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    conn = op.get_bind()
    products: dict[str, list[str]] = {}
    for cid, hs, name in conn.execute(sa.text("SELECT cluster_id, hs_code, name_fa FROM cluster_products")):
        products.setdefault(cid, []).append(f"{hs} {name}")
    rows = conn.execute(
        sa.text("SELECT id, name, county, city, sector, managing_entity FROM clusters")
    ).fetchall()
    for cid, *parts in rows:
        text = search_index(" ".join([*(p or "" for p in parts), *products.get(cid, [])]))
        conn.execute(sa.text("UPDATE clusters SET search_text = :t WHERE id = :id"), {"t": text, "id": cid})


def downgrade() -> None:
    """Nothing to undo: the older program reads the richer index as it reads its own."""

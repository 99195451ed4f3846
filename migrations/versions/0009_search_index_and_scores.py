"""search index and scores as shown: words written with a ZWNJ are found typed without it, «٪» folds
to «%»; recorded scores are kept at one decimal

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04

Recomputes every cluster's ``search_text`` with ``domain.text.search_index`` (issue 18: a query typed
without its ZWNJ, «خوشههای», finds «خوشه‌های»). The name/county keys of the duplicate check are left as
they are: refolding them could make two existing clusters collide in their unique constraint.

Rounds every recorded dossier score to the one decimal it is shown, ranked and compared at
(``domain.numbers.round_score``, issue 16): 47.199999999999996 and 47.2 no longer split a tie.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cluster_desktop.domain.numbers import round_score
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

    scores = conn.execute(sa.text("SELECT id, provincial_score, central_score FROM dossiers")).fetchall()
    for did, provincial, central in scores:
        shown = (round_score(provincial), round_score(central))
        if shown != (provincial, central):
            conn.execute(
                sa.text("UPDATE dossiers SET provincial_score = :p, central_score = :c WHERE id = :id"),
                {"p": shown[0], "c": shown[1], "id": did},
            )


def downgrade() -> None:
    """Nothing to undo: the older program reads the richer index as it reads its own."""

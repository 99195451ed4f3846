"""bundle format: the centre's instructions (F5) travel in decision bundles

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29

No table changes: ``instructions`` has been in the schema since the first revision. The revision marks
that bundles may now carry it. Offices compare schema revisions before reading a bundle, so an office
still on 0004 refuses a 0005 bundle as "made by another program version" instead of refusing an
unknown table in the middle of the import (all offices upgrade together).
"""

from collections.abc import Sequence

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

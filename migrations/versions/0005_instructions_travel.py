"""bundle format: instructions and events travel; a round's score is recorded by the decision

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29

No table changes. ``instructions`` and ``training_events`` have been in the schema since the first
revision; this revision marks that bundles may now carry them (the centre's instructions to the
provinces, each province's whole list of events to the centre). Offices compare schema revisions before reading a bundle, so an
office still on 0004 refuses a 0005 bundle as "made by another program version" instead of refusing
an unknown table in the middle of the import (all offices upgrade together).

From this version a dossier's score is written when the working group decides, not with every sheet
sent: a score already written for a round that is still open is cleared here (it is written again by
the decision), so no list shows members a running score after the upgrade.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("UPDATE dossiers SET provincial_score = NULL WHERE state = 'provincial_evaluation'")
    op.execute("UPDATE dossiers SET central_score = NULL WHERE state IN ('received', 'central_review')")


def downgrade() -> None:
    pass  # the cleared running scores are recomputed from the sheets by the next decision

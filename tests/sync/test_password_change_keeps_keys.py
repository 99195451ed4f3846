"""Issue 17: a key holder who changes their own password still signs bundles the other side accepts
(the office data key is re-wrapped under the new password), and the old password no longer opens it."""

from __future__ import annotations

from pathlib import Path

import pytest

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.services import accounts, sync
from tests.conftest import PASSWORD

from .offices import Pair


def test_a_signed_bundle_after_changing_the_password(pair: Pair, tmp_path: Path) -> None:
    p, c = pair.province, pair.centre
    # GIVEN the province's administrator changes their password
    with p.ws.db.session() as s:
        accounts.change_own_password(s, p.actor, PASSWORD, "new-pass-2468", "new-pass-2468")
    # THEN the new password unlocks the office keys, and the old one no longer does
    with p.ws.db.session() as s:
        keys = sync.unlock(s, p.actor, "new-pass-2468")
        with pytest.raises(DomainError):
            sync.unlock(s, p.actor, PASSWORD)
    # AND a bundle signed with them is accepted by the centre
    out = sync.export_bundle(p.ws, p.actor, keys, tmp_path / "after-change.bundle").files[0]
    report = sync.import_bundle(c.ws, c.actor, c.keys, out)
    assert report["applied"]

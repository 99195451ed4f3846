"""F5/F15: the centre's instructions reach the province in its decision bundle; a later revision
follows in the next one; the province cannot issue its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from cluster_desktop.domain.errors import PermissionDenied
from cluster_desktop.domain.jalali import today
from cluster_desktop.services import instructions as ins
from cluster_desktop.services import sync

from .offices import Pair


def test_instructions_and_their_revisions_reach_the_province(pair: Pair, tmp_path: Path) -> None:
    prov, centre = pair.province, pair.centre
    # GIVEN the centre issues the executive instruction
    with centre.ws.db.session() as s:
        ins.issue(
            s, centre.actor, ins.InstructionInput("F5-1", "دستورالعمل اجرایی", today(), "ماده ۱ — نخست")
        )
    c1 = sync.export_bundle(centre.ws, centre.actor, centre.keys, tmp_path / "c1.bundle", to="IR-07")
    # WHEN the province imports the decision bundle THEN it reads revision 1 there
    report = sync.import_bundle(prov.ws, prov.actor, prov.keys, c1.files[0])
    assert report["tables"]["instructions"]["add"] == 1
    with prov.ws.db.session() as s:
        row = next(r for r in ins.instruction_rows(s) if r.code == "F5-1")
        assert (row.revision, row.title) == (1, "دستورالعمل اجرایی")
        assert ins.revisions(s, "F5-1")[0].body == "ماده ۱ — نخست"
        # and it cannot issue one itself
        with pytest.raises(PermissionDenied):
            ins.issue(s, prov.actor, ins.InstructionInput("F5-2", "x", today(), "y"))
    # WHEN the centre revises it THEN the next bundle carries only the new revision
    with centre.ws.db.session() as s:
        ins.issue(s, centre.actor, ins.InstructionInput("F5-1", "دستورالعمل اجرایی", today(), "ماده ۱ — دوم"))
    c2 = sync.export_bundle(centre.ws, centre.actor, centre.keys, tmp_path / "c2.bundle", to="IR-07")
    report = sync.import_bundle(prov.ws, prov.actor, prov.keys, c2.files[0])
    assert report["tables"]["instructions"]["add"] == 1
    with prov.ws.db.session() as s:
        assert [(r.revision, r.body) for r in ins.revisions(s, "F5-1")] == [
            (2, "ماده ۱ — دوم"),
            (1, "ماده ۱ — نخست"),
        ]

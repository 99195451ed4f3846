"""F15: the centre revises the criteria set; the revision reaches the province in the decision bundle,
becomes current there, and never rewrites a sheet scored against the previous set."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from cluster_desktop.domain.errors import ConflictError, PermissionDenied, ValidationError
from cluster_desktop.domain.roles import Role
from cluster_desktop.services import criteria, evaluations, sync
from cluster_desktop.store.models import CriteriaSet, Evaluation
from cluster_desktop.sync.limits import BundleError

from .offices import Pair

NEW = {"C1": 10, "C2": 8, "C3": 8, "C4": 20, "C5": 16, "C6": 10, "C7": 12, "C8": 8, "C9": 8}


def test_a_revision_travels_to_the_province_and_old_sheets_keep_their_set(pair: Pair, tmp_path: Path) -> None:
    prov, centre = pair.province, pair.centre
    with prov.ws.db.session() as s:
        old_sheets = dict(s.execute(select(Evaluation.id, Evaluation.criteria_set_id)).all())
    assert old_sheets
    # WHEN the centre revises weights and threshold
    with centre.ws.db.session() as s:
        revised = criteria.revise(
            s,
            centre.actor,
            criteria.RevisionInput({k: str(v) for k, v in NEW.items()}, "۶۵", "نتایج پایش ۱۴۰۵"),
        )
        assert revised.number == 2 and revised.is_current
        rows = criteria.criteria_sets(s)
        assert [(r.number, r.is_current) for r in rows] == [(2, True), (1, False)]
        assert {c.code: c.weight_percent for c in rows[0].criteria} == NEW
    decision = sync.export_bundle(centre.ws, centre.actor, centre.keys, tmp_path / "c1.bundle", to="IR-07")
    # THEN the province imports it: set 2 is current there, set 1 kept, and no sheet changed its set
    report = sync.import_bundle(prov.ws, prov.actor, prov.keys, decision.files[0])
    assert report["applied"]
    with prov.ws.db.session() as s:
        current = evaluations.current_criteria_set(s)
        assert (current.number, current.threshold) == (2, 65.0)
        assert {c.code: round(c.weight * 100) for c in current.criteria} == NEW
        assert s.scalar(select(CriteriaSet.is_current).where(CriteriaSet.number == 1)) is False
        assert dict(s.execute(select(Evaluation.id, Evaluation.criteria_set_id)).all()) == old_sheets
    # the same bundle again changes nothing
    before = prov.dump()
    with pytest.raises(BundleError) as err:
        sync.import_bundle(prov.ws, prov.actor, prov.keys, decision.files[0])
    assert err.value.reason == "already_imported" and prov.dump() == before


def test_bad_revisions_are_refused_and_change_nothing(pair: Pair) -> None:
    centre = pair.centre
    before = centre.dump()
    with centre.ws.db.session() as s:
        with pytest.raises(ValidationError) as err:  # adds up to 101, a letter, no reason
            criteria.revise(
                s, centre.actor, criteria.RevisionInput({**NEW, "C1": "11", "C2": "هشت"}, "60", "")
            )
        fields = set(err.value.by_field())  # type: ignore[attr-defined]
        assert {"weight_C2", "note"} <= fields
        with pytest.raises(ValidationError) as err:
            criteria.revise(s, centre.actor, criteria.RevisionInput({**NEW, "C1": "11"}, "60", "x"))
        assert "۱۰۰" in err.value.fa
        with pytest.raises(ConflictError):  # the current weights again: nothing to revise
            same = {r.code: r.weight_percent for r in criteria.criteria_sets(s)[0].criteria}
            criteria.revise(s, centre.actor, criteria.RevisionInput(same, "60", "بدون تغییر"))
        with pytest.raises(PermissionDenied):  # a clerk does not revise the criteria
            criteria.revise(s, replace(centre.actor, role=Role.CLERK), criteria.RevisionInput(NEW, "60", "x"))
        s.rollback()
    with pair.province.ws.db.session() as s, pytest.raises(PermissionDenied):  # nor does a province
        criteria.revise(s, pair.province.actor, criteria.RevisionInput(NEW, "60", "x"))
    assert centre.dump() == before

"""F4: a province's training and awareness events reach the centre whole with each submission; the
centre sees them read-only beside its own, and a province deleting one deletes it there too."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from cluster_desktop.domain.errors import PermissionDenied
from cluster_desktop.services import events, sync
from cluster_desktop.store.models import TrainingEvent
from cluster_desktop.sync.limits import BundleError

from .offices import Pair, craft, jsonl, rows, unpack


def _titles(office) -> set[str]:  # type: ignore[no-untyped-def]
    with office.ws.db.session() as s:
        return {r.title for r in events.event_rows(s)[0]}


def test_a_provinces_events_reach_the_centre_and_follow_its_edits(pair: Pair, tmp_path: Path) -> None:
    prov, centre = pair.province, pair.centre
    # GIVEN the centre's own event and two of the province's
    with centre.ws.db.session() as s:
        events.add_event(s, centre.actor, events.EventInput("همایش ملی", "awareness", "1405/01/20"))
    with prov.ws.db.session() as s:
        course = events.add_event(
            s, prov.actor, events.EventInput("دورهٔ بازاریابی", "training", "1405/02/10")
        )
        talk = events.add_event(s, prov.actor, events.EventInput("نشست صندوق", "awareness", "1405/03/01"))
        course_id, talk_id = course.id, talk.id
    centre_own, provinces = _titles(centre), _titles(prov)
    assert {"دورهٔ بازاریابی", "نشست صندوق"} <= provinces and "همایش ملی" in centre_own
    # WHEN the province sends its bundle THEN the centre lists its events, as the province's, beside its own
    p1 = sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "p1.bundle")
    sync.import_bundle(centre.ws, centre.actor, centre.keys, p1.files[0])
    assert _titles(centre) == centre_own | provinces
    with centre.ws.db.session() as s:
        row = next(r for r in events.event_rows(s)[0] if r.id == course_id)
        assert row.office_id == "IR-07" and row.province_fa
        # and the centre cannot change the province's record
        with pytest.raises(PermissionDenied):
            events.delete_event(s, centre.actor, course_id)
    # WHEN the province corrects one event and deletes the other
    with prov.ws.db.session() as s:
        events.update_event(
            s, prov.actor, course_id, replace(events.event_input(s, course_id), participants="48")
        )
        events.delete_event(s, prov.actor, talk_id)
    p2 = sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "p2.bundle")
    sync.import_bundle(centre.ws, centre.actor, centre.keys, p2.files[0])
    # THEN the centre has the correction and no longer the deleted one; its own events are untouched
    assert _titles(centre) == centre_own | (provinces - {"نشست صندوق"})
    with centre.ws.db.session() as s:
        assert s.get(TrainingEvent, course_id).participants == 48
    # WHEN the province deletes its last event THEN the next bundle empties the centre's copy too
    with prov.ws.db.session() as s:
        for r in events.event_rows(s)[0]:
            events.delete_event(s, prov.actor, r.id)
    p3 = sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "p3.bundle")
    sync.import_bundle(centre.ws, centre.actor, centre.keys, p3.files[0])
    assert _titles(centre) == centre_own


def test_an_event_naming_another_province_is_refused(pair: Pair, tmp_path: Path) -> None:
    prov, centre = pair.province, pair.centre
    with prov.ws.db.session() as s:
        events.add_event(s, prov.actor, events.EventInput("کارگاه", "training", "1405/02/10"))
    p1 = sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "p1.bundle")
    manifest, entries = unpack(p1.files[0], centre)
    forged = rows(entries, "training_events")
    forged[0]["province_code"] = "IR-29"
    entries["records/training_events.jsonl"] = jsonl(forged)
    bad = craft(prov.keys, centre, manifest, entries, tmp_path / "bad.bundle")
    before = centre.dump()
    with pytest.raises(BundleError) as err:
        sync.import_bundle(centre.ws, centre.actor, centre.keys, bad)
    assert err.value.reason == "not_allowed" and centre.dump() == before
    with centre.ws.db.session() as s:
        assert s.scalar(select(TrainingEvent.id).where(TrainingEvent.owner_office_id == "IR-07")) is None

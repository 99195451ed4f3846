"""Phases 2 and 3 in bundles, both ways, between a province demo and a centre demo: a programme
recorded and referred at IR-07 reaches the centre, is approved there with a support package whose
items and agencies and allocations reach IR-07, and the actuals IR-07 reports reach the centre and
move the gap against the target. Hostile province bundles (a central package, another province's
programme, a central step, an approval above the ceiling, a report on someone else's record) are
refused with the reason and the centre's data unchanged."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from cluster_desktop.domain.jalali import today
from cluster_desktop.services import groups, sync
from cluster_desktop.services import programmes as prog
from cluster_desktop.store.models import Indicator, Programme, SupportPackage

from .offices import Office, Pair, craft, jsonl, rows, unpack
from .test_refusals import refused

Entries = dict[str, bytes]


def send(office: Office, out: Path, to: str | None = None) -> Path:
    return sync.export_bundle(office.ws, office.actor, office.keys, out, to=to).files[0]


def take(office: Office, path: Path) -> dict[str, Any]:
    report = sync.import_bundle(office.ws, office.actor, office.keys, path)
    assert report["applied"]
    return report


def meeting(office: Office) -> str:
    with office.ws.db.session() as s:
        return groups.list_meetings(s, office.actor, open_only=True)[0].id


def record_and_refer(province: Office, budget: int = 45 * 10**9) -> str:
    """The province's secretariat records a programme and its working group refers it (F9-3)."""
    p = province
    with p.ws.db.session() as s:
        cluster = prog.eligible_clusters(s, p.actor)[0]
        pid = prog.create_programme(
            s,
            p.actor,
            prog.ProgrammeInput(
                cluster_id=cluster.cluster_id,
                title="سردخانهٔ مشترک صادراتی استان",
                proposer_name="تعاونی صادرکنندگان فارس",
                proposer_kind="legal",
                submitted_on=today(),
                budget_rial=budget,
                proposer_national_id="10380284790",
            ),
        ).id
        prog.transition(s, p.actor, pid, "start_review")
    with p.ws.db.session() as s:
        prog.transition(s, p.actor, pid, "refer", meeting_id=meeting(p), comment="فراتر از سقف استان")
    return pid


def state(office: Office, pid: str) -> str:
    with office.ws.db.session() as s:
        return prog.get_programme(s, pid).state


def test_a_referred_programme_and_its_package_and_actuals_travel_both_ways(
    demo_pair: Pair, tmp_path: Path
) -> None:
    prov, centre = demo_pair.province, demo_pair.centre
    pid = record_and_refer(prov)
    # WHEN the province sends its bundle THEN the programme lands at the centre as referred, the
    # province's, with its step and its decided demo programmes (approved ones within the ceiling)
    report = take(centre, send(prov, tmp_path / "p1.bundle"))
    line = next(p for p in report["programmes"] if p["id"] == pid)
    assert (line["before"], line["after"]) == (None, "referred_to_center")
    assert any("سردخانهٔ مشترک صادراتی استان" in x and "ارجاع" in x for x in report["summary_fa"])
    with centre.ws.db.session() as s:
        p = prog.get_programme(s, pid)
        assert (p.state, p.owner_office_id, p.proposer_national_id) == (
            "referred_to_center",
            "IR-07",
            "10380284790",
        )
        assert [h.action for h in prog.history(s, pid)] == ["start_review", "refer"]
        arrived = {r.state for r in prog.programme_rows(s, province_code="IR-07")}
        assert {"provincially_approved", "referred_to_center", "rejected"} <= arrived
        assert "provincial_review" not in arrived and "submitted" not in arrived  # still the province's
        version = p.version
    # WHEN the central working group approves it and its package (F9-3, F10, F11), and an agency
    # allocates (F12)
    with centre.ws.db.session() as s:
        a = centre.actor
        prog.transition(
            s, a, pid, "approve_central", meeting_id=meeting(centre), comment="همخوان با اولویت ملی"
        )
        banks = prog.add_item(s, a, pid, prog.ItemInput("تسهیلات سرمایه در گردش", "BANKS", "20000000000"))
        prog.add_item(s, a, pid, prog.ItemInput("پوشش بیمهٔ صادراتی", "EGFI", "5000000000"))
        prog.transition(s, a, pid, "propose_package")
        prog.transition(s, a, pid, "approve_package", meeting_id=meeting(centre), comment="ابلاغ شد")
        prog.add_allocation(s, a, prog.AllocationInput(banks.id, "12000000000", today(), "۱۲/ت"))
        prog.transition(s, a, pid, "allocate")
        assert prog.get_programme(s, pid).version == version  # the province's record is the province's
    # THEN the decision bundle brings IR-07 the state, the package with its agencies and the allocation
    report = take(prov, send(centre, tmp_path / "c1.bundle", to="IR-07"))
    line = next(p for p in report["programmes"] if p["id"] == pid)
    assert (line["before"], line["after"]) == ("referred_to_center", "resources_allocated")
    with prov.ws.db.session() as s:
        h = prog.header(s, pid)
        assert (h.state, h.package_status, h.package_rial, h.allocated_rial) == (
            "resources_allocated",
            "notified",
            25_000_000_000,
            12_000_000_000,
        )
        assert {(i.organization_code, i.amount_rial) for i in prog.item_rows(s, pid)} == {
            ("BANKS", 20_000_000_000),
            ("EGFI", 5_000_000_000),
        }
        assert [t.action for t in prog.history(s, pid)][-4:] == [
            "approve_central",
            "propose_package",
            "approve_package",
            "allocate",
        ]
        # AND the province reports (F13, F14): an activity, an indicator with its target and an actual
        a = prov.actor
        prog.add_activity(
            s, a, pid, prog.ActivityInput("نصب تجهیزات سردخانه", "شرکت مدیریت خوشه", today(), None, 20)
        )
        ind = prog.add_indicator(s, a, pid, prog.IndicatorInput("صادرات سردخانه", "تن", 0))
        prog.set_value(s, a, prog.ValueInput(ind.id, "1405-Q3", 100, 60, "تأخیر در نصب"))
        indicator_id = ind.id
    take(centre, send(prov, tmp_path / "p2.bundle"))
    with centre.ws.db.session() as s:
        [row] = prog.monitoring(s, pid)
        assert (row.target, row.actual, row.gap, row.office_id) == (100, 60, -40, "IR-07")
        assert prog.header(s, pid).behind_target == 1
        prog.transition(s, centre.actor, pid, "start_execution")  # the province's activity counts
    take(prov, send(centre, tmp_path / "c2.bundle", to="IR-07"))
    assert state(prov, pid) == "in_execution"
    # WHEN the province reports the actual again THEN the centre's gap moves with it
    with prov.ws.db.session() as s:
        prog.set_value(s, prov.actor, prog.ValueInput(indicator_id, "1405-Q3", 100, 110, ""))
    take(centre, send(prov, tmp_path / "p3.bundle"))
    with centre.ws.db.session() as s:
        [row] = prog.monitoring(s, pid)
        assert (row.actual, row.gap) == (110, 10) and prog.header(s, pid).behind_target == 0


def test_an_item_removed_at_the_centre_is_removed_at_the_province(demo_pair: Pair, tmp_path: Path) -> None:
    prov, centre = demo_pair.province, demo_pair.centre
    pid = record_and_refer(prov)
    take(centre, send(prov, tmp_path / "p1.bundle"))
    with centre.ws.db.session() as s:
        prog.transition(s, centre.actor, pid, "approve_central", meeting_id=meeting(centre), comment="x")
        keep = prog.add_item(s, centre.actor, pid, prog.ItemInput("آموزش", "TPO", "100")).id
        drop = prog.add_item(s, centre.actor, pid, prog.ItemInput("نمایشگاه", "TPO", "200")).id
    take(prov, send(centre, tmp_path / "c1.bundle", to="IR-07"))
    with centre.ws.db.session() as s:
        prog.remove_item(s, centre.actor, drop)
    take(prov, send(centre, tmp_path / "c2.bundle", to="IR-07"))
    with prov.ws.db.session() as s:
        assert [i.id for i in prog.item_rows(s, pid)] == [keep]


# --- hostile province bundles ---------------------------------------------------------------------


@pytest.fixture
def genuine(demo_pair: Pair, tmp_path: Path) -> Path:
    """The province's real bundle, with its decided programmes, steps and reports."""
    return send(demo_pair.province, tmp_path / "genuine.bundle")


def forge(
    pair: Pair, genuine: Path, tmp_path: Path, change: Callable[[dict[str, Any], Entries], None]
) -> Path:
    manifest, entries = unpack(genuine, pair.centre)
    change(manifest, entries)
    return craft(
        pair.province.keys, pair.centre, manifest, entries, tmp_path / f"{uuid.uuid4().hex[:8]}.bundle"
    )


def put(entries: Entries, table: str, records: list[dict[str, Any]]) -> None:
    entries[f"records/{table}.jsonl"] = jsonl(sorted(records, key=lambda r: r["id"]))


def new(template: dict[str, Any], **values: Any) -> dict[str, Any]:
    return {**template, "id": str(uuid.uuid4()), "version": 1, **values}


def centre_ids(centre: Office, model: Any, *where: Any) -> list[str]:
    with centre.ws.db.session() as s:
        return list(s.scalars(select(model.id).where(*where)))


def test_the_genuine_province_bundle_with_programmes_is_accepted(
    demo_pair: Pair, genuine: Path, tmp_path: Path
) -> None:
    _m, entries = unpack(genuine, demo_pair.centre)
    assert {"programmes", "activities", "indicators", "indicator_values"} <= {
        n[len("records/") : -len(".jsonl")] for n in entries
    }
    assert take(demo_pair.centre, forge(demo_pair, genuine, tmp_path, lambda m, e: None))


def test_a_province_bundle_that_writes_a_central_package_is_refused(
    demo_pair: Pair, genuine: Path, tmp_path: Path
) -> None:
    c = demo_pair.centre
    with c.ws.db.session() as s:
        package = s.scalars(select(SupportPackage)).first()
        assert package is not None
        template = {col.name: getattr(package, col.name) for col in SupportPackage.__table__.columns}

    def change(m: dict[str, Any], e: Entries) -> None:
        programme = rows(e, "programmes")[0]
        forged = new(
            {k: _json(v) for k, v in template.items()},
            owner_office_id="IR-07",
            programme_id=programme["id"],
            cluster_id=programme["cluster_id"],
            meeting_id=None,
            status="notified",
        )
        put(e, "support_packages", [forged])

    err = refused(c, forge(demo_pair, genuine, tmp_path, change))
    assert err.reason == "not_allowed" and "support_packages" in err.en and "اجازه" in err.fa

    # the same as the centre's own package (its id, a higher version): refused all the same
    def overwrite(m: dict[str, Any], e: Entries) -> None:
        put(
            e,
            "support_packages",
            [{k: _json(v) for k, v in {**template, "version": 99, "status": "proposed"}.items()}],
        )

    assert refused(c, forge(demo_pair, genuine, tmp_path, overwrite)).reason == "not_allowed"


def _json(value: Any) -> Any:
    from datetime import date, datetime

    from cluster_desktop.sync.records import stamp

    if isinstance(value, datetime):
        return stamp(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def test_a_province_bundle_that_writes_another_province_s_programme_is_refused(
    demo_pair: Pair, genuine: Path, tmp_path: Path
) -> None:
    c = demo_pair.centre
    theirs = centre_ids(
        c, Programme, Programme.owner_office_id != "IR-07", Programme.owner_office_id != "TPO"
    )
    assert theirs  # the centre demo's provinces
    cases: list[Callable[[dict[str, Any], Entries], None]] = [
        # a programme claimed for another province
        lambda m, e: put(
            e,
            "programmes",
            [{**r, "province_code": "IR-08"} if i == 0 else r for i, r in enumerate(rows(e, "programmes"))],
        ),
        # a programme written as another province's
        lambda m, e: put(
            e,
            "programmes",
            [{**r, "owner_office_id": "IR-08"} if i == 0 else r for i, r in enumerate(rows(e, "programmes"))],
        ),
        # another province's programme at the centre, rewritten under its id as IR-07's
        lambda m, e: put(
            e,
            "programmes",
            [*rows(e, "programmes"), {**rows(e, "programmes")[0], "id": theirs[0], "version": 50}],
        ),
        # a report on another province's programme
        lambda m, e: put(
            e, "activities", [*rows(e, "activities"), new(rows(e, "activities")[0], programme_id=theirs[0])]
        ),
    ]
    for i, case in enumerate(cases):
        err = refused(c, forge(demo_pair, genuine, tmp_path, case))
        assert err.reason == "foreign_owner", (i, err.en)
    with c.ws.db.session() as s:
        assert s.get(Programme, theirs[0]).owner_office_id != "IR-07"


def test_a_province_takes_no_central_step_and_no_step_on_the_centre_s_programme(
    demo_pair: Pair, genuine: Path, tmp_path: Path
) -> None:
    c = demo_pair.centre
    tpo = centre_ids(c, Programme, Programme.owner_office_id == "TPO", Programme.state == "submitted")[0]

    def step(**values: Any) -> Callable[[dict[str, Any], Entries], None]:
        def change(m: dict[str, Any], e: Entries) -> None:
            steps = rows(e, "transitions")
            template = next(t for t in steps if t["programme_id"])
            stamp = "2099-01-01T08:00:00.000000Z"
            put(
                e,
                "transitions",
                [
                    *steps,
                    new(
                        template,
                        meeting_id=None,
                        minutes_number="",
                        comment="",
                        at=stamp,
                        created_at=stamp,
                        updated_at=stamp,
                        **values,
                    ),
                ],
            )

        return change

    referred = next(
        r["id"] for r in rows(unpack(genuine, c)[1], "programmes") if r["state"] == "referred_to_center"
    )
    central = step(
        programme_id=referred,
        action="approve_central",
        from_state="referred_to_center",
        to_state="centrally_approved",
        f_code="F9-3",
    )
    assert refused(c, forge(demo_pair, genuine, tmp_path, central)).reason == "not_allowed"
    on_theirs = step(
        programme_id=tpo,
        action="start_review",
        from_state="submitted",
        to_state="provincial_review",
        f_code="F9-1",
    )
    assert refused(c, forge(demo_pair, genuine, tmp_path, on_theirs)).reason == "foreign_owner"
    # an old review step replayed on a programme the province already referred would move it back
    back = step(
        programme_id=referred,
        action="start_review",
        from_state="submitted",
        to_state="provincial_review",
        f_code="F9-1",
    )
    assert refused(c, forge(demo_pair, genuine, tmp_path, back)).reason == "stale_state"


def test_an_approval_above_the_provincial_ceiling_is_refused(
    demo_pair: Pair, genuine: Path, tmp_path: Path
) -> None:
    c, p = demo_pair.centre, demo_pair.province
    _m, entries = unpack(genuine, c)
    approved = {
        t["programme_id"] for t in rows(entries, "transitions") if t["action"] == "approve_provincial"
    }
    assert approved

    def above(m: dict[str, Any], e: Entries) -> None:
        put(
            e,
            "programmes",
            [{**r, "budget_rial": 31 * 10**9} if r["id"] in approved else r for r in rows(e, "programmes")],
        )

    err = refused(c, forge(demo_pair, genuine, tmp_path, above))
    assert err.reason == "authority" and "F5-2" in err.fa and "F5-2" in err.en

    def unknown_revision(m: dict[str, Any], e: Entries) -> None:
        put(
            e,
            "programmes",
            [{**r, "authority_revision": 7} if r["id"] in approved else r for r in rows(e, "programmes")],
        )

    assert refused(c, forge(demo_pair, genuine, tmp_path, unknown_revision)).reason == "authority"
    # once imported, a later version that raises the budget of an approved programme is refused too
    take(c, genuine)
    again = sync.export_bundle(p.ws, p.actor, p.keys, tmp_path / "2.bundle", full=True).files[0]
    manifest, entries = unpack(again, c)
    put(
        entries,
        "programmes",
        [
            {**r, "budget_rial": 90 * 10**9, "version": r["version"] + 1} if r["id"] in approved else r
            for r in rows(entries, "programmes")
        ],
    )
    assert refused(c, craft(p.keys, c, manifest, entries, tmp_path / "raised.bundle")).reason == "authority"


def test_a_province_writes_no_value_of_the_centre_s_indicator(
    demo_pair: Pair, genuine: Path, tmp_path: Path
) -> None:
    c = demo_pair.centre
    theirs = centre_ids(c, Indicator, Indicator.owner_office_id != "IR-07")[0]  # the centre's or another's

    def change(m: dict[str, Any], e: Entries) -> None:
        values = rows(e, "indicator_values")
        put(e, "indicator_values", [*values, new(values[0], indicator_id=theirs, period="1399")])

    assert refused(c, forge(demo_pair, genuine, tmp_path, change)).reason == "foreign_owner"

    def bad_period(m: dict[str, Any], e: Entries) -> None:
        values = rows(e, "indicator_values")
        put(e, "indicator_values", [{**values[0], "period": "1405-Q9"}, *values[1:]])

    assert refused(c, forge(demo_pair, genuine, tmp_path, bad_period)).reason == "bad_record"


def test_a_decision_bundle_with_another_province_s_programme_is_refused_at_the_province(
    demo_pair: Pair, tmp_path: Path
) -> None:
    c, p = demo_pair.centre, demo_pair.province
    decision = send(c, tmp_path / "d.bundle", to="IR-07")
    manifest, entries = unpack(decision, p)
    with c.ws.db.session() as s:
        other = s.scalars(select(Programme).where(Programme.owner_office_id == "TPO")).first()
        assert other is not None and other.province_code != "IR-07"
        record = {col.name: _json(getattr(other, col.name)) for col in Programme.__table__.columns}
    put(entries, "programmes", [record])
    assert refused(p, craft(c.keys, p, manifest, entries, tmp_path / "x.bundle")).reason == "not_allowed"

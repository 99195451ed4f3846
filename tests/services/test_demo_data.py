"""Sample data reads like months of real work: named accounts, past dates in order, Persian digits."""

from __future__ import annotations

import re
from datetime import timedelta
from itertools import pairwise

import pytest
from sqlalchemy import select

from cluster_desktop.domain.jalali import today
from cluster_desktop.services import central, users
from cluster_desktop.services.actor import Actor
from cluster_desktop.services.demo import fill_demo
from cluster_desktop.services.workspace import Workspace
from cluster_desktop.store.models import (
    AuditEntry,
    Cluster,
    DatabankEntry,
    FeasibilityPlan,
    License,
    Meeting,
    Transition,
    User,
)
from cluster_desktop.store.models.sync import ImportLog, Outbound, SentBundle
from tests.conftest import PASSWORD

NAMED = re.compile(r"^(secretary|[a-z]\.[a-z]+|[a-z]+\.[a-z]+\d*)$")
LATIN_DIGIT = re.compile(r"[0-9]")


def test_province_demo_members_act_under_their_own_accounts(
    workspace: Workspace, province_admin: Actor
) -> None:
    fill_demo(workspace, province_admin, PASSWORD, count=12)
    with workspace.db.session() as s:
        accounts = {u.username for u in users.list_users(s) if u.member_id}
        scorers = set(s.scalars(select(AuditEntry.username).where(AuditEntry.action.like("evaluation.%"))))
        # THEN every sheet is signed by a member's real login, named like «m.ahmadi»
        assert scorers and scorers <= accounts
        assert all(NAMED.match(name) for name in accounts), accounts
        assert "secretary" in accounts
        assert users.authenticate(s, sorted(accounts - {"secretary"})[0], PASSWORD).role.value == "evaluator"


def test_province_demo_history_is_spread_over_past_months(
    workspace: Workspace, province_admin: Actor
) -> None:
    fill_demo(workspace, province_admin, PASSWORD, count=20)
    with workspace.db.session() as s:
        steps = list(s.scalars(select(Transition.at)))
        days = {t.date() for t in steps}
        assert len(days) > 10 and max(steps) - min(steps) > timedelta(days=60)
        assert max(days) < today() + timedelta(days=1)
        audit_days = {
            a.date() for a in s.scalars(select(AuditEntry.at).where(AuditEntry.action != "office.setup"))
        }
        assert len(audit_days) > 10
        # each dossier's and programme's steps, sorted by their dates, chain state to state as taken
        for column in (Transition.dossier_id, Transition.programme_id):
            for record_id in set(s.scalars(select(column).where(column.is_not(None)))):
                chain = list(s.scalars(select(Transition).where(column == record_id).order_by(Transition.at)))
                assert all(a.to_state == b.from_state for a, b in pairwise(chain)), record_id
        # each working group (the province's; the centre's, whose decisions its bundles brought) meets
        # at most once a day, its minutes numbered in the order held
        for group_id in set(s.scalars(select(Meeting.group_id))):
            meetings = list(
                s.scalars(select(Meeting).where(Meeting.group_id == group_id).order_by(Meeting.held_on))
            )
            assert len({m.held_on for m in meetings}) == len(meetings) > 1
            assert [m.number for m in meetings] == sorted(m.number for m in meetings)
        for t in s.scalars(select(Transition).where(Transition.meeting_id.is_not(None))):
            held = s.get(Meeting, t.meeting_id)
            assert held is not None and held.held_on <= t.at.date() + timedelta(days=1)
            assert t.minutes_number == held.number


def test_demo_persian_text_has_persian_digits(workspace: Workspace, province_admin: Actor) -> None:
    fill_demo(workspace, province_admin, PASSWORD, count=12)
    with workspace.db.session() as s:
        texts = [c.description for c in s.scalars(select(Cluster))]
        for p in s.scalars(select(FeasibilityPlan)):
            texts += [p.overview, p.market, p.strengths, p.investment_note, p.actions, p.expected_results]
        for m in s.scalars(select(Meeting)):
            texts += [m.location, m.agenda, m.minutes_text]
        texts += [t.comment for t in s.scalars(select(Transition)) if not t.comment.startswith("پروانه")]
        assert [t for t in texts if LATIN_DIGIT.search(t or "")] == []


@pytest.fixture
def central_demo(workspace: Workspace, central_admin: Actor) -> Workspace:
    fill_demo(workspace, central_admin, PASSWORD, count=60, seed=5)
    return workspace


def test_central_demo_has_an_initial_list_and_bundle_history(central_demo: Workspace) -> None:
    with central_demo.db.session() as s:
        initial = central.national_rows(s, central.NationalQuery(origin="central"))
        assert len(initial) == 2 and {r.state for r in initial} == {"plan_in_progress", "draft"}
        imports = list(s.scalars(select(ImportLog).order_by(ImportLog.sender_office_id, ImportLog.sequence)))
        assert len({i.sender_office_id for i in imports}) >= 10
        for a, b in pairwise(imports):
            if a.sender_office_id == b.sender_office_id:
                assert a.created_at < b.created_at and a.imported_at <= b.imported_at
        assert all(i.created_at < i.imported_at for i in imports)
        sent = list(s.scalars(select(SentBundle)))
        assert sent and any(b.acked_at for b in sent)
        for out in s.scalars(select(Outbound)):
            acked = [b.sequence for b in sent if b.peer_office_id == out.peer_office_id and b.acked_at]
            assert out.acked_sequence == max(acked, default=0)
        dashboard = central.dashboard(s, users.authenticate(s, "secretary", PASSWORD))
        assert dashboard.initial_list == 2
        assert sum(p.bundles_imported for p in dashboard.provinces) == len(imports)


def test_central_demo_registers_and_licenses_in_date_order(central_demo: Workspace) -> None:
    with central_demo.db.session() as s:
        entries = list(s.scalars(select(DatabankEntry).order_by(DatabankEntry.registry_no)))
        assert len({e.registered_on for e in entries}) > 1
        assert [e.registered_on for e in entries] == sorted(e.registered_on for e in entries)
        licenses = list(s.scalars(select(License).order_by(License.number)))
        assert [lic.issued_on for lic in licenses] == sorted(lic.issued_on for lic in licenses)
        assert all(lic.issued_on < today() + timedelta(days=1) for lic in licenses)
        assert not s.scalars(select(User.username).where(User.username.like("member-%"))).first()
        assert not s.scalars(select(AuditEntry.username).where(AuditEntry.username.like("member-%"))).first()


def test_every_province_has_names_for_a_full_provincial_demo() -> None:
    # A provincial demo makes 27 dossiers; every province must offer that many distinct clusters
    # (its catalogue clusters, then templates over its counties) or `demo` would stop half-way.
    import csv

    from cluster_desktop.paths import resource
    from cluster_desktop.services.demo.catalog import CLUSTERS, COUNTIES, TEMPLATES

    with resource("reference", "provinces_extended.csv").open(encoding="utf-8") as f:
        capitals = {r["iso_code"]: r["capital_fa"] for r in csv.DictReader(f)}
    assert set(COUNTIES) == set(capitals)
    for code, capital in capitals.items():
        counties = {c[1] for c in CLUSTERS if c[0] == code} | {capital, *COUNTIES[code]}
        assert len(counties) * len(TEMPLATES) >= 27, code

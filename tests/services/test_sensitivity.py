"""The ranking's sensitivity to the weights (issue 16, part 2) on demo data, SQLite and PostgreSQL: the
analysis ranks exactly as services/rankings does under the current weights, is reproducible with its
seed, re-ranks without the database, prints as one page, and only the secretariat may run it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from cluster_desktop.domain.errors import NotFound, PermissionDenied, ValidationError
from cluster_desktop.services import criteria, evaluations, rankings, users
from cluster_desktop.services import sensitivity as sens
from cluster_desktop.services.demo import fill_demo
from cluster_desktop.store.models import Dossier, User
from tests.conftest import PASSWORD
from tests.printing.pdftext import extract_logical_pages, normalise

QUICK = sens.Options(draws=300)
NEW = {"C1": 10, "C2": 8, "C3": 8, "C4": 20, "C5": 16, "C6": 10, "C7": 12, "C8": 8, "C9": 8}


def test_unchanged_weights_rank_as_the_ranking_does(central_demo) -> None:
    ws, secretary = central_demo("secretary")
    with ws.db.session() as s:
        report = sens.analyse(s, secretary, QUICK)
        ranked = [r for r in rankings.ranked_rows(s, level="central") if r.rank is not None]
        one = ranked[0].province_code
        mine = sens.analyse(s, secretary, sens.Options(province_code=one, draws=100))
        theirs = [
            r for r in rankings.ranked_rows(s, level="central", province_code=one) if r.rank is not None
        ]
        cons = evaluations.consolidated(s, secretary, report.rows[0].id, "central").consolidation
    # THEN every ranked dossier is there, in the ranking's order, with the ranking's rank and score
    assert len(report.rows) >= 10
    assert [(r.id, r.rank, r.score) for r in report.rows] == [(r.id, r.rank, r.score) for r in ranked]
    assert all(r.basis == "criteria" and r.recorded_rank == r.rank for r in report.rows)
    # AND a province's ranking at the centre is that province's ranks
    assert [(r.id, r.rank) for r in mine.rows] == [(r.id, r.rank) for r in theirs]
    assert mine.scope_fa == ranked[0].province_fa and mine.province_code == one
    # AND the means are the round's consolidated means, in the criteria set's order
    assert report.rows[0].means == tuple(cons.per_criterion_mean[c.code] for c in report.criteria)
    # AND the figures hold together
    for r in report.rows:
        assert r.best_bound <= r.min_rank <= r.rank <= r.max_rank <= r.worst_bound
        assert 0 <= r.top_probability <= 1 and 0 <= r.pass_probability <= 1
    assert abs(sum(c.share for c in report.criteria) - 100) < 1e-9
    assert sorted(f.code for f in report.influence) == sorted(c.code for c in report.criteria)
    assert report.vertices == 512 and report.vertices_complete


def test_the_same_seed_gives_the_same_numbers(central_demo) -> None:
    ws, secretary = central_demo("secretary")
    with ws.db.session() as s:
        first = sens.analyse(s, secretary, QUICK)
        again = sens.analyse(s, secretary, QUICK)
        other = sens.analyse(s, secretary, sens.Options(draws=300, seed=99))
    assert first == replace(again, generated_on=first.generated_on)
    assert [r.top_probability for r in other.rows] != [r.top_probability for r in first.rows]


def test_twins_on_every_criterion_keep_the_same_range(central_demo) -> None:
    ws, secretary = central_demo("secretary")
    pattern = {f"C{k}": score for k, score in enumerate((4, 3, 5, 4, 2, 4, 3, 4, 5), start=1)}
    with ws.db.session() as s:
        # GIVEN two ranked dossiers far apart whose members' sheets are made identical on every criterion
        ranked = [r for r in rankings.ranked_rows(s, level="central") if r.rank is not None]
        twins = [ranked[1].id, ranked[-2].id]
        for dossier_id in twins:
            d = s.get(Dossier, dossier_id)
            level = "central" if d.central_score is not None else "province"
            for sheet in evaluations.submitted_sheets(s, dossier_id, level):
                for score in sheet.scores:
                    score.score = pattern[score.criterion_code]
            s.flush()
            evaluations.refresh_score(s, d, level)  # as the working group's decision records it
        s.flush()
        report = sens.analyse(s, secretary, QUICK)
    rows = {r.id: r for r in report.rows}
    a, b = rows[twins[0]], rows[twins[1]]
    # THEN they stand together, with the same range, bounds and probabilities
    assert a.basis == b.basis == "criteria" and a.means == b.means
    assert (a.rank, a.min_rank, a.max_rank, a.best_bound, a.worst_bound) == (
        b.rank,
        b.min_rank,
        b.max_rank,
        b.best_bound,
        b.worst_bound,
    )
    assert (a.top_probability, a.pass_probability) == (b.top_probability, b.pass_probability)


def test_what_if_reranks_without_the_database_and_proposes_whole_percents(central_demo) -> None:
    ws, secretary = central_demo("secretary")
    with ws.db.session() as s:
        report = sens.analyse(s, secretary, sens.Options(draws=0))
    ws.close()  # nothing below may touch the database
    same = sens.what_if(report, report.weights)
    assert [(w.id, w.rank, w.change) for w in same] == [(r.id, r.rank, 0) for r in report.rows]
    # WHEN one criterion takes all the weight
    strongest = report.influence[0].code
    alone = [1.0 if c.code == strongest else 0.0 for c in report.criteria]
    moved = sens.what_if(report, alone)
    # THEN the order follows that criterion's means, and the changes say who gained and lost
    index = [c.code for c in report.criteria].index(strongest)
    means = {r.id: r.means[index] for r in report.rows}
    assert [means[w.id] for w in moved] == sorted(means.values(), reverse=True)
    assert any(w.change > 0 for w in moved) and any(w.change < 0 for w in moved)
    # AND a proposal is whole percents adding up to 100 (27.3 + 8 × 9.1: the largest remainder gets one)
    proposal = sens.proposal(report, [3, 1, 1, 1, 1, 1, 1, 1, 1])
    assert sum(proposal.values()) == 100 and proposal["C1"] == 28 and proposal["C2"] == 9


def test_a_revision_reweights_dossiers_scored_against_the_earlier_set(central_demo) -> None:
    ws, secretary = central_demo("secretary")
    with ws.db.session() as s:
        before = sens.analyse(s, secretary, sens.Options(draws=0))
        criteria.revise(s, secretary, criteria.RevisionInput(NEW, 60, "بازنگری برای آزمون حساسیت"))
        after = sens.analyse(s, secretary, sens.Options(draws=0))
    # THEN every dossier is re-weighted with the current (revised) weights, its recorded rank kept
    assert after.criteria_set_number == before.criteria_set_number + 1
    assert after.count("earlier_set") == len(after.rows) == len(before.rows)
    assert {r.id: r.recorded_rank for r in after.rows} == {r.id: r.rank for r in before.rows}
    assert [round(c.share) for c in after.criteria] == [NEW[c.code] for c in after.criteria]
    expected = sens.what_if(before, after.weights)
    assert {w.id: w.rank for w in expected} == {r.id: r.rank for r in after.rows}


def test_only_the_secretariat_analyses(central_demo) -> None:
    ws, secretary = central_demo("secretary")
    with ws.db.session() as s:
        evaluator = s.scalar(select(User).where(User.role == "evaluator").order_by(User.username))
        assert evaluator is not None
        member = users.authenticate(s, evaluator.username, PASSWORD)
        with pytest.raises(PermissionDenied):
            sens.analyse(s, member, QUICK)
        with pytest.raises(NotFound):
            sens.analyse(s, secretary, sens.Options(province_code="IR-99"))
        with pytest.raises(ValidationError) as bad:
            sens.analyse(s, secretary, sens.Options(spread=80))
        assert bad.value.field == "spread"


def test_a_province_analyses_its_own_ranking_only(workspace, province_admin) -> None:
    fill_demo(workspace, province_admin, PASSWORD, count=12)
    with workspace.db.session() as s:
        secretary = users.authenticate(s, "secretary", PASSWORD)
        report = sens.analyse(s, secretary, QUICK)
        ranked = [r for r in rankings.ranked_rows(s, level="province", province_code="IR-07") if r.rank]
        with pytest.raises(PermissionDenied):
            sens.analyse(s, secretary, sens.Options(province_code="IR-10"))
    assert report.level == "province" and report.province_code == "IR-07"
    assert [(r.id, r.rank) for r in report.rows] == [(r.id, r.rank) for r in ranked]
    assert report.rows, "the demo province has approved dossiers"


def test_the_annex_is_one_page_with_the_top_of_the_ranking(central_demo, tmp_path) -> None:
    ws, secretary = central_demo("secretary")
    out = tmp_path / "annex.pdf"
    with ws.db.session() as s:
        report = sens.analyse(s, secretary, QUICK)
        listed = sens.print_annex(s, secretary, out, report=report)
    pages = extract_logical_pages(out)
    assert len(pages) == 1
    text = pages[0]
    assert normalise("حساسیت رتبه‌ها به وزن معیارها") in text
    # The top K and those that can reach it, in rank order, as many as fit
    can_reach = [r for r in report.rows if r.rank <= 10 or r.min_rank <= 10]
    assert 10 <= listed <= len(can_reach)
    at = 0
    for r in can_reach[:listed]:
        at = text.index(normalise(r.name), at) + 1
    assert normalise(report.influence[0].title_fa)[:20] in text

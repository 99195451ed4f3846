"""A criteria revision (F15) in the middle of an evaluation round: the round keeps its set."""

from __future__ import annotations

from sqlalchemy import select

from cluster_desktop.services import criteria, evaluations, users
from cluster_desktop.store.models import Dossier, Evaluation, User
from tests.conftest import PASSWORD

NEW = {"C1": 10, "C2": 8, "C3": 8, "C4": 20, "C5": 16, "C6": 10, "C7": 12, "C8": 8, "C9": 8}


def test_sheets_of_one_round_stay_on_one_set_after_a_revision(central_demo) -> None:
    ws, admin = central_demo("admin")
    with ws.db.session() as s:
        # GIVEN a dossier in central review that some members have scored, and one who has not
        d = next(
            d
            for d in s.scalars(select(Dossier).where(Dossier.state == "central_review").order_by(Dossier.id))
            if len(evaluations.submitted_sheets(s, d.id, "central")) < 4
        )
        scored = {e.member_id for e in s.scalars(select(Evaluation).where(Evaluation.dossier_id == d.id))}
        old_set = s.scalar(select(Evaluation.criteria_set_id).where(Evaluation.dossier_id == d.id))
        user = next(
            u
            for u in s.scalars(select(User).where(User.member_id.is_not(None)))
            if u.member_id not in scored and u.role == "evaluator"
        )
        before = evaluations.consolidated(s, admin, d.id, "central").consolidation.member_count
        # WHEN the criteria are revised, and then that member scores
        revised = criteria.revise(s, admin, criteria.RevisionInput(NEW, 60, "بازنگری میان دوره"))
        member = users.authenticate(s, user.username, PASSWORD)
        assert evaluations.sheet_state(s, member, d.id).criteria_set_title != revised.title_fa
        evaluations.save_sheet(
            s, member, d.id, evaluations.SheetInput({f"C{k}": 3 for k in range(1, 10)}, {}), submit=True
        )
        # THEN the new sheet uses the round's set, and the consolidation counts every sheet
        sheet = evaluations.my_sheet(s, member, d.id)
        assert sheet is not None and sheet.criteria_set_id == old_set != revised.id
        after = evaluations.consolidated(s, admin, d.id, "central").consolidation.member_count
        assert after == before + 1

"""Saving a profile or a plan again keeps its yearly rows: a year kept is updated, not re-inserted
(a replaced list collided on the (cluster, year) and (plan, year) keys, on both backends)."""

from __future__ import annotations

from cluster_desktop.services import clusters, plans
from cluster_desktop.store.models import Dossier


def test_profile_and_plan_saved_twice_with_the_same_years(workspace, province_admin) -> None:
    years = [clusters.YearInput(1402, "۱۰۰", "۲۰", "۳۰"), clusters.YearInput(1403, 200, 30, 40)]
    with workspace.db.session() as s:
        d = clusters.create_cluster(
            s, province_admin, clusters.ClusterInput("خوشهٔ زعفران", "قائنات", yearly=years)
        )
        did, cid = d.id, d.cluster_id
    with workspace.db.session() as s:
        c = clusters.get_cluster(s, cid)
        data = clusters.cluster_input_of(c)
        data.yearly = [clusters.YearInput(1403, 250, 30, 40), clusters.YearInput(1404, 300, 35, 45)]
        clusters.update_cluster(s, province_admin, cid, data, expected_version=c.version)
    with workspace.db.session() as s:
        c = clusters.get_cluster(s, cid)
        assert [(y.year, y.production_rial) for y in sorted(c.yearly, key=lambda y: y.year)] == [
            (1403, 250),
            (1404, 300),
        ]
        assert next(y for y in c.yearly if y.year == 1403).version == 2
        s.get(Dossier, did).state = "plan_in_progress"  # type: ignore[union-attr]
    targets = [plans.TargetInput(1405, 1000, 10), plans.TargetInput(1406, 2000, 20)]
    for round_ in range(2):
        with workspace.db.session() as s:
            plans.save_plan(
                s,
                province_admin,
                did,
                plans.PlanInput(
                    overview=f"نسخهٔ {round_}", targets=[*targets[round_:], plans.TargetInput(1407, 5, 5)]
                ),
            )
    with workspace.db.session() as s:
        plan = plans.plan_of(s, did)
        assert plan is not None
        assert sorted(t.year for t in plan.targets) == [1406, 1407]

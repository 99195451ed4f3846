"""Issue 16, first part: one ranking everywhere. The national list on screen, the printed ranking
report and ``national-list --json`` give every dossier the same rank, on demo data of every state;
returned and rejected dossiers have no rank anywhere; equal shown scores share a rank."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys

from cluster_desktop.domain.numbers import round_score
from cluster_desktop.domain.workflow import DossierState
from cluster_desktop.services import central, printing, rankings
from cluster_desktop.services.central import NationalQuery

NO_RANK = {DossierState.RETURNED, DossierState.PROVINCIALLY_REJECTED, DossierState.CENTRALLY_REJECTED}


def _cli_ranks(ws, *args: str) -> list[tuple[str, int | None]]:  # type: ignore[no-untyped-def]
    db = (
        [] if ws.backend == "sqlite" else ["--db-url", ws.db.engine.url.render_as_string(hide_password=False)]
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "cluster_desktop",
            "--data-dir",
            str(ws.data_dir),
            *db,
            "national-list",
            "--json",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return [(o["name"], o["rank"]) for o in json.loads(done.stdout)]


def test_screen_paper_and_command_line_rank_alike(central_demo) -> None:
    ws, actor = central_demo("admin")
    with ws.db.session() as s:
        screen = central.national_rows(s, NationalQuery(), limit=10_000)  # what the national list shows
        paper = printing.ranking_data(s, actor)
        one = screen[0].province_code
        screen_one = central.national_rows(s, NationalQuery(province_code=one), limit=10_000)
        paper_one = printing.ranking_data(s, actor, province_code=one)
    # GIVEN demo data of (nearly) every state
    assert len({r.state for r in screen}) >= 9
    # THEN the national list, the printed report and the command line list the same ranks in one order
    on_screen = [(r.name, r.rank) for r in screen]
    assert [(r.cluster, r.rank) for r in paper.rows] == on_screen
    assert _cli_ranks(ws) == on_screen
    # AND for one province: the list's province rank is the printed province report's rank
    assert [(r.cluster, r.rank) for r in paper_one.rows] == [(r.name, r.province_rank) for r in screen_one]
    # AND a returned or rejected dossier has no rank anywhere; every ranked one takes part by rule
    for r in screen:
        if r.state in NO_RANK or r.score is None:
            assert r.rank is None and r.province_rank is None, (r.name, r.state)
        else:
            assert (r.rank is not None) == (r.state in rankings.CENTRAL_STATES), (r.name, r.state)
    # AND ranks are competition ranks over the scores as shown: equal shown scores share one
    ranked = [r for r in screen if r.rank is not None]
    for a, b in itertools.pairwise(ranked):
        shown_a, shown_b = (round_score(x.score) for x in (a, b))
        assert (a.rank == b.rank) == (shown_a == shown_b)


def test_a_noisy_score_ties_with_its_shown_value(central_demo) -> None:
    from sqlalchemy import select, update

    from cluster_desktop.store.models import Dossier

    ws, actor = central_demo("admin")
    with ws.db.session() as s:
        top = central.national_rows(s, NationalQuery(), limit=2)
        # GIVEN two ranked dossiers whose scores differ only by floating-point noise
        s.execute(update(Dossier).where(Dossier.id == top[0].id).values(central_score=47.199999999999996))
        s.execute(update(Dossier).where(Dossier.id == top[1].id).values(central_score=47.2))
        assert s.scalar(select(Dossier.state).where(Dossier.id == top[0].id)) in rankings.CENTRAL_STATES
    with ws.db.session() as s:
        rows = {r.id: r for r in central.national_rows(s, NationalQuery(), limit=10_000)}
        paper = {r.cluster: r.rank for r in printing.ranking_data(s, actor).rows}
    # THEN they share one rank on screen and on paper
    assert rows[top[0].id].rank == rows[top[1].id].rank == paper[rows[top[0].id].name]

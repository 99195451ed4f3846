"""Issue 16's must-show: on a central demo of 200 dossiers the national list, the printed ranking and
``national-list --json`` give every dossier the same rank (the 45-dossier version runs on both
backends in tests/services/test_one_ranking.py)."""

from __future__ import annotations

from pathlib import Path

from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.services import central, printing
from cluster_desktop.services.central import NationalQuery
from cluster_desktop.services.office import OfficeSetup, setup_office
from cluster_desktop.services.workspace import Workspace
from tests.conftest import PASSWORD
from tests.services.test_one_ranking import _cli_ranks


def test_two_hundred_dossiers_rank_alike_on_screen_paper_and_command_line(tmp_path: Path) -> None:
    from cluster_desktop.services import demo

    ws = Workspace.open(tmp_path / "centre", None)
    try:
        admin = setup_office(ws, OfficeSetup(OfficeKind.CENTRAL, None, "admin", PASSWORD))
        assert demo.fill_demo(ws, admin, PASSWORD, count=200, seed=3) == 200
        with ws.db.session() as s:
            screen = central.national_rows(s, NationalQuery(), limit=10_000)
            paper = printing.ranking_data(s, admin)
        assert len(screen) >= 200
        on_screen = [(r.name, r.rank) for r in screen]
        assert [(r.cluster, r.rank) for r in paper.rows] == on_screen
        assert _cli_ranks(ws) == on_screen
    finally:
        ws.close()

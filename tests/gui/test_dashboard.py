"""The dashboard on demo data: counts by state, what waits for whom, recent activity, state → list."""

from __future__ import annotations

import pytest

from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.domain.workflow import DOSSIER_STATE_TITLES, DossierState
from cluster_desktop.gui.dashboard import STATE, DashboardView
from cluster_desktop.services.clusters import counts_by_state
from cluster_desktop.services.demo import fill_demo
from tests.conftest import PASSWORD


@pytest.fixture
def demo_ctx(ctx, province_admin):
    fill_demo(ctx.ws, province_admin, PASSWORD, count=14)
    return ctx


def test_counts_by_state_match_the_database(demo_ctx, qtbot) -> None:
    view = DashboardView(demo_ctx)
    qtbot.addWidget(view)
    with demo_ctx.session() as s:
        counts = counts_by_state(s)
    table = view.states
    assert table.rowCount() == len(DossierState)
    for row, state in enumerate(DossierState):
        assert table.item(row, 0).text() == DOSSIER_STATE_TITLES[state][0]
        assert table.item(row, 1).text() == to_persian_digits(counts.get(state.value, 0))
    assert sum(counts.values()) == 14


def test_what_waits_for_whom_names_the_step_and_the_agencies(demo_ctx, qtbot) -> None:
    view = DashboardView(demo_ctx)
    qtbot.addWidget(view)
    rows = {view.waiting.item(r, 0).data(STATE): r for r in range(view.waiting.rowCount())}
    # Final states never wait; every listed state has dossiers
    assert "provincially_rejected" not in rows and "licensed" not in rows
    draft = rows["draft"]
    assert view.waiting.item(draft, 2).text().startswith("F3-2")
    assert "سازمان توسعه تجارت ایران" in view.waiting.item(draft, 4).text()
    assert view.waiting.item(draft, 3).text() == "سازمان بازرگانی استان"


def test_recent_activity_shows_jalali_time_and_actor(demo_ctx, qtbot) -> None:
    view = DashboardView(demo_ctx)
    qtbot.addWidget(view)
    assert view.activity.rowCount() > 5
    when = view.activity.item(0, 0).text()
    assert when.startswith("۱۴") and not any(c.isascii() and c.isdigit() for c in when)
    assert view.activity.item(0, 1).text()


def test_double_clicking_a_state_opens_the_filtered_cluster_list(demo_ctx, qtbot) -> None:
    view = DashboardView(demo_ctx)
    qtbot.addWidget(view)
    asked_views: list[str] = []
    demo_ctx.navigate.connect(asked_views.append)
    with qtbot.waitSignal(view.state_chosen) as chosen:
        view.states.cellDoubleClicked.emit(1, 0)
    assert chosen.args == ["nominated"] and asked_views == ["clusters"]

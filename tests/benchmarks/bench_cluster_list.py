"""Benchmark: the cluster list with 100,000 clusters (run on demand, not in the default suite).

    .venv/bin/python -m pytest tests/benchmarks/bench_cluster_list.py -s

Rows are written with Core inserts straight into the tables (benchmark data only: no audit, no
validation), then the real list view is opened, searched, sorted and scrolled offscreen, timing each
step until the view has painted. Figures are printed; the README section quotes them.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import insert

from cluster_desktop.domain.roles import Role
from cluster_desktop.domain.text import normalize_for_search
from cluster_desktop.domain.workflow import DossierState
from cluster_desktop.gui.application import setup_application
from cluster_desktop.gui.cluster_list import ClusterListView
from cluster_desktop.gui.context import AppContext
from cluster_desktop.gui.dossier_table_model import COLUMNS
from cluster_desktop.store.models import Cluster, Dossier, Product
from cluster_desktop.store.models.base import new_uuid

N = 100_000
BATCH = 10_000

PRODUCTS = [
    ("5701", "فرش دستباف"),
    ("0806", "انگور"),
    ("0804.10", "خرما"),
    ("3301", "گلاب"),
    ("6403", "کفش چرمی"),
    ("9403", "مبلمان چوبی"),
    ("0409", "عسل"),
    ("6802", "سنگ ساختمانی"),
    ("0910.20", "زعفران"),
    ("6912", "ظروف سفالی"),
]
COUNTIES = ["شیراز", "مرودشت", "جهرم", "کازرون", "فسا", "داراب", "لار", "آباده", "استهبان", "نی‌ریز"]


def write_clusters(ctx: AppContext, n: int = N, seed: int = 7) -> None:
    """Insert ``n`` clusters with one product and one dossier each (Core executemany, in batches)."""
    rng = random.Random(seed)
    office, province = ctx.actor.office_id, ctx.actor.province_code
    now = datetime.now(UTC)
    states = [s.value for s in DossierState]
    with ctx.session() as s:
        for start in range(0, n, BATCH):
            clusters, products, dossiers = [], [], []
            for i in range(start, min(start + BATCH, n)):
                hs, product = rng.choice(PRODUCTS)
                county = rng.choice(COUNTIES)
                name = f"{product} {county} {i}"
                cid = new_uuid()
                stamp = now - timedelta(minutes=i)
                common = {"owner_office_id": office, "version": 1, "created_at": stamp, "updated_at": stamp}
                clusters.append(
                    {
                        **common,
                        "id": cid,
                        "name": name,
                        "name_norm": normalize_for_search(name),
                        "province_code": province,
                        "county": county,
                        "county_norm": normalize_for_search(county),
                        "employees": rng.randint(20, 9000),
                        "annual_exports_usd": rng.randint(1, 500) * 100_000,
                        "search_text": normalize_for_search(f"{name} {county} {hs} {product}"),
                    }
                )
                products.append(
                    {**common, "id": new_uuid(), "cluster_id": cid, "hs_code": hs, "name_fa": product}
                )
                state = rng.choice(states)
                dossiers.append(
                    {
                        **common,
                        "id": new_uuid(),
                        "cluster_id": cid,
                        "province_code": province,
                        "state": state,
                        "origin": "province",
                        "provincial_score": round(rng.uniform(10, 95), 2) if rng.random() < 0.6 else None,
                        "nominated_on": None
                        if state == "draft"
                        else date(2024, 1, 1) + timedelta(days=rng.randint(0, 700)),
                        "state_changed_at": stamp,
                    }
                )
            conn = s.connection()  # Core executemany on the tables: no ORM bulk machinery
            conn.execute(insert(Cluster.__table__), clusters)
            conn.execute(insert(Product.__table__), products)
            conn.execute(insert(Dossier.__table__), dossiers)


@pytest.fixture(scope="module")
def big_ctx(tmp_path_factory, qapp) -> Iterator[AppContext]:
    from cluster_desktop.domain.roles import OfficeKind
    from cluster_desktop.services.office import OfficeSetup, setup_office
    from cluster_desktop.services.workspace import Workspace

    setup_application("fa", qapp)
    ws = Workspace.open(tmp_path_factory.mktemp("bench") / "data")
    actor = setup_office(ws, OfficeSetup(OfficeKind.PROVINCE, "IR-07", "admin", "bench-pass-1"))
    ctx = AppContext(ws, replace(actor, role=Role.ADMIN), "fa")
    t0 = time.perf_counter()
    write_clusters(ctx)
    FIGURES["write 100,000 clusters + dossiers + products (Core inserts)"] = time.perf_counter() - t0
    yield ctx
    ws.close()


FIGURES: dict[str, float] = {}


def timed(label: str, fn: Callable[[], object]) -> float:
    """Run ``fn`` and let the view paint; record the wall time."""
    t0 = time.perf_counter()
    fn()
    for _ in range(3):
        QApplication.processEvents()
    elapsed = time.perf_counter() - t0
    FIGURES[label] = elapsed
    return elapsed


def test_cluster_list_with_100000_clusters(big_ctx, qtbot) -> None:
    try:
        _walk(big_ctx, qtbot)
    finally:
        print("\nCluster list, 100,000 clusters:")
        for label, seconds in FIGURES.items():
            print(f"  {label:<62} {seconds * 1000:8.0f} ms")


def _walk(big_ctx: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    holder: list[ClusterListView] = []

    def open_view() -> None:
        view = ClusterListView(big_ctx)
        view.resize(1280, 800)
        view.show()
        holder.append(view)

    assert timed("open the list (count + first page shown)", open_view) < 2.0
    view = holder[0]
    qtbot.addWidget(view)
    assert view.model.rowCount() == N and view.count_label.text() == "۱۰۰٬۰۰۰ پرونده"

    def search(text: str) -> Callable[[], None]:
        return lambda: view.set_search(text)

    assert timed("search «زعفران» (Persian word)", search("زعفران")) < 1.5
    found = view.model.rowCount()
    assert 0 < found < N
    assert timed("search «۱۲۳۴۵» (Persian digits, matches Latin)", search("۱۲۳۴۵")) < 1.5
    assert view.model.rowCount() >= 1
    assert timed("clear the search", search("")) < 1.5

    score = next(i for i, c in enumerate(COLUMNS) if c.key == "score")
    header = view.table.horizontalHeader()
    assert (
        timed(
            "sort by score (descending, SQL)",
            lambda: header.setSortIndicator(score, Qt.SortOrder.DescendingOrder),
        )
        < 1.5
    )
    top = view.model.index(0, score).data()
    assert top.startswith("۹")

    assert timed("scroll to the last row", view.table.scrollToBottom) < 1.5
    assert view.model.index(N - 1, score).data() == "—"  # unscored dossiers sort last

    assert timed("state filter «معرفی‌شده»", lambda: view.set_state_filter("nominated")) < 1.5
    assert (
        timed("HS prefix filter 08 + state", lambda: view.hs_edit.setText("08") or view.apply_filters()) < 1.5
    )
    assert (
        timed("sort by name with filters", lambda: header.setSortIndicator(0, Qt.SortOrder.AscendingOrder))
        < 1.5
    )

"""Benchmark: the national list and ranking with 31 provinces × 1,000 dossiers (run on demand).

    .venv/bin/python -m pytest tests/benchmarks/bench_national_list.py -s

Rows are written with Core inserts (benchmark data only: no audit, no validation) into a central
office: every dossier has a provincial score, about half a central one, in states across the
centre's part of the workflow. Then the real NationalListView is opened, re-sorted by each sortable
column, filtered (province, HS prefix, score, state) and scrolled offscreen, timing each step until
the view has painted. Figures are printed; /work/notes/readme-central.md quotes them.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import insert, select

from cluster_desktop.domain.text import normalize_for_search
from cluster_desktop.gui.application import setup_application
from cluster_desktop.gui.context import AppContext
from cluster_desktop.gui.national_list import NationalListView
from cluster_desktop.store.models import Cluster, Dossier, Product, Province
from cluster_desktop.store.models.base import new_uuid

PER_PROVINCE = 1_000
PRODUCTS = [
    ("5701.10", "فرش دستباف"),
    ("0806.20", "کشمش"),
    ("0804.10", "خرما"),
    ("3301.29", "گلاب"),
    ("6403.99", "کفش چرمی"),
    ("9403.60", "مبلمان چوبی"),
    ("0409.00", "عسل"),
    ("0910.20", "زعفران"),
]
STATES = ["sent_to_center", "received", "central_review", "centrally_rejected", "approved", "registered"]
FIGURES: dict[str, float] = {}


def write_national(ctx: AppContext, per_province: int = PER_PROVINCE, seed: int = 31) -> int:
    rng = random.Random(seed)
    now = datetime.now(UTC)
    n = 0
    with ctx.session() as s:
        provinces = list(s.scalars(select(Province.code).order_by(Province.code)))
        for code in provinces:
            clusters, products, dossiers = [], [], []
            for i in range(per_province):
                hs, product = rng.choice(PRODUCTS)
                name = f"{product} {code} {i}"
                cid = new_uuid()
                stamp = now - timedelta(minutes=n)
                common = {"owner_office_id": code, "version": 1, "created_at": stamp, "updated_at": stamp}
                clusters.append(
                    {
                        **common,
                        "id": cid,
                        "name": name,
                        "name_norm": normalize_for_search(name),
                        "province_code": code,
                        "county": "مرکز",
                        "county_norm": normalize_for_search("مرکز"),
                        "employees": rng.randint(20, 9000),
                        "annual_exports_usd": rng.randint(1, 500) * 100_000,
                        "search_text": normalize_for_search(f"{name} {hs} {product}"),
                    }
                )
                products.append(
                    {**common, "id": new_uuid(), "cluster_id": cid, "hs_code": hs, "name_fa": product}
                )
                state = rng.choice(STATES)
                dossiers.append(
                    {
                        **common,
                        "id": new_uuid(),
                        "cluster_id": cid,
                        "province_code": code,
                        "state": state,
                        "origin": "province",
                        "provincial_score": round(rng.uniform(40, 98), 1),
                        "central_score": round(rng.uniform(40, 98), 1)
                        if state != "sent_to_center" and rng.random() < 0.6
                        else None,
                        "state_changed_at": stamp,
                    }
                )
                n += 1
            conn = s.connection()
            conn.execute(insert(Cluster.__table__), clusters)
            conn.execute(insert(Product.__table__), products)
            conn.execute(insert(Dossier.__table__), dossiers)
    return n


@pytest.fixture(scope="module")
def national_ctx(tmp_path_factory, qapp) -> Iterator[AppContext]:
    from cluster_desktop.domain.roles import OfficeKind
    from cluster_desktop.services.office import OfficeSetup, setup_office
    from cluster_desktop.services.workspace import Workspace

    setup_application("fa", qapp)
    ws = Workspace.open(tmp_path_factory.mktemp("bench-national") / "data")
    actor = setup_office(ws, OfficeSetup(OfficeKind.CENTRAL, None, "admin", "bench-pass-1"))
    ctx = AppContext(ws, actor, "fa")
    t0 = time.perf_counter()
    n = write_national(ctx)
    FIGURES[f"write {n:,} dossiers of 31 provinces (Core inserts)"] = time.perf_counter() - t0
    yield ctx
    ws.close()


def timed(label: str, fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    for _ in range(3):
        QApplication.processEvents()
    FIGURES[label] = elapsed = time.perf_counter() - t0
    return elapsed


def test_national_list_with_31_provinces_of_1000(national_ctx, qtbot) -> None:
    try:
        holder: dict[str, NationalListView] = {}

        def open_view() -> None:
            holder["v"] = NationalListView(national_ctx)
            holder["v"].resize(1280, 800)
            holder["v"].show()

        timed("open the view (count + first page ranked nationally)", open_view)
        view = holder["v"]
        qtbot.addWidget(view)
        assert view.model.count == 31 * PER_PROVINCE and view.model.index(0, 0).data() == "۱"
        worst = 0.0
        for col, spec in enumerate(view.model.columns):
            if not spec.key:
                continue
            for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
                t = timed(f"re-sort by {spec.key} {order.name}", lambda c=col, o=order: view.model.sort(c, o))
                worst = max(worst, t)
        FIGURES["worst re-sort"] = worst
        timed("scroll: fetch the next page", lambda: view.model.fetchMore())
        timed(
            "filter by province (IR-07)",
            lambda: view.province_combo.setCurrentIndex(view.province_combo.findData("IR-07")),
        )
        assert view.model.count == PER_PROVINCE
        view.province_combo.setCurrentIndex(0)
        view.hs_edit.setText("0910")
        timed("filter by HS prefix 0910", view.apply_filters)
        view.min_score_spin.setValue(90)
        timed("filter HS 0910 and score >= 90", view.apply_filters)
        timed(
            "filter by state: registered",
            lambda: view.state_combo.setCurrentIndex(view.state_combo.findData("registered")),
        )
        assert worst < 0.5, f"re-sorting took {worst:.2f} s"
        assert FIGURES["open the view (count + first page ranked nationally)"] < 1.0
    finally:
        print()
        for label, seconds in FIGURES.items():
            print(f"{label:62s} {seconds * 1000:8.0f} ms")

"""Benchmark: printing one license and a 1,000-row ranking report (run on demand).

    .venv/bin/python -m pytest tests/benchmarks/bench_printing.py -s

The license is printed through the service (database load, signed QR text, PDF); the ranking
through the service over 1,000 dossiers written with Core inserts (benchmark data only). Each is
timed as the median of a few runs; figures are printed for the README.
"""

from __future__ import annotations

import io
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import insert, select

from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.domain.text import normalize_for_search
from cluster_desktop.services import printing
from cluster_desktop.services.demo import fill_demo
from cluster_desktop.services.office import OfficeSetup, setup_office
from cluster_desktop.services.workspace import Workspace
from cluster_desktop.store.models import Cluster, Dossier, License, Province
from cluster_desktop.store.models.base import new_uuid
from tests.conftest import PASSWORD

pytestmark = pytest.mark.benchmark
ROWS = 1000


def median_seconds(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def test_print_license_and_thousand_row_ranking(tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path / "centre")
    admin = setup_office(ws, OfficeSetup(OfficeKind.CENTRAL, None, "admin", PASSWORD))
    fill_demo(ws, admin, PASSWORD, count=15)
    rng = random.Random(7)
    with ws.db.session() as s:
        provinces = [p.code for p in s.scalars(select(Province))]
        clusters, dossiers = [], []
        for i in range(ROWS - 15):
            cid = new_uuid()
            name = f"خوشهٔ آزمایشی شمارهٔ {i} فرآورده‌های صادراتی"
            clusters.append(
                dict(
                    id=cid,
                    owner_office_id="TPO",
                    name=name,
                    name_norm=normalize_for_search(name),
                    province_code=rng.choice(provinces),
                    county="کاشان",
                    county_norm="کاشان",
                )
            )
            dossiers.append(
                dict(
                    id=new_uuid(),
                    owner_office_id="TPO",
                    cluster_id=cid,
                    province_code=clusters[-1]["province_code"],
                    state="approved",
                    provincial_score=rng.uniform(20, 95),
                    central_score=rng.uniform(20, 95),
                )
            )
        s.execute(insert(Cluster), clusters)
        s.execute(insert(Dossier), dossiers)
    with ws.db.session() as s:
        lic = s.scalars(select(License)).first()

        def license_pdf() -> None:
            printing.print_license(s, admin, lic.dossier_id, io.BytesIO())

        def ranking_pdf() -> None:
            printing.print_ranking(s, admin, tmp_path / "ranking.pdf")

        t_license = median_seconds(license_pdf, 7)
        t_ranking = median_seconds(ranking_pdf, 3)
        t_data = median_seconds(lambda: printing.ranking_data(s, admin), 3)
    pages = len(PdfReader(tmp_path / "ranking.pdf").pages)
    size = (tmp_path / "ranking.pdf").stat().st_size
    ws.close()
    print(f"\nlicense (1 page, QR code): {t_license * 1000:.0f} ms")
    print(
        f"ranking, {ROWS} rows: {t_ranking:.2f} s ({pages} pages, {size / 1024:.0f} KiB); loading the rows {t_data * 1000:.0f} ms"
    )
    assert pages > 20
    assert t_license < 2 and t_ranking < 20

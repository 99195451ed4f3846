"""Benchmark: the audit log with 100,000 entries (run on demand, not in the default suite).

    .venv/bin/python -m pytest tests/benchmarks/bench_audit.py -s

Entries are written with Core inserts, chained as the insert hook would chain them (benchmark data
only). Then: the whole chain verified; the service's count and first page with each filter and a page
deep in the log; the audit view opened offscreen and scrolled; the GUI thread's longest pause while
the chain is verified in the background (the main window's start-up check); the Excel export.
``run(n, folder)`` is also what the suite's short version calls (no timing asserted there).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select

from cluster_desktop.store.audit_chain import entry_hash
from cluster_desktop.store.models import AuditEntry

N = 100_000
BATCH = 10_000
USERS = ["secretary", "m.ahmadi", "r.karimi", "e.mohammadi", "admin"]
ACTIONS = [
    ("dossier.nominate", "dossier"),
    ("plan.save", "plan"),
    ("evaluation.save", "evaluation"),
    ("cluster.update", "cluster"),
    ("member.update", "member"),
    ("meeting.update", "meeting"),
]


def fill(ws: Any, actor: Any, n: int, seed: int = 3) -> list[str]:
    """``n`` chained entries over a year, a third of them about one of 100 real dossiers."""
    from cluster_desktop.services import clusters

    dossiers = []
    for i in range(100):
        with ws.db.session() as s:
            name = f"خوشهٔ {random.Random(i).choice(['زعفران', 'فرش', 'پسته', 'گلاب'])} {i}"
            dossiers.append(clusters.create_cluster(s, actor, clusters.ClusterInput(name, "شیراز")).id)
    rng = random.Random(seed)
    with ws.db.session() as s:
        prev = s.scalar(select(AuditEntry.entry_hash).order_by(AuditEntry.id.desc()).limit(1)) or ""
    start = datetime(2025, 3, 21, tzinfo=UTC)
    rows: list[dict[str, Any]] = []
    for i in range(n):
        action, entity = rng.choice(ACTIONS)
        at = start + timedelta(seconds=i * 315)  # 100,000 entries over a year
        did = rng.choice(dossiers)
        if entity == "dossier":
            entity_id, details = did, {"to": "nominated", "f_code": "F3-2"}
        elif entity in ("plan", "evaluation"):
            entity_id, details = f"x{i}", {"dossier": did}
        else:
            entity_id, details = f"x{i}", {"name": f"نام {i}"}
        user = rng.choice(USERS)
        h = entry_hash(prev, at, user, actor.office_id, action, entity, entity_id, details)
        rows.append(
            {
                "at": at,
                "username": user,
                "office_id": actor.office_id,
                "action": action,
                "entity": entity,
                "entity_id": entity_id,
                "details": details,
                "prev_hash": prev,
                "entry_hash": h,
            }
        )
        prev = h
    with ws.db.engine.begin() as conn:
        for i in range(0, n, BATCH):
            conn.execute(insert(AuditEntry.__table__), rows[i : i + BATCH])
    return dossiers


def run(n: int, folder: Path, app: Any) -> dict[str, float]:
    from PySide6.QtCore import QThread, QTimer

    from cluster_desktop.domain.roles import OfficeKind, Role
    from cluster_desktop.gui.application import setup_application
    from cluster_desktop.gui.audit_banner import AuditBanner
    from cluster_desktop.gui.audit_view import AuditView
    from cluster_desktop.gui.context import AppContext
    from cluster_desktop.services import audit_views as av
    from cluster_desktop.services.audit_export import export_xlsx
    from cluster_desktop.services.office import OfficeSetup, setup_office
    from cluster_desktop.services.workspace import Workspace

    setup_application("fa", app)
    figures: dict[str, float] = {}

    def timed(label: str, fn: Callable[[], Any]) -> Any:
        t0 = time.perf_counter()
        out = fn()
        figures[label] = time.perf_counter() - t0
        return out

    ws = Workspace.open(folder / "data")
    try:
        actor = replace(
            setup_office(ws, OfficeSetup(OfficeKind.PROVINCE, "IR-07", "admin", "bench-pass-1")),
            role=Role.ADMIN,
        )
        timed(f"write {n:,} chained entries (Core inserts)", lambda: fill(ws, actor, n))
        with ws.db.session() as s:
            status = timed("verify the whole chain (service)", lambda: av.chain_status(s))
            assert status.intact and status.entries >= n
            queries = {
                "count + first page, no filter": av.AuditQuery(),
                "… one user": av.AuditQuery(username="m.ahmadi"),
                "… one action": av.AuditQuery(actions=("plan.save",)),
                "… one dossier by name («زعفران»)": av.AuditQuery(dossier="زعفران 7"),
                "… one Jalali month": av.AuditQuery(since=date(2025, 6, 22), until=date(2025, 7, 22)),
            }
            for label, q in queries.items():
                timed(label, lambda q=q: (av.count_entries(s, actor, q), av.list_entries(s, actor, q)))
            deep = s.scalar(select(AuditEntry.id).order_by(AuditEntry.id).offset(100).limit(1))
            timed(
                "a page 100 entries from the start (keyset)",
                lambda: av.list_entries(s, actor, av.AuditQuery(), before_id=deep),
            )
        ctx = AppContext(ws, actor, "fa")

        def wait(predicate: Callable[[], bool]) -> None:
            while not predicate():
                app.processEvents()
                QThread.msleep(1)

        view = AuditView(ctx)
        view.resize(1280, 800)
        t0 = time.perf_counter()
        view.show()
        wait(lambda: not view.model.busy())
        figures["audit view: open until the first page is shown"] = time.perf_counter() - t0
        wait(lambda: not view.busy())
        t0 = time.perf_counter()
        view.table.scrollToBottom()
        wait(lambda: len(view.model.rows) > view.model.PAGE and not view.model.busy())
        figures["audit view: scroll to the end, next page shown"] = time.perf_counter() - t0
        view.close()
        # The GUI thread while the chain is verified in the background, as at start-up.
        ticks: list[float] = []
        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        banner = AuditBanner(ctx)
        timer.start()
        t0 = time.perf_counter()
        banner.check()
        wait(lambda: banner.status is not None)
        figures["start-up check: verify in the background"] = time.perf_counter() - t0
        timer.stop()
        gaps = [b - a for a, b in pairwise(ticks)]
        figures["start-up check: longest pause of the GUI thread"] = max(gaps, default=0.0)
        figures["start-up check: GUI timer ticks meanwhile (every 10 ms)"] = float(len(ticks))
        timed(
            f"Excel export of all {n:,} entries",
            lambda: export_xlsx(ws, actor, av.AuditQuery(), folder / "all.xlsx"),
        )
    finally:
        ws.close()
    return figures


@pytest.mark.benchmark
def test_audit_log_with_100000_entries(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    figures = run(N, tmp_path, qapp)
    print(f"\nAudit log, {N:,} entries:")
    for label, value in figures.items():
        shown = f"{value:8.0f}" if "ticks" in label else f"{value * 1000:8.0f} ms"
        print(f"  {label:<62} {shown}")
    assert figures["start-up check: longest pause of the GUI thread"] < 0.5

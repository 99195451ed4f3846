"""Benchmark: the central office on PostgreSQL against the same on SQLite (run on demand).

    .venv/bin/python tests/benchmarks/bench_backends.py [--per-province 1000]

For each backend: a central office with 31 provinces × N dossiers (Core inserts, as in
bench_national_list.py), then the national list's count and first page ranked nationally, a search, a
re-sort, and one real bundle import (a province with 12 demo dossiers and two 300 kB scans). PostgreSQL
is a throw-away local server (tests/pgserver.py) with fsync off, so the figures compare query work,
not disks. Prints a table for the README.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("CLUSTER_DESKTOP_FAST_KDF", "1")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from cluster_desktop.services import central, sync  # noqa: E402
from cluster_desktop.services.workspace import Workspace  # noqa: E402
from tests.benchmarks.bench_national_list import write_national  # noqa: E402
from tests.pgserver import PgServer, wait_ready  # noqa: E402
from tests.sync.offices import build_pair, copy_pair  # noqa: E402


class _Ctx:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    @contextmanager
    def session(self):  # type: ignore[no-untyped-def]
        with self.ws.db.session() as s:
            yield s


def timed(fn):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def run(backend: str, per_province: int, root: Path, server: PgServer | None) -> dict[str, float]:
    figures: dict[str, float] = {}
    urls: dict[str, str | None] = {"province": None, "centre": None}
    if server is not None:
        urls["centre"] = server.url(server.create())
    pair_root = root / f"pair-{backend}"
    build_pair(pair_root, urls=urls)
    pair = copy_pair(pair_root, root / f"copy-{backend}", urls)
    centre = pair.centre
    figures["write"], n = timed(lambda: write_national(_Ctx(centre.ws), per_province))  # type: ignore[arg-type]
    q = central.NationalQuery()
    with centre.ws.db.session() as s:
        figures["count + first page"], rows = timed(
            lambda: (central.count_national(s, q), central.national_rows(s, q, limit=200))
        )
        assert rows[1]
        figures["search «زعفران»"], _ = timed(
            lambda: central.national_rows(s, central.NationalQuery(search="زعفران"), limit=200)
        )
        figures["re-sort by exports"], _ = timed(
            lambda: central.national_rows(
                s, central.NationalQuery(order_by="exports", descending=True), limit=200
            )
        )
    p = pair.province
    bundle = sync.export_bundle(p.ws, p.actor, p.keys, root / f"{backend}.bundle").files[0]
    figures["import one bundle"], report = timed(
        lambda: sync.import_bundle(centre.ws, centre.actor, centre.keys, bundle)
    )
    assert report["applied"]
    figures["dossiers"] = n
    pair.close()
    return figures


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-province", type=int, default=1000)
    args = ap.parse_args()
    server = PgServer().start()
    wait_ready(server)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            results = {
                "SQLite": run("sqlite", args.per_province, Path(tmp), None),
                "PostgreSQL 15": run("postgresql", args.per_province, Path(tmp), server),
            }
    finally:
        server.stop()
    keys = [k for k in results["SQLite"] if k != "dossiers"]
    print(f"| {int(results['SQLite']['dossiers']):,} dossiers | " + " | ".join(results) + " |")
    print("|---|" + "---|" * len(results))
    for k in keys:
        print(f"| {k} | " + " | ".join(f"{r[k] * 1000:,.0f} ms" for r in results.values()) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

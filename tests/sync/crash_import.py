"""Kill bundle imports with SIGKILL at random moments; each time the import must be all or nothing.

    python tests/sync/crash_import.py --count 1000 [--seed S] [--keep DIR]

Builds a province (demo data, attachments) and a centre that trust each other, exports one bundle,
then COUNT times: copies the centre's data directory, starts an import in a child process, kills it
after a random delay within the import's duration, and checks that ``PRAGMA integrity_check`` is ok
and the database is either exactly as before (same dump) or holds the whole bundle (its import-log
row and the same row counts as a complete import). Exit 0 when every run held, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("CLUSTER_DESKTOP_FAST_KDF", "1")
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DB = "cluster-desktop.sqlite3"
TABLES = (
    "clusters",
    "dossiers",
    "transitions",
    "evaluations",
    "evaluation_scores",
    "attachments",
    "import_log",
    "audit_log",
)


def child(data_dir: Path, bundle: Path) -> None:
    """The import to kill: everything loaded first, then 'ready', then the import itself."""
    from cluster_desktop.services import sync
    from tests.sync.offices import _open

    office = _open(data_dir)
    print("ready", flush=True)
    sync.import_bundle(office.ws, office.actor, office.keys, bundle)
    print("done", flush=True)


def dump(db: Path) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def state(db: Path) -> tuple[str, dict[str, int]]:
    con = sqlite3.connect(db)
    try:
        check = con.execute("PRAGMA integrity_check").fetchone()[0]
        return check, {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


def prepare(work: Path) -> tuple[Path, Path]:
    """The pristine centre directory and the bundle to import into it."""
    from cluster_desktop.services import sync
    from tests.sync.offices import _open, build_pair

    build_pair(work / "pair", clusters=20)
    p = _open(work / "pair" / "province")
    bundle = sync.export_bundle(p.ws, p.actor, p.keys, work / "bundle.bundle").files[0]
    p.ws.close()
    return work / "pair" / "centre", bundle


def run_child(data_dir: Path, bundle: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", str(data_dir), str(bundle)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    if line != "ready":
        raise RuntimeError(f"child did not start: {line!r} {proc.stderr.read() if proc.stderr else ''}")
    return proc


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=30)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--keep", type=Path, help="work directory to use and keep")
    ap.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    rng = random.Random(args.seed)
    work = args.keep or Path(tempfile.mkdtemp(prefix="crash-import-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        pristine, bundle = prepare(work)
        before = dump(pristine / DB)
        # One complete import: what "all" looks like, and how long the import takes.
        full_dir = work / "full"
        shutil.copytree(pristine, full_dir)
        proc = run_child(full_dir, bundle)
        start = time.perf_counter()
        _out, err = proc.communicate()
        duration = time.perf_counter() - start
        if proc.returncode != 0:
            raise RuntimeError(err)
        check, complete = state(full_dir / DB)
        assert check == "ok" and complete["import_log"] == 1
        results = {"all": 0, "none": 0, "bad": 0}
        failures = []
        run_dir = work / "run"
        for i in range(args.count):
            shutil.rmtree(run_dir, ignore_errors=True)
            shutil.copytree(pristine, run_dir)
            proc = run_child(run_dir, bundle)
            time.sleep(rng.uniform(0, duration * 1.1))
            proc.send_signal(signal.SIGKILL)
            proc.communicate()
            check, counts = state(run_dir / DB)
            if check == "ok" and counts["import_log"] == 0 and dump(run_dir / DB) == before:
                results["none"] += 1
            elif check == "ok" and counts == complete:
                results["all"] += 1
            else:
                results["bad"] += 1
                failures.append({"run": i, "integrity": check, "counts": counts})
        print(
            json.dumps(
                {
                    "runs": args.count,
                    "import_seconds": round(duration, 3),
                    **results,
                    "failures": failures[:5],
                },
                ensure_ascii=False,
            )
        )
        return 0 if results["bad"] == 0 else 1
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

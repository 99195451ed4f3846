"""Several PCs (or processes) starting at the same instant against one database all start: the schema
migration and the reference data are done once, by whoever comes first (issue 14)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PCS = 10

CHILD = """
import sys, time
from pathlib import Path
from sqlalchemy import func, select
from cluster_desktop.services.workspace import Workspace
from cluster_desktop.store.models import Province, Responsibility
start = float(sys.argv[3])
time.sleep(max(0.0, start - time.time()))
ws = Workspace.open(Path(sys.argv[1]), sys.argv[2] or None)
with ws.db.session() as s:
    print(s.scalar(select(func.count()).select_from(Province)), s.scalar(select(func.count()).select_from(Responsibility)))
ws.close()
"""


def start_together(dirs: list[Path], url: str | None) -> list[subprocess.CompletedProcess[str]]:
    at = time.time() + 4.0  # every child has imported everything by then and waits for the moment
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(d), url or "", repr(at)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for d in dirs
    ]
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=240)
        out.append(subprocess.CompletedProcess(p.args, p.returncode, stdout, stderr))
    return out


@pytest.mark.slow
def test_ten_pcs_start_at_once_on_a_new_and_on_an_existing_database(
    tmp_path: Path, backend: str, new_db_url
) -> None:
    url = new_db_url()
    # On a server each PC has its own data folder; on SQLite they share the PC's one file.
    dirs = [tmp_path / (f"pc{i}" if url else "data") for i in range(PCS)]
    # WHEN ten start together on a database that does not exist yet
    runs = start_together(dirs, url)
    # THEN every one started and sees the whole reference data
    for r in runs:
        assert r.returncode == 0, r.stderr[-2000:]
    counts = {r.stdout.split()[0] for r in runs}
    assert counts == {"31"}
    responsibilities = {r.stdout.split()[1] for r in runs}
    assert len(responsibilities) == 1 and int(responsibilities.pop()) > 50
    # AND WHEN the shipped reference files have changed (forget the digest), ten start again
    from sqlalchemy import create_engine, delete

    from cluster_desktop.store.db import sqlite_url
    from cluster_desktop.store.models import Setting
    from cluster_desktop.store.reference import DIGEST_KEY

    engine = create_engine(url or sqlite_url(dirs[0]))
    with engine.begin() as conn:
        conn.execute(delete(Setting).where(Setting.key == DIGEST_KEY))
    engine.dispose()
    runs = start_together(dirs, url)
    for r in runs:
        assert r.returncode == 0, r.stderr[-2000:]
    assert {r.stdout for r in runs} == {runs[0].stdout}

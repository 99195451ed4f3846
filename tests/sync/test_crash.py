"""Crash safety and resource bounds, each in a child process so a kill or a memory spike is real."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from cluster_desktop.services import sync

from .offices import Pair, seal

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_sigkill_during_import_is_all_or_nothing() -> None:
    # GIVEN imports killed with SIGKILL at random moments (30 of them; the README records 1,000)
    out = subprocess.run(
        [sys.executable, str(ROOT / "tests/sync/crash_import.py"), "--count", "30", "--seed", "7"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    # THEN every database passed integrity_check and held the whole bundle or none of it
    assert out.returncode == 0, out.stdout + out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["bad"] == 0 and result["all"] + result["none"] == 30


MEASURE = """
import json, resource, sys, time, tracemalloc
from pathlib import Path
from tests.sync.offices import _open
from cluster_desktop.services import sync
from cluster_desktop.sync.limits import BundleError
office = _open(Path(sys.argv[1]), sys.argv[3] or None)
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
tracemalloc.start()
t0 = time.perf_counter()
try:
    sync.import_bundle(office.ws, office.actor, office.keys, Path(sys.argv[2]))
    reason = None
except BundleError as e:
    reason = e.reason
seconds = time.perf_counter() - t0
peak = tracemalloc.get_traced_memory()[1]
rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"reason": reason, "seconds": seconds, "peak_bytes": peak, "rss_growth_kb": rss1 - rss0}))
"""


def _bomb(path: Path, size: int) -> bytes:
    """A ZIP whose one entry inflates ``size`` zero bytes from about a thousandth of that."""
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf,
        zf.open("records/clusters.jsonl", "w", force_zip64=True) as f,
    ):
        chunk = bytes(1 << 20)
        for _ in range(size >> 20):
            f.write(chunk)
    return path.read_bytes()


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["ratio", "count"])
def test_a_bomb_is_refused_fast_and_small(pair: Pair, tmp_path: Path, kind: str) -> None:
    c = pair.centre
    if kind == "ratio":
        data = _bomb(tmp_path / "bomb.zip", 1 << 28)  # 256 MiB of zeros in about 256 kB
    else:
        data = (tmp_path / "b.zip").write_bytes(b"") or _many(tmp_path / "b.zip")
    bundle = seal(data, c, tmp_path / "bomb.bundle")
    url = "" if c.ws.db.engine.dialect.name == "sqlite" else c.ws.db.url
    c.ws.close()
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, str(c.dir), str(bundle), url],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "CLUSTER_DESKTOP_FAST_KDF": "1"},
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    r = json.loads(out.stdout)
    print(kind, r)
    assert r["reason"] == ("ratio" if kind == "ratio" else "too_many_entries")
    assert r["seconds"] < 2.0
    assert r["peak_bytes"] < 100 * 2**20 and r["rss_growth_kb"] < 100 * 1024


def _many(path: Path) -> bytes:
    with zipfile.ZipFile(path, "w") as zf:
        for i in range(60_000):
            zf.writestr(f"attachments/{i:064x}", b"")
    return path.read_bytes()


def test_an_interrupted_export_leaves_no_bundle_and_no_record(
    pair: Pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN sealing fails half-way WHEN the province exports THEN neither a file nor a sent-bundle
    # row nor a dossier moved to sent remains
    p = pair.province
    before = p.dump()

    def fail(*_a: object, **_k: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("cluster_desktop.sync.export.seal_bundle", fail)
    with pytest.raises(OSError):
        sync.export_bundle(p.ws, p.actor, p.keys, tmp_path / "out.bundle")
    assert p.dump() == before
    assert not (tmp_path / "out.bundle").exists()
    assert not [f for f in p.ws.bundles_dir.iterdir()]

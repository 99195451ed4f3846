"""The short version of tests/benchmarks/bench_backends.py: every step runs, on both backends (no timing)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.slow
def test_backend_benchmark_steps_run(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> None:
    from tests.benchmarks.bench_backends import run

    server = request.getfixturevalue("pg_server") if backend == "postgresql" else None
    figures = run(backend, 3, tmp_path, server)
    assert figures["dossiers"] == 93 and set(figures) >= {"count + first page", "import one bundle"}

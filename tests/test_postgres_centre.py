"""The central office on a real PostgreSQL server, as IT staff and the secretariat would meet it
(issue 14): the demo with 200 clusters, every screen the centre has, the national list, bundles from
three SQLite provinces, a licence issued, printed and verified."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def cli(
    data: Path, *args: str, password: bool = False, user: bool = False
) -> subprocess.CompletedProcess[str]:
    who = ["--user", "admin", "--password-stdin"] if user else []
    return subprocess.run(
        [sys.executable, "-m", "cluster_desktop", "--data-dir", str(data), *who, *args],
        input=PASSWORD + "\n" if (password or user) else None,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=900,
        env={**os.environ, "CLUSTER_DESKTOP_FAST_KDF": "1", "QT_QPA_PLATFORM": "offscreen"},
    )


def ok(r: subprocess.CompletedProcess[str]) -> str:
    assert r.returncode == 0, (r.stdout + r.stderr)[-3000:]
    return r.stdout


@pytest.fixture
def centre(tmp_path: Path, pg_server) -> Path:  # type: ignore[no-untyped-def]
    name = pg_server.create()
    data = tmp_path / "centre"
    ok(
        cli(
            data,
            "--db-url",
            pg_server.url(name),
            "demo",
            "--office",
            "central",
            "--admin",
            "admin",
            "--password-stdin",
            "--clusters",
            "200",
            password=True,
        )
    )
    yield data
    pg_server.drop(name)


def test_the_centre_on_postgresql(centre: Path, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from cluster_desktop.gui.screenshots import TARGETS, render
    from cluster_desktop.gui.views import VIEWS
    from cluster_desktop.services.workspace import Workspace

    # the national list
    rows = json.loads(ok(cli(centre, "national-list", "--json")))
    assert len(rows) >= 100 and rows[0]["rank"] == 1
    # every screen a central office has, rendered from the server database
    central_views = {v.key for v in VIEWS if "central" in v.offices} | {"main", "login", "wizard"}
    ws = Workspace.open(centre)
    assert ws.backend == "postgresql"
    try:
        for view in sorted(set(TARGETS) & central_views - {"wizard"}):
            out = render(ws, view, tmp_path / f"{view}.png")
            assert out.stat().st_size > 5_000, view
    finally:
        ws.close()
    # bundles from three provinces on SQLite
    ok(cli(centre, "keys", "export-certificate", str(tmp_path / "tpo.json"), user=True))
    for code in ("IR-03", "IR-07", "IR-15"):
        p = tmp_path / code
        ok(
            cli(
                p,
                "demo",
                "--office",
                "province",
                "--province",
                code,
                "--admin",
                "admin",
                "--password-stdin",
                "--clusters",
                "6",
                password=True,
            )
        )
        ok(cli(p, "trust", "add", str(tmp_path / "tpo.json"), user=True))
        ok(cli(p, "keys", "export-certificate", str(tmp_path / f"{code}.json"), user=True))
        ok(cli(centre, "trust", "add", str(tmp_path / f"{code}.json"), user=True))
        ok(cli(p, "bundle", "export", str(tmp_path / f"{code}.bundle"), user=True))
        report = json.loads(
            ok(cli(centre, "bundle", "import", str(tmp_path / f"{code}.bundle"), "--json", user=True))
        )
        assert report["applied"] and report["sender"]["office_id"] == code
    # a licence: issued for a registered dossier that has none, printed, verified from the PDF
    licences = json.loads(ok(cli(centre, "license-admin", "list", "--json", user=True)))
    licensed = {lic["dossier_id"] for lic in licences}
    registered = [
        d
        for d in json.loads(
            ok(cli(centre, "clusters", "list", "--status", "registered", "--json", user=True))
        )
        if d["id"] not in licensed
    ]
    assert registered, "the demo holds a registered dossier without a licence"
    issued = json.loads(ok(cli(centre, "license-admin", "issue", registered[0]["id"], "--json", user=True)))
    pdf = tmp_path / "licence.pdf"
    ok(cli(centre, "print", "license", registered[0]["id"], str(pdf), user=True))
    verdict = json.loads(ok(cli(centre, "license", "verify", "--pdf", str(pdf), "--json")))
    assert verdict["genuine"] and issued["number"] in json.dumps(verdict, ensure_ascii=False)

"""IT staff's view of the database (issue 14): ``setup --db-url`` once, the data folder remembers the
server without its password, ``database status|check|backup`` on both backends."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def cli(data: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cluster_desktop", "--data-dir", str(data), *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env={**__import__("os").environ, "CLUSTER_DESKTOP_FAST_KDF": "1"},
    )


@pytest.mark.slow
def test_setup_on_a_server_once_then_status_check_and_backup(
    tmp_path: Path, backend: str, new_db_url
) -> None:
    url = new_db_url()
    data = tmp_path / "دفتر مرکزی"
    given = []
    if url:  # a password in the URL is used for this run only, never stored or logged
        given = ["--db-url", make_url(url).set(password="s3cret-پ").render_as_string(hide_password=False)]
    r = cli(
        data,
        *given,
        "setup",
        "--office",
        "central",
        "--admin",
        "admin",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert r.returncode == 0, r.stderr
    # later commands name no URL: the folder remembers it
    st = json.loads(cli(data, "database", "status", "--json").stdout)
    assert st["backend"] == backend and st["integrity"] == "ok" and st["revision"] == st["program_revision"]
    if url:
        ini = (data / "database.ini").read_text(encoding="utf-8")
        assert make_url(url).database in ini and "s3cret" not in ini and "s3cret" not in st["where"]
    else:
        assert not (data / "database.ini").exists() and st["where"].endswith("cluster-desktop.sqlite3")
    assert cli(data, "database", "check").returncode == 0
    r = cli(
        data,
        "--user",
        "admin",
        "--password-stdin",
        "database",
        "backup",
        "--out",
        str(tmp_path / "پشتیبان"),
        stdin=PASSWORD + "\n",
    )
    assert r.returncode == 0, r.stderr
    backup = Path(r.stdout.strip())
    assert backup.is_file() and backup.parent == tmp_path / "پشتیبان" and backup.stat().st_size > 10_000
    assert backup.suffix == (".pgdump" if url else ".sqlite3")
    # only the administrator
    r = cli(data, "--user", "nobody", "--password-stdin", "database", "backup", stdin="x\n")
    assert r.returncode == 1
    log = (data / "logs" / "cluster-desktop.log").read_text(encoding="utf-8")
    assert "s3cret" not in log and PASSWORD not in log


def test_configure_keeps_a_server_for_the_folder_and_refuses_anything_else(tmp_path: Path) -> None:
    data = tmp_path / "PC ۲"
    r = cli(data, "database", "configure", "postgresql+psycopg://cluster:pw@db.tpo.local/cd?sslmode=require")
    assert r.returncode == 0, r.stderr
    ini = (data / "database.ini").read_text(encoding="utf-8")
    assert "cluster@db.tpo.local/cd?sslmode=require" in ini and ":pw@" not in ini
    for bad in ("sqlite:///x.db", "not a url"):
        r = cli(tmp_path / "other", "database", "configure", bad)
        assert r.returncode == 1 and "Traceback" not in r.stderr and r.stderr.strip()

"""The CLI contract of DESIGN.md, run in a subprocess like an administrator would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSWORD


def cli(data: Path, *args: str, password: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cluster_desktop", "--data-dir", str(data), *args],
        input=(password + "\n") if password else None,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def province(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("prov")
    r = cli(
        d,
        "setup",
        "--office",
        "province",
        "--province",
        "IR-07",
        "--admin",
        "admin",
        "--password-stdin",
        password=PASSWORD,
    )
    assert r.returncode == 0, r.stderr
    return d


def test_version() -> None:
    r = subprocess.run([sys.executable, "-m", "cluster_desktop", "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and "cluster-desktop" in r.stdout


def test_reference_data(province: Path) -> None:
    crit = json.loads(cli(province, "reference", "criteria", "--json").stdout)
    assert len(crit) == 9 and crit[0]["title_fa"] == "تمرکز جغرافیایی مجموعه ای از بنگاه‌های کسب و کار"
    assert len(json.loads(cli(province, "reference", "provinces", "--json").stdout)) == 31
    codes = {p["code"] for p in json.loads(cli(province, "reference", "processes", "--json").stdout)}
    assert {f"F{i}" for i in range(1, 16)} <= codes and {"F1-1", "F3-4", "F6-1", "F9-3"} <= codes
    matrix = {
        r["process"]: r["organizations"]
        for r in json.loads(cli(province, "reference", "matrix", "--json").stdout)
    }
    assert matrix["F8"] == ["TPO"] and "PROV_COMMERCE" in matrix["F2-1"]


def test_setup_twice_is_refused(province: Path) -> None:
    r = cli(
        province,
        "setup",
        "--office",
        "province",
        "--province",
        "IR-07",
        "--admin",
        "x",
        "--password-stdin",
        password=PASSWORD,
    )
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "قبلاً" in r.stderr


def test_bad_usage_exits_2(province: Path) -> None:
    assert cli(province, "reference", "nothing").returncode == 2


def test_bad_transition_is_refused(province: Path) -> None:
    r = cli(
        province,
        "--user",
        "admin",
        "--password-stdin",
        "clusters",
        "add",
        "--name",
        "زعفران قائنات",
        "--county",
        "قائنات",
        "--json",
        password=PASSWORD,
    )
    assert r.returncode == 0, r.stderr
    dossier = json.loads(r.stdout)["id"]
    r = cli(
        province,
        "--user",
        "admin",
        "--password-stdin",
        "clusters",
        "transition",
        dossier,
        "license",
        password=PASSWORD,
    )
    assert (r.returncode == 1 and "مجاز نیست" in r.stderr) or "مرکز" in r.stderr
    rows = json.loads(cli(province, "clusters", "list", "--json").stdout)
    assert [x["status"] for x in rows if x["id"] == dossier] == ["draft"]


def test_central_demo_covers_every_state(tmp_path: Path) -> None:
    r = cli(
        tmp_path,
        "demo",
        "--office",
        "central",
        "--admin",
        "admin",
        "--password-stdin",
        "--clusters",
        "200",
        password=PASSWORD,
    )
    assert r.returncode == 0, r.stderr
    rows = json.loads(cli(tmp_path, "clusters", "list", "--json").stdout)
    assert len(rows) == 200
    assert {"id", "name", "province", "status", "score"} <= set(rows[0])
    from cluster_desktop.domain.workflow import DossierState

    assert {r["status"] for r in rows} == {s.value for s in DossierState}
    assert len({r["province"] for r in rows}) >= 25
    assert any(r["score"] is not None for r in rows)


def test_province_demo_covers_every_provincial_state(tmp_path: Path) -> None:
    r = cli(
        tmp_path,
        "demo",
        "--office",
        "province",
        "--province",
        "IR-10",
        "--admin",
        "admin",
        "--password-stdin",
        password=PASSWORD,
    )
    assert r.returncode == 0, r.stderr
    rows = json.loads(cli(tmp_path, "clusters", "list", "--json").stdout)
    from cluster_desktop.domain.workflow import PROVINCIAL_STATES

    assert {r["status"] for r in rows} == set(PROVINCIAL_STATES)
    assert {r["province"] for r in rows} == {"IR-10"}


def test_a_locked_account_is_refused_in_persian_and_unlocked_by_another_admin(tmp_path: Path) -> None:
    from cluster_desktop.domain.errors import DomainError
    from cluster_desktop.domain.roles import Role
    from cluster_desktop.services import accounts, users
    from cluster_desktop.services.workspace import Workspace

    d = tmp_path / "office"
    r = cli(
        d,
        "setup",
        "--office",
        "province",
        "--province",
        "IR-07",
        "--admin",
        "admin",
        "--password-stdin",
        password=PASSWORD,
    )
    assert r.returncode == 0, r.stderr
    ws = Workspace.open(d)
    try:
        with ws.db.session() as s:
            first = users.authenticate(s, "admin", PASSWORD)
            accounts.add_user(
                s,
                first,
                accounts.NewUser(
                    "second", "مدیر دوم", Role.ADMIN, PASSWORD, PASSWORD, admin_password=PASSWORD
                ),
            )
        for i in range(users.LOCK_AFTER):
            with ws.db.session() as s, pytest.raises(DomainError):
                users.authenticate(s, "admin", f"wrong-{i}")
    finally:
        ws.close()
    r = cli(d, "--user", "admin", "--password-stdin", "users", "list", password=PASSWORD)
    assert r.returncode == 1 and "بسته است" in r.stderr and "Traceback" not in r.stderr
    listed = json.loads(
        cli(d, "--user", "second", "--password-stdin", "users", "list", "--json", password=PASSWORD).stdout
    )
    assert next(u for u in listed if u["username"] == "admin")["locked_until"]
    r = cli(d, "--user", "second", "--password-stdin", "users", "unlock", "admin", password=PASSWORD)
    assert r.returncode == 0, r.stderr
    assert cli(d, "--user", "admin", "--password-stdin", "users", "list", password=PASSWORD).returncode == 0

"""``users …`` from the command line, as an administrator's script runs it (real processes): line 1 of
standard input the administrator's password, line 2 a new password; refusals exit 1 with one line."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import PASSWORD

NEW = "fresh-pass-42"


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def process(data: Path, *args: str, stdin: str = "", user: str = "admin") -> Result:
    """A real process, as a script runs it."""
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "cluster_desktop",
            "--data-dir",
            str(data),
            "--user",
            user,
            "--password-stdin",
            *args,
        ],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return Result(r.returncode, r.stdout, r.stderr)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """The same command line through ``cli.main`` in this process (a second instead of a process start)."""
    from cluster_desktop.cli import main

    def call(data: Path, *args: str, stdin: str = "", user: str = "admin") -> Result:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        capsys.readouterr()
        code = main(["--data-dir", str(data), "--user", user, "--password-stdin", *args])
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return call


def refused(r: Result) -> str:
    """The one Persian line of a refusal."""
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr and r.stderr.count("\n") == 1, r.stderr
    return r.stderr.strip()


@pytest.fixture
def office(tmp_path: Path) -> Path:
    d = tmp_path / "office"
    r = subprocess.run(
        [sys.executable, "-m", "cluster_desktop", "--data-dir", str(d), "setup", "--office", "province",
         "--province", "IR-07", "--admin", "admin", "--password-stdin"],
        input=PASSWORD + "\n", capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    return d


def listed(run: Callable[..., Result], data: Path) -> dict[str, dict[str, object]]:
    r = run(data, "users", "list", "--json", stdin=PASSWORD + "\n")
    assert r.returncode == 0, r.stderr
    return {u["username"]: u for u in json.loads(r.stdout)}


def certificate(run: Callable[..., Result], data: Path, user: str, password: str) -> Result:
    """A command that unlocks the office keys with that user's password."""
    return run(data, "keys", "export-certificate", str(data / "c.json"), user=user, stdin=password + "\n")


def users_of(run: Callable[..., Result], data: Path) -> dict[str, object]:
    return {name: u["role"] for name, u in listed(run, data).items()}


def test_the_administrator_manages_accounts_from_the_command_line(
    office: Path, run: Callable[..., Result]
) -> None:
    from cluster_desktop.services import groups, users
    from cluster_desktop.services.workspace import Workspace

    ws = Workspace.open(office)
    try:
        with ws.db.session() as s:
            admin = users.authenticate(s, "admin", PASSWORD)
            groups.add_member(s, admin, groups.MemberInput("الهام رحیمی", "CHAMBER_COMMERCE"))
    finally:
        ws.close()
    both = f"{PASSWORD}\n{NEW}\n"
    # add: the new password on line 2; without it, one line says so
    assert "سطر دوم" in refused(run(office, "users", "add", "m1", "--full-name", "x", "--role", "clerk",
                                    stdin=PASSWORD + "\n"))  # fmt: skip
    r = run(office, "users", "add", "elham", "--full-name", "الهام رحیمی", "--role", "evaluator",
            "--member", "الهام رحیمی", stdin=both)  # fmt: skip
    assert r.returncode == 0 and "elham" in r.stdout, r.stderr
    assert "اعضای کارگروه" in refused(
        run(office, "users", "add", "e2", "--full-name", "x y", "--role", "evaluator", stdin=both)
    )
    r = run(
        office,
        "users",
        "add",
        "reza.k",
        "--full-name",
        "x y",
        "--role",
        "clerk",
        stdin=f"{PASSWORD}\nREZA.K  \n",
    )
    assert "نام کاربری" in refused(r)
    assert run(office, "users", "add", "clerk1", "--full-name", "مریم احمدی", "--role", "clerk",
               stdin=both).returncode == 0  # fmt: skip
    assert users_of(run, office) == {"admin": "admin", "elham": "evaluator", "clerk1": "clerk"}
    # edit: a clerk who becomes a secretary gets a new password (line 2) and the office key
    r = run(office, "users", "edit", "clerk1", "--role", "secretary", "--full-name", "مریم احمدی‌فر",
            stdin=f"{PASSWORD}\nsecretary-pass-1\n")  # fmt: skip
    assert r.returncode == 0, r.stderr
    u = listed(run, office)["clerk1"]
    assert (u["role"], u["full_name"], u["holds_keys"]) == ("secretary", "مریم احمدی‌فر", True)
    assert certificate(run, office, "clerk1", "secretary-pass-1").returncode == 0
    # an evaluator stays linked to a member
    assert "اعضای کارگروه" in refused(
        run(office, "users", "edit", "elham", "--no-member", stdin=PASSWORD + "\n")
    )
    # deactivate: no more logins; the last administrator is kept
    assert run(office, "users", "deactivate", "clerk1", stdin=PASSWORD + "\n").returncode == 0
    assert listed(run, office)["clerk1"]["active"] is False
    assert "نادرست" in refused(certificate(run, office, "clerk1", "secretary-pass-1"))
    assert "مدیر سامانهٔ فعال" in refused(run(office, "users", "deactivate", "admin", stdin=PASSWORD + "\n"))
    assert "مدیر سامانهٔ فعال" in refused(
        run(office, "users", "edit", "admin", "--role", "clerk", stdin=PASSWORD + "\n")
    )
    assert run(office, "users", "reactivate", "clerk1", stdin=PASSWORD + "\n").returncode == 0
    # reset-password: the key holder's office key follows the new password
    assert run(office, "users", "reset-password", "clerk1", stdin=both).returncode == 0
    assert certificate(run, office, "clerk1", NEW).returncode == 0
    assert "رقم" in refused(run(office, "users", "reset-password", "elham", stdin=f"{PASSWORD}\n12345678\n"))
    # only an administrator
    assert "اجازه" in refused(run(office, "users", "deactivate", "elham", user="clerk1", stdin=NEW + "\n"))
    # the idle lock
    assert "۵" in run(office, "users", "idle-lock", "5", stdin=PASSWORD + "\n").stdout
    assert "۵" in run(office, "users", "idle-lock", stdin=PASSWORD + "\n").stdout


def test_six_wrong_passwords_then_the_right_one_is_refused_with_when_to_retry(office: Path) -> None:
    for i in range(6):
        refused(process(office, "users", "list", stdin=f"wrong-{i}\n"))
    line = refused(process(office, "users", "list", stdin=PASSWORD + "\n"))
    assert "بسته است" in line and "تا ۱۴" in line  # until a Jalali date and time

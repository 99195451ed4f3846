"""``office show | set`` and ``office liaison list | set``, run as an administrator would."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tests.conftest import PASSWORD
from tests.images import png
from tests.test_cli import cli


def _setup(data: Path, *office: str) -> None:
    r = cli(data, "setup", *office, "--admin", "admin", "--password-stdin", password=PASSWORD)
    assert r.returncode == 0, r.stderr


def test_office_set_changes_only_what_is_given_and_show_reads_it(tmp_path: Path) -> None:
    data = tmp_path / "fars"
    _setup(data, "--office", "province", "--province", "IR-07")
    image = tmp_path / "letterhead.png"
    image.write_bytes(png())
    r = cli(
        data, "--user", "admin", "--password-stdin", "office", "set",
        "--head-name", "علی رضایی", "--phone", "۰۷۱-۳۲۳۴۵۶۷۸", "--letterhead", str(image),
        password=PASSWORD,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    r = cli(data, "--user", "admin", "--password-stdin", "office", "set", "--secretary-name", "مهدی جعفری",
            password=PASSWORD)  # fmt: skip
    assert r.returncode == 0, r.stderr
    shown = json.loads(cli(data, "office", "show", "--json").stdout)
    assert (shown["head_name"], shown["secretary_name"], shown["phone"]) == (
        "علی رضایی",
        "مهدی جعفری",
        "071-32345678",
    )
    assert shown["letterhead"] == {
        "type": "image/png",
        "bytes": len(png()),
        "sha256": hashlib.sha256(png()).hexdigest(),
    }
    assert shown["head_post"] == "رئیس سازمان بازرگانی استان فارس"
    text = cli(data, "office", "show").stdout
    assert "رئیس: علی رضایی" in text and "تلفن: ۰۷۱-۳۲۳۴۵۶۷۸" in text
    # a bad e-mail: refused with exit 1, one Persian line, nothing changed
    r = cli(data, "--user", "admin", "--password-stdin", "office", "set", "--email", "x@", "--head-name", "دیگر",
            password=PASSWORD)  # fmt: skip
    assert (
        r.returncode == 1
        and "نشانی رایانامه درست نیست." in r.stderr
        and len(r.stderr.strip().splitlines()) == 1
    )
    assert json.loads(cli(data, "office", "show", "--json").stdout)["head_name"] == "علی رضایی"
    r = cli(
        data, "--user", "admin", "--password-stdin", "office", "set", "--clear-letterhead", password=PASSWORD
    )
    assert (
        r.returncode == 0 and json.loads(cli(data, "office", "show", "--json").stdout)["letterhead"] is None
    )
    # no liaisons register at a province
    r = cli(data, "--user", "admin", "--password-stdin", "office", "liaison", "set", "IR-07", "--name", "x",
            password=PASSWORD)  # fmt: skip
    assert r.returncode == 1 and r.stderr.strip()


def test_the_centre_records_liaisons_from_the_command_line(tmp_path: Path) -> None:
    data = tmp_path / "tpo"
    _setup(data, "--office", "central")
    r = cli(data, "--user", "admin", "--password-stdin", "office", "liaison", "set", "IR-07",
            "--name", "پروین نوری", "--phone", "021-22662011", "--email", "p.nouri@tpo.ir", password=PASSWORD)  # fmt: skip
    assert r.returncode == 0, r.stderr
    r = cli(data, "--user", "admin", "--password-stdin", "office", "liaison", "set", "IR-07",
            "--position", "کارشناس مسئول", password=PASSWORD)  # fmt: skip
    assert r.returncode == 0, r.stderr
    rows = {r["province"]: r for r in json.loads(cli(data, "office", "liaison", "list", "--json").stdout)}
    assert len(rows) == 31
    assert rows["IR-07"]["liaison"] == {
        "full_name": "پروین نوری", "position": "کارشناس مسئول", "phone": "021-22662011", "email": "p.nouri@tpo.ir"
    }  # fmt: skip
    r = cli(data, "--user", "admin", "--password-stdin", "office", "liaison", "set", "IR-07", "--clear",
            password=PASSWORD)  # fmt: skip
    assert r.returncode == 0
    rows = {r["province"]: r for r in json.loads(cli(data, "office", "liaison", "list", "--json").stdout)}
    assert rows["IR-07"]["liaison"]["full_name"] == ""
    assert cli(data, "--user", "admin", "--password-stdin", "office", "liaison", "set", "IR-99", "--name", "x",
               password=PASSWORD).returncode == 1  # fmt: skip

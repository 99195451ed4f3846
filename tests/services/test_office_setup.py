"""Setting an office up: the secretariat's phone is checked, and a shipped TPO certificate is trusted."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from cluster_desktop.cli import main
from cluster_desktop.domain.errors import FormError, NotFound, ValidationError
from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.services import centre_certificate as cc
from cluster_desktop.services import first_run, users
from cluster_desktop.services.office import OfficeSetup, setup_office
from cluster_desktop.services.office_details import local_details
from cluster_desktop.services.workspace import Workspace
from cluster_desktop.store.models import AuditEntry, Office
from cluster_desktop.sync import trust
from cluster_desktop.sync.keys import generate_office_keys
from tests.conftest import PASSWORD


@pytest.fixture
def no_machine_wide_files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Only the certificate a test ships counts, not one installed on this machine."""
    monkeypatch.delenv(cc.ENV_VAR, raising=False)
    monkeypatch.setattr(cc.platformdirs, "site_data_dir", lambda *a, **k: str(tmp_path / "site"))
    monkeypatch.setattr(cc, "resource", lambda name: tmp_path / "resources" / name)


def _ship(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, office_id: str = "TPO") -> str:
    """Put an office certificate where the installer would; its fingerprint."""
    kind, province = ("central", None) if office_id == "TPO" else ("province", office_id)
    cert = generate_office_keys().public_certificate(office_id, kind, province, "دفتر")
    path = tmp_path / f"{office_id}.json"
    path.write_bytes(cert.to_json())
    monkeypatch.setenv(cc.ENV_VAR, str(path))
    return cert.fingerprint


def test_setup_stores_the_phone_with_latin_digits(workspace: Workspace) -> None:
    spec = OfficeSetup(OfficeKind.PROVINCE, "IR-07", "admin", PASSWORD, phone="۰۷۱-۳۲۳۴ ۵۶۷۸")
    setup_office(workspace, spec)
    with workspace.db.session() as s:
        assert local_details(s).phone == "071-3234 5678"


def test_setup_refuses_letters_in_the_phone_and_creates_nothing(workspace: Workspace) -> None:
    spec = OfficeSetup(OfficeKind.PROVINCE, "IR-07", "admin", PASSWORD, phone="۰۷۱ داخلی ۲", email="x@")
    with pytest.raises(FormError) as refused:
        setup_office(workspace, spec)
    fields = refused.value.by_field()
    assert set(fields) == {"phone", "email"}
    assert fields["phone"] == "شمارهٔ تلفن فقط رقم، فاصله، خط تیره و پرانتز دارد."
    with workspace.db.session() as s, pytest.raises(NotFound):
        users.local_office(s)


def test_wizard_setup_of_a_province_trusts_the_shipped_centre(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_machine_wide_files: None
) -> None:
    fingerprint = _ship(tmp_path, monkeypatch)
    result = first_run.create_office(workspace, OfficeSetup(OfficeKind.PROVINCE, "IR-07", "admin", PASSWORD))
    assert result.centre_fingerprint == fingerprint
    with workspace.db.session() as s:
        assert trust.active_key(s, "TPO").fingerprint == fingerprint  # type: ignore[union-attr]
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "trust.enroll"))
        assert entry is not None and entry.username == "admin"


def test_wizard_setup_without_a_shipped_certificate_or_at_the_centre_trusts_nobody(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_machine_wide_files: None
) -> None:
    province = Workspace.open(tmp_path / "province")
    try:
        result = first_run.create_office(
            province, OfficeSetup(OfficeKind.PROVINCE, "IR-07", "admin", PASSWORD)
        )
        assert result.centre_fingerprint == ""
        with province.db.session() as s:
            assert trust.entries(s) == []
    finally:
        province.close()
    _ship(tmp_path, monkeypatch)
    centre = Workspace.open(tmp_path / "centre")
    try:
        result = first_run.create_office(centre, OfficeSetup(OfficeKind.CENTRAL, None, "admin", PASSWORD))
        assert result.centre_fingerprint == ""
        with centre.db.session() as s:
            assert trust.entries(s) == []
    finally:
        centre.close()


def test_a_shipped_certificate_that_is_not_tpos_stops_the_setup_before_anything_is_made(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_machine_wide_files: None
) -> None:
    _ship(tmp_path, monkeypatch, "IR-08")
    with pytest.raises(ValidationError) as refused:
        first_run.create_office(workspace, OfficeSetup(OfficeKind.PROVINCE, "IR-07", "admin", PASSWORD))
    assert "سازمان توسعه تجارت نیست" in refused.value.fa
    with workspace.db.session() as s:
        assert s.scalar(select(Office).where(Office.is_local.is_(True))) is None


def _cli_setup(data: Path, monkeypatch: pytest.MonkeyPatch, *office: str) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    return main(["--data-dir", str(data), "setup", *office, "--admin", "admin", "--password-stdin"])


def test_cli_setup_of_a_province_trusts_the_shipped_centre_and_the_centre_does_not(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_machine_wide_files: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fingerprint = _ship(tmp_path, monkeypatch)
    assert _cli_setup(tmp_path / "p", monkeypatch, "--office", "province", "--province", "IR-07") == 0
    assert "گواهی سازمان توسعه تجارت همراه برنامه ثبت شد" in capsys.readouterr().out
    assert _cli_setup(tmp_path / "c", monkeypatch, "--office", "central") == 0
    province, centre = Workspace.open(tmp_path / "p"), Workspace.open(tmp_path / "c")
    try:
        with province.db.session() as s:
            assert trust.active_key(s, "TPO").fingerprint == fingerprint  # type: ignore[union-attr]
        with centre.db.session() as s:
            assert trust.entries(s) == []
    finally:
        province.close()
        centre.close()

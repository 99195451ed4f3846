"""The centre's certificate shipped with a provincial installer is enrolled when the province is set up."""

from __future__ import annotations

from pathlib import Path

import pytest

from cluster_desktop.domain.errors import ValidationError
from cluster_desktop.services import centre_certificate as cc
from cluster_desktop.services.actor import Actor
from cluster_desktop.services.workspace import Workspace
from cluster_desktop.sync import trust
from cluster_desktop.sync.keys import generate_office_keys


@pytest.fixture
def no_machine_wide_files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(cc.ENV_VAR, raising=False)
    monkeypatch.setattr(cc.platformdirs, "site_data_dir", lambda *a, **k: str(tmp_path / "site"))
    monkeypatch.setattr(cc, "resource", lambda name: tmp_path / "resources" / name)


def _cert_file(tmp_path: Path, office_id: str, kind: str, province: str | None) -> Path:
    cert = generate_office_keys().public_certificate(office_id, kind, province, "دفتر")
    path = tmp_path / f"{office_id}.json"
    path.write_bytes(cert.to_json())
    return path


def test_province_enrolls_the_shipped_tpo_certificate(
    workspace: Workspace,
    province_admin: Actor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_machine_wide_files: None,
) -> None:
    # GIVEN an installer that put TPO's certificate in the machine-wide folder
    site = tmp_path / "site"
    site.mkdir()
    (site / cc.FILENAME).write_bytes(_cert_file(tmp_path, "TPO", "central", None).read_bytes())
    # WHEN the new provincial office enrolls it
    with workspace.db.session() as s:
        entry = cc.enroll_shipped_centre_certificate(s, province_admin)
    # THEN the province trusts TPO from the start, once
    assert entry is not None and entry.office_id == "TPO"
    with workspace.db.session() as s:
        assert trust.active_key(s, "TPO").fingerprint == entry.fingerprint  # type: ignore[union-attr]
        assert cc.enroll_shipped_centre_certificate(s, province_admin) is None


def test_nothing_shipped_or_a_central_office_enrolls_nothing(
    workspace: Workspace,
    central_admin: Actor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_machine_wide_files: None,
) -> None:
    with workspace.db.session() as s:
        assert cc.find_centre_certificate() is None
        monkeypatch.setenv(cc.ENV_VAR, str(_cert_file(tmp_path, "TPO", "central", None)))
        assert cc.enroll_shipped_centre_certificate(s, central_admin) is None
        assert trust.entries(s) == []


def test_a_shipped_certificate_that_is_not_tpos_is_refused(
    workspace: Workspace,
    province_admin: Actor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_machine_wide_files: None,
) -> None:
    monkeypatch.setenv(cc.ENV_VAR, str(_cert_file(tmp_path, "IR-08", "province", "IR-08")))
    with workspace.db.session() as s, pytest.raises(ValidationError) as refused:
        cc.enroll_shipped_centre_certificate(s, province_admin)
    assert "سازمان توسعه تجارت نیست" in refused.value.fa and "not TPO's" in refused.value.en

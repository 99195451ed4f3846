"""The first-run checks page by page, and creating an office with or without sample data."""

from __future__ import annotations

import pytest

from cluster_desktop.domain.errors import FormError
from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.services import first_run
from cluster_desktop.services.clusters import counts_by_state
from cluster_desktop.services.office import OfficeSetup
from tests.conftest import PASSWORD


def test_office_page_needs_a_province(workspace) -> None:
    with workspace.db.session() as s, pytest.raises(FormError) as e:
        first_run.check_office(s, OfficeKind.PROVINCE, None)
    assert set(e.value.by_field()) == {"province"}
    with workspace.db.session() as s:
        first_run.check_office(s, OfficeKind.CENTRAL, None)
        assert first_run.default_office_name(s, OfficeKind.PROVINCE, "IR-07") == "سازمان بازرگانی استان فارس"


def test_secretariat_refuses_letters_in_the_phone_and_bad_email() -> None:
    with pytest.raises(FormError) as e:
        first_run.check_secretariat(first_run.Secretariat("", phone="۰۷۱ تلفن", email="x@"))
    assert set(e.value.by_field()) == {"office_name", "phone", "email"}
    ok = first_run.check_secretariat(first_run.Secretariat("دفتر", phone="۰۷۱-۳۲۳۴"))
    assert ok.phone == "071-3234"


def test_admin_page_checks_username_and_both_passwords() -> None:
    with pytest.raises(FormError) as e:
        first_run.check_admin("1admin", "", "short", "short")
    assert set(e.value.by_field()) == {"username", "full_name", "password"}
    with pytest.raises(FormError) as e:
        first_run.check_admin("admin", "مریم", PASSWORD, PASSWORD + "x")
    assert set(e.value.by_field()) == {"password_again"}


def test_create_office_with_sample_data(workspace) -> None:
    steps: list[tuple[int, int]] = []
    spec = OfficeSetup(OfficeKind.PROVINCE, "IR-07", "admin", PASSWORD)
    result = first_run.create_office(
        workspace, spec, demo=True, progress=lambda d, t, _x: steps.append((d, t))
    )
    assert result.actor.office_id == "IR-07" and len(result.fingerprint.split()) == 8
    assert result.demo_dossiers > 0 and steps[-1] == (2, 2)
    with workspace.db.session() as s:
        assert sum(counts_by_state(s).values()) == result.demo_dossiers
        assert first_run.login(s, "admin", PASSWORD).username == "admin"
        with pytest.raises(FormError):
            first_run.login(s, "", "")

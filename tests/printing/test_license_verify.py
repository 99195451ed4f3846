"""``license verify``: genuine, forged, altered and other-key licenses; status; PDFs; a province's view."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from cluster_desktop.domain.errors import ValidationError
from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.services import printing
from cluster_desktop.services.demo import fill_demo
from cluster_desktop.services.licenses import qr_text, set_license_status
from cluster_desktop.services.office import OfficeSetup, setup_office
from cluster_desktop.services.workspace import Workspace
from cluster_desktop.store.models import License, LocalKeys, TrustedKey, utcnow
from tests.conftest import PASSWORD


@pytest.fixture(scope="module")
def centre(tmp_path_factory) -> Iterator[tuple[Workspace, object]]:
    ws = Workspace.open(tmp_path_factory.mktemp("centre"))
    admin = setup_office(ws, OfficeSetup(OfficeKind.CENTRAL, None, "admin", PASSWORD))
    fill_demo(ws, admin, PASSWORD, count=15)  # every state once: one licensed dossier
    yield ws, admin
    ws.close()


@pytest.fixture
def lic_text(centre) -> str:
    ws, _ = centre
    with ws.db.session() as s:
        return qr_text(s.scalars(select(License)).first())


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def unb64(s: str) -> bytes:
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def verify(centre, text: str, **kw) -> printing.LicenseVerdict:  # type: ignore[no-untyped-def]
    ws, _ = centre
    with ws.db.session() as s:
        return printing.verify_license(s, text, **kw)


def test_genuine_license_is_valid(centre, lic_text: str) -> None:
    v = verify(centre, lic_text)
    assert v.genuine is True and v.status == "valid"
    assert v.payload["license"].startswith("TPO-CL-") and "اصیل و معتبر" in v.message_fa
    # whitespace a scanner or a paste adds does not matter
    assert verify(centre, "  " + lic_text[:40] + "\n" + lic_text[40:] + " ").genuine is True


def test_altered_payload_is_not_genuine(centre, lic_text: str) -> None:
    # GIVEN the payload with another cluster name and validity, the signature kept
    prefix, payload, sig = lic_text.split(".")
    data = json.loads(unb64(payload))
    data["cluster"] = "خوشهٔ جعلی"
    data["valid_until"] = "2099-01-01"
    altered = ".".join([prefix, b64(json.dumps(data, ensure_ascii=False).encode()), sig])
    # THEN it is reported as not genuine
    v = verify(centre, altered)
    assert v.genuine is False and v.status == "forged" and "اصیل نیست" in v.message_fa
    # one flipped character of the signature too
    flipped = lic_text[:-3] + ("A" if lic_text[-3] != "A" else "B") + lic_text[-2:]
    assert verify(centre, flipped).genuine is False


def test_signed_by_another_key_is_not_genuine(centre, lic_text: str) -> None:
    prefix, payload, _ = lic_text.split(".")
    other = Ed25519PrivateKey.generate().sign(unb64(payload))
    v = verify(centre, ".".join([prefix, payload, b64(other)]))
    assert v.genuine is False and v.status == "forged"


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "CDL1.",
        "CDL1..",
        "hello",
        "CDL1.سلام.abc",
        "CDL2.e30.AAAA",
        "CDL1." + "A" * 100_000 + ".AA",
        "CDL1.e30.!!!",
    ],
)
def test_garbage_is_not_genuine_and_does_not_crash(centre, junk: str) -> None:
    assert verify(centre, junk).genuine is False


def test_status_as_this_office_knows_it(centre, lic_text: str) -> None:
    ws, admin = centre
    assert verify(centre, lic_text, on=date.today() + timedelta(days=365 * 10)).status == "expired"
    with ws.db.session() as s:
        lic = s.scalars(select(License)).first()
        set_license_status(s, admin, lic.id, "suspended", "گزارش عملکرد سالانه ارائه نشد")
    v = verify(centre, lic_text)
    assert (v.genuine, v.status) == (True, "suspended") and v.status_reason == "گزارش عملکرد سالانه ارائه نشد"
    with ws.db.session() as s:
        lic = s.scalars(select(License)).first()
        set_license_status(s, admin, lic.id, "revoked", "تخلف")
    assert verify(centre, lic_text).status == "revoked"


def test_license_pdf_is_verified_from_its_metadata(centre, tmp_path: Path) -> None:
    ws, admin = centre
    with ws.db.session() as s:
        lic = s.scalars(select(License)).first()
        printing.print_license(s, admin, lic.dossier_id, tmp_path / "license.pdf")
        printing.print_matrix(s, admin, tmp_path / "matrix.pdf")
        v = printing.verify_license_pdf(s, tmp_path / "license.pdf")
        assert v.genuine is True and v.payload["license"] == lic.number
        (tmp_path / "fake.pdf").write_bytes(b"not a pdf at all")
        for bad in ("matrix.pdf", "fake.pdf", "missing.pdf"):
            with pytest.raises(ValidationError):
                printing.verify_license_pdf(s, tmp_path / bad)


def test_province_checks_against_the_enrolled_centre_key(centre, lic_text: str, tmp_path: Path) -> None:
    # GIVEN a province that has not enrolled the TPO certificate yet
    ws_c, _ = centre
    ws = Workspace.open(tmp_path / "prov")
    try:
        setup_office(ws, OfficeSetup(OfficeKind.PROVINCE, "IR-07", "admin", PASSWORD))
        with ws.db.session() as s:
            v = printing.verify_license(s, lic_text)
            assert v.genuine is None and v.status == "unverifiable" and "trust add" in v.message_fa
        # WHEN the centre's key is enrolled THEN the license is genuine (status unknown here)
        with ws_c.db.session() as s:
            key = s.get(LocalKeys, "TPO")
            pub, fp = key.signing_public_key, key.fingerprint
        with ws.db.session() as s:
            s.add(
                TrustedKey(
                    fingerprint=fp,
                    office_id="TPO",
                    signing_public_key=pub,
                    age_recipient="",
                    certificate="{}",
                    enrolled_by="admin",
                )
            )
        with ws.db.session() as s:
            v = printing.verify_license(s, lic_text)
            assert v.genuine is True and v.status in ("unknown", "expired")
            # a revoked TPO key is no longer accepted
            s.get(TrustedKey, fp).revoked_at = utcnow()
            s.flush()
            v = printing.verify_license(s, lic_text)
            assert v.genuine is False and "باطل" in v.message_fa
    finally:
        ws.close()


def test_cli_license_verify(centre, lic_text: str, tmp_path: Path) -> None:
    ws, admin = centre

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "cluster_desktop", "--data-dir", str(ws.data_dir), *args],
            capture_output=True,
            text=True,
            timeout=120,
        )

    ok = run("license", "verify", lic_text, "--json")
    assert ok.returncode == 0 and json.loads(ok.stdout)["genuine"] is True
    prefix, payload, sig = lic_text.split(".")
    forged = run("license", "verify", ".".join([prefix, payload[:-4] + "AAAA", sig]))
    assert forged.returncode == 1 and "اصیل نیست" in forged.stderr
    with ws.db.session() as s:
        printing.print_license(s, admin, s.scalars(select(License)).first().dossier_id, tmp_path / "l.pdf")
    from cluster_desktop.cli import main

    assert main(["--data-dir", str(ws.data_dir), "license", "verify", "--pdf", str(tmp_path / "l.pdf")]) == 0

"""The secretariat's details (F1/F2) and the centre's register of TPO liaisons (F2-1): saved whole or
not at all, refused beside the field in Persian, kept by the administrator and the secretary only."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from cluster_desktop.domain.errors import FormError, PermissionDenied, ValidationError
from cluster_desktop.domain.images import MAX_LETTERHEAD_BYTES
from cluster_desktop.domain.roles import OfficeKind, Role
from cluster_desktop.services import liaisons
from cluster_desktop.services import office_details as od
from cluster_desktop.store.models import AuditEntry, OfficeDetails, ProvinceLiaison
from tests.images import jpeg, noisy_png, png

GOOD = od.DetailsInput(
    head_name="علي رضايي",  # Arabic ي, as an Arabic keyboard types it
    head_title="رئیس سازمان صنعت، معدن و تجارت استان فارس",
    secretary_name="مهدی جعفری (سرپرست) - Dr. M. Jafari ۲",
    address="شیراز، بلوار زند، ساختمان شمارهٔ ۱۲\nطبقهٔ دوم",
    postal_code="۷۱۳۴۸-۱۴۳۳۶",
    phone="۰۷۱-۳۲۳۴ ۵۶۷۸",
    email="clusters@fars.gov.ir",
    letterhead_text="دبیرخانهٔ کارگروه توسعهٔ صادرات استان",
)


def audits(s, action: str) -> int:  # type: ignore[no-untyped-def]
    return int(s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action)) or 0)


def test_details_are_saved_cleaned_and_versioned(workspace, province_admin) -> None:
    with workspace.db.session() as s:
        before = od.local_details(s)
        saved = od.update_details(s, province_admin, GOOD, letterhead=png())
    with workspace.db.session() as s:
        d = od.local_details(s)
        assert d == saved and d.version == before.version + 1
        assert d.head_name == "علی رضایی"  # Persian letters, as every form stores them
        assert d.secretary_name == "مهدی جعفری (سرپرست) - Dr. M. Jafari ۲"
        assert d.address == "شیراز، بلوار زند، ساختمان شمارهٔ ۱۲\nطبقهٔ دوم"
        assert (d.postal_code, d.phone) == ("71348-14336", "071-3234 5678")  # Latin digits stored
        assert d.letterhead == png() and d.letterhead_type == "image/png"
        assert d.head_post == GOOD.head_title
        assert audits(s, "office.details") == 1
        # WHEN the same values are saved again THEN nothing changes, nothing travels anew
        od.update_details(s, province_admin, d.as_input())
    with workspace.db.session() as s:
        assert od.local_details(s).version == d.version and audits(s, "office.details") == 1
        # WHEN the image is replaced by a JPEG, then cleared THEN each is a new version
        assert od.update_details(s, province_admin, d.as_input(), letterhead=jpeg()).letterhead_type == (
            "image/jpeg"
        )
        cleared = od.update_details(s, province_admin, d.as_input(), clear_letterhead=True)
        assert cleared.letterhead is None and cleared.letterhead_type == ""
        assert cleared.version == d.version + 2


def test_default_head_posts(workspace, province_admin) -> None:
    with workspace.db.session() as s:
        assert od.local_details(s).head_post == "رئیس سازمان بازرگانی استان فارس"
        assert od.details_of(s, "TPO").head_post == "رئیس کل سازمان توسعه تجارت ایران"


def test_bad_fields_are_named_and_nothing_is_saved(workspace, province_admin) -> None:
    with workspace.db.session() as s:
        od.update_details(s, province_admin, GOOD)
        before = od.local_details(s)
    bad = replace(GOOD, email="clusters@", postal_code="۷۱۳۴", phone="۰۷۱ داخلی ۲", head_name="ن" * 300)
    with workspace.db.session() as s, pytest.raises(FormError) as refused:
        od.update_details(s, province_admin, bad, letterhead=b"GIF89a not an image")
    fields = refused.value.by_field()
    assert set(fields) == {"email", "postal_code", "phone", "head_name", "letterhead"}
    assert fields["email"] == "نشانی رایانامه درست نیست."
    assert fields["postal_code"] == "کد پستی ده رقم است (مانند ۱۲۳۴۵-۶۷۸۹۰)."
    assert fields["letterhead"] == "این پرونده تصویر PNG یا JPEG سالم نیست."
    assert "۲۵۵" in fields["head_name"]
    with workspace.db.session() as s:
        assert od.local_details(s) == before


@pytest.mark.parametrize(
    ("image", "says"),
    [
        (b"", "خالی"),
        (png()[:200], "سالم نیست"),  # cut short
        (png(20, 20), "ابعاد"),
        (png(7000, 40), "ابعاد"),
        (jpeg()[:-400], "سالم نیست"),
        (b"%PDF-1.7\n" + b"x" * 100, "سالم نیست"),
    ],
)
def test_letterheads_that_are_not_sound_images_are_refused(workspace, province_admin, image, says) -> None:
    with workspace.db.session() as s, pytest.raises(FormError) as refused:
        od.update_details(s, province_admin, GOOD, letterhead=image)
    assert says in refused.value.by_field()["letterhead"]
    with workspace.db.session() as s:
        assert od.local_details(s).letterhead is None


def test_a_letterhead_over_the_size_limit_is_refused_before_it_is_read(
    workspace, province_admin, tmp_path
) -> None:
    big = noisy_png(MAX_LETTERHEAD_BYTES + 10)
    path = tmp_path / "letterhead.png"
    path.write_bytes(big)
    with pytest.raises(ValidationError) as refused:
        od.read_letterhead_file(path)
    assert refused.value.field == "letterhead" and "۱۰۲۴ کیلوبایت" in str(refused.value)
    with workspace.db.session() as s, pytest.raises(FormError):
        od.update_details(s, province_admin, GOOD, letterhead=big)
    small = tmp_path / "ok.png"
    small.write_bytes(png())
    assert od.read_letterhead_file(small) == png()
    with pytest.raises(ValidationError):
        od.read_letterhead_file(tmp_path / "missing.png")


@pytest.mark.parametrize("role", [Role.CLERK, Role.EVALUATOR, Role.VIEWER])
def test_only_the_administrator_and_the_secretary_edit_them(workspace, province_admin, role) -> None:
    with workspace.db.session() as s:
        with pytest.raises(PermissionDenied):
            od.update_details(s, replace(province_admin, role=role), GOOD)
        assert not od.may_edit(replace(province_admin, role=role))
        secretary = replace(province_admin, role=Role.SECRETARY)
        assert od.may_edit(secretary) and od.update_details(s, secretary, GOOD).head_name == "علی رضایی"


def test_a_peer_s_details_cannot_be_edited_here(workspace, province_admin) -> None:
    with workspace.db.session() as s, pytest.raises(PermissionDenied):
        od.update_details(s, replace(province_admin, office_id="TPO"), GOOD)


LIAISON = liaisons.LiaisonInput(
    "نرگس طاهری", "کارشناس مسئول توسعهٔ خوشه‌ها", "۰۲۱-۲۲۶۶ ۲۰۱۰", "n.taheri@tpo.ir"
)


def test_the_centre_records_a_liaison_per_province(workspace, central_admin) -> None:
    with workspace.db.session() as s:
        rows = liaisons.register(s)
        assert len(rows) == 31 and not any(r.liaison.is_set for r in rows)
        saved = liaisons.set_liaison(s, central_admin, "IR-07", LIAISON)
        assert saved.phone == "021-2266 2010" and saved.full_name == "نرگس طاهری"
        assert audits(s, "liaison.set") == 1
        liaisons.set_liaison(s, central_admin, "IR-07", LIAISON)  # unchanged: no new version
        row = s.scalar(select(ProvinceLiaison).where(ProvinceLiaison.province_code == "IR-07"))
        assert row.version == 1 and row.owner_office_id == "TPO" and audits(s, "liaison.set") == 1
        # clearing keeps a row (so the province hears of it), emptied, one version on
        cleared = liaisons.set_liaison(s, central_admin, "IR-07", liaisons.LiaisonInput())
        assert not cleared.is_set and row.version == 2
        # clearing a province that never had one records nothing
        liaisons.set_liaison(s, central_admin, "IR-08", liaisons.LiaisonInput())
        assert s.scalar(select(func.count()).select_from(ProvinceLiaison)) == 1


def test_a_liaison_is_checked_field_by_field(workspace, central_admin) -> None:
    with workspace.db.session() as s:
        with pytest.raises(FormError) as refused:
            liaisons.set_liaison(
                s, central_admin, "IR-07", liaisons.LiaisonInput("", "کارشناس", "تلفن", "x@")
            )
        assert set(refused.value.by_field()) == {"full_name", "phone", "email"}
        with pytest.raises(ValidationError) as unknown:
            liaisons.set_liaison(s, central_admin, "IR-99", LIAISON)
        assert unknown.value.field == "province"
        assert s.scalar(select(func.count()).select_from(ProvinceLiaison)) == 0


def test_only_the_centre_s_secretariat_records_liaisons(workspace, central_admin) -> None:
    with workspace.db.session() as s:
        with pytest.raises(PermissionDenied):
            liaisons.set_liaison(s, replace(central_admin, role=Role.CLERK), "IR-07", LIAISON)
        prov = replace(
            central_admin, office_id="IR-07", office_kind=OfficeKind.PROVINCE, province_code="IR-07"
        )
        with pytest.raises(PermissionDenied):
            liaisons.set_liaison(s, prov, "IR-07", LIAISON)
        assert liaisons.set_liaison(s, replace(central_admin, role=Role.SECRETARY), "IR-07", LIAISON).is_set


def test_the_register_shows_what_each_province_s_bundles_said(workspace, central_admin) -> None:
    with workspace.db.session() as s:
        s.add(OfficeDetails(owner_office_id="IR-07", version=3, head_name="علی رضایی", phone="071-1"))
        s.flush()
        row = next(r for r in liaisons.register(s) if r.province_code == "IR-07")
        assert row.province_fa == "فارس" and row.head_name == "علی رضایی"
        assert row.secretariat_phone == "071-1" and row.details_received is not None

"""Secretariat details (F1/F2) and the TPO liaison (F2-1) travel in bundles: each office's own details
reach the other side when changed, a province receives only its own liaison, an older version never
overwrites a newer one, and a bundle that writes another office's details or a letterhead that is not
a sound image is refused with the database exactly as before."""

from __future__ import annotations

import base64
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.services import evaluations, liaisons, licenses, printing, sync, workflow
from cluster_desktop.services import office_details as od
from cluster_desktop.store.models import Dossier, OfficeDetails, ProvinceLiaison
from cluster_desktop.sync.limits import BundleError
from tests.images import jpeg, png
from tests.printing.pdftext import extract_logical

from .offices import Office, Pair, central_meeting, central_member, craft, jsonl, rows, unpack

Entries = dict[str, bytes]
NOISE = random.Random(5).randbytes(1 << 20)  # does not compress: the ZIP's ratio check lets it through

PROVINCE_DETAILS = od.DetailsInput(
    head_name="علی رضایی",
    head_title="رئیس سازمان صنعت، معدن و تجارت استان فارس",
    secretary_name="مهدی جعفری",
    address="شیراز، بلوار زند",
    postal_code="7134814336",
    phone="071-32345678",
    email="clusters@fars.gov.ir",
)
CENTRE_DETAILS = od.DetailsInput(
    head_name="کاوه هاشمی", secretary_name="نرگس طاهری", address="تهران، خیابان ولیعصر", phone="021-22662010"
)
LIAISON = liaisons.LiaisonInput("پروین نوری", "کارشناس مسئول", "021-22662011", "p.nouri@tpo.ir")


def export(office: Office, path: Path, **kw: Any) -> Path:
    return sync.export_bundle(office.ws, office.actor, office.keys, path, **kw).files[0]


def imported(office: Office, path: Path) -> dict[str, Any]:
    return sync.import_bundle(office.ws, office.actor, office.keys, path)


def refused(office: Office, path: Path) -> BundleError:
    before = office.dump()
    with pytest.raises(DomainError) as err:
        sync.import_bundle(office.ws, office.actor, office.keys, path)
    assert office.dump() == before
    assert isinstance(err.value, BundleError) and err.value.fa and err.value.en
    return err.value


def details(office: Office, office_id: str) -> od.Secretariat:
    with office.ws.db.session() as s:
        return od.details_of(s, office_id)


def test_each_side_s_details_reach_the_other_and_print_there(pair: Pair, tmp_path: Path) -> None:
    prov, centre = pair.province, pair.centre
    # GIVEN the province's secretariat with a letterhead, the centre's head and its liaison for IR-07
    with prov.ws.db.session() as s:
        od.update_details(s, prov.actor, PROVINCE_DETAILS, letterhead=png())
    with centre.ws.db.session() as s:
        od.update_details(s, centre.actor, CENTRE_DETAILS)
        liaisons.set_liaison(s, centre.actor, "IR-07", LIAISON)
        liaisons.set_liaison(s, centre.actor, "IR-08", liaisons.LiaisonInput("کس دیگری"))
    # WHEN the province's bundle is imported THEN the centre knows the province's details as sent
    report = imported(centre, export(prov, tmp_path / "p1.bundle"))
    assert report["tables"]["office_details"]["add"] == 1
    got, sent = details(centre, "IR-07"), details(prov, "IR-07")
    assert got == sent and got.letterhead == png() and got.head_name == "علی رضایی"
    # AND the centre prints a province's nomination form on the province's letterhead
    with centre.ws.db.session() as s:
        dossier = s.scalar(select(Dossier.id).where(Dossier.owner_office_id == "IR-07").limit(1))
        head = printing.letterhead(s, "IR-07")
        assert head.image == png() and "۰۷۱-۳۲۳۴۵۶۷۸" in head.contact
        printing.print_nomination(s, centre.actor, dossier, tmp_path / "nomination.pdf")
    assert "شیراز، بلوار زند" in extract_logical(tmp_path / "nomination.pdf")

    # WHEN the centre licenses one of them and sends its decisions
    approved = _license_one(centre, dossier)
    imported(prov, export(centre, tmp_path / "c1.bundle", to="IR-07"))
    # THEN the province knows the centre's head and its own liaison, not another province's
    assert details(prov, "TPO").head_name == "کاوه هاشمی"
    with prov.ws.db.session() as s:
        assert liaisons.liaison_of(s, "IR-07").full_name == "پروین نوری"
        assert s.scalar(select(func.count()).select_from(ProvinceLiaison)) == 1
        # AND the licence printed at the province names TPO's head (it used to print without him)
        printing.print_license(s, prov.actor, approved, tmp_path / "licence.pdf")
    text = extract_logical(tmp_path / "licence.pdf")
    assert "کاوه هاشمی" in text and "رئیس کل سازمان توسعه تجارت ایران" in text
    assert "تهران، خیابان ولیعصر" in text  # the centre's address above the footer rule


def _license_one(centre: Office, dossier_id: str) -> str:
    member = central_member(centre)
    meeting = central_meeting(centre, [member.member_id])
    with centre.ws.db.session() as s:
        workflow.transition(s, centre.actor, dossier_id, "open_central_review")
        evaluations.save_sheet(
            s, member, dossier_id, evaluations.SheetInput({f"C{k}": 4 for k in range(1, 10)}, {}), submit=True
        )
        workflow.transition(s, centre.actor, dossier_id, "approve_central", meeting_id=meeting)
        licenses.register(s, centre.actor, dossier_id)
        licenses.issue_license(s, centre.actor, centre.keys, dossier_id, licenses.LicenseInput())
    return dossier_id


def test_details_travel_again_only_when_changed_and_an_older_version_changes_nothing(
    pair: Pair, tmp_path: Path
) -> None:
    prov, centre = pair.province, pair.centre
    with prov.ws.db.session() as s:
        od.update_details(s, prov.actor, PROVINCE_DETAILS)
    first = export(prov, tmp_path / "p1.bundle")
    imported(centre, first)
    imported(prov, export(centre, tmp_path / "c1.bundle", to="IR-07"))  # acknowledges bundle 1
    # WHEN nothing changed THEN the next bundle does not carry the details again
    manifest, _e = unpack(export(prov, tmp_path / "p2.bundle"), centre)
    assert "office_details" not in manifest["record_counts"]
    # WHEN the province changes its secretary THEN the next bundle carries the new version
    with prov.ws.db.session() as s:
        newer = od.update_details(
            s, prov.actor, od.DetailsInput(**{**vars(PROVINCE_DETAILS), "secretary_name": "سارا کریمی"})
        )
    third = export(prov, tmp_path / "p3.bundle")
    imported(centre, tmp_path / "p2.bundle")
    report = imported(centre, third)
    assert report["tables"]["office_details"] == {"add": 0, "update": 1, "unchanged": 0}
    assert details(centre, "IR-07").secretary_name == "سارا کریمی"
    # WHEN a later bundle carries an older version (a province's backup restored, say)
    manifest, entries = unpack(export(prov, tmp_path / "p4.bundle", full=True), centre)
    old = rows(entries, "office_details")[0]
    old.update(version=newer.version - 1, secretary_name="مهدی جعفری")
    entries["records/office_details.jsonl"] = jsonl([old])
    report = imported(centre, craft(prov.keys, centre, manifest, entries, tmp_path / "old.bundle"))
    # THEN it is imported, and the newer details stay
    assert report["tables"]["office_details"] == {"add": 0, "update": 0, "unchanged": 1}
    assert details(centre, "IR-07").secretary_name == "سارا کریمی"


def test_a_bundle_without_details_still_imports(pair: Pair, tmp_path: Path) -> None:
    prov, centre = pair.province, pair.centre
    manifest, entries = unpack(export(prov, tmp_path / "p1.bundle"), centre)
    entries.pop("records/office_details.jsonl")
    imported(centre, craft(prov.keys, centre, manifest, entries, tmp_path / "without.bundle"))
    assert details(centre, "IR-07").version == 0  # nothing known of the province's secretariat yet
    assert centre.states()


def test_a_reinstalled_office_s_new_details_replace_its_old_ones(pair: Pair, tmp_path: Path) -> None:
    prov, centre = pair.province, pair.centre
    imported(centre, export(prov, tmp_path / "p1.bundle"))
    manifest, entries = unpack(export(prov, tmp_path / "p2.bundle", full=True), centre)
    fresh = rows(entries, "office_details")[0]
    fresh.update(id="33333333-3333-4333-8333-333333333333", version=1, head_name="رئیس تازه")
    entries["records/office_details.jsonl"] = jsonl([fresh])
    imported(centre, craft(prov.keys, centre, manifest, entries, tmp_path / "again.bundle"))
    with centre.ws.db.session() as s:
        mine = list(s.scalars(select(OfficeDetails).where(OfficeDetails.owner_office_id == "IR-07")))
    assert [(r.id, r.head_name) for r in mine] == [(fresh["id"], "رئیس تازه")]


def _edit(fn: Callable[[dict[str, Any]], None]) -> Callable[[Entries], None]:
    def change(e: Entries) -> None:
        rs = rows(e, "office_details")
        fn(rs[0])
        e["records/office_details.jsonl"] = jsonl(rs)

    return change


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        # another office's details: a province's neighbour, or the centre's own
        (_edit(lambda r: r.update(owner_office_id="IR-08")), "foreign_owner"),
        (_edit(lambda r: r.update(owner_office_id="TPO")), "foreign_owner"),
        # a letterhead that is not a sound image, too large, or not what it claims to be
        (_edit(lambda r: r.update(letterhead=_b64(b"<svg onload=alert(1)>"), letterhead_type="image/png")), "bad_record"),
        (_edit(lambda r: r.update(letterhead=_b64(png()[:300]), letterhead_type="image/png")), "bad_record"),
        (_edit(lambda r: r.update(letterhead=_b64(b"\x89PNG" + NOISE), letterhead_type="image/png")), "bad_record"),
        (_edit(lambda r: r.update(letterhead=_b64(jpeg()), letterhead_type="image/png")), "bad_record"),
        (_edit(lambda r: r.update(letterhead=None, letterhead_type="image/png")), "bad_record"),
        (_edit(lambda r: r.update(letterhead="not base64!", letterhead_type="image/png")), "bad_record"),
        # wrong types and lengths, fields that do not travel
        (_edit(lambda r: r.update(letterhead=12345)), "bad_record"),
        (_edit(lambda r: r.update(head_name=["علی"])), "bad_record"),
        (_edit(lambda r: r.update(phone="9" * 65)), "bad_record"),
        (_edit(lambda r: r.update(version=0)), "bad_record"),
        (_edit(lambda r: r.update(is_local=True)), "not_allowed"),
        (_edit(lambda r: r.pop("letterhead_text")), "bad_record"),
        # a province does not keep the centre's register of liaisons
        (lambda e: e.update({"records/province_liaisons.jsonl": e["records/office_details.jsonl"]}), "not_allowed"),
    ],
)  # fmt: skip
def test_hostile_details_are_refused_and_change_nothing(
    pair: Pair, tmp_path: Path, change: Callable[[Entries], None], reason: str
) -> None:
    prov, centre = pair.province, pair.centre
    with prov.ws.db.session() as s:
        od.update_details(s, prov.actor, PROVINCE_DETAILS, letterhead=png())
    manifest, entries = unpack(export(prov, tmp_path / "p1.bundle"), centre)
    change(entries)
    err = refused(centre, craft(prov.keys, centre, manifest, entries, tmp_path / "bad.bundle"))
    assert err.reason == reason, err.detail


def test_a_letterhead_refused_on_import_says_why_in_persian(pair: Pair, tmp_path: Path) -> None:
    prov, centre = pair.province, pair.centre
    manifest, entries = unpack(export(prov, tmp_path / "p1.bundle"), centre)
    _edit(lambda r: r.update(letterhead=_b64(b"GIF89a....."), letterhead_type="image/png"))(entries)
    err = refused(centre, craft(prov.keys, centre, manifest, entries, tmp_path / "bad.bundle"))
    assert (
        err.fa
        == "تصویر سربرگ دفتر فرستنده پذیرفته نیست: این پرونده تصویر PNG یا JPEG سالم نیست. (office_details: letterhead)"
    )


def test_the_centre_cannot_send_a_province_another_province_s_liaison(pair: Pair, tmp_path: Path) -> None:
    prov, centre = pair.province, pair.centre
    with centre.ws.db.session() as s:
        liaisons.set_liaison(s, centre.actor, "IR-07", LIAISON)
    manifest, entries = unpack(export(centre, tmp_path / "c1.bundle", to="IR-07"), prov)
    forged = rows(entries, "province_liaisons")
    forged[0]["province_code"] = "IR-08"
    entries["records/province_liaisons.jsonl"] = jsonl(forged)
    assert refused(prov, craft(centre.keys, prov, manifest, entries, tmp_path / "bad.bundle")).reason == (
        "not_allowed"
    )
    # nor write the province's own details
    manifest, entries = unpack(export(centre, tmp_path / "c2.bundle", to="IR-07", full=True), prov)
    mine = rows(entries, "office_details")
    mine[0]["owner_office_id"] = "IR-07"
    entries["records/office_details.jsonl"] = jsonl(mine)
    assert refused(prov, craft(centre.keys, prov, manifest, entries, tmp_path / "bad2.bundle")).reason == (
        "foreign_owner"
    )

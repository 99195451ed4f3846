"""Notification letters of F11 (Qt-free): once the working group approves a support package, each
agency responsible for items of it receives one official letter with the items it must carry out.

Any user of this office may print them (printing changes nothing), but only for a package that was
approved and notified. The letter's date is the day of notification; its number is composed, not
drawn from an outgoing register the application does not keep: ``<minutes number>/<n>``, where
``n`` is the agency's place among the package's agencies in matrix order. A package does not change
once approved, so a reprint carries the same number.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import ConflictError, NotFound
from cluster_desktop.domain.text import normalize_for_search
from cluster_desktop.printing.documents import build_notification
from cluster_desktop.printing.documents import common as doc
from cluster_desktop.printing.documents import notification as nt
from cluster_desktop.store.models import (
    Cluster,
    Meeting,
    Organization,
    Programme,
    Province,
    SupportItem,
    SupportPackage,
    WorkingGroup,
)

from . import programmes as prog
from .actor import Actor
from .office_details import details_of
from .printing import _reader, find_programme, letterhead, write_pdf

NOTIFIED = "notified"
PROV_COMMERCE = "PROV_COMMERCE"


@dataclass(frozen=True)
class LetterAgency:
    """An agency that receives a letter: how many items and how much of the package are its own."""

    code: str
    name_fa: str
    name_en: str
    items: int
    amount_rial: int


def _approved_package(session: Session, programme: Programme) -> SupportPackage:
    package = prog.package_of(session, programme.id)
    if package is None or package.status != NOTIFIED or package.notified_on is None:
        raise ConflictError(
            "نامه‌های ابلاغ پس از تأیید بستهٔ حمایتی در کارگروه (F11) چاپ می‌شوند؛ بستهٔ این طرح هنوز "
            "تأیید و ابلاغ نشده است.",
            "Notification letters are printed once the working group approves the support package (F11); "
            "this programme's package is not approved yet.",
        )
    return package


def _items(session: Session, package: SupportPackage) -> list[tuple[SupportItem, Organization]]:
    rows = session.execute(
        select(SupportItem, Organization)
        .join(Organization, Organization.code == SupportItem.organization_code)
        .where(SupportItem.package_id == package.id)
        .order_by(SupportItem.created_at, SupportItem.id)
    )
    return [(item, org) for item, org in rows]


def _agencies(items: list[tuple[SupportItem, Organization]]) -> list[LetterAgency]:
    by_code: dict[str, list[tuple[SupportItem, Organization]]] = {}
    for item, org in items:
        by_code.setdefault(org.code, []).append((item, org))
    ordered = sorted(
        by_code.values(),
        key=lambda rows: (rows[0][1].matrix_column is None, rows[0][1].matrix_column or 0, rows[0][1].code),
    )
    return [
        LetterAgency(
            rows[0][1].code,
            rows[0][1].name_fa,
            rows[0][1].name_en,
            len(rows),
            sum(i.amount_rial for i, _ in rows),
        )
        for rows in ordered
    ]


def letter_agencies(session: Session, actor: Actor, programme_id: str) -> list[LetterAgency]:
    """The agencies that receive a letter for the programme's approved package, in matrix order
    (refused, with the reason, while the package is not approved)."""
    _reader(session, actor)
    programme = find_programme(session, programme_id)
    return _agencies(_items(session, _approved_package(session, programme)))


def _names(code: str, name_fa: str, name_en: str) -> set[str]:
    return {normalize_for_search(code), normalize_for_search(name_fa), normalize_for_search(name_en)}


def _choose(session: Session, agencies: list[LetterAgency], wanted: str) -> LetterAgency:
    """The agency by its code (any case) or its Persian or English name."""
    key = normalize_for_search(wanted)
    for a in agencies:
        if key in _names(a.code, a.name_fa, a.name_en):
            return a
    listed_fa = "، ".join(f"{a.name_fa} ({a.code})" for a in agencies)
    listed_en = ", ".join(f"{a.name_en} ({a.code})" for a in agencies)
    known = next(
        (o for o in session.scalars(select(Organization)) if key in _names(o.code, o.name_fa, o.name_en)),
        None,
    )
    if known is None:
        raise NotFound(
            f"دستگاهی با نام یا کد «{wanted}» نیست. نامه‌های این بسته برای این دستگاه‌هاست: {listed_fa}",
            f"No agency named or coded '{wanted}'. This package's letters go to: {listed_en}",
            field="agency",
        )
    raise ConflictError(
        f"«{known.name_fa}» مسئول هیچ قلمی از این بسته نیست. نامه‌های این بسته برای این دستگاه‌هاست: {listed_fa}",
        f"'{known.name_en}' is responsible for no item of this package. Its letters go to: {listed_en}",
        field="agency",
    )


def letter_number(minutes_number: str, place: int) -> str:
    """``("1405/012", 3)`` → ``1405/012/3``; without minutes none (the block leaves room to write one).

    Slashes only: a dash after the Persian label would be reordered by bidi («۳-۱۴۰۵/۰۱۲»)."""
    return f"{minutes_number}/{place}" if minutes_number else ""


def notification_data(
    session: Session, actor: Actor, programme_id: str, *, agency: str
) -> nt.NotificationData:
    """One agency's letter for the programme's approved package."""
    _reader(session, actor)
    programme = find_programme(session, programme_id)
    package = _approved_package(session, programme)
    items = _items(session, package)
    agencies = _agencies(items)
    chosen = _choose(session, agencies, agency)
    meeting = session.get(Meeting, package.meeting_id) if package.meeting_id else None
    group = session.get(WorkingGroup, meeting.group_id) if meeting else None
    cluster = session.get(Cluster, programme.cluster_id)
    province = session.get(Province, programme.province_code)
    province_fa = province.name_fa if province else programme.province_code
    issuer = details_of(session, package.owner_office_id)
    kind = prog.PROPOSER_KINDS.get(programme.proposer_kind, ("", ""))[0]
    copies = []
    if chosen.code != PROV_COMMERCE:
        copies.append(f"سازمان بازرگانی استان {province_fa}، برای آگاهی و پیگیری در استان")
    copies.append("دبیرخانهٔ کارگروه کارشناسی توسعهٔ خوشه‌ها، برای پرونده و پایش اجرا (F14)")
    place = [a.code for a in agencies].index(chosen.code) + 1
    assert package.notified_on is not None  # checked by _approved_package
    return nt.NotificationData(
        letterhead=letterhead(session, package.owner_office_id),
        number=letter_number(meeting.number if meeting else "", place),
        notified_on=package.notified_on,
        agency=chosen.name_fa,
        programme=programme.title,
        cluster_name=cluster.name if cluster else "",
        province=province_fa,
        proposer=f"{programme.proposer_name} ({kind})" if kind else programme.proposer_name,
        group_name=group.name_fa if group else "کارگروه کارشناسی توسعهٔ خوشه‌ها",
        minutes_number=meeting.number if meeting else "",
        meeting_on=meeting.held_on if meeting else None,
        package_rial=sum(i.amount_rial for i, _ in items),
        items=[
            nt.LetterItem(i.title, i.description, i.amount_rial)
            for i, org in items
            if org.code == chosen.code
        ],
        signatory=doc.Signatory(issuer.head_post, issuer.head_name),
        copies=copies,
    )


def print_notification(
    session: Session, actor: Actor, programme_id: str, target: Any, *, agency: str
) -> None:
    """The F11 notification letter of the programme's approved package to one responsible agency."""
    data = notification_data(session, actor, programme_id, agency=agency)
    write_pdf(target, lambda out: build_notification(data, out))

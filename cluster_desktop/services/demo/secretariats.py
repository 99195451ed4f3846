"""Sample secretariat details (F1/F2) and TPO liaisons (F2-1) for a demo office.

The office's own details go through the service, as its secretary would type them; the peers' (the
provinces' at the centre, the centre's and the liaison at a province) are written as the bundles of
a completed exchange leave them.
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.services import office_details
from cluster_desktop.services.actor import Actor
from cluster_desktop.store.models import Office, OfficeDetails, Province, ProvinceLiaison
from cluster_desktop.store.reference import CENTRAL_OFFICE_ID

from .catalog import FIRST_NAMES, LAST_NAMES

CENTRE_ADDRESS = "تهران، خیابان ولیعصر، بالاتر از پارک ساعی، سازمان توسعه تجارت ایران"
POSITIONS = ("کارشناس مسئول توسعهٔ خوشه‌ها", "کارشناس دفتر امور بنگاه‌ها", "کارشناس ارشد صادرات")


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _details(session: Session, office: Office, rng: random.Random) -> office_details.DetailsInput:
    central = office.kind == OfficeKind.CENTRAL.value
    province = None if central else session.get(Province, office.province_code)
    where = province.name_fa if province else ""
    return office_details.DetailsInput(
        head_name=_name(rng),
        secretary_name=_name(rng),
        address=CENTRE_ADDRESS if central else f"استان {where}، خیابان امام خمینی، {office.name_fa}",
        postal_code=f"{rng.randint(10000, 99999)}-{rng.randint(10000, 99999)}",
        phone=f"0{rng.randint(21, 87)}-{rng.randint(3000_0000, 3999_9999)}",
        email=f"clusters@{'tpo.ir' if central else str(office.province_code).lower() + '.gov.ir'}",
        letterhead_text="دبیرخانهٔ کارگروه توسعهٔ خوشه‌های صادرات‌گرا",
    )


def add_secretariats(session: Session, admin: Actor, owners: Iterable[str], rng: random.Random) -> None:
    """The office's details (keeping what the wizard recorded), and its peers' as last received."""
    mine = office_details.details_of(session, admin.office_id)
    office = session.get(Office, admin.office_id)
    assert office is not None
    sample = _details(session, office, rng)
    typed = mine.as_input()
    merged = office_details.DetailsInput(**{k: getattr(typed, k) or getattr(sample, k) for k in vars(sample)})
    office_details.update_details(session, admin, merged)
    peers = (
        [CENTRAL_OFFICE_ID]
        if admin.office_kind is OfficeKind.PROVINCE
        else sorted(set(owners) - {admin.office_id})
    )
    for peer_id in peers:
        peer = session.get(Office, peer_id)
        if peer is None or session.scalar(
            select(OfficeDetails).where(OfficeDetails.owner_office_id == peer_id)
        ):
            continue
        session.add(OfficeDetails(owner_office_id=peer_id, version=1, **vars(_details(session, peer, rng))))
    provinces = (
        [admin.province_code]
        if admin.province_code
        else [p.code for p in session.scalars(select(Province).order_by(Province.code))]
    )
    for code in provinces:
        session.add(
            ProvinceLiaison(
                owner_office_id=CENTRAL_OFFICE_ID,
                province_code=code,
                version=1,
                full_name=_name(rng),
                position=rng.choice(POSITIONS),
                phone=f"021-{rng.randint(2200_0000, 2299_9999)}",
                email=f"liaison.{code.lower()}@tpo.ir",
            )
        )
    session.flush()

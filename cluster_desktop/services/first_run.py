"""The first-run wizard's questions, checked page by page, and the setup itself (keys, sample data).

``services.office.setup_office`` does the work in one transaction; these checks let the wizard
refuse each page's bad input beside the field before anything is created.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import FieldCollector
from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.store.models import Office, Province
from cluster_desktop.sync.keys import fingerprint_text

from . import centre_certificate, forms, office_details, users
from .actor import Actor
from .office import OfficeSetup, office_fingerprint, office_id_for, setup_office
from .workspace import Workspace


def check_office(session: Session, kind: OfficeKind, province_code: str | None) -> None:
    """Page 1: a provincial office needs one of the 31 provinces."""
    c = FieldCollector()
    if kind is OfficeKind.PROVINCE and (not province_code or session.get(Province, province_code) is None):
        c.add("province", "استان را از فهرست انتخاب کنید.", "Choose the province from the list.")
    c.raise_if_any()


def default_office_name(session: Session, kind: OfficeKind, province_code: str | None) -> str:
    """The office's reference name (e.g. «سازمان بازرگانی استان فارس»), the wizard's default."""
    if kind is OfficeKind.PROVINCE and not province_code:
        return ""
    office = session.get(Office, office_id_for(kind, province_code))
    return office.name_fa if office is not None else ""


@dataclass(frozen=True)
class Secretariat:
    office_name: str
    address: str = ""
    phone: str = ""
    email: str = ""
    head_name: str = ""
    secretary_name: str = ""


def check_secretariat(data: Secretariat) -> Secretariat:
    """Page 2: the secretariat's details, cleaned by the rules of the details form; all problems at once."""
    c = FieldCollector()
    name = forms.text(c, data.office_name, "office_name", "نام دفتر", "Office name", required=True)
    details = c.check(
        office_details.check_details,
        office_details.DetailsInput(
            head_name=data.head_name,
            secretary_name=data.secretary_name,
            address=data.address,
            phone=data.phone,
            email=data.email,
        ),
    )
    c.raise_if_any()
    assert details is not None
    return Secretariat(
        office_name=name,
        address=details.address,
        phone=details.phone,
        email=details.email,
        head_name=details.head_name,
        secretary_name=details.secretary_name,
    )


def check_admin(username: str, full_name: str, password: str, password_again: str) -> None:
    """Page 3: the first administrator's account."""
    c = FieldCollector()
    c.check(users.validate_username, username)
    forms.text(c, full_name, "full_name", "نام و نام خانوادگی", "Full name", required=True)
    c.check(users.validate_new_password, password, username)
    if len(password) >= users.MIN_PASSWORD and password != password_again:
        c.add("password_again", "دو گذرواژه یکسان نیستند.", "The two passwords differ.")
    c.raise_if_any()


@dataclass(frozen=True)
class SetupResult:
    actor: Actor
    fingerprint: str  # as read out by phone: «3F2A 09C1 …»
    demo_dossiers: int = 0
    centre_fingerprint: str = ""  # TPO's certificate shipped with the installer, when enrolled


def set_up_office(ws: Workspace, spec: OfficeSetup) -> tuple[Actor, str]:
    """``setup_office``, then trust TPO when a provincial installer shipped its certificate.

    Returns the new administrator and the enrolled TPO fingerprint ("" when none was enrolled: the
    centre itself, nothing shipped). The wizard and the ``setup``/``demo`` commands both go through here.
    """
    centre_certificate.check_shipped_centre_certificate(spec.kind)
    actor = setup_office(ws, spec)
    with ws.db.session() as s:
        entry = centre_certificate.enroll_shipped_centre_certificate(s, actor)
    return actor, entry.fingerprint if entry is not None else ""


def create_office(
    ws: Workspace,
    spec: OfficeSetup,
    *,
    demo: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
) -> SetupResult:
    """Set the office up (keys, admin, working group), then optionally fill it with sample data.

    Runs off the GUI thread: opens its own sessions.
    """
    report: Callable[[int, int, str], None] = progress or (lambda _d, _t, _x: None)
    report(0, 2 if demo else 1, "")
    actor, centre_fp = set_up_office(ws, spec)
    with ws.db.session() as s:
        fp = fingerprint_text(office_fingerprint(s))
    made = 0
    if demo:
        from .demo import fill_demo

        report(1, 2, "")
        made = fill_demo(ws, actor, spec.admin_password)
    report(2 if demo else 1, 2 if demo else 1, "")
    return SetupResult(actor, fp, made, centre_fp)


def login(session: Session, username: str, password: str) -> Actor:
    """Later starts: empty fields are named beside them; a wrong pair gets one vague message."""
    c = FieldCollector()
    if not username.strip():
        c.add("username", "نام کاربری را وارد کنید.", "Enter your username.")
    if not password:
        c.add("password", "گذرواژه را وارد کنید.", "Enter your password.")
    c.raise_if_any()
    return users.authenticate(session, username, password)

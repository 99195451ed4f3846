"""TPO's office certificate shipped with a provincial installer, enrolled when the province is set up.

A provincial installer may carry the centre's certificate, so the province trusts TPO from its first
day without an exchange by USB. It is looked for, in order, at:

1. the file named by ``CLUSTER_DESKTOP_CENTRE_CERT`` (administrators, scripts, tests);
2. ``centre-certificate.json`` in the machine-wide data folder(s) (platformdirs ``site_data_dir``):
   ``C:\\ProgramData\\TPO\\ClusterDesktop`` where the Windows installer copies the certificate given
   with ``/CENTRECERT=…``; ``/usr/local/share/ClusterDesktop`` (the Linux install script);
3. ``resources/centre-certificate.json`` inside the program (a build made with
   ``packaging/build.py --centre-certificate FILE``).

The installer is the trusted channel here, as a USB stick with a phone check is otherwise: the
certificate is enrolled without typing the fingerprint, and the audit log says where it came from.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import ValidationError
from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.paths import APP_AUTHOR, APP_NAME, resource
from cluster_desktop.sync import trust
from cluster_desktop.sync.keys import CENTRAL_OFFICE_ID, OfficeCertificate

from . import audit, users
from .actor import Actor

ENV_VAR = "CLUSTER_DESKTOP_CENTRE_CERT"
FILENAME = "centre-certificate.json"


def candidate_paths() -> list[Path]:
    """Where a shipped centre certificate may be, most specific first."""
    paths = []
    if os.environ.get(ENV_VAR):
        paths.append(Path(os.environ[ENV_VAR]))
    site = platformdirs.site_data_dir(APP_NAME, APP_AUTHOR, multipath=True)
    paths += [Path(p) / FILENAME for p in site.split(os.pathsep) if p]
    paths.append(resource(FILENAME))
    return paths


def find_centre_certificate() -> Path | None:
    """The first shipped centre certificate found, or None."""
    return next((p for p in candidate_paths() if p.is_file()), None)


def read_centre_certificate(path: Path) -> OfficeCertificate:
    """Parse and check a shipped certificate: it must be TPO's, self-signed and well formed."""
    try:
        cert = OfficeCertificate.from_json(path.read_bytes())
    except ValidationError as exc:
        raise ValidationError(f"{exc.fa} ({path})", f"{exc.en} ({path})", field="certificate") from exc
    if cert.office_id != CENTRAL_OFFICE_ID or cert.kind != OfficeKind.CENTRAL.value:
        raise ValidationError(
            f"گواهی همراه برنامه ({path}) گواهی سازمان توسعه تجارت نیست.",
            f"The certificate shipped with the program ({path}) is not TPO's.",
            field="certificate",
        )
    return cert


def check_shipped_centre_certificate(kind: OfficeKind) -> None:
    """Before a provincial office is set up: refuse a shipped file that is not TPO's certificate.

    Checked first so that a bad installer stops the setup before anything is created, rather than
    leaving a half-trusted office behind.
    """
    if kind is OfficeKind.PROVINCE and (path := find_centre_certificate()) is not None:
        read_centre_certificate(path)


def enroll_shipped_centre_certificate(session: Session, actor: Actor) -> trust.TrustEntry | None:
    """At a provincial office: enroll the centre's certificate shipped with the installer.

    Call right after ``setup_office`` (same or next transaction) as the new administrator. Returns the
    trust entry, or None when this is the centre, no certificate was shipped, or TPO is already
    trusted. A shipped file that is not a valid TPO certificate is refused with a clear message.
    """
    if actor.office_kind is not OfficeKind.PROVINCE:
        return None
    path = find_centre_certificate()
    if path is None or trust.active_key(session, CENTRAL_OFFICE_ID) is not None:
        return None
    cert = read_centre_certificate(path)
    entry = trust.enroll(session, cert, local=users.local_office(session), username=actor.username)
    audit.record(
        session,
        actor,
        "trust.enroll",
        "office",
        cert.office_id,
        fingerprint=cert.fingerprint,
        source="shipped with the installer",
        path=str(path),
    )
    return entry

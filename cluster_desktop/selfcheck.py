"""``cluster-desktop --self-check``: prove an installed or frozen build works end to end, offscreen.

In a temporary data directory it sets up a central and a provincial office (migrating both new
databases and loading the reference data), fills them with sample data, prints a license PDF and
checks its signed QR text, makes the two offices trust each other, carries a bundle province → centre
and one centre → province, and opens the main window, the national dashboard's charts and the
national map offscreen. Each step is printed as it finishes;
the first failure ends the check with exit 1 and names the step. Nothing outside the temporary folder
is touched, and it is removed afterwards.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PASSWORD = "self-check-password-1"
PROVINCE = "IR-07"


class CheckFailed(Exception):
    """A step's own verification did not hold (as opposed to an exception from the code it drives)."""


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


@dataclass
class Offices:
    """The two temporary offices the steps share."""

    root: Path
    centre: Any = None  # Workspace
    province: Any = None
    centre_admin: Any = None  # Actor
    province_admin: Any = None
    files: dict[str, Path] = field(default_factory=dict)
    keys: dict[str, Any] = field(default_factory=dict)  # office id -> unlocked OfficeKeys

    def close(self) -> None:
        for ws in (self.centre, self.province):
            if ws is not None:
                ws.close()


@contextmanager
def light_password_hashing() -> Iterator[None]:
    """The throwaway offices hash their ~15 sample users' passwords with scrypt N=2^10 instead of 2^17:
    the parameters are stored with each hash, nothing outlives the check, and the real cost would make
    it take a minute. The code path (scrypt, AES-GCM key wraps) is the same."""
    from cluster_desktop.services import security

    saved = security.SCRYPT_N
    security.SCRYPT_N = 2**10
    try:
        yield
    finally:
        security.SCRYPT_N = saved


# ------------------------------------------------------------------------------------------- steps


def step_migrate(o: Offices) -> str:
    from sqlalchemy import func, select

    from cluster_desktop.services.workspace import Workspace
    from cluster_desktop.store.db import sqlite_url
    from cluster_desktop.store.migrate import current_revision, head_revision
    from cluster_desktop.store.models import Criterion, Office, ProcessStep, Province

    # Explicit SQLite files: a PC configured for the central server must not check against it.
    o.centre = Workspace.open(o.root / "centre", sqlite_url(o.root / "centre"))
    o.province = Workspace.open(o.root / "province", sqlite_url(o.root / "province"))
    head = head_revision(o.centre.db.engine)
    for ws in (o.centre, o.province):
        expect(current_revision(ws.db.engine) == head, f"{ws.data_dir} is not at revision {head}")
    with o.centre.db.session() as s:
        n = {
            m.__tablename__: s.scalar(select(func.count()).select_from(m)) or 0
            for m in (Province, Office, ProcessStep, Criterion)
        }
    expect(n["provinces"] == 31 and n["offices"] == 32, f"reference data incomplete: {n}")
    expect(n["criteria"] >= 9, f"the nine Article 7 criteria are missing: {n}")
    return (
        f"two new databases migrated to revision {head}; reference data: {n['provinces']} provinces, "
        f"{n['offices']} offices, {n['process_steps']} process steps, {n['criteria']} criteria"
    )


def step_setup(o: Offices) -> str:
    from cluster_desktop.domain.roles import OfficeKind
    from cluster_desktop.services.office import OfficeSetup, office_fingerprint, setup_office
    from cluster_desktop.sync.keys import fingerprint_text

    o.centre_admin = setup_office(o.centre, OfficeSetup(OfficeKind.CENTRAL, None, "admin", PASSWORD))
    o.province_admin = setup_office(o.province, OfficeSetup(OfficeKind.PROVINCE, PROVINCE, "admin", PASSWORD))
    with o.centre.db.session() as s:
        fc = fingerprint_text(office_fingerprint(s))
    with o.province.db.session() as s:
        fp = fingerprint_text(office_fingerprint(s))
    return f"offices TPO ({fc}) and {PROVINCE} ({fp}) set up with their keys and administrators"


def step_sample_data(o: Offices) -> str:
    from cluster_desktop.services.demo import fill_demo

    nc = fill_demo(o.centre, o.centre_admin, PASSWORD, count=15, seed=7)
    np_ = fill_demo(o.province, o.province_admin, PASSWORD, count=9, seed=7)
    return f"{nc} sample dossiers at the centre, {np_} in the province (every workflow state)"


def step_license_pdf(o: Offices) -> str:
    from sqlalchemy import select

    from cluster_desktop.services.licenses import qr_text, verify_license_text
    from cluster_desktop.services.printing import print_license
    from cluster_desktop.store.models import License, LocalKeys
    from cluster_desktop.sync.keys import public_key_from_b64

    out = o.root / "license.pdf"
    with o.centre.db.session() as s:
        lic = s.scalar(select(License).order_by(License.number))
        expect(lic is not None, "the sample data holds no license")
        assert lic is not None
        print_license(s, o.centre_admin, lic.dossier_id, out)
        key = public_key_from_b64(s.get(LocalKeys, "TPO").signing_public_key)  # type: ignore[union-attr]
        check = verify_license_text(qr_text(lic), [key], {lic.number: lic})
        number = lic.number
    data = out.read_bytes()
    expect(data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:], "the license PDF is not a complete PDF")
    expect(b"Vazirmatn" in data, "the Persian font is not embedded in the license PDF")
    expect(check.genuine, f"the license QR text does not verify: {check.message_en}")
    o.files["license"] = out
    return f"license {number} printed ({len(data):,} bytes, Vazirmatn embedded); its QR signature verifies"


def step_trust(o: Offices) -> str:
    from cluster_desktop.services import centre_certificate, sync
    from cluster_desktop.sync.keys import fingerprint_text

    with o.centre.db.session() as s:
        o.keys["TPO"] = sync.unlock(s, o.centre_admin, PASSWORD)
        tpo_cert = sync.certificate(s, o.keys["TPO"])
    with o.province.db.session() as s:
        o.keys[PROVINCE] = sync.unlock(s, o.province_admin, PASSWORD)
        province_cert = sync.certificate(s, o.keys[PROVINCE])
    # The province gets TPO's certificate as a provincial installer ships it.
    shipped = o.root / "shipped" / centre_certificate.FILENAME
    shipped.parent.mkdir()
    shipped.write_bytes(tpo_cert.to_json())
    saved = os.environ.get(centre_certificate.ENV_VAR)
    os.environ[centre_certificate.ENV_VAR] = str(shipped)
    try:
        with o.province.db.session() as s:
            entry = centre_certificate.enroll_shipped_centre_certificate(s, o.province_admin)
    finally:
        if saved is None:
            os.environ.pop(centre_certificate.ENV_VAR, None)
        else:
            os.environ[centre_certificate.ENV_VAR] = saved
    expect(
        entry is not None and entry.fingerprint == tpo_cert.fingerprint,
        "the shipped TPO certificate was not enrolled",
    )
    # The centre enrolls the province's after "reading the fingerprint by phone".
    with o.centre.db.session() as s:
        sync.enroll(
            s,
            o.centre_admin,
            province_cert.to_json(),
            expected_fingerprint=fingerprint_text(province_cert.fingerprint),
        )
    return (
        f"{PROVINCE} enrolled TPO's certificate as shipped with an installer; TPO enrolled {PROVINCE}'s "
        "after the fingerprint check"
    )


def _imports(ws: Any, sender: str) -> int:
    from sqlalchemy import func, select

    from cluster_desktop.store.models import ImportLog

    with ws.db.session() as s:
        return (
            s.scalar(select(func.count()).select_from(ImportLog).where(ImportLog.sender_office_id == sender))
            or 0
        )


def _dossiers_of(ws: Any, owner: str) -> int:
    from sqlalchemy import func, select

    from cluster_desktop.store.models import Dossier

    with ws.db.session() as s:
        return (
            s.scalar(select(func.count()).select_from(Dossier).where(Dossier.owner_office_id == owner)) or 0
        )


def step_bundle_to_centre(o: Offices) -> str:
    from cluster_desktop.services import sync

    before = _dossiers_of(o.centre, PROVINCE)
    result = sync.export_bundle(o.province, o.province_admin, o.keys[PROVINCE], o.root / "to-centre.bundle")
    expect(result.dossiers > 0, "the province's bundle carries no dossier")
    path = result.files[0]
    sync.verify_bundle(o.centre, o.centre_admin, o.keys["TPO"], path)
    sync.import_bundle(o.centre, o.centre_admin, o.keys["TPO"], path)
    expect(_imports(o.centre, PROVINCE) == 1, "the centre logged no import from the province")
    added = _dossiers_of(o.centre, PROVINCE) - before
    expect(added == result.dossiers, f"{result.dossiers} dossiers sent, {added} arrived")
    return (
        f"{PROVINCE} → TPO: {path.stat().st_size:,}-byte signed, encrypted bundle with {result.dossiers} "
        f"dossiers ({sum(result.record_counts.values())} records) verified and imported"
    )


def step_bundle_to_province(o: Offices) -> str:
    from sqlalchemy import select

    from cluster_desktop.services import sync
    from cluster_desktop.store.models import Outbound

    result = sync.export_bundle(
        o.centre, o.centre_admin, o.keys["TPO"], o.root / "to-province.bundle", to=PROVINCE
    )
    path = result.files[0]
    sync.verify_bundle(o.province, o.province_admin, o.keys[PROVINCE], path)
    sync.import_bundle(o.province, o.province_admin, o.keys[PROVINCE], path)
    expect(_imports(o.province, "TPO") == 1, "the province logged no import from the centre")
    with o.province.db.session() as s:
        out = s.scalar(select(Outbound).where(Outbound.peer_office_id == "TPO"))
        acked = out.acked_sequence if out is not None else 0
    expect(acked >= 1, "the centre's bundle did not acknowledge the province's")
    return (
        f"TPO → {PROVINCE}: {path.stat().st_size:,}-byte bundle ({sum(result.record_counts.values())} records) "
        f"imported; it acknowledged the province's bundle {acked}"
    )


def step_main_window(o: Offices) -> str:
    from cluster_desktop.gui.screenshots import render

    out = render(o.centre, "main", o.root / "main-window.png", "fa", (1280, 800))
    size = out.stat().st_size
    expect(size > 10_000, f"the main window rendered as a near-empty image ({size} bytes)")
    return f"main window shown offscreen and grabbed ({size:,} bytes PNG)"


def step_charts_and_map(o: Offices) -> str:
    """Qt Charts (the one PySide6-Addons module the build keeps) draws the national dashboard's charts,
    and the shipped province outlines draw the national map."""
    from cluster_desktop.gui.screenshots import render

    sizes = []
    for view in ("central-dashboard", "national-map"):
        out = render(o.centre, view, o.root / f"{view}.png", "fa", (1280, 800))
        sizes.append(out.stat().st_size)
        expect(sizes[-1] > 20_000, f"{view} rendered as a near-empty image ({sizes[-1]} bytes)")
    expect("PySide6.QtCharts" in sys.modules, "the charts were drawn without Qt Charts")
    from cluster_desktop.services.province_map import geometry

    shapes = len(geometry().shapes)
    expect(shapes == 31, f"the national map has {shapes} provinces, not 31")
    return f"dashboard charts ({sizes[0]:,} bytes PNG) and the map of {shapes} provinces ({sizes[1]:,} bytes)"


def step_time_zone(o: Offices) -> str:
    from datetime import UTC, datetime

    from cluster_desktop.domain.jalali import TEHRAN, format_jalali_datetime

    # 1400/04/10 12:00 UTC fell in Iran's last daylight-saving summers (UTC+04:30): 16:30 in Tehran.
    shown = format_jalali_datetime(datetime(2021, 7, 1, 12, 0, tzinfo=UTC))
    expect(shown.endswith("۱۶:۳۰"), f"Asia/Tehran history is missing ({TEHRAN!r} shows {shown})")
    return f"Asia/Tehran from the IANA database: a summer 1400 time shows as {shown}"


def step_postgres_driver(o: Offices) -> str:
    """The driver a central office on PostgreSQL needs, with its own libpq (no server is contacted)."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed here (only a central office on PostgreSQL needs it)"
    impl = psycopg.pq.__impl__
    expect(impl in ("binary", "c"), f"psycopg runs on its slow pure-Python layer ({impl})")
    v = psycopg.pq.version()
    return f"psycopg {psycopg.__version__} ({impl}) with libpq {v // 10000}.{v % 100}"


def step_log(o: Offices) -> str:
    import logging

    from cluster_desktop.logs import current_log_file

    path = current_log_file()
    expect(path is not None, "logging is not set up")
    assert path is not None
    for h in logging.getLogger("cluster_desktop").handlers:
        h.flush()
    text = path.read_text(encoding="utf-8")
    for needle in ("start self-check", "database at revision", "exported bundle", "bundle import passed"):
        expect(needle in text, f"the log {path} lacks «{needle}»")
    expect(PASSWORD not in text, "a password reached the log")
    lines = text.count("\n")
    return f"the log {path.name} holds {lines} lines (start, migrations, bundles), no password"


Step = tuple[str, Callable[[Offices], str]]
STEPS: list[Step] = [
    ("migrate and load reference data", step_migrate),
    ("set up a central and a provincial office", step_setup),
    ("sample data", step_sample_data),
    ("render a license PDF", step_license_pdf),
    ("exchange office certificates", step_trust),
    ("bundle province → centre", step_bundle_to_centre),
    ("bundle centre → province", step_bundle_to_province),
    ("open the main window offscreen", step_main_window),
    ("charts and the national map", step_charts_and_map),
    ("Iran's time-zone history", step_time_zone),
    ("PostgreSQL driver", step_postgres_driver),
    ("log file written", step_log),
]


def run_self_check(out: Any = None, err: Any = None, steps: list[Step] | None = None) -> int:
    """Run every step in a temporary folder, printing each; 0 when all pass, 1 at the first failure."""
    from cluster_desktop import __version__
    from cluster_desktop.logs import close_logging, current_log_file, log_start, setup_logging
    from cluster_desktop.paths import app_root

    out = out or sys.stdout
    err = err or sys.stderr
    # The check must not show windows or need a display, also when started from a desktop session.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    steps = steps if steps is not None else STEPS
    frozen = "frozen" if getattr(sys, "frozen", False) else "source"
    utf8 = "UTF-8 mode" if sys.flags.utf8_mode else f"streams {getattr(sys.stdout, 'encoding', None)}"
    out.write(f"cluster-desktop {__version__} self-check ({frozen}, {utf8}, files in {app_root()})\n")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="cluster-desktop-selfcheck-") as tmp, light_password_hashing():
        offices = Offices(Path(tmp))
        # The check logs into its own folder as a real office does into its data directory.
        previous_log = current_log_file()
        setup_logging(Path(tmp))
        log_start("self-check", Path(tmp))
        try:
            for i, (name, fn) in enumerate(steps, 1):
                t0 = time.perf_counter()
                try:
                    detail = fn(offices)
                except Exception as exc:  # report which step failed, whatever it raised
                    logging.getLogger(__name__).exception("self-check step %d (%s) failed", i, name)
                    out.flush()
                    err.write(f"[{i}/{len(steps)}] {name}: FAILED: {exc}\n")
                    if not isinstance(exc, CheckFailed):
                        err.write("".join(traceback.format_exception(exc)))
                    err.write(f"self-check FAILED at step {i} ({name})\n")
                    return 1
                out.write(f"[{i}/{len(steps)}] {name}: ok ({time.perf_counter() - t0:.1f} s) — {detail}\n")
                out.flush()
        finally:
            offices.close()
            close_logging()
            if previous_log is not None:
                setup_logging(previous_log.parent.parent)
    out.write(f"self-check passed: {len(steps)} steps in {time.perf_counter() - started:.1f} s\n")
    return 0

"""The centre's registers: the export-cluster databank (F7) with its CSV/XLSX export for other
agencies, and license administration (F8) on top of ``licenses`` (issue with the centre's key,
suspend, revoke, reinstate)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import ConflictError, DomainError, PermissionDenied
from cluster_desktop.domain.numbers import latin_code, to_latin_digits
from cluster_desktop.domain.roles import OfficeKind, Role
from cluster_desktop.domain.text import normalize_for_search
from cluster_desktop.domain.workflow import DossierState
from cluster_desktop.store.models import Cluster, DatabankEntry, Dossier, License, Product, Province

from . import clusters, licenses
from .actor import Actor, require, require_office
from .central import national_score

S = DossierState
LICENSE_ACTIONS = {"suspend": "suspended", "revoke": "revoked", "reinstate": "valid"}


def _central(actor: Actor, what_fa: str, what_en: str) -> None:
    require_office(actor, OfficeKind.CENTRAL, what_fa=what_fa, what_en=what_en)


# ---------------------------------------------------------------- databank (F7)


@dataclass(frozen=True)
class DatabankQuery:
    search: str = ""
    province_code: str | None = None
    hs_prefix: str = ""


@dataclass(frozen=True)
class DatabankRow:
    dossier_id: str
    cluster_id: str
    registry_no: str
    registered_on: date
    name: str
    province_code: str
    province_fa: str
    county: str
    sector: str
    firms: int
    employees: int
    exports_usd: int
    production_rial: int
    score: float | None
    managing_entity: str
    products: tuple[tuple[str, str], ...] = ()
    license_no: str = ""
    license_status: str = ""
    license_valid_until: date | None = None


# Fifteen columns in DatabankRow's field order: more than SQLAlchemy's select() overloads type one by one.
def _databank_query(query: DatabankQuery) -> Select[*tuple[Any, ...]]:
    q = (
        select(
            Dossier.id,
            Dossier.cluster_id,
            DatabankEntry.registry_no,
            DatabankEntry.registered_on,
            Cluster.name,
            Dossier.province_code,
            Province.name_fa,
            Cluster.county,
            Cluster.sector,
            Cluster.firms_count,
            Cluster.employees,
            Cluster.annual_exports_usd,
            Cluster.annual_production_rial,
            national_score(),
            Cluster.managing_entity,
        )
        .join(Dossier, Dossier.id == DatabankEntry.dossier_id)
        .join(Cluster, Cluster.id == Dossier.cluster_id)
        .join(Province, Province.code == Dossier.province_code)
    )
    if query.search.strip():
        for word in normalize_for_search(query.search).split()[:6]:
            q = q.where(
                or_(
                    Cluster.search_text.contains(word, autoescape=True),
                    DatabankEntry.registry_no.contains(to_latin_digits(word), autoescape=True),
                )
            )
    if query.province_code:
        q = q.where(Dossier.province_code == query.province_code)
    prefix = latin_code(query.hs_prefix)
    if prefix:
        q = q.where(
            Cluster.id.in_(
                select(Product.cluster_id).where(Product.hs_code.startswith(prefix, autoescape=True))
            )
        )
    return q


def databank_rows(
    session: Session, query: DatabankQuery = DatabankQuery(), *, offset: int = 0, limit: int | None = None
) -> list[DatabankRow]:
    """Registered clusters, newest registration first, with products and license."""
    q = _databank_query(query).order_by(DatabankEntry.registry_no.desc()).offset(offset)
    if limit is not None:
        q = q.limit(limit)
    rows = [DatabankRow(*r) for r in session.execute(q)]
    if not rows:
        return rows
    products: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for cid, hs, name in session.execute(
        select(Product.cluster_id, Product.hs_code, Product.name_fa)
        .where(Product.cluster_id.in_([r.cluster_id for r in rows]))
        .order_by(Product.hs_code)
    ):
        products[cid].append((hs, name))
    lic = {
        d: (n, st, v)
        for d, n, st, v in session.execute(
            select(License.dossier_id, License.number, License.status, License.valid_until)
            .where(License.dossier_id.in_([r.dossier_id for r in rows]))
            .order_by(License.issued_on)
        )
    }
    return [
        replace(
            r,
            products=tuple(products.get(r.cluster_id, ())),
            license_no=lic.get(r.dossier_id, ("", "", None))[0],
            license_status=lic.get(r.dossier_id, ("", "", None))[1],
            license_valid_until=lic.get(r.dossier_id, ("", "", None))[2],
        )
        for r in rows
    ]


def count_databank(session: Session, query: DatabankQuery = DatabankQuery()) -> int:
    return int(session.scalar(select(func.count()).select_from(_databank_query(query).subquery())) or 0)


def register(session: Session, actor: Actor, dossier_id: str, note: str = "") -> DatabankEntry:
    """Enter a finally approved dossier in the databank (F7)."""
    return licenses.register(session, actor, dossier_id, note=note)


# ---------------------------------------------------------------- licenses (F8)


@dataclass(frozen=True)
class LicenseRow:
    id: str
    number: str
    dossier_id: str
    cluster_name: str
    province_fa: str
    issued_on: date
    valid_until: date
    status: str
    status_reason: str
    status_changed_at: datetime | None
    conditions: str

    def expired(self, on: date) -> bool:
        return self.valid_until < on


def license_rows(session: Session, *, status: str | None = None, search: str = "") -> list[LicenseRow]:
    """Issued licenses, newest number first."""
    q = (
        select(
            License.id,
            License.number,
            License.dossier_id,
            Cluster.name,
            Province.name_fa,
            License.issued_on,
            License.valid_until,
            License.status,
            License.status_reason,
            License.status_changed_at,
            License.conditions,
        )
        .join(Cluster, Cluster.id == License.cluster_id)
        .join(Province, Province.code == Cluster.province_code)
        .order_by(License.year.desc(), License.seq.desc())
    )
    if status:
        q = q.where(License.status == status)
    if search.strip():
        word = normalize_for_search(search)
        q = q.where(
            or_(
                Cluster.search_text.contains(word, autoescape=True),
                License.number.contains(to_latin_digits(search.strip()).upper(), autoescape=True),
            )
        )
    return [LicenseRow(*r) for r in session.execute(q)]


def licensable(session: Session) -> list[DatabankRow]:
    """Registered dossiers whose cluster holds no license that is valid or suspended."""
    held = select(License.cluster_id).where(License.status != "revoked")
    q = _databank_query(DatabankQuery()).where(
        and_(Dossier.state == S.REGISTERED.value, Dossier.cluster_id.not_in(held))
    )
    return [DatabankRow(*r) for r in session.execute(q.order_by(DatabankEntry.registry_no))]


def databank_row(session: Session, dossier_id: str) -> DatabankRow | None:
    """The databank row of one dossier (None if it is not registered), as the license dialog shows it."""
    row = session.execute(_databank_query(DatabankQuery()).where(Dossier.id == dossier_id)).first()
    return DatabankRow(*row) if row is not None else None


def check_licensable(session: Session, actor: Actor, dossier_id: str) -> None:
    """Refuse, before the centre's key is unlocked, what ``issue_license`` would refuse."""
    _central(actor, "صدور پروانه", "issue licenses")
    require(actor, (Role.SECRETARY,), what_fa="صدور پروانه", what_en="issue licenses")
    dossier = clusters.get_dossier(session, dossier_id)
    held = session.scalar(
        select(License.number).where(License.cluster_id == dossier.cluster_id, License.status != "revoked")
    )
    if held:
        raise ConflictError(
            f"این خوشه پروانهٔ {held} را دارد؛ پروانهٔ دوم صادر نمی‌شود.",
            f"This cluster already holds license {held}; a second one is not issued.",
        )
    in_databank = session.scalar(select(DatabankEntry.id).where(DatabankEntry.dossier_id == dossier.id))
    if in_databank is None or dossier.state != S.REGISTERED.value:
        raise PermissionDenied(
            "این پرونده در بانک اطلاعات خوشه‌ها ثبت نشده است؛ پروانه فقط برای خوشه‌های ثبت‌شده صادر می‌شود.",
            "This dossier is not registered in the databank; licenses are issued only for registered clusters.",
        )


def issue(
    session: Session, actor: Actor, password: str, dossier_id: str, data: licenses.LicenseInput
) -> License:
    """Issue a license, unlocking the centre's signing key with the acting user's password."""
    from .office import load_office_keys

    check_licensable(session, actor, dossier_id)
    keys = load_office_keys(session, actor, password)
    return licenses.issue_license(session, actor, keys, dossier_id, data)


def change_license(session: Session, actor: Actor, number: str, action: str, reason: str) -> License:
    """Suspend, revoke or reinstate the license ``number``; a reason is always recorded."""
    _central(actor, "تغییر وضعیت پروانه", "change license status")
    if action not in LICENSE_ACTIONS:
        raise DomainError(
            f"اقدام «{action}» برای پروانه تعریف نشده است.", f"Unknown license action '{action}'."
        )
    lic = licenses.license_by_number(session, number)
    if lic.status == "revoked":
        raise PermissionDenied(
            f"پروانهٔ {lic.number} ابطال شده است و دوباره به کار نمی‌رود.",
            f"License {lic.number} is revoked and cannot be used again.",
        )
    if action == "reinstate" and lic.status != "suspended":
        raise ConflictError(
            "فقط پروانهٔ تعلیق‌شده دوباره معتبر می‌شود.", "Only a suspended license can be reinstated."
        )
    if action == "suspend" and lic.status != "valid":
        raise ConflictError("این پروانه اکنون معتبر نیست که تعلیق شود.", "This license is not valid now.")
    if not reason.strip():
        raise DomainError("دلیل را بنویسید.", "Give the reason.", field="reason")
    return licenses.set_license_status(session, actor, lic.id, LICENSE_ACTIONS[action], reason)


# ---------------------------------------------------------------- export for other agencies

CLUSTER_COLUMNS: list[tuple[str, str]] = [
    ("registry_no", "شماره ثبت"),
    ("registered_on", "تاریخ ثبت"),
    ("cluster", "نام خوشه"),
    ("province_code", "کد استان"),
    ("province", "استان"),
    ("county", "شهرستان"),
    ("sector", "رشته فعالیت"),
    ("hs_codes", "کدهای تعرفه (HS)"),
    ("products", "محصولات"),
    ("firms", "تعداد بنگاه‌ها"),
    ("employees", "شاغلان"),
    ("exports_usd", "صادرات سالانه (دلار)"),
    ("production_rial", "تولید سالانه (ریال)"),
    ("score", "امتیاز"),
    ("managing_entity", "شخصیت حقوقی مدیریت خوشه"),
    ("license_no", "شماره پروانه"),
    ("license_status", "وضعیت پروانه"),
    ("license_valid_until", "اعتبار پروانه تا"),
]
LICENSE_STATUS_FA = {"valid": "معتبر", "suspended": "تعلیق‌شده", "revoked": "ابطال‌شده", "": ""}


@dataclass(frozen=True)
class ExportResult:
    path: str
    format: str  # csv | xlsx
    clusters: int


def _jalali(d: date | None) -> str:
    from cluster_desktop.domain.jalali import format_jalali

    return format_jalali(d, persian=False) if d else ""


def _cluster_record(r: DatabankRow) -> list[object]:
    return [
        r.registry_no,
        _jalali(r.registered_on),
        r.name,
        r.province_code,
        r.province_fa,
        r.county,
        r.sector,
        " ".join(hs for hs, _ in r.products),
        "؛ ".join(f"{hs} {name}" for hs, name in r.products),
        r.firms,
        r.employees,
        r.exports_usd,
        r.production_rial,
        None if r.score is None else round(r.score, 1),
        r.managing_entity,
        r.license_no,
        LICENSE_STATUS_FA.get(r.license_status, r.license_status),
        _jalali(r.license_valid_until),
    ]


def export_databank(
    session: Session, actor: Actor, path: str, query: DatabankQuery = DatabankQuery()
) -> ExportResult:
    """Write the databank for other agencies: ``.csv`` (one row per cluster, UTF-8 with BOM so Excel
    reads Persian) or ``.xlsx`` (sheets: clusters, products with HS, yearly exports, provinces,
    licenses; right to left). Numbers stay numbers; dates are Jalali with Latin digits."""
    from . import audit

    _central(actor, "خروجی بانک اطلاعات", "export the databank")
    fmt = path.lower().rsplit(".", 1)[-1]
    if fmt not in ("csv", "xlsx"):
        raise DomainError(
            "پسوند فایل خروجی باید ‎.csv یا ‎.xlsx باشد.",
            "The output file must end in .csv or .xlsx.",
            field="path",
        )
    rows = databank_rows(session, query)
    if fmt == "csv":
        _write_csv(path, rows)
    else:
        _write_xlsx(session, path, rows)
    audit.record(session, actor, "databank.export", "databank", None, format=fmt, clusters=len(rows))
    return ExportResult(path, fmt, len(rows))


def _write_csv(path: str, rows: list[DatabankRow]) -> None:
    import csv
    import os

    from .spreadsheet import csv_value

    tmp = f"{path}.part"
    with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow([fa for _, fa in CLUSTER_COLUMNS])
        for r in rows:
            w.writerow([csv_value(v) for v in _cluster_record(r)])  # typed text never a formula
    os.replace(tmp, path)  # no half-written file is ever visible


def _write_xlsx(session: Session, path: str, rows: list[DatabankRow]) -> None:
    import os

    from openpyxl import Workbook
    from openpyxl.styles import Font

    from cluster_desktop.store.models import YearlyFigure

    from . import spreadsheet

    wb = Workbook()
    sheets: list[tuple[str, list[str], list[list[object]]]] = [
        ("خوشه‌ها", [fa for _, fa in CLUSTER_COLUMNS], [_cluster_record(r) for r in rows]),
        (
            "محصولات",
            ["شماره ثبت", "نام خوشه", "استان", "کد تعرفه (HS)", "محصول"],
            [[r.registry_no, r.name, r.province_fa, hs, name] for r in rows for hs, name in r.products],
        ),
    ]
    by_cluster = {r.cluster_id: r for r in rows}
    yearly = session.scalars(
        select(YearlyFigure)
        .where(YearlyFigure.cluster_id.in_(list(by_cluster)))
        .order_by(YearlyFigure.cluster_id, YearlyFigure.year)
    )
    sheets.append(
        (
            "صادرات سالانه",
            ["شماره ثبت", "نام خوشه", "استان", "سال", "صادرات (دلار)", "تولید (ریال)", "شاغلان"],
            [
                [
                    by_cluster[y.cluster_id].registry_no,
                    by_cluster[y.cluster_id].name,
                    by_cluster[y.cluster_id].province_fa,
                    y.year,
                    y.exports_usd,
                    y.production_rial,
                    y.employees,
                ]
                for y in yearly
            ],
        )
    )
    per: dict[tuple[str, str], list[DatabankRow]] = defaultdict(list)
    for r in rows:
        per[(r.province_code, r.province_fa)].append(r)
    sheets.append(
        (
            "استان‌ها",
            ["کد استان", "استان", "خوشه‌های ثبت‌شده", "دارای پروانهٔ معتبر", "شاغلان", "صادرات سالانه (دلار)"],
            [
                [
                    code,
                    name,
                    len(rs),
                    sum(1 for r in rs if r.license_status == "valid"),
                    sum(r.employees for r in rs),
                    sum(r.exports_usd for r in rs),
                ]
                for (code, name), rs in sorted(per.items())
            ],
        )
    )
    sheets.append(
        (
            "پروانه‌ها",
            ["شماره پروانه", "نام خوشه", "استان", "وضعیت", "اعتبار تا", "شماره ثبت"],
            [
                [
                    r.license_no,
                    r.name,
                    r.province_fa,
                    LICENSE_STATUS_FA.get(r.license_status, r.license_status),
                    _jalali(r.license_valid_until),
                    r.registry_no,
                ]
                for r in rows
                if r.license_no
            ],
        )
    )
    wb.remove(wb.active)
    for title, header, data in sheets:
        ws = wb.create_sheet(title)
        ws.sheet_view.rightToLeft = True
        ws.append(header)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for record in data:
            ws.append(spreadsheet.row(ws, record))  # a name typed as =… stays text
        ws.freeze_panes = "A2"
        for i, _ in enumerate(header, start=1):
            ws.column_dimensions[ws.cell(1, i).column_letter].width = 18
    tmp = f"{path}.part"
    wb.save(tmp)
    os.replace(tmp, path)

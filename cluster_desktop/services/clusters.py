"""Clusters and their dossiers (F3-2): record, edit, find duplicates, list with search and paging."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, case, func, or_, select
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import ConflictError, FieldCollector, NotFound, PermissionDenied
from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.domain.text import normalize_for_search, search_index, similarity
from cluster_desktop.domain.workflow import DossierState
from cluster_desktop.store.models import (
    Cluster,
    Dossier,
    Firm,
    Product,
    Province,
    TargetMarket,
    YearlyFigure,
    utcnow,
)

from . import audit, forms
from .actor import EDITORS, Actor, require
from .child_rows import merge_by_key

SIMILAR_THRESHOLD = 0.82


@dataclass
class ProductInput:
    hs_code: str
    name_fa: str


@dataclass
class MarketInput:
    country_fa: str
    share_percent: int | str | None = None


@dataclass
class FirmInput:
    name: str
    national_id: str = ""
    employees: int | str = 0
    exporter: bool = False


@dataclass
class YearInput:
    year: int | str
    production_rial: int | str = 0
    exports_usd: int | str = 0
    employees: int | str = 0


@dataclass
class ClusterInput:
    """What the profile form holds; numbers may come as typed text in any digits."""

    name: str
    county: str
    province_code: str | None = None  # defaults to the office's province
    city: str = ""
    sector: str = ""
    description: str = ""
    firms_count: int | str = 0
    employees: int | str = 0
    annual_production_rial: int | str = 0
    annual_exports_usd: int | str = 0
    managing_entity: str = ""
    managing_entity_type: str = ""
    managing_entity_reg_no: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    address: str = ""
    national_priority: bool = False
    products: list[ProductInput] = field(default_factory=list)
    markets: list[MarketInput] = field(default_factory=list)
    firms: list[FirmInput] = field(default_factory=list)
    yearly: list[YearInput] = field(default_factory=list)


def _validate(session: Session, actor: Actor, data: ClusterInput) -> dict[str, Any]:
    c = FieldCollector()
    v: dict[str, Any] = {}
    v["name"] = forms.text(
        c, data.name, "name", "نام خوشه", "Cluster name", required=True, column=Cluster.name
    )
    v["county"] = forms.text(
        c, data.county, "county", "شهرستان", "County", required=True, column=Cluster.county
    )
    province = data.province_code or actor.province_code
    if actor.office_kind is OfficeKind.PROVINCE and province != actor.province_code:
        c.add(
            "province",
            "دفتر استانی فقط خوشه‌های استان خود را ثبت می‌کند.",
            "A provincial office records only its own province's clusters.",
        )
    if not province or session.get(Province, province) is None:
        c.add("province", "استان را انتخاب کنید.", "Choose the province.")
    v["province_code"] = province
    for key, fa, en in (
        ("city", "شهر", "City"),
        ("sector", "رشته فعالیت", "Sector"),
        ("managing_entity", "شخصیت حقوقی مدیریت خوشه", "Managing entity"),
        ("managing_entity_type", "نوع شخصیت حقوقی", "Entity type"),
        ("managing_entity_reg_no", "شماره ثبت", "Registration number"),
        ("contact_name", "نام رابط", "Contact name"),
        ("contact_phone", "تلفن رابط", "Contact phone"),
    ):
        v[key] = forms.text(c, getattr(data, key), key, fa, en, column=getattr(Cluster, key))
    v["description"] = forms.text(
        c, data.description, "description", "شرح", "Description", single_line=False, max_len=20_000
    )
    v["address"] = forms.text(c, data.address, "address", "نشانی", "Address", single_line=False, max_len=2000)
    v["contact_email"] = forms.email(c, data.contact_email, "contact_email", column=Cluster.contact_email)
    v["firms_count"] = forms.number(
        c, data.firms_count, "firms_count", "تعداد بنگاه‌ها", "Number of firms", maximum=1_000_000
    )
    v["employees"] = forms.number(
        c, data.employees, "employees", "تعداد شاغلان", "Employees", maximum=10_000_000
    )
    v["annual_production_rial"] = forms.number(
        c,
        data.annual_production_rial,
        "annual_production_rial",
        "تولید سالانه (ریال)",
        "Yearly production (rial)",
        column=Cluster.annual_production_rial,
    )
    v["annual_exports_usd"] = forms.number(
        c,
        data.annual_exports_usd,
        "annual_exports_usd",
        "صادرات سالانه (دلار)",
        "Yearly exports (USD)",
        column=Cluster.annual_exports_usd,
    )
    v["national_priority"] = bool(data.national_priority)
    v["products"] = [
        (
            forms.hs_code(c, p.hs_code, f"products.{i}.hs_code"),
            forms.text(
                c,
                p.name_fa,
                f"products.{i}.name_fa",
                "نام محصول",
                "Product name",
                required=True,
                column=Product.name_fa,
            ),
        )
        for i, p in enumerate(data.products)
    ]
    v["markets"] = [
        (
            forms.text(
                c,
                m.country_fa,
                f"markets.{i}.country_fa",
                "بازار هدف",
                "Target market",
                required=True,
                column=TargetMarket.country_fa,
            ),
            forms.number(
                c, m.share_percent, f"markets.{i}.share_percent", "سهم (درصد)", "Share (%)", maximum=100
            )
            if m.share_percent not in (None, "")
            else None,
        )
        for i, m in enumerate(data.markets)
    ]
    v["firms"] = [
        (
            forms.text(
                c, f.name, f"firms.{i}.name", "نام بنگاه", "Firm name", required=True, column=Firm.name
            ),
            forms.text(
                c,
                f.national_id,
                f"firms.{i}.national_id",
                "شناسه ملی",
                "National id",
                column=Firm.national_id,
            ),
            forms.number(
                c,
                f.employees,
                f"firms.{i}.employees",
                "شاغلان بنگاه",
                "Firm employees",
                column=Firm.employees,
            ),
            bool(f.exporter),
        )
        for i, f in enumerate(data.firms)
    ]
    years = []
    for i, y in enumerate(data.yearly):
        yr = forms.number(
            c, y.year, f"yearly.{i}.year", "سال", "Year", minimum=1350, maximum=1500, required=True
        )
        years.append(
            (
                yr,
                forms.number(
                    c,
                    y.production_rial,
                    f"yearly.{i}.production_rial",
                    "تولید (ریال)",
                    "Production (rial)",
                    column=YearlyFigure.production_rial,
                ),
                forms.number(
                    c,
                    y.exports_usd,
                    f"yearly.{i}.exports_usd",
                    "صادرات (دلار)",
                    "Exports (USD)",
                    column=YearlyFigure.exports_usd,
                ),
                forms.number(
                    c,
                    y.employees,
                    f"yearly.{i}.employees",
                    "شاغلان",
                    "Employees",
                    column=YearlyFigure.employees,
                ),
            )
        )
    if len({y[0] for y in years}) != len(years):
        c.add("yearly", "هر سال فقط یک بار وارد شود.", "Enter each year once.")
    v["yearly"] = years
    c.raise_if_any()
    return v


def _search_text(v: dict[str, Any]) -> str:
    parts = [v["name"], v["county"], v.get("city", ""), v.get("sector", ""), v.get("managing_entity", "")]
    parts += [f"{hs} {name}" for hs, name in v["products"]]
    return search_index(" ".join(parts))


def _check_duplicate(session: Session, v: dict[str, Any], exclude_id: str | None) -> None:
    q = select(Cluster).where(
        Cluster.province_code == v["province_code"],
        Cluster.county_norm == normalize_for_search(v["county"]),
        Cluster.name_norm == normalize_for_search(v["name"]),
    )
    if exclude_id:
        q = q.where(Cluster.id != exclude_id)
    if session.scalar(q) is not None:
        raise ConflictError(
            f"خوشه‌ای با نام «{v['name']}» در شهرستان «{v['county']}» قبلاً ثبت شده است.",
            f"A cluster named '{v['name']}' is already recorded in the county '{v['county']}'.",
            field="name",
        )


def find_similar(
    session: Session, name: str, province_code: str | None, *, exclude_id: str | None = None, limit: int = 5
) -> list[tuple[Cluster, float]]:
    """Clusters of the province whose names look like ``name`` (possible duplicates to warn about)."""
    norm = normalize_for_search(name)
    if not norm:
        return []
    q = select(Cluster).where(Cluster.province_code == province_code)
    if exclude_id:
        q = q.where(Cluster.id != exclude_id)
    # Narrow in SQL by any shared word, then score in Python.
    words = [w for w in norm.split() if len(w) > 2][:4]
    if words:
        q = q.where(or_(*(Cluster.name_norm.contains(w) for w in words)))
    scored = [(cl, similarity(name, cl.name)) for cl in session.scalars(q.limit(500))]
    return sorted([s for s in scored if s[1] >= SIMILAR_THRESHOLD], key=lambda s: -s[1])[:limit]


def _apply(session: Session, actor: Actor, cluster: Cluster, v: dict[str, Any]) -> None:
    for key in (
        "name",
        "county",
        "province_code",
        "city",
        "sector",
        "description",
        "firms_count",
        "employees",
        "annual_production_rial",
        "annual_exports_usd",
        "managing_entity",
        "managing_entity_type",
        "managing_entity_reg_no",
        "contact_name",
        "contact_phone",
        "contact_email",
        "address",
        "national_priority",
    ):
        setattr(cluster, key, v[key])
    cluster.name_norm = normalize_for_search(v["name"])
    cluster.county_norm = normalize_for_search(v["county"])
    cluster.search_text = _search_text(v)
    own = actor.office_id
    cluster.products = [Product(owner_office_id=own, hs_code=hs, name_fa=n) for hs, n in v["products"]]
    cluster.markets = [
        TargetMarket(owner_office_id=own, country_fa=m, share_percent=s) for m, s in v["markets"]
    ]
    cluster.firms = [
        Firm(owner_office_id=own, name=n, national_id=nid, employees=e, exporter=x)
        for n, nid, e, x in v["firms"]
    ]
    # Yearly figures are unique per (cluster, year): a year kept is updated in place (child_rows.py).
    kept = merge_by_key(
        cluster.yearly,
        "year",
        ({"year": y, "production_rial": p, "exports_usd": x, "employees": e} for y, p, x, e in v["yearly"]),
        lambda **kw: YearlyFigure(owner_office_id=own, **kw),
    )
    cluster.yearly = kept


def create_cluster(
    session: Session, actor: Actor, data: ClusterInput, *, origin: str = "province"
) -> Dossier:
    """Record a cluster and open its dossier in ``draft``; refuses a same-name cluster in the county."""
    require(actor, EDITORS, what_fa="ثبت خوشه", what_en="record clusters")
    v = _validate(session, actor, data)
    _check_duplicate(session, v, None)
    cluster = Cluster(owner_office_id=actor.office_id)
    _apply(session, actor, cluster, v)
    session.add(cluster)
    session.flush()
    dossier = Dossier(
        owner_office_id=actor.office_id,
        cluster_id=cluster.id,
        province_code=v["province_code"],
        state=DossierState.DRAFT.value,
        origin=origin,
        state_changed_at=utcnow(),
    )
    session.add(dossier)
    session.flush()
    audit.record(
        session, actor, "cluster.create", "cluster", cluster.id, name=cluster.name, dossier=dossier.id
    )
    return dossier


class ChangedMeanwhile(ConflictError):
    """Optimistic locking: the record changed since the form read it (another PC, another window)."""


def _changed_meanwhile(session: Session, cluster: Cluster) -> ChangedMeanwhile:
    from cluster_desktop.domain.jalali import format_jalali_datetime
    from cluster_desktop.store.models import AuditEntry, User

    last = session.scalar(
        select(AuditEntry)
        .where(AuditEntry.entity == "cluster", AuditEntry.entity_id == cluster.id)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )
    who = last.username if last else "?"
    user = session.scalar(select(User).where(User.username == who))
    name = f"{user.full_name} ({who})" if user and user.full_name else who
    when_fa = format_jalali_datetime(cluster.updated_at)
    when_en = cluster.updated_at.strftime("%Y-%m-%d %H:%M UTC")
    return ChangedMeanwhile(
        f"این مشخصات در این فاصله به دست {name} در {when_fa} تغییر کرده است؛ تغییرات شما ذخیره نشد. "
        "فرم را دوباره بارگذاری کنید و تغییرات را دوباره وارد کنید.",
        f"This profile was changed meanwhile by {name} at {when_en}; your changes were not saved. "
        "Reload the form and enter them again.",
        field="name",
    )


def update_cluster(
    session: Session,
    actor: Actor,
    cluster_id: str,
    data: ClusterInput,
    *,
    expected_version: int | None = None,
) -> Cluster:
    """Save the profile. ``expected_version`` is the version the form showed: if the record has moved
    on since (another secretary on another PC), nothing is written and the refusal names who and when."""
    require(actor, EDITORS, what_fa="ویرایش خوشه", what_en="edit clusters")
    # The row is locked until this transaction ends (PostgreSQL), so two saves cannot both pass the check.
    cluster = session.get(Cluster, cluster_id, with_for_update=True)
    if cluster is None:
        raise NotFound("خوشه پیدا نشد.", "Cluster not found.")
    if expected_version is not None and cluster.version != expected_version:
        raise _changed_meanwhile(session, cluster)
    if cluster.owner_office_id != actor.office_id:
        raise PermissionDenied(
            "این خوشه متعلق به دفتر دیگری است و این‌جا ویرایش نمی‌شود.",
            "This cluster belongs to another office and cannot be edited here.",
        )
    v = _validate(session, actor, data)
    _check_duplicate(session, v, cluster.id)
    _apply(session, actor, cluster, v)
    cluster.version += 1
    cluster.updated_at = utcnow()
    session.flush()
    audit.record(session, actor, "cluster.update", "cluster", cluster.id, name=cluster.name)
    return cluster


def get_cluster(session: Session, cluster_id: str) -> Cluster:
    cluster = session.get(Cluster, cluster_id)
    if cluster is None:
        raise NotFound("خوشه پیدا نشد.", "Cluster not found.")
    return cluster


def get_dossier(session: Session, dossier_id: str) -> Dossier:
    dossier = session.get(Dossier, dossier_id)
    if dossier is None:
        raise NotFound("پرونده پیدا نشد.", "Dossier not found.")
    return dossier


def cluster_input_of(cluster: Cluster) -> ClusterInput:
    """The form values of a stored cluster (to fill the profile form for editing)."""
    return ClusterInput(
        name=cluster.name,
        county=cluster.county,
        province_code=cluster.province_code,
        city=cluster.city,
        sector=cluster.sector,
        description=cluster.description,
        firms_count=cluster.firms_count,
        employees=cluster.employees,
        annual_production_rial=cluster.annual_production_rial,
        annual_exports_usd=cluster.annual_exports_usd,
        managing_entity=cluster.managing_entity,
        managing_entity_type=cluster.managing_entity_type,
        managing_entity_reg_no=cluster.managing_entity_reg_no,
        contact_name=cluster.contact_name,
        contact_phone=cluster.contact_phone,
        contact_email=cluster.contact_email,
        address=cluster.address,
        national_priority=cluster.national_priority,
        products=[ProductInput(p.hs_code, p.name_fa) for p in cluster.products],
        markets=[MarketInput(m.country_fa, m.share_percent) for m in cluster.markets],
        firms=[FirmInput(f.name, f.national_id, f.employees, f.exporter) for f in cluster.firms],
        yearly=[YearInput(y.year, y.production_rial, y.exports_usd, y.employees) for y in cluster.yearly],
    )


# ---------------------------------------------------------------- the list (model/view over SQL)


@dataclass(frozen=True)
class DossierRow:
    id: str
    cluster_id: str
    name: str
    province_code: str
    province_fa: str
    county: str
    state: str
    score: float | None
    employees: int
    exports_usd: int
    updated_at: datetime
    nominated_on: date | None


@dataclass(frozen=True)
class DossierQuery:
    search: str = ""
    states: tuple[str, ...] = ()
    province_code: str | None = None
    hs_prefix: str = ""
    min_score: float | None = None
    order_by: str = "updated"  # name|province|county|state|score|employees|exports|nominated|updated
    descending: bool = True


_ORDER = {
    "name": Cluster.name_norm,
    "province": Province.name_fa,
    "county": Cluster.county_norm,
    "employees": Cluster.employees,
    "exports": Cluster.annual_exports_usd,
    "updated": Dossier.updated_at,
    "nominated": Dossier.nominated_on,
    # States sort in the order a dossier passes through them, not by their code names.
    "state": case({st.value: i for i, st in enumerate(DossierState)}, value=Dossier.state, else_=99),
}


def _score_col(kind: OfficeKind | None):  # type: ignore[no-untyped-def]
    if kind is OfficeKind.CENTRAL:
        return func.coalesce(Dossier.central_score, Dossier.provincial_score)
    return Dossier.provincial_score


def _filtered(q: Select[Any], query: DossierQuery, kind: OfficeKind | None) -> Select[Any]:
    if query.search.strip():
        for word in normalize_for_search(query.search).split()[:6]:
            q = q.where(Cluster.search_text.contains(word, autoescape=True))
    if query.states:
        q = q.where(Dossier.state.in_(query.states))
    if query.province_code:
        q = q.where(Dossier.province_code == query.province_code)
    if query.hs_prefix.strip():
        from cluster_desktop.domain.numbers import latin_code

        prefix = latin_code(query.hs_prefix)
        q = q.where(
            Cluster.id.in_(
                select(Product.cluster_id).where(Product.hs_code.startswith(prefix, autoescape=True))
            )
        )
    if query.min_score is not None:
        q = q.where(_score_col(kind) >= query.min_score)
    return q


def count_dossiers(session: Session, query: DossierQuery, kind: OfficeKind | None = None) -> int:
    q = select(func.count()).select_from(Dossier).join(Cluster, Cluster.id == Dossier.cluster_id)
    return int(session.scalar(_filtered(q, query, kind)) or 0)


def _row_select(kind: OfficeKind | None) -> Select[Any]:
    """The columns of a list row (``DossierRow``), joined to their cluster and province."""
    return (
        select(
            Dossier.id,
            Dossier.cluster_id,
            Cluster.name,
            Dossier.province_code,
            Province.name_fa,
            Cluster.county,
            Dossier.state,
            _score_col(kind).label("score"),
            Cluster.employees,
            Cluster.annual_exports_usd,
            Dossier.updated_at,
            Dossier.nominated_on,
        )
        .join(Cluster, Cluster.id == Dossier.cluster_id)
        .join(Province, Province.code == Dossier.province_code)
    )


def list_dossiers(
    session: Session,
    query: DossierQuery,
    *,
    offset: int = 0,
    limit: int = 200,
    kind: OfficeKind | None = None,
) -> list[DossierRow]:
    """One page of dossiers, filtered and sorted in SQL (100,000 rows stay smooth)."""
    q = _filtered(_row_select(kind), query, kind)
    q = q.order_by(*_order(query, kind)).offset(offset).limit(limit)
    return [DossierRow(*row) for row in session.execute(q)]


def _order(query: DossierQuery, kind: OfficeKind | None) -> tuple[Any, ...]:
    col = _score_col(kind) if query.order_by == "score" else _ORDER.get(query.order_by, Dossier.updated_at)
    order = col.desc() if query.descending else col.asc()
    if query.order_by in ("score", "nominated"):
        order = order.nulls_last()
    return (order, Dossier.id)


def list_dossier_ids(session: Session, query: DossierQuery, kind: OfficeKind | None = None) -> list[str]:
    """Every matching dossier's id, in the query's order: one narrow sort for a whole list.

    A list view keeps these ids and fetches the rows of the part on screen with ``dossier_rows``,
    so scrolling anywhere costs a primary-key lookup instead of an OFFSET that re-sorts everything.
    """
    q = select(Dossier.id).join(Cluster, Cluster.id == Dossier.cluster_id)
    if query.order_by == "province":
        q = q.join(Province, Province.code == Dossier.province_code)
    q = _filtered(q, query, kind).order_by(*_order(query, kind))
    return list(session.scalars(q))


def dossier_rows(session: Session, ids: list[str], kind: OfficeKind | None = None) -> list[DossierRow]:
    """The list rows of these dossiers, in the order given (missing ones are left out)."""
    if not ids:
        return []
    q = _row_select(kind).where(Dossier.id.in_(ids))
    found = {row.id: DossierRow(*row) for row in session.execute(q)}
    return [found[i] for i in ids if i in found]


def counts_by_state(session: Session) -> dict[str, int]:
    rows = session.execute(select(Dossier.state, func.count()).group_by(Dossier.state))
    return {state: n for state, n in rows}

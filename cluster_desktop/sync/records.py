"""Which tables travel in bundles, who may write them, and how one record is written and checked.

Ownership (DESIGN.md, Data): every travelling record has exactly one owner office. A province owns
its clusters (with products, markets, firms and yearly figures), dossiers, feasibility plans (with
targets), attachments, evaluations (with scores; each sheet names its evaluation round, 1 to
``MAX_ROUNDS``, which the dossier's history must have opened), its working group, members and meetings
(with attendees and resolutions) and the transitions it took. The centre owns the transitions it took
(its decisions), databank entries, licenses, criteria sets and criteria, its plan requests (F3: the
initial list's clusters whose plan a province is asked to complete) and its own working group,
members and meetings. A bundle may only carry records its sender owns, of tables its kind of office
owns; each record is read against an explicit field list of its table (types, lengths, enums).

Each office also owns its secretariat's details (``office_details``: head, secretary, address,
letterhead image as base64) and sends them when they change; the centre owns the register of TPO
liaisons (F2-1), of which each province receives its own row only.

A plan request reaches only the province it names; that province's import opens its own cluster and
dossier from it (see importer), and the dossier names the request in ``plan_request_id`` when it comes
back, which only the province named may do.

Two columns of a dossier are derived locally rather than copied: ``state`` (set from the newest
transition of either side, see importer) and ``central_score`` (the centre's consolidation, never
sent). A dossier's other fields always come from its owner, the province.

Phases 2 and 3 (``services.programme_access`` says the same for the screens): a development
programme belongs to the office that recorded it — a province for proposals its secretariat received,
the centre for those handed in at TPO — and its ``state``, like a dossier's, is derived from the
steps of both sides, each side taking only the steps its kind of office owns. The centre owns support
packages with their items and allocations (F10–F12). Activities, indicators and indicator values
(F13, F14) belong to the office that recorded them; a province writes them only for programmes in its
province, and a value only for an indicator of its own. A province sends its decided programmes with
their steps, its reports and the clusters they are for; the centre sends a province the programmes in
that province: its own, its steps on the province's, packages, allocations and its own reports.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Date, Float, Integer, LargeBinary, String, Table, Text

from cluster_desktop.domain.errors import ValidationError
from cluster_desktop.domain.images import check_letterhead
from cluster_desktop.domain.roles import MemberRole, OfficeKind
from cluster_desktop.domain.workflow import DOSSIER_WORKFLOW, PROGRAMME_WORKFLOW, DossierState, ProgrammeState
from cluster_desktop.store import models as m
from cluster_desktop.store.models.base import UTCDateTime

from .limits import BundleError
from .strictjson import is_canonical_uuid

PROVINCE = OfficeKind.PROVINCE.value
CENTRAL = OfficeKind.CENTRAL.value
MAX_TEXT = 200_000  # characters in one Text field (a plan section, minutes)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z")
_INT64 = 2**63
# Evaluation rounds of one dossier at one level: each is a return and a revised plan, so a handful in
# practice; a number beyond this is no office's data. (The importer also checks that the round opened.)
MAX_ROUNDS = 100


@dataclass(frozen=True)
class Link:
    """A foreign key of a travelling record: its target must exist locally or arrive in the bundle.

    ``owned``: the target must also belong to the sender (a province cannot hang its evaluation on
    another province's dossier); ``province_owns``: so when the sender is a province (the centre
    decides on the provinces' dossiers and programmes, a province takes steps only on its own). Links
    to reference tables (provinces, organizations) need only exist.
    """

    column: str
    table: str
    owned: bool = True
    province_owns: bool = False

    def owned_by(self, sender_kind: str) -> bool:
        return self.owned or (self.province_owns and sender_kind == PROVINCE)


@dataclass(frozen=True)
class TableSpec:
    name: str
    table: Table
    senders: frozenset[str]  # office kinds that own records of this table
    links: tuple[Link, ...] = ()
    parent: str | None = None  # column naming the parent whose child set this record belongs to
    exclude: frozenset[str] = frozenset()  # local-only columns, never sent
    keep_on_update: frozenset[str] = frozenset()  # sent for new records, derived locally afterwards
    enums: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @property
    def fields(self) -> tuple[str, ...]:
        """The whitelist: every column of the table except the local-only ones, in table order."""
        return tuple(c.name for c in self.table.columns if c.name not in self.exclude)


def _t(model: type) -> Table:
    return model.__table__  # type: ignore[attr-defined,no-any-return]


_BOTH = frozenset({PROVINCE, CENTRAL})
_PROV = frozenset({PROVINCE})
_CENT = frozenset({CENTRAL})
_LEVELS = frozenset({PROVINCE, CENTRAL})
PROPOSERS = frozenset({"natural", "legal", "cda", "nda"})  # services.programmes.PROPOSER_KINDS
PACKAGE_STATUSES = frozenset({"proposed", "approved", "notified"})
_PERIOD = re.compile(r"1[34]\d\d(-Q[1-4])?")  # a Jalali year or quarter, as services.programmes writes it

# In dependency order: a record's link targets come before it (inserts run in this order).
SPECS: tuple[TableSpec, ...] = (
    TableSpec("office_details", _t(m.OfficeDetails), _BOTH),
    TableSpec(
        "working_groups",
        _t(m.WorkingGroup),
        _BOTH,
        (Link("province_code", "provinces", owned=False),),
        enums={"level": _LEVELS},
    ),
    TableSpec(
        "wg_members",
        _t(m.Member),
        _BOTH,
        (Link("group_id", "working_groups"), Link("organization_code", "organizations", owned=False)),
        enums={"member_role": frozenset(MemberRole)},
    ),
    TableSpec("meetings", _t(m.Meeting), _BOTH, (Link("group_id", "working_groups"),)),
    TableSpec(
        "meeting_attendees",
        _t(m.Attendance),
        _BOTH,
        (Link("meeting_id", "meetings"), Link("member_id", "wg_members")),
        parent="meeting_id",
    ),
    TableSpec(
        "meeting_resolutions",
        _t(m.Resolution),
        _BOTH,
        (Link("meeting_id", "meetings"),),
        parent="meeting_id",
    ),
    TableSpec("criteria_sets", _t(m.CriteriaSet), _CENT),
    TableSpec("criteria", _t(m.Criterion), _CENT, (Link("set_id", "criteria_sets"),)),
    TableSpec("instructions", _t(m.Instruction), _CENT),
    # A province's training and awareness events (F4), its whole list in every submission.
    TableSpec(
        "training_events",
        _t(m.TrainingEvent),
        _PROV,
        (
            Link("province_code", "provinces", owned=False),
            Link("organization_code", "organizations", owned=False),
        ),
        enums={"kind": frozenset({"training", "awareness"})},
    ),
    TableSpec("plan_requests", _t(m.PlanRequest), _CENT, (Link("province_code", "provinces", owned=False),)),
    TableSpec(
        "province_liaisons", _t(m.ProvinceLiaison), _CENT, (Link("province_code", "provinces", owned=False),)
    ),
    TableSpec("clusters", _t(m.Cluster), _PROV, (Link("province_code", "provinces", owned=False),)),
    TableSpec(
        "cluster_products", _t(m.Product), _PROV, (Link("cluster_id", "clusters"),), parent="cluster_id"
    ),
    TableSpec(
        "cluster_markets", _t(m.TargetMarket), _PROV, (Link("cluster_id", "clusters"),), parent="cluster_id"
    ),
    TableSpec("cluster_firms", _t(m.Firm), _PROV, (Link("cluster_id", "clusters"),), parent="cluster_id"),
    TableSpec(
        "cluster_yearly", _t(m.YearlyFigure), _PROV, (Link("cluster_id", "clusters"),), parent="cluster_id"
    ),
    TableSpec(
        "dossiers",
        _t(m.Dossier),
        _PROV,
        (
            Link("cluster_id", "clusters"),
            Link("province_code", "provinces", owned=False),
            Link("plan_request_id", "plan_requests", owned=False),  # the centre's request it answers
        ),
        exclude=frozenset({"central_score"}),
        keep_on_update=frozenset({"state", "state_changed_at"}),
        enums={"state": frozenset(DossierState), "origin": frozenset({"province", "central"})},
    ),
    TableSpec("feasibility_plans", _t(m.FeasibilityPlan), _PROV, (Link("dossier_id", "dossiers"),)),
    TableSpec(
        "plan_targets", _t(m.PlanTarget), _PROV, (Link("plan_id", "feasibility_plans"),), parent="plan_id"
    ),
    TableSpec("attachments", _t(m.Attachment), _PROV, (Link("dossier_id", "dossiers"),), parent="dossier_id"),
    TableSpec(
        "evaluations",
        _t(m.Evaluation),
        _PROV,
        (
            Link("dossier_id", "dossiers"),
            Link("member_id", "wg_members"),
            Link("criteria_set_id", "criteria_sets", owned=False),
        ),
        enums={"level": frozenset({PROVINCE})},
    ),
    TableSpec(
        "evaluation_scores",
        _t(m.Score),
        _PROV,
        (Link("evaluation_id", "evaluations"),),
        parent="evaluation_id",
    ),
    TableSpec(
        "programmes",
        _t(m.Programme),
        _BOTH,
        (
            # A province's programme is for its own cluster; the centre's for a province's cluster.
            Link("cluster_id", "clusters", owned=False, province_owns=True),
            Link("province_code", "provinces", owned=False),
        ),
        keep_on_update=frozenset({"state"}),
        enums={"state": frozenset(ProgrammeState), "proposer_kind": PROPOSERS},
    ),
    TableSpec(
        "transitions",
        _t(m.Transition),
        _BOTH,
        # The centre's decisions concern the provinces' dossiers and programmes; a province's only its own.
        (
            Link("dossier_id", "dossiers", owned=False, province_owns=True),
            Link("programme_id", "programmes", owned=False, province_owns=True),
            Link("meeting_id", "meetings"),
        ),
    ),
    TableSpec("databank_entries", _t(m.DatabankEntry), _CENT, (Link("dossier_id", "dossiers", owned=False),)),
    TableSpec(
        "licenses",
        _t(m.License),
        _CENT,
        (Link("dossier_id", "dossiers", owned=False), Link("cluster_id", "clusters", owned=False)),
        enums={"status": frozenset({"valid", "suspended", "revoked"})},
    ),
    TableSpec(
        "support_packages",
        _t(m.SupportPackage),
        _CENT,
        (
            Link("programme_id", "programmes", owned=False),
            Link("cluster_id", "clusters", owned=False),
            Link("meeting_id", "meetings"),
        ),
        enums={"status": PACKAGE_STATUSES},
    ),
    TableSpec(
        "support_items",
        _t(m.SupportItem),
        _CENT,
        (Link("package_id", "support_packages"), Link("organization_code", "organizations", owned=False)),
        parent="package_id",
    ),
    TableSpec(
        "allocations",
        _t(m.Allocation),
        _CENT,
        (Link("item_id", "support_items"), Link("organization_code", "organizations", owned=False)),
    ),
    # Reports (F13, F14): the recording office's, on a programme in the province (importer).
    TableSpec("activities", _t(m.Activity), _BOTH, (Link("programme_id", "programmes", owned=False),)),
    TableSpec("indicators", _t(m.Indicator), _BOTH, (Link("programme_id", "programmes", owned=False),)),
    TableSpec("indicator_values", _t(m.IndicatorValue), _BOTH, (Link("indicator_id", "indicators"),)),
)
# Tables of phases 2 and 3 that hang on a programme, and the column naming it.
PROGRAMME_PARTS: dict[str, str] = {
    "support_packages": "programme_id",
    "activities": "programme_id",
    "indicators": "programme_id",
}
BY_NAME: dict[str, TableSpec] = {s.name: s for s in SPECS}
ORDER: dict[str, int] = {s.name: i for i, s in enumerate(SPECS)}
# Reference tables a link may name; their rows ship with the program and exist everywhere.
REFERENCE_KEYS: dict[str, Any] = {
    "provinces": _t(m.Province).c.code,
    "organizations": _t(m.Organization).c.code,
}


# --- refusals ----------------------------------------------------------------------------------


def record_error(table: str, detail: str, *, fa: str | None = None, en: str | None = None) -> BundleError:
    return BundleError(
        "bad_record",
        f"{table}: {detail}",
        fa=fa or "یکی از رکوردهای بسته نامعتبر است.",
        en=en or "A record in the bundle is invalid.",
    )


def not_allowed(table: str, detail: str) -> BundleError:
    return BundleError(
        "not_allowed",
        f"{table}: {detail}",
        fa="بسته رکوردی دارد که فرستنده اجازهٔ نوشتن آن را ندارد.",
        en="The bundle holds a record its sender may not write.",
    )


def foreign_owner(table: str, detail: str) -> BundleError:
    return BundleError(
        "foreign_owner",
        f"{table}: {detail}",
        fa="بسته رکوردی دارد که متعلق به دفتر دیگری است.",
        en="The bundle holds a record owned by another office.",
    )


# --- writing -----------------------------------------------------------------------------------


def stamp(moment: datetime) -> str:
    """A UTC instant with microseconds (``…T08:30:00.123456Z``), so transition order survives."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime given where UTC is required")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def to_json(spec: TableSpec, row: Mapping[str, Any]) -> dict[str, Any]:
    """One database row (a Core mapping, types already processed) as the record that travels."""
    out: dict[str, Any] = {}
    for name in spec.fields:
        value = row[name]
        if isinstance(value, datetime):
            value = stamp(value)
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, bytes):
            value = base64.b64encode(value).decode("ascii")
        out[name] = value
    return out


# --- reading -----------------------------------------------------------------------------------


def _checker(spec: TableSpec, column: Any) -> Callable[[Any], Any]:
    """A function turning the JSON form of ``column`` into its Python value, or raising (built once
    per column: an import checks hundreds of thousands of values)."""
    name, table = column.name, spec.name
    nullable = column.nullable and not column.primary_key
    kind = column.type

    def fail(problem: str) -> BundleError:
        return record_error(table, f"{name}: {problem}")

    def check(value: Any) -> Any:
        if value is None:
            if not nullable:
                raise fail("must not be null")
            return None
        return inner(value)

    if isinstance(kind, UTCDateTime):

        def inner(value: Any) -> Any:
            if not isinstance(value, str) or not _STAMP.fullmatch(value):
                raise fail("expected UTC time YYYY-MM-DDTHH:MM:SS.ffffffZ")
            try:
                return datetime.fromisoformat(value)
            except ValueError:
                raise fail("not a real time") from None

    elif isinstance(kind, Date):

        def inner(value: Any) -> Any:
            if not isinstance(value, str) or not _DATE.fullmatch(value):
                raise fail("expected a date YYYY-MM-DD")
            try:
                return date.fromisoformat(value)
            except ValueError:
                raise fail("not a real date") from None

    elif isinstance(kind, Boolean):

        def inner(value: Any) -> Any:
            if not isinstance(value, bool):
                raise fail("expected true or false")
            return value

    elif isinstance(kind, Integer | BigInteger):
        # The column's own range: a province's value that PostgreSQL would refuse is refused here.
        bound = _INT64 if isinstance(kind, BigInteger) else 2**31

        def inner(value: Any) -> Any:
            if type(value) is not int or not -bound <= value < bound:
                raise fail("expected an integer")
            return value

    elif isinstance(kind, Float):

        def inner(value: Any) -> Any:
            if type(value) not in (int, float) or not math.isfinite(value):
                raise fail("expected a number")
            return float(value)

    elif isinstance(kind, JSON):

        def inner(value: Any) -> Any:
            if not isinstance(value, list | dict):
                raise fail("expected a list or an object")
            return value

    elif isinstance(kind, LargeBinary) and kind.length:
        # Bytes travel as base64 (the letterhead image); the column's length bounds the decoded size.
        limit = kind.length
        chars = 4 * -(-limit // 3)

        def inner(value: Any) -> Any:
            if type(value) is not str or len(value) > chars:
                raise fail(f"expected base64 of at most {limit} bytes")
            try:
                return base64.b64decode(value.encode("ascii"), validate=True)
            except (binascii.Error, UnicodeEncodeError, ValueError):
                raise fail("expected base64") from None

    elif isinstance(kind, String | Text) and not isinstance(kind, LargeBinary):
        limit = kind.length or MAX_TEXT

        def inner(value: Any) -> Any:
            if type(value) is not str or len(value) > limit:
                raise fail(f"expected text of at most {limit} characters")
            if "\x00" in value:
                raise fail("NUL character")
            return value

    else:  # pragma: no cover - every travelling column has one of the types above

        def inner(value: Any) -> Any:
            raise fail("this field does not travel")

    return check


_CHECKERS: dict[str, tuple[tuple[str, Callable[[Any], Any]], ...]] = {}


def _checkers(spec: TableSpec) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    if spec.name not in _CHECKERS:
        _CHECKERS[spec.name] = tuple(
            (c.name, _checker(spec, c)) for c in spec.table.columns if c.name not in spec.exclude
        )
    return _CHECKERS[spec.name]


def parse_record(spec: TableSpec, obj: Any, sender_id: str, sender_kind: str) -> dict[str, Any]:
    """Check one record from a bundle and return its column values.

    Refuses a table the sender's kind of office does not own, unknown or missing fields, wrong
    types, lengths and enum values, and any owner but the sender.
    """
    if sender_kind not in spec.senders:
        raise not_allowed(spec.name, f"a {sender_kind} office does not write this table")
    if not isinstance(obj, dict):
        raise record_error(spec.name, "expected an object")
    checkers = _checkers(spec)
    if len(obj) != len(checkers) or any(name not in obj for name, _ in checkers):
        fields = {name for name, _ in checkers}
        if extra := sorted(set(obj) - fields):
            raise not_allowed(spec.name, f"field {extra[0][:60]!r} may not be written")
        missing = sorted(fields - set(obj))
        raise record_error(spec.name, f"field {missing[0]!r} is missing")
    values = {name: check(obj[name]) for name, check in checkers}
    if not is_canonical_uuid(values["id"]):
        raise record_error(spec.name, "id: expected a lowercase UUID")
    if values["version"] < 1:
        raise record_error(spec.name, "version: must be at least 1")
    if values["owner_office_id"] != sender_id:
        raise foreign_owner(spec.name, f"{values['id']} belongs to {str(values['owner_office_id'])[:8]}")
    for name, allowed in spec.enums.items():
        if values.get(name) is not None and values[name] not in allowed:
            raise record_error(spec.name, f"{name}: {str(values[name])[:32]!r} is not allowed")
    _table_rules(spec.name, values, sender_id, sender_kind)
    return values


def _table_rules(table: str, v: dict[str, Any], sender_id: str, sender_kind: str) -> None:
    """What a field list cannot say: a province writes only its own province's data, and only the
    workflow steps its kind of office takes."""
    own_province = sender_id if sender_kind == PROVINCE else None
    if table in ("clusters", "dossiers") and v["province_code"] != own_province:
        raise foreign_owner(table, f"{v['id']} is in province {v['province_code']}")
    if table == "programmes" and sender_kind == PROVINCE and v["province_code"] != own_province:
        raise foreign_owner(table, f"{v['id']} is in province {v['province_code']}")
    _programme_values(table, v)
    if table == "working_groups" and (v["level"] != sender_kind or v["province_code"] != own_province):
        raise foreign_owner(table, f"{v['id']} is another office's working group")
    if table == "plan_requests":
        _request_lists(v)
    if table == "office_details":
        _letterhead(v)
    if table == "evaluation_scores" and not 0 <= v["score"] <= 5:
        raise record_error(table, "score: expected 0 to 5")
    if table == "evaluations" and not 1 <= v["round_number"] <= MAX_ROUNDS:
        raise record_error(table, f"round_number: expected 1 to {MAX_ROUNDS}")
    if table == "transitions":
        if (v["programme_id"] is None) == (v["dossier_id"] is None):
            raise record_error(table, "a step is of one dossier or one programme")
        workflow = DOSSIER_WORKFLOW if v["dossier_id"] is not None else PROGRAMME_WORKFLOW
        try:
            rule = workflow.find(v["from_state"], v["action"])
        except Exception:
            raise record_error(
                table, f"{v['action'][:32]!r} from {v['from_state'][:32]!r} is not a step"
            ) from None
        if rule.target != v["to_state"] or rule.f_code != v["f_code"]:
            raise record_error(table, f"{v['action']}: wrong target state or process code")
        if rule.office.value != sender_kind:
            raise not_allowed(table, f"{v['action']} is not a {sender_kind} office's step")


def _programme_values(table: str, v: dict[str, Any]) -> None:
    """Amounts are never negative, progress is a percentage, a period a Jalali year or quarter."""
    for column in ("budget_rial", "amount_rial", "provincial_ceiling_rial"):
        if column in v and v[column] is not None and v[column] < 0:
            raise record_error(table, f"{column}: must not be negative")
    if table == "activities" and not 0 <= v["progress_percent"] <= 100:
        raise record_error(table, "progress_percent: expected 0 to 100")
    if table == "indicator_values" and not _PERIOD.fullmatch(v["period"]):
        raise record_error(table, f"period: {v['period'][:16]!r} is not a Jalali year or quarter")


def _letterhead(v: dict[str, Any]) -> None:
    """A secretariat's letterhead is a whole PNG or JPEG within the limits, of the type it claims:
    the same check as when it was chosen (domain/images.py), since the receiver prints it."""
    data, claimed = v["letterhead"], v["letterhead_type"]
    if data is None:
        if claimed:
            raise record_error("office_details", "letterhead_type without a letterhead")
        return
    try:
        image = check_letterhead(data)
    except ValidationError as e:
        raise record_error(
            "office_details",
            "letterhead",
            fa=f"تصویر سربرگ دفتر فرستنده پذیرفته نیست: {e.fa}",
            en=f"The sending office's letterhead image is refused: {e.en}",
        ) from None
    if image.media_type != claimed:
        raise record_error("office_details", f"letterhead_type: {claimed[:16]!r} is not {image.media_type}")


MAX_REQUEST_ITEMS = 200  # products or markets on one plan request
# The JSON lists of a plan request: each item's keys, with a checker of its value.
_REQUEST_ITEMS: dict[str, dict[str, Callable[[Any], bool]]] = {
    "products": {
        "hs_code": lambda x: type(x) is str and 0 < len(x) <= 12,
        "name_fa": lambda x: type(x) is str and len(x) <= 255,
    },
    "markets": {
        "country_fa": lambda x: type(x) is str and 0 < len(x) <= 255,
        "share_percent": lambda x: x is None or (type(x) is int and 0 <= x <= 100),
    },
}


def _request_lists(v: dict[str, Any]) -> None:
    """A plan request's products and markets: lists of objects with exactly the known keys."""
    for name, keys in _REQUEST_ITEMS.items():
        items = v[name]
        if not isinstance(items, list) or len(items) > MAX_REQUEST_ITEMS:
            raise record_error("plan_requests", f"{name}: expected a list of at most {MAX_REQUEST_ITEMS}")
        for item in items:
            if not isinstance(item, dict) or set(item) != set(keys):
                raise record_error("plan_requests", f"{name}: expected objects with {sorted(keys)}")
            if not all(
                ok(item[k]) and (type(item[k]) is not str or "\x00" not in item[k]) for k, ok in keys.items()
            ):
                raise record_error("plan_requests", f"{name}: a value is not allowed")

"""One source of truth for field limits (issue 14): the forms take exactly what the database column
(and so the bundle checker, which reads the same columns) takes, on SQLite and on PostgreSQL, which
enforces lengths where SQLite does not."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import String, Text

from cluster_desktop.domain.errors import FormError, ValidationError
from cluster_desktop.services import clusters, forms, groups
from cluster_desktop.store import models
from cluster_desktop.sync import records
from cluster_desktop.sync.limits import BundleError

# Text columns of the dossier's profile tables that people type, the model column each lands in, and
# how to put a value of a given length into the form's input.
Edit = tuple[str, object, object]


def _cluster(**over: object) -> clusters.ClusterInput:
    base = clusters.ClusterInput(name="خوشهٔ آزمون", county="رفسنجان")
    return dataclasses.replace(base, **over)  # type: ignore[arg-type]


def _firm(**over: object) -> clusters.ClusterInput:
    return _cluster(firms=[clusters.FirmInput(**{"name": "بنگاه", **over})])  # type: ignore[arg-type]


def _product(**over: object) -> clusters.ClusterInput:
    return _cluster(products=[clusters.ProductInput(**{"hs_code": "0802.51", "name_fa": "پسته", **over})])  # type: ignore[arg-type]


def _market(**over: object) -> clusters.ClusterInput:
    return _cluster(markets=[clusters.MarketInput(**{"country_fa": "ترکیه", **over})])  # type: ignore[arg-type]


CLUSTER_FIELDS = [
    ("name", models.Cluster.name, lambda v: _cluster(name=v)),
    ("county", models.Cluster.county, lambda v: _cluster(county=v)),
    *[
        (key, getattr(models.Cluster, key), (lambda k: lambda v: _cluster(**{k: v}))(key))
        for key in (
            "city",
            "sector",
            "managing_entity",
            "managing_entity_type",
            "managing_entity_reg_no",
            "contact_name",
        )
    ],
    ("firms.0.name", models.Firm.name, lambda v: _firm(name=v)),
    ("firms.0.national_id", models.Firm.national_id, lambda v: _firm(national_id=v)),
    ("products.0.name_fa", models.Product.name_fa, lambda v: _product(name_fa=v)),
    ("markets.0.country_fa", models.TargetMarket.country_fa, lambda v: _market(country_fa=v)),
]

# String columns of these tables that no form writes: ids, codes, states and what the program derives.
NOT_TYPED = {
    "id",
    "owner_office_id",
    "province_code",
    "cluster_id",
    "name_norm",
    "county_norm",
    "hs_code",
    "contact_phone",
    "contact_email",
    "search_text",
    "description",
    "address",
    "changed_by",
}


def test_every_typed_text_column_of_the_profile_is_covered() -> None:
    """A new text column must either get a form limit here or be declared not typed."""
    covered = {(col.class_.__tablename__, col.key) for _k, col, _f in CLUSTER_FIELDS}  # type: ignore[attr-defined]
    for model in (models.Cluster, models.Firm, models.Product, models.TargetMarket):
        for col in model.__table__.columns:
            if isinstance(col.type, String | Text) and col.name not in NOT_TYPED:
                assert (model.__tablename__, col.name) in covered, f"{model.__tablename__}.{col.name}"


def _errors(exc: BaseException) -> dict[str, str]:
    errs = exc.errors if isinstance(exc, FormError) else [exc]  # type: ignore[attr-defined]
    return {e.field: str(e) for e in errs}


@pytest.mark.parametrize(("key", "column", "make"), CLUSTER_FIELDS, ids=[k for k, _c, _m in CLUSTER_FIELDS])
def test_the_form_takes_what_the_column_takes_and_refuses_one_more(
    workspace, province_admin, key, column, make
) -> None:
    limit = forms.column_limit(column)
    assert limit < forms.MAX_TEXT, "a typed one-line field has a column length"
    # the bundle checker reads the same column
    table = column.class_.__tablename__  # type: ignore[attr-defined]
    # one character more than the column: refused beside the field, in Persian, nothing saved
    with workspace.db.session() as s, pytest.raises(ValidationError) as caught:
        clusters.create_cluster(s, province_admin, make("ک" * (limit + 1)))
    message = _errors(caught.value)[key]
    assert "حداکثر" in message and "نویسه" in message
    with workspace.db.session() as s:
        assert s.query(models.Cluster).count() == 0
    # exactly the column's length: accepted by the form and stored by this database
    with workspace.db.session() as s:
        d = clusters.create_cluster(s, province_admin, make("ک" * limit))
        cid = d.cluster_id
    with workspace.db.session() as s:
        values = [getattr(row, column.key) for row in s.query(column.class_).all()]  # type: ignore[attr-defined]
        assert "ک" * limit in values and s.get(models.Cluster, cid) is not None
    # AND the bundle checker, reading the same column, takes the same and refuses one more
    spec = next(sp for sp in records.SPECS if sp.name == table)
    check = records._checker(spec, column.property.columns[0])  # type: ignore[attr-defined]
    assert check("ک" * limit) == "ک" * limit
    with pytest.raises(BundleError):
        check("ک" * (limit + 1))


def test_a_40_character_national_id_and_a_150_character_email_are_refused_by_the_form(
    workspace, province_admin
) -> None:
    data = _cluster(
        contact_email="a" * 140 + "@example.ir",
        firms=[clusters.FirmInput(name="بنگاه", national_id="1" * 40)],
    )
    with workspace.db.session() as s, pytest.raises(ValidationError) as caught:
        clusters.create_cluster(s, province_admin, data)
    errors = _errors(caught.value)
    assert "۳۲" in errors["firms.0.national_id"] and "۴۰" in errors["firms.0.national_id"]
    assert "۱۲۸" in errors["contact_email"]


def test_a_number_beyond_the_column_is_refused_not_overflowed(workspace, province_admin) -> None:
    with workspace.db.session() as s, pytest.raises(ValidationError) as caught:
        clusters.create_cluster(s, province_admin, _firm(employees=str(2**31)))
    assert "firms.0.employees" in _errors(caught.value)


def test_member_email_is_limited_like_its_column(workspace, central_admin) -> None:
    from cluster_desktop.domain.roles import MemberRole

    long = "m" * 130 + "@tpo.ir"
    with workspace.db.session() as s, pytest.raises(ValidationError) as caught:
        groups.add_member(
            s,
            central_admin,
            groups.MemberInput("مریم کاظمی", "ISIPO", MemberRole.MEMBER, "کارشناس", email=long),
        )
    assert "email" in _errors(caught.value)


def test_the_bundle_checker_keeps_integers_within_their_column() -> None:
    """A province's value that PostgreSQL's integer column would refuse is refused in the bundle."""
    spec = next(sp for sp in records.SPECS if sp.name == "clusters")
    employees = records._checker(spec, models.Cluster.__table__.c.employees)
    exports = records._checker(spec, models.Cluster.__table__.c.annual_exports_usd)
    assert employees(2**31 - 1) == 2**31 - 1 and exports(2**40) == 2**40
    with pytest.raises(BundleError):
        employees(2**31)
    assert forms.column_max(models.Cluster.employees) == 2**31 - 1

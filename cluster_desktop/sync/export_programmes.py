"""What a bundle carries of phases 2 and 3 (development programmes, F9–F14), by who owns it.

A province sends the programmes its working group decided (approved within its authority, referred or
rejected: those still in review stay its own business) with its steps on them, the clusters they are
for, and its reports (activities, indicators and their values) on any programme in its province. The
centre sends a province what concerns the programmes in that province: its own programmes, its steps,
the support packages with their items and allocations, and its own reports.

Like dossiers, a programme travels as a whole: when any record of it that the sender owns changed
after the cutoff, all of them go (a support package always with its whole set of items, so an item
removed here is removed there). The meetings the steps and packages cite go with them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from cluster_desktop.domain.workflow import ProgrammeState

from .records import BY_NAME

_CHUNK = 500
# A programme still in provincial review is the province's own business; decided ones travel.
UNDECIDED = (ProgrammeState.SUBMITTED.value, ProgrammeState.PROVINCIAL_REVIEW.value)
_CLUSTER_CHILDREN = ("cluster_products", "cluster_markets", "cluster_firms", "cluster_yearly")


def _tab(name: str) -> Table:
    return BY_NAME[name].table


def _rows(session: Session, table: str, column: str, ids: Iterable[Any], *extra: Any) -> list[dict[str, Any]]:
    t = _tab(table)
    wanted = sorted({i for i in ids if i is not None})
    out: list[dict[str, Any]] = []
    for i in range(0, len(wanted), _CHUNK):
        chunk = wanted[i : i + _CHUNK]
        out.extend(dict(r._mapping) for r in session.execute(select(t).where(t.c[column].in_(chunk), *extra)))
    return out


def _reports(
    session: Session, office_id: str, programme_ids: Iterable[str]
) -> dict[str, list[dict[str, Any]]]:
    """``office_id``'s own activities, indicators and values on these programmes."""
    ids = list(programme_ids)
    activities = _rows(
        session, "activities", "programme_id", ids, _tab("activities").c.owner_office_id == office_id
    )
    indicators = _rows(
        session, "indicators", "programme_id", ids, _tab("indicators").c.owner_office_id == office_id
    )
    values = _rows(
        session,
        "indicator_values",
        "indicator_id",
        [r["id"] for r in indicators],
        _tab("indicator_values").c.owner_office_id == office_id,
    )
    return {"activities": activities, "indicators": indicators, "indicator_values": values}


def _owning_programme(records: dict[str, list[dict[str, Any]]]) -> dict[tuple[str, str], str | None]:
    """(table, record id) -> the programme the record belongs to (a value through its indicator, an
    item through its package, an allocation through its item)."""
    indicator = {r["id"]: r["programme_id"] for r in records.get("indicators", [])}
    package = {r["id"]: r["programme_id"] for r in records.get("support_packages", [])}
    item = {r["id"]: package.get(r["package_id"]) for r in records.get("support_items", [])}
    out: dict[tuple[str, str], str | None] = {}
    for table, rows in records.items():
        for r in rows:
            if table == "programmes":
                pid = r["id"]
            elif table == "indicator_values":
                pid = indicator.get(r["indicator_id"])
            elif table == "support_items":
                pid = item.get(r["id"])
            elif table == "allocations":
                pid = item.get(r["item_id"])
            else:
                pid = r.get("programme_id")
            out[(table, r["id"])] = pid
    return out


def _whole_programmes(
    records: dict[str, list[dict[str, Any]]], cutoff: datetime | None
) -> dict[str, list[dict[str, Any]]]:
    """The records of every programme with any of them changed after ``cutoff`` (all when None)."""
    owner = _owning_programme(records)
    changed = {
        owner[(table, r["id"])]
        for table, rows in records.items()
        for r in rows
        if cutoff is None or r["updated_at"] > cutoff
    } - {None}
    return {t: [r for r in rows if owner[(t, r["id"])] in changed] for t, rows in records.items()}


def province_programmes(
    session: Session, office_id: str, cutoff: datetime | None
) -> tuple[dict[str, list[dict[str, Any]]], set[str]]:
    """A province's records of phases 2 and 3 changed after ``cutoff``, and the meetings they cite."""
    p = _tab("programmes")
    own = [
        dict(r._mapping)
        for r in session.execute(
            select(p).where(p.c.owner_office_id == office_id, p.c.state.not_in(UNDECIDED))
        )
    ]
    # The centre's programmes in this province that this office reports on.
    reported_on = {
        r[0]
        for table in ("activities", "indicators")
        for r in session.execute(
            select(_tab(table).c.programme_id).where(_tab(table).c.owner_office_id == office_id)
        )
    }
    theirs = _rows(
        session,
        "programmes",
        "id",
        reported_on,
        p.c.province_code == office_id,
        p.c.owner_office_id != office_id,
    )
    ids = [r["id"] for r in own] + [r["id"] for r in theirs]
    tr = _tab("transitions")
    records: dict[str, list[dict[str, Any]]] = {
        "programmes": own,
        "transitions": _rows(session, "transitions", "programme_id", ids, tr.c.owner_office_id == office_id),
        **_reports(session, office_id, ids),
    }
    records = _whole_programmes(records, cutoff)
    clusters = _rows(session, "clusters", "id", {r["cluster_id"] for r in records["programmes"]})
    records["clusters"] = clusters
    for child in _CLUSTER_CHILDREN:
        records[child] = _rows(session, child, "cluster_id", [c["id"] for c in clusters])
    meetings = {r["meeting_id"] for r in records["transitions"] if r["meeting_id"]}
    return records, meetings


def central_programmes(
    session: Session, office_id: str, province: str, cutoff: datetime | None
) -> tuple[dict[str, list[dict[str, Any]]], set[str]]:
    """What the centre sends ``province`` of phases 2 and 3 changed after ``cutoff``, and the meetings
    cited."""
    p = _tab("programmes")
    here = [dict(r._mapping) for r in session.execute(select(p).where(p.c.province_code == province))]
    ids = [r["id"] for r in here]
    own = _tab("transitions").c.owner_office_id == office_id
    packages = _rows(
        session,
        "support_packages",
        "programme_id",
        ids,
        _tab("support_packages").c.owner_office_id == office_id,
    )
    items = _rows(session, "support_items", "package_id", [r["id"] for r in packages])
    records: dict[str, list[dict[str, Any]]] = {
        "programmes": [r for r in here if r["owner_office_id"] == office_id],
        "transitions": _rows(session, "transitions", "programme_id", ids, own),
        "support_packages": packages,
        "support_items": items,
        "allocations": _rows(session, "allocations", "item_id", [r["id"] for r in items]),
        **_reports(session, office_id, ids),
    }
    records = _whole_programmes(records, cutoff)
    meetings = {r["meeting_id"] for r in records["transitions"] if r["meeting_id"]}
    meetings |= {r["meeting_id"] for r in records["support_packages"] if r["meeting_id"]}
    return records, meetings

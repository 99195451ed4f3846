"""What a bundle's phase 2 and 3 records must also satisfy (see ``records`` for who owns which):
they concern one province, and a province approves within its own authority only.

- A province reports (activities, indicators, F13/F14) only on programmes in its own province, and the
  centre sends a province only what concerns programmes in that province.
- A programme the province approved itself (F9-2) asks no more than the ceiling of the revision of the
  centre's instruction F5-2 it cites: above it, the decision was the central working group's (F9-3).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.domain.workflow import AUTHORITY_INSTRUCTION

from .keys import CENTRAL_OFFICE_ID
from .limits import BundleError
from .records import BY_NAME, PROGRAMME_PARTS, foreign_owner, not_allowed

Records = dict[str, list[dict[str, Any]]]
_CHUNK = 500


def _chunks(ids: list[Any]) -> Iterator[list[Any]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def _provinces(session: Session, records: Records, ids: set[str]) -> dict[str, str]:
    """The province of each programme named, from the bundle or from here."""
    out = {r["id"]: r["province_code"] for r in records.get("programmes", []) if r["id"] in ids}
    t = BY_NAME["programmes"].table
    for chunk in _chunks(sorted(ids - set(out))):
        out.update(
            {r[0]: r[1] for r in session.execute(select(t.c.id, t.c.province_code).where(t.c.id.in_(chunk)))}
        )
    return out


def check(session: Session, records: Records, sender_id: str, sender_kind: str, local_id: str) -> None:
    """Phases 2 and 3 concern one province: a province reports (F13, F14) only on programmes in its
    own province, and the centre sends a province only what concerns programmes in that province."""
    province = sender_id if sender_kind == OfficeKind.PROVINCE.value else local_id
    named = {
        table: {r[column] for r in records.get(table, []) if r[column] is not None}
        for table, column in PROGRAMME_PARTS.items()
    }
    where = _provinces(session, records, set().union(*named.values()))
    for table, ids in named.items():
        for pid in sorted(ids):
            if where.get(pid) != province:
                raise foreign_owner(table, f"programme {pid} is not in {province}")
    if sender_kind == OfficeKind.PROVINCE.value:
        _authority(session, records, sender_id)


def addressed(records: Records, sender_kind: str, local_id: str) -> None:
    """The centre sends a province only programmes in that province (before any link is looked up)."""
    if sender_kind == OfficeKind.PROVINCE.value:
        return  # a province's own: its province, by the table's rule (records._table_rules)
    for r in records.get("programmes", []):
        if r["province_code"] != local_id:
            raise not_allowed("programmes", f"{r['id']} is in {str(r['province_code'])[:8]}")


def _authority(session: Session, records: Records, sender_id: str) -> None:
    """A programme the province approved itself (F9-2) asks no more than the ceiling of the revision
    of the centre's instruction F5-2 it applied; anything above it was the centre's to decide."""
    programmes = {r["id"]: r for r in records.get("programmes", [])}
    approved = {
        r["programme_id"]
        for r in records.get("transitions", [])
        if r["programme_id"] is not None and r["action"] == "approve_provincial"
    }
    tr, pt = BY_NAME["transitions"].table, BY_NAME["programmes"].table
    for chunk in _chunks(sorted(programmes)):
        approved |= set(
            session.scalars(
                select(tr.c.programme_id).where(
                    tr.c.programme_id.in_(chunk),
                    tr.c.action == "approve_provincial",
                    tr.c.owner_office_id == sender_id,
                )
            )
        )
    for chunk in _chunks(sorted(approved - set(programmes))):  # approved now, the record sent before
        for row in session.execute(select(pt).where(pt.c.id.in_(chunk))):
            programmes[row.id] = dict(row._mapping)
    it = BY_NAME["instructions"].table
    for pid, r in sorted(programmes.items()):
        if pid not in approved and r["authority_revision"] is None:
            continue
        ceiling = session.scalar(
            select(it.c.provincial_ceiling_rial).where(
                it.c.code == AUTHORITY_INSTRUCTION,
                it.c.revision == r["authority_revision"],
                it.c.owner_office_id == CENTRAL_OFFICE_ID,
            )
        )
        if ceiling is None or r["budget_rial"] > ceiling:
            raise BundleError(
                "authority",
                f"programmes: {pid}",
                fa="بسته طرح توسعه‌ای دارد که استان بیرون از حیطهٔ اختیارات خود (سقف دستورالعمل F5-2 سازمان "
                "توسعه تجارت) تأیید کرده است؛ تصمیم دربارهٔ آن با کارگروه مرکز است.",
                en="The bundle holds a programme the province approved beyond its authority (the ceiling of "
                "the centre's instruction F5-2); that decision is the central working group's.",
            )

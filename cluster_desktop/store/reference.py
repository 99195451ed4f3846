"""Load the programme's reference data from resources/reference, idempotently, by stable codes.

Re-running the loader updates titles in place and adds what is new; it never deletes a code that
records may point to. At start-up it runs only when the shipped files changed (their digest is kept in
``settings``), inside the start-up lock (store/db.startup_lock), so any number of PCs may start at once
against one server.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, tuple_
from sqlalchemy.orm import Session

from cluster_desktop.paths import resource

from .models import (
    CriteriaSet,
    Criterion,
    Office,
    Organization,
    Phase,
    PhaseStep,
    ProcessStep,
    Province,
    Responsibility,
    Setting,
)

# The files the loader reads, and its own version: a change to either reloads at the next start.
REFERENCE_FILES = (
    "provinces_extended.csv",
    "organizations.json",
    "processes.json",
    "matrix.json",
    "phases.json",
    "criteria.json",
)
LOADER_VERSION = "2"
DIGEST_KEY = "reference_digest"


def reference_digest() -> str:
    h = hashlib.sha256(f"loader {LOADER_VERSION}\n".encode())
    for name in REFERENCE_FILES:
        h.update(name.encode() + b"\0" + resource("reference", name).read_bytes() + b"\0")
    return h.hexdigest()


def load_reference_if_changed(session: Session) -> dict[str, int] | None:
    """Load the reference data unless this database already holds exactly what is shipped.
    Returns the counts when it loaded, else None."""
    digest = reference_digest()
    stored = session.get(Setting, DIGEST_KEY)
    if stored is not None and stored.value == digest:
        return None
    counts = load_reference(session)
    if stored is None:
        session.add(Setting(key=DIGEST_KEY, value=digest))
    else:
        stored.value = digest
    session.flush()
    return counts


def _json(name: str) -> Any:
    return json.loads(resource("reference", name).read_text(encoding="utf-8"))


@functools.cache
def matrix_wording() -> dict[str, tuple[str, bool]]:
    """Per F-code: the responsibility matrix's own title for the step ("" where it has none) and
    whether its row of ticks is inferred from the seed's text (F14) rather than read from the table.

    Kept out of the database on purpose: only screens that explain a tick need it, and the shipped
    files are the source the loader reads anyway."""
    procs = _json("processes.json")
    procs = procs["processes"] if isinstance(procs, dict) else procs
    inferred = {row["process"] for row in _json("matrix.json")["rows"] if row.get("inferred")}
    return {p["code"]: (p.get("matrix_title_fa") or "", p["code"] in inferred) for p in procs}


def _upsert(session: Session, model: type[Any], key: str, rows: list[dict[str, Any]]) -> int:
    existing = {getattr(o, key): o for o in session.scalars(select(model))}
    for row in rows:
        obj = existing.get(row[key])
        if obj is None:
            session.add(model(**row))
        else:
            for k, v in row.items():
                setattr(obj, k, v)
    session.flush()
    return len(rows)


def load_provinces(session: Session, path: Path | None = None) -> int:
    path = path or resource("reference", "provinces_extended.csv")
    with path.open(encoding="utf-8", newline="") as f:
        rows = [
            {
                "code": r["iso_code"],
                "name_fa": r["name_fa"],
                "name_en": r["name_en"],
                "capital_fa": r["capital_fa"],
                "code_pre2020": r.get("iso_code_pre2020") or None,
            }
            for r in csv.DictReader(f)
        ]
    return _upsert(session, Province, "code", rows)


def load_reference(session: Session) -> dict[str, int]:
    """Load every reference table; returns the row count of each."""
    counts = {"provinces": load_provinces(session)}
    orgs = _json("organizations.json")["organizations"]
    counts["organizations"] = _upsert(
        session,
        Organization,
        "code",
        [
            {
                "code": o["code"],
                "name_fa": o["name_fa"],
                "name_en": o["name_en"],
                "kind": o.get("kind", ""),
                "matrix_column": o.get("matrix_column"),
            }
            for o in orgs
        ],
    )
    procs = _json("processes.json")
    procs = procs["processes"] if isinstance(procs, dict) else procs
    # Parents first, so the self-reference is satisfied within the flush.
    procs = sorted(procs, key=lambda p: (p.get("parent") is not None, p["order"]))
    counts["processes"] = _upsert(
        session,
        ProcessStep,
        "code",
        [
            {
                "code": p["code"],
                "parent_code": p.get("parent"),
                "order": p["order"],
                "phase": p.get("phase"),
                "title_fa": p["title_fa"],
                "summary_fa": p.get("summary_fa", "") or "",
                "inputs_fa": p.get("inputs_fa", []),
                "outputs_fa": p.get("outputs_fa", []),
                "matrix_note_fa": p.get("matrix_note_fa", "") or "",
            }
            for p in procs
        ],
    )
    matrix = _json("matrix.json")
    ticks = {(row["process"], org) for row in matrix["rows"] for org in row["organizations"]}
    # Only the difference: deleting and re-inserting the whole matrix made two PCs starting together
    # collide on its unique key.
    have = {
        (p, o)
        for p, o in session.execute(select(Responsibility.process_code, Responsibility.organization_code))
    }
    gone = sorted(have - ticks)
    if gone:
        session.execute(
            delete(Responsibility).where(
                tuple_(Responsibility.process_code, Responsibility.organization_code).in_(gone)
            )
        )
    session.add_all(Responsibility(process_code=p, organization_code=o) for p, o in sorted(ticks - have))
    counts["responsibilities"] = len(ticks)
    phases = _json("phases.json")
    phases = phases["phases"] if isinstance(phases, dict) else phases
    counts["phases"] = _upsert(
        session,
        Phase,
        "code",
        [
            {"code": ph["code"], "order": ph["order"], "title_fa": ph["title_fa"], "title_en": ph["title_en"]}
            for ph in phases
        ],
    )
    counts["phase_steps"] = _upsert(
        session,
        PhaseStep,
        "code",
        [
            {
                "code": st["code"],
                "phase_code": ph["code"],
                "order": st["order"],
                "title_fa": st["title_fa"],
                "processes": st.get("processes", []),
            }
            for ph in phases
            for st in ph["steps"]
        ],
    )
    counts["offices"] = load_offices(session)
    load_first_criteria_set(session)
    session.flush()
    return counts


def criteria_reference() -> dict[str, Any]:
    """The first criteria set (Article 7) as shipped; criteria sets are records, seeded from this."""
    data: dict[str, Any] = _json("criteria.json")
    return data


# One TPO and one office per province: office ids are stable codes, so a reinstalled office keeps its
# identity (its keys change and are re-enrolled) and every record's owner exists everywhere.
CENTRAL_OFFICE_ID = "TPO"
_NS = uuid.UUID("6f1c7a52-4f0e-4c55-9b0b-6a3f1d2e8c11")


def reference_uuid(name: str) -> str:
    """A UUID that is the same in every installation, for records shipped with the program."""
    return str(uuid.uuid5(_NS, name))


def load_offices(session: Session) -> int:
    existing = {o.id for o in session.scalars(select(Office))}
    if CENTRAL_OFFICE_ID not in existing:
        session.add(
            Office(
                id=CENTRAL_OFFICE_ID, kind="central", province_code=None, name_fa="سازمان توسعه تجارت ایران"
            )
        )
    for p in session.scalars(select(Province)):
        if p.code not in existing:
            session.add(
                Office(
                    id=p.code,
                    kind="province",
                    province_code=p.code,
                    name_fa=f"سازمان بازرگانی استان {p.name_fa}",
                )
            )
    session.flush()
    return session.query(Office).count()


def load_first_criteria_set(session: Session) -> CriteriaSet:
    """Criteria set 1 (Article 7), with ids every office shares; a later revision is a new record."""
    set_id = reference_uuid("criteria-set-1")
    existing = session.get(CriteriaSet, set_id)
    if existing is not None:
        return existing
    ref = criteria_reference()
    has_current = session.scalar(select(CriteriaSet).where(CriteriaSet.is_current.is_(True)))
    cs = CriteriaSet(
        id=set_id,
        owner_office_id=CENTRAL_OFFICE_ID,
        number=1,
        title_fa=ref["title_fa"],
        threshold=float(ref.get("threshold", 60)),
        is_current=has_current is None,
        note=ref.get("weights_note", ""),
    )
    session.add(cs)
    for c in ref["criteria"]:
        session.add(
            Criterion(
                id=reference_uuid(f"criteria-set-1/{c['code']}"),
                owner_office_id=CENTRAL_OFFICE_ID,
                set_id=set_id,
                code=c["code"],
                order=c["order"],
                title_fa=c["title_fa"],
                title_en=c["title_en"],
                weight=float(c["weight"]),
                rubric=c["rubric"],
            )
        )
    session.flush()
    return cs

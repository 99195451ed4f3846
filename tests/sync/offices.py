"""Two offices that know each other (a province with demo data and the centre), and bundle crafting.

The pair is built once per session and copied per test (building takes seconds, copying a moment).
``craft`` rebuilds a real bundle as an attacker holding the sender's real keys could: correctly
signed and encrypted, malicious inside.
"""

from __future__ import annotations

import hashlib
import io
import random
import shutil
import sqlite3
import warnings
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pyrage
from pyrage import x25519
from sqlalchemy import select
from sqlalchemy import select as sa_select

from cluster_desktop.domain.roles import MemberRole, OfficeKind, Role
from cluster_desktop.services import demo, groups, sync, users
from cluster_desktop.services.actor import Actor
from cluster_desktop.services.office import OfficeSetup, setup_office
from cluster_desktop.services.workspace import Workspace
from cluster_desktop.store.db import DB_FILENAME
from cluster_desktop.store.models import Attachment, Base, Dossier
from cluster_desktop.sync.container import SafeZipReader, open_bundle
from cluster_desktop.sync.keys import OfficeKeys
from cluster_desktop.sync.manifest import sign_manifest
from cluster_desktop.sync.strictjson import dumps_canonical, loads_strict
from tests.conftest import PASSWORD

ATTACHMENT = random.Random(4).randbytes(300_000)  # does not compress, like a scanned PDF


@dataclass
class Office:
    ws: Workspace
    actor: Actor
    keys: OfficeKeys

    @property
    def dir(self) -> Path:
        return self.ws.data_dir

    def dump(self) -> list[str]:
        """Every row of every table, in key order: equal dumps mean an unchanged database (on SQLite
        the file's own SQL text, which also covers the schema)."""
        if self.ws.db.engine.dialect.name == "sqlite":
            con = sqlite3.connect(self.dir / DB_FILENAME)
            try:
                return list(con.iterdump())
            finally:
                con.close()
        out: list[str] = []
        with self.ws.db.engine.connect() as conn:
            for table in Base.metadata.sorted_tables:
                keys = list(table.primary_key.columns) or list(table.columns)
                for row in conn.execute(sa_select(table).order_by(*keys)):
                    out.append(f"{table.name}: {tuple(row)!r}")
        return out

    def count(self, table: str) -> int:
        with self.ws.db.engine.connect() as conn:
            return int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())

    def states(self) -> dict[str, str]:
        with self.ws.db.session() as s:
            return dict(s.execute(select(Dossier.id, Dossier.state)).all())  # type: ignore[arg-type]


def _open(data_dir: Path, url: str | None = None) -> Office:
    ws = Workspace.open(data_dir, url)
    with ws.db.session() as s:
        actor = users.authenticate(s, "admin", PASSWORD)
        keys = sync.unlock(s, actor, PASSWORD)
    return Office(ws, actor, keys)


def build_pair(
    root: Path, *, clusters: int = 12, urls: dict[str, str | None] | None = None, demos: bool = False
) -> None:
    """Province IR-07 (demo data, with attachments) and a fresh centre, each enrolled at the other;
    ``urls`` puts either office's database on a server (default: SQLite files in ``root``).

    ``demos``: both are demos with development programmes (the centre's leaves IR-07 to the real
    province); otherwise the province has dossiers only, since a province demo's programmes cite the
    sample centre's instruction F5-2 and decisions, which a fresh centre does not have."""
    urls = urls or {}
    p_ws = Workspace.open(root / "province", urls.get("province"))
    admin = setup_office(p_ws, OfficeSetup(OfficeKind.PROVINCE, "IR-07", "admin", PASSWORD))
    demo.fill_demo(p_ws, admin, PASSWORD, count=clusters, seed=7, programmes=demos)
    with p_ws.db.session() as s:  # two sent dossiers get a scan each (one shared by both)
        sent = s.scalars(
            select(Dossier).where(Dossier.state.in_(["sent_to_center", "provincially_approved"]))
        )
        for i, d in enumerate(list(sent)[:2]):
            digest = p_ws.blobs.put(s, ATTACHMENT if i == 0 else ATTACHMENT[::-1])
            s.add(
                Attachment(
                    owner_office_id="IR-07",
                    dossier_id=d.id,
                    sha256=digest,
                    filename="scan.pdf",
                    size=len(ATTACHMENT),
                )
            )
    c_ws = Workspace.open(root / "centre", urls.get("centre"))
    c_admin = setup_office(c_ws, OfficeSetup(OfficeKind.CENTRAL, None, "admin", PASSWORD))
    if demos:
        demo.fill_demo(c_ws, c_admin, PASSWORD, count=24, seed=3, leave_out=frozenset({"IR-07"}))
    p_ws.close()
    c_ws.close()
    province = _open(root / "province", urls.get("province"))
    centre = _open(root / "centre", urls.get("centre"))
    for me, peer in ((province, centre), (centre, province)):
        with peer.ws.db.session() as s:
            cert = sync.certificate(s, peer.keys).to_json()
        with me.ws.db.session() as s:
            sync.enroll(s, me.actor, cert)
    province.ws.close()
    centre.ws.close()


@dataclass
class Pair:
    province: Office
    centre: Office

    def close(self) -> None:
        self.province.ws.close()
        self.centre.ws.close()


def copy_pair(template: Path, dest: Path, urls: dict[str, str | None] | None = None) -> Pair:
    """A private copy of a built pair; ``urls`` are the copies of its server databases, if any."""
    urls = urls or {}
    for name in ("province", "centre"):
        shutil.copytree(template / name, dest / name)
    return Pair(_open(dest / "province", urls.get("province")), _open(dest / "centre", urls.get("centre")))


def central_member(centre: Office) -> Actor:
    """A member of the central working group who can score (for approvals), and a meeting id."""
    with centre.ws.db.session() as s:
        m = groups.add_member(
            s, centre.actor, groups.MemberInput("مریم کاظمی", "ISIPO", MemberRole.MEMBER, "کارشناس")
        )
        return Actor(0, "member-1", m.full_name, Role.EVALUATOR, "TPO", OfficeKind.CENTRAL, None, m.id)


def central_meeting(centre: Office, attendees: list[str]) -> str:
    with centre.ws.db.session() as s:
        return groups.create_meeting(
            s,
            centre.actor,
            groups.MeetingInput(held_on=date(2025, 5, 1), agenda="بررسی ثانویه", attendee_ids=attendees),
        ).id


# --- crafting ------------------------------------------------------------------------------------


def unpack(path: Path, recipient: Office) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The manifest (as a dict) and every other entry of a real bundle."""
    with open_bundle(path, recipient.keys.age_identity) as plain, SafeZipReader(plain) as reader:
        entries = {name: reader.read(name, 2**30) for name in reader.names()}
    manifest = loads_strict(entries.pop("manifest.json"))
    entries.pop("manifest.sig")
    return manifest, entries


def relist(manifest: dict[str, Any], entries: dict[str, bytes]) -> dict[str, Any]:
    """The manifest with ``files`` and ``record_counts`` recomputed for ``entries``."""
    files = [
        {"path": n, "size": len(b), "sha256": hashlib.sha256(b).hexdigest()}
        for n, b in sorted(entries.items())
    ]
    counts = {
        n[len("records/") : -len(".jsonl")]: b.count(b"\n")
        for n, b in entries.items()
        if n.startswith("records/") and n != "records/sync_coverage.jsonl"
    }
    return {**manifest, "files": files, "record_counts": counts}


def raw_zip(items: Iterable[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(buf, "w", method) as zf:
            for name, data in items:
                zf.writestr(name, data)
    return buf.getvalue()


def seal(zip_bytes: bytes, recipient: Office, out: Path) -> Path:
    out.write_bytes(pyrage.encrypt(zip_bytes, [x25519.Recipient.from_str(recipient.keys.age_recipient)]))
    return out


def craft(
    sender_keys: OfficeKeys,
    recipient: Office,
    manifest: dict[str, Any],
    entries: dict[str, bytes],
    out: Path,
    *,
    extra: Iterable[tuple[str, bytes]] = (),
    fix: bool = True,
    zip_hook: Callable[[bytes], bytes] | None = None,
) -> Path:
    """A signed, encrypted bundle holding ``entries`` (+ ``extra`` entries, not listed)."""
    if fix:
        manifest = relist(manifest, entries)
    body = dumps_canonical(manifest)
    items = [("manifest.json", body), ("manifest.sig", sign_manifest(body, sender_keys.signing_key))]
    items += sorted(entries.items()) + list(extra)
    data = raw_zip(items)
    return seal(zip_hook(data) if zip_hook else data, recipient, out)


def jsonl(rows: list[dict[str, Any]]) -> bytes:
    return b"".join(dumps_canonical(r) + b"\n" for r in rows)


def rows(entries: dict[str, bytes], table: str) -> list[dict[str, Any]]:
    return [loads_strict(line) for line in entries[f"records/{table}.jsonl"].splitlines()]

"""The sender's audit chain head in every bundle (issue 17): the receiver records it, and a history the
sender rewrote consistently (edited by SQL, re-hashed so its own ``audit verify`` passes) shows at the
next bundle as a clear warning, while the bundle still imports. Real keys and files, both backends."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from cluster_desktop.services import sync
from cluster_desktop.store.audit_chain import chain_head, entry_hash, verify_chain
from cluster_desktop.store.models import AuditEntry, PeerAuditHead, SentBundle

from .offices import Office, Pair, craft, unpack
from .test_refusals import refused

Entries = dict[str, bytes]


def export(p: Office, out: Path) -> Path:
    return sync.export_bundle(p.ws, p.actor, p.keys, out).files[0]


def receive(c: Office, path: Path) -> dict[str, Any]:
    return sync.import_bundle(c.ws, c.actor, c.keys, path)


def rehash_from(office: Office, first_id: int) -> None:
    """What someone who edits the log by hand and wants it to pass ``audit verify`` does: recompute every
    link and hash from ``first_id`` on."""
    a = AuditEntry.__table__
    with office.ws.db.engine.begin() as conn:
        prev = ""
        for r in conn.execute(select(a).order_by(a.c.id)).mappings():
            if r["id"] >= first_id:
                h = entry_hash(
                    prev,
                    r["at"],
                    r["username"],
                    r["office_id"],
                    r["action"],
                    r["entity"],
                    r["entity_id"],
                    r["details"],
                )
                conn.execute(a.update().where(a.c.id == r["id"]).values(prev_hash=prev, entry_hash=h))
                prev = h
            else:
                prev = r["entry_hash"]


def entry_ids(office: Office) -> list[int]:
    with office.ws.db.session() as s:
        return list(s.scalars(select(AuditEntry.id).order_by(AuditEntry.id)))


def heads(office: Office) -> list[PeerAuditHead]:
    with office.ws.db.session() as s:
        rows = list(s.scalars(select(PeerAuditHead).order_by(PeerAuditHead.id)))
        s.expunge_all()
        return rows


def peer_rewritten_entries(office: Office) -> list[AuditEntry]:
    with office.ws.db.session() as s:
        rows = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "audit.peer_rewritten")))
        s.expunge_all()
        return rows


def test_the_head_is_sent_recorded_and_anchored(pair: Pair, tmp_path: Path) -> None:
    p, c = pair.province, pair.centre
    # GIVEN the province's chain as it stands
    # WHEN it exports a bundle, and the centre imports it
    first = export(p, tmp_path / "1.bundle")
    with p.ws.db.session() as s:
        sent = s.scalar(select(SentBundle).where(SentBundle.sequence == 1))
        assert sent is not None and sent.audit_length and sent.audit_hash
        first_head = (sent.audit_length, sent.audit_hash)
        # the head is the chain before the export's own entry: that entry links to it
        export_entry = s.scalar(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1))
        assert export_entry is not None and export_entry.action == "bundle.export"
        assert export_entry.prev_hash == sent.audit_hash
    manifest, _e = unpack(first, c)
    assert manifest["audit_head"] == {"length": first_head[0], "hash": first_head[1]}
    assert "audit_anchor" not in manifest  # nothing exported to the centre before
    report = receive(c, first)
    # THEN the centre keeps the head, and says nothing alarming
    assert report["audit"]["head"]["length"] == first_head[0] and report["audit"]["rewritten"] is None
    [h] = heads(c)
    assert (h.sender_office_id, h.length, h.entry_hash, h.sequence) == ("IR-07", *first_head, 1)
    assert h.rewritten == "" and h.anchor_length is None
    # AND the next bundle is anchored at that head, untouched: no warning
    second = export(p, tmp_path / "2.bundle")
    manifest, _e = unpack(second, c)
    assert manifest["audit_anchor"] == {"length": first_head[0], "hash": first_head[1]}
    assert manifest["audit_head"]["length"] > first_head[0]
    report = receive(c, second)
    assert report["applied"] and report["audit"]["rewritten"] is None
    assert not any("هشدار" in line for line in report["summary_fa"])
    assert [h.rewritten for h in heads(c)] == ["", ""] and peer_rewritten_entries(c) == []


def test_a_consistently_rewritten_history_is_flagged_at_the_next_bundle(pair: Pair, tmp_path: Path) -> None:
    p, c = pair.province, pair.centre
    receive(c, export(p, tmp_path / "1.bundle"))
    # GIVEN someone at the province edits an old entry by SQL and re-hashes the chain from there
    victim = entry_ids(p)[3]
    with p.ws.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET username = 'nobody' WHERE id = :i"), {"i": victim})
    with p.ws.db.session() as s:
        assert verify_chain(s).broken_id == victim
    rehash_from(p, victim)
    with p.ws.db.session() as s:
        assert verify_chain(s).intact  # the province's own check no longer sees it
    # WHEN the province exports again and the centre imports
    before = c.count("dossiers")
    report = receive(c, export(p, tmp_path / "2.bundle"))
    # THEN the bundle is imported, with a clear Persian warning first in its report
    assert report["applied"] and c.count("dossiers") == before
    rewritten = report["audit"]["rewritten"]
    assert rewritten["kind"] == "anchor" and rewritten["length"] == heads(c)[0].length
    assert report["summary_fa"][0].startswith("هشدار") and "IR-07" in report["summary_fa"][0]
    assert "بازنویسی" in report["summary_fa"][0]
    # AND the centre's audit log says so, and its record of heads is flagged
    [entry] = peer_rewritten_entries(c)
    assert entry.entity_id == "IR-07" and entry.details["kind"] == "anchor"
    assert [h.rewritten for h in heads(c)] == ["", "anchor"]
    # AND the bundle after that continues the rewritten chain: no second warning
    report = receive(c, export(p, tmp_path / "3.bundle"))
    assert report["audit"]["rewritten"] is None and len(peer_rewritten_entries(c)) == 1


def test_a_shortened_history_is_flagged(pair: Pair, tmp_path: Path) -> None:
    p, c = pair.province, pair.centre
    receive(c, export(p, tmp_path / "1.bundle"))
    ids = entry_ids(p)
    with p.ws.db.engine.begin() as conn:
        conn.execute(
            text("DELETE FROM audit_log WHERE id IN (:a, :b, :c)"), dict(zip("abc", ids[2:5], strict=True))
        )
    rehash_from(p, ids[5])
    bundle = export(p, tmp_path / "2.bundle")
    assert "audit_anchor" not in unpack(bundle, c)[0]  # the chain no longer reaches the last head
    report = receive(c, bundle)
    assert report["applied"] and report["audit"]["rewritten"]["kind"] == "shorter"
    assert heads(c)[-1].rewritten == "shorter"


def test_a_bundle_without_the_fields_still_imports(pair: Pair, tmp_path: Path) -> None:
    # a bundle as an older program version writes it: no audit_head, no audit_anchor
    p, c = pair.province, pair.centre
    manifest, entries = unpack(export(p, tmp_path / "new.bundle"), c)
    manifest.pop("audit_head")
    old = craft(p.keys, c, manifest, entries, tmp_path / "old.bundle")
    report = receive(c, old)
    assert report["applied"] and report["audit"] == {"head": None, "anchor": None, "rewritten": None}
    assert heads(c) == []


def test_the_verify_report_warns_before_anything_is_applied(pair: Pair, tmp_path: Path) -> None:
    p, c = pair.province, pair.centre
    receive(c, export(p, tmp_path / "1.bundle"))
    victim = entry_ids(p)[1]
    with p.ws.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET details = '{}' WHERE id = :i"), {"i": victim})
    rehash_from(p, victim)
    bundle = export(p, tmp_path / "2.bundle")
    before = c.dump()
    report = sync.verify_bundle(c.ws, c.actor, c.keys, bundle)
    assert not report["applied"] and report["audit"]["rewritten"]["kind"] == "anchor"
    assert c.dump() == before


def _head(value: Any) -> Any:
    def change(m: dict[str, Any]) -> None:
        m["audit_head"] = value

    return change


def _anchor(head: Any, anchor: Any) -> Any:
    def change(m: dict[str, Any]) -> None:
        m["audit_head"], m["audit_anchor"] = head, anchor

    return change


H = "ab" * 32
HOSTILE = {
    "null head": _head(None),
    "head as a list": _head([3, H]),
    "length as text": _head({"length": "12", "hash": H}),
    "length as a float": _head({"length": 12.0, "hash": H}),
    "length as a boolean": _head({"length": True, "hash": H}),
    "negative length": _head({"length": -1, "hash": H}),
    "zero length": _head({"length": 0, "hash": H}),
    "huge length": _head({"length": 2**64, "hash": H}),
    "hash as a number": _head({"length": 3, "hash": 123}),
    "short hash": _head({"length": 3, "hash": "abc"}),
    "upper-case hash": _head({"length": 3, "hash": H.upper()}),
    "unknown field": _head({"length": 3, "hash": H, "note": "x"}),
    "missing hash": _head({"length": 3}),
    "anchor without head": lambda m: (m.pop("audit_head"), m.update(audit_anchor={"length": 1, "hash": H})),
    "anchor beyond head": _anchor({"length": 3, "hash": H}, {"length": 4, "hash": H}),
    "anchor and head differ at one length": _anchor(
        {"length": 3, "hash": H}, {"length": 3, "hash": "cd" * 32}
    ),
    "negative anchor": _anchor({"length": 3, "hash": H}, {"length": -5, "hash": H}),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_audit_fields_are_refused_with_reasons(pair: Pair, tmp_path: Path, case: str) -> None:
    p, c = pair.province, pair.centre
    manifest, entries = unpack(export(p, tmp_path / "genuine.bundle"), c)
    HOSTILE[case](manifest)
    bad = craft(p.keys, c, manifest, entries, tmp_path / "bad.bundle")
    err = refused(c, bad)
    assert err.reason == "bad_manifest" and err.detail and "audit" in err.detail, err.detail


def test_an_anchor_never_recorded_is_no_warning(pair: Pair, tmp_path: Path) -> None:
    # a bundle after one that was lost names a length the centre never saw: nothing to compare
    p, c = pair.province, pair.centre
    manifest, entries = unpack(export(p, tmp_path / "genuine.bundle"), c)
    length = manifest["audit_head"]["length"]
    manifest["audit_anchor"] = {"length": length - 1, "hash": H}
    report = receive(c, craft(p.keys, c, manifest, entries, tmp_path / "x.bundle"))
    assert report["applied"] and report["audit"]["rewritten"] is None
    with p.ws.db.session() as s:
        head = chain_head(s)
    assert head is not None and head.length > length  # the export's own entry came after the head

"""Audit chain heads between offices (issue 17): each bundle's manifest states the sender's audit chain
head and an anchor; the receiver keeps every head it received and notices a rewritten history.

The anchor is the sender's chain hash *now* at the length its chain had when it last exported to the
same recipient. An honest chain only grows, so that hash equals the head the recipient recorded then;
anyone who edited an old entry and re-hashed the chain from there (so that the sender's own ``audit
verify`` passes) changed it. Heads are compared per sender key: a re-installed office starts a new
chain under a new key.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cluster_desktop.domain.numbers import to_persian_digits as fa
from cluster_desktop.store.audit_chain import ChainPoint, chain_head, hash_at
from cluster_desktop.store.models import PeerAuditHead, SentBundle

from .manifest import Manifest


def for_export(session: Session, peer_id: str) -> tuple[ChainPoint | None, ChainPoint | None]:
    """The head to state in a bundle for ``peer_id`` and the anchor at our previous bundle's head.

    No anchor before the first bundle with a head, or when the chain is now shorter than it was (the
    recipient sees that from the head itself)."""
    head = chain_head(session)
    previous = session.scalar(
        select(SentBundle.audit_length)
        .where(SentBundle.peer_office_id == peer_id, SentBundle.audit_length.is_not(None))
        .order_by(SentBundle.created_at.desc(), SentBundle.sequence.desc())
        .limit(1)
    )
    if head is None or previous is None or previous > head.length:
        return head, None
    digest = hash_at(session, previous)
    return head, ChainPoint(previous, digest) if digest else None


@dataclass(frozen=True)
class Rewrite:
    """A bundle whose audit chain does not continue what its sender reported before."""

    kind: str  # "anchor": another hash at an earlier length; "head": at the same length; "shorter"
    length: int  # the length compared (for "shorter": the bundle's head)
    recorded_length: int  # what we recorded earlier (the same length, or the longest for "shorter")
    recorded_hash: str | None
    stated_hash: str | None


def _recorded(session: Session, manifest: Manifest, length: int) -> set[str]:
    q = select(PeerAuditHead.entry_hash).where(
        PeerAuditHead.sender_office_id == manifest.sender.office_id,
        PeerAuditHead.sender_fingerprint == manifest.sender.fingerprint,
        PeerAuditHead.length == length,
    )
    return set(session.scalars(q.distinct()))


def check(session: Session, manifest: Manifest) -> Rewrite | None:
    """Compare a bundle's head and anchor with the heads recorded from the same sender and key.

    Only what was recorded can be compared: a bundle after a lost one may name a length never seen."""
    head = manifest.audit_head
    if head is None:  # a bundle of an older program version
        return None
    for point, kind in ((manifest.audit_anchor, "anchor"), (head, "head")):
        if point is None:
            continue
        other = sorted(_recorded(session, manifest, point.length) - {point.hash})
        if other:
            return Rewrite(kind, point.length, point.length, other[0], point.hash)
    longest = session.scalar(
        select(func.max(PeerAuditHead.length)).where(
            PeerAuditHead.sender_office_id == manifest.sender.office_id,
            PeerAuditHead.sender_fingerprint == manifest.sender.fingerprint,
        )
    )
    if longest is not None and head.length < longest:
        hashes = sorted(_recorded(session, manifest, longest))
        return Rewrite("shorter", head.length, int(longest), hashes[0] if hashes else None, head.hash)
    return None


def record(session: Session, manifest: Manifest, rewrite: Rewrite | None) -> None:
    """Keep the bundle's head (in the import's transaction), flagged if it showed a rewrite."""
    head = manifest.audit_head
    if head is None:
        return
    anchor = manifest.audit_anchor
    session.add(
        PeerAuditHead(
            sender_office_id=manifest.sender.office_id,
            sender_fingerprint=manifest.sender.fingerprint,
            bundle_id=manifest.bundle_id,
            sequence=manifest.sequence,
            length=head.length,
            entry_hash=head.hash,
            anchor_length=anchor.length if anchor else None,
            anchor_hash=anchor.hash if anchor else None,
            rewritten=rewrite.kind if rewrite else "",
            conflict_length=rewrite.recorded_length if rewrite else None,
            recorded_hash=rewrite.recorded_hash if rewrite else None,
        )
    )


def warning(office: str, kind: str, length: int, recorded_length: int) -> tuple[str, str]:
    """The Persian and English warning for a rewritten history; ``office`` names the sender."""
    if kind == "shorter":
        what_fa = (
            f"زنجیرهٔ ممیزی آن اکنون {fa(length)} ردیف دارد، کمتر از {fa(recorded_length)} ردیفی که پیش‌تر "
            "گزارش کرده بود"
        )
        what_en = (
            f"its audit chain now has {length} entries, fewer than the {recorded_length} it reported before"
        )
    else:
        what_fa = f"زنجیرهٔ ممیزی آن تا ردیف {fa(length)} با آنچه پیش‌تر در بسته‌هایش گزارش کرده بود نمی‌خواند"
        what_en = f"its audit chain up to entry {length} no longer matches what its earlier bundles reported"
    return (
        f"هشدار: گزارش ممیزی دفتر {office} پس از ثبت بازنویسی شده است؛ {what_fa}. بسته وارد شد، ولی این را "
        "به مدیر سیستم و واحد فناوری اطلاعات هر دو دفتر گزارش کنید.",
        f"Warning: the audit log of office {office} was rewritten after it was written; {what_en}. The bundle "
        "was imported, but report this to the administrators and IT staff of both offices.",
    )


def report_fields(manifest: Manifest, rewrite: Rewrite | None, office: str) -> dict[str, object]:
    """What an import report says about the sender's audit chain (JSON-ready)."""
    head, anchor = manifest.audit_head, manifest.audit_anchor
    out: dict[str, object] = {
        "head": {"length": head.length, "hash": head.hash} if head else None,
        "anchor": {"length": anchor.length, "hash": anchor.hash} if anchor else None,
        "rewritten": None,
    }
    if rewrite is not None:
        warning_fa, warning_en = warning(office, rewrite.kind, rewrite.length, rewrite.recorded_length)
        out["rewritten"] = {
            "kind": rewrite.kind,
            "length": rewrite.length,
            "recorded_length": rewrite.recorded_length,
            "recorded_hash": rewrite.recorded_hash,
            "stated_hash": rewrite.stated_hash,
            "warning_fa": warning_fa,
            "warning_en": warning_en,
        }
    return out

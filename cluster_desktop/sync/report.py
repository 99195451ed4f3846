"""The import report: who signed a bundle, when, what it holds and what importing it changed.

Plain data (JSON-ready) plus short summaries in Persian and English, so the CLI prints it as is and
the GUI shows it before anything is applied (verify) and after (import).
"""

from __future__ import annotations

from typing import Any

from cluster_desktop.domain.jalali import format_jalali_datetime
from cluster_desktop.domain.numbers import format_int, to_persian_digits
from cluster_desktop.domain.workflow import DOSSIER_STATE_TITLES, PROGRAMME_STATE_TITLES
from cluster_desktop.store.models import Office

from . import audit_heads
from .audit_heads import Rewrite
from .importer import ReadBundle
from .keys import fingerprint_text
from .manifest import BundleKind
from .records import stamp

KIND_TITLES = {
    BundleKind.PROVINCE_SUBMISSION: ("بستهٔ ارسالی استان به مرکز", "a province's submission to the centre"),
    BundleKind.CENTRAL_DECISION: ("بستهٔ تصمیم‌های مرکز برای استان", "the centre's decisions for a province"),
}
TABLE_TITLES = {
    "clusters": ("خوشه", "clusters"),
    "dossiers": ("پرونده", "dossiers"),
    "feasibility_plans": ("طرح توجیهی", "feasibility plans"),
    "attachments": ("پیوست", "attachments"),
    "evaluations": ("برگهٔ ارزیابی", "evaluation sheets"),
    "transitions": ("گام گردش کار", "workflow steps"),
    "meetings": ("صورتجلسه", "meetings"),
    "licenses": ("پروانه", "licenses"),
    "databank_entries": ("ثبت در بانک اطلاعات", "databank entries"),
    "criteria_sets": ("مجموعه معیار", "criteria sets"),
    "instructions": ("دستورالعمل", "instructions"),
    "training_events": ("رویداد آموزشی و ترویجی", "training and awareness events"),
    "plan_requests": ("درخواست تکمیل طرح توجیهی", "plan requests"),
    "office_details": ("مشخصات دبیرخانه", "secretariat details"),
    "province_liaisons": ("نمایندهٔ ارتباطی سازمان توسعه تجارت", "TPO liaisons"),
    "programmes": ("طرح توسعه‌ای", "development programmes"),
    "support_packages": ("بستهٔ حمایتی", "support packages"),
    "support_items": ("قلم بستهٔ حمایتی", "support items"),
    "allocations": ("تخصیص منابع", "allocations"),
    "activities": ("فعالیت اجرایی", "activities"),
    "indicators": ("شاخص پایش", "indicators"),
    "indicator_values": ("مقدار هدف و واقعی شاخص", "indicator targets and actuals"),
}


def _state(value: str | None, lang: int, titles: dict[str, tuple[str, str]] = DOSSIER_STATE_TITLES) -> str:
    if value is None:
        return "—"
    return titles.get(value, (value, value))[lang]


def build_report(
    bundle: ReadBundle,
    sender: Office | None,
    tables: dict[str, dict[str, int]],
    states: dict[str, tuple[str, str]],
    names: dict[str, str],
    before: dict[str, str],
    *,
    applied: bool,
    acked: list[int],
    rewrite: Rewrite | None = None,
    programmes: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The report of a verified (``applied=False``) or imported bundle; ``rewrite`` when the sender's
    audit chain does not continue what it reported before (audit_heads.check); ``programmes``: the
    development programmes it concerns, with their state before and after."""
    m = bundle.manifest
    sender_name = sender.name_fa if sender else m.sender.office_id
    dossiers = []
    for did in sorted(set(names) | set(states)):
        old, new = states.get(did, (before.get(did), before.get(did)))
        dossiers.append({"id": did, "name": names.get(did, ""), "before": old, "after": new})
    att_bytes = sum(p.stat().st_size for p in bundle.attachments.values())
    gap = bundle.gap
    report: dict[str, Any] = {
        "applied": applied,
        "bundle_id": m.bundle_id,
        "kind": str(m.kind),
        "sequence": m.sequence,
        "covers_after": bundle.covers_after,
        "part": bundle.part,
        "parts": bundle.parts,
        "gap": list(gap) if gap else None,
        "sender": {
            "office_id": m.sender.office_id,
            "name": sender_name,
            "fingerprint": m.sender.fingerprint,
            "fingerprint_text": fingerprint_text(m.sender.fingerprint),
        },
        "recipient": m.recipient.office_id,
        "created_at": stamp(m.created_at),
        "record_counts": dict(m.record_counts),
        "attachments": {"files": len(bundle.attachments), "bytes": att_bytes},
        "tables": tables,
        "dossiers": dossiers,
        "programmes": programmes or [],
        "acknowledged": acked,
        "audit": audit_heads.report_fields(m, rewrite, f"{sender_name} ({m.sender.office_id})"),
    }
    report["summary_fa"], report["summary_en"] = _summaries(report, m.kind, m.created_at)
    return report


def _summaries(r: dict[str, Any], kind: BundleKind, created: Any) -> tuple[list[str], list[str]]:
    kind_fa, kind_en = KIND_TITLES[kind]
    fa = [
        f"{kind_fa}، شمارهٔ {to_persian_digits(r['sequence'])}",
        f"امضاکننده: {r['sender']['name']} ({r['sender']['office_id']})، اثر انگشت {r['sender']['fingerprint_text']}",
        f"زمان ساخت: {format_jalali_datetime(created)}",
    ]
    en = [
        f"{kind_en}, number {r['sequence']}",
        f"Signed by: {r['sender']['office_id']}, fingerprint {r['sender']['fingerprint_text']}",
        f"Made at: {r['created_at']}",
    ]
    held_fa, held_en = [], []
    for table, (t_fa, t_en) in TABLE_TITLES.items():
        n = r["record_counts"].get(table, 0)
        if n:
            held_fa.append(f"{format_int(n)} {t_fa}")
            held_en.append(f"{n} {t_en}")
    if held_fa:
        fa.append("محتوا: " + "، ".join(held_fa))
        en.append("Holds: " + ", ".join(held_en))
    if r["attachments"]["files"]:
        mb = r["attachments"]["bytes"] / 2**20
        fa.append(
            f"فایل پیوست: {format_int(r['attachments']['files'])} ({to_persian_digits(f'{mb:.1f}')} مگابایت)"
        )
        en.append(f"Attachment files: {r['attachments']['files']} ({mb:.1f} MB)")
    if r["gap"]:
        a, b = r["gap"]
        fa.append(
            f"بسته‌های {to_persian_digits(a)} تا {to_persian_digits(b)} هرگز نرسیدند؛ این بسته همهٔ تغییرات آن‌ها را هم دارد."
        )
        en.append(f"Bundles {a} to {b} never arrived; this bundle carries all their changes.")
    verb_fa = "افزوده شد" if r["applied"] else "افزوده می‌شود"
    add = sum(t.get("add", 0) for t in r["tables"].values())
    upd = sum(t.get("update", 0) for t in r["tables"].values())
    same = sum(t.get("unchanged", 0) for t in r["tables"].values())
    fa.append(
        f"رکوردها: {format_int(add)} {verb_fa}، {format_int(upd)} به‌روز، {format_int(same)} بدون تغییر (نسخهٔ برابر یا قدیمی‌تر)"
    )
    en.append(f"Records: {add} added, {upd} updated, {same} unchanged (equal or older version)")
    for d in r["dossiers"]:
        if d["before"] != d["after"]:
            fa.append(f"«{d['name']}»: {_state(d['before'], 0)} ← {_state(d['after'], 0)}")
            en.append(f"'{d['name']}': {_state(d['before'], 1)} -> {_state(d['after'], 1)}")
    for p in r["programmes"]:
        if p["before"] != p["after"]:
            old_fa, new_fa = (
                _state(p["before"], 0, PROGRAMME_STATE_TITLES),
                _state(p["after"], 0, PROGRAMME_STATE_TITLES),
            )
            old_en, new_en = (
                _state(p["before"], 1, PROGRAMME_STATE_TITLES),
                _state(p["after"], 1, PROGRAMME_STATE_TITLES),
            )
            fa.append(f"طرح «{p['title']}»: {old_fa} ← {new_fa}")
            en.append(f"Programme '{p['title']}': {old_en} -> {new_en}")
    if r["acknowledged"]:
        seqs = "، ".join(to_persian_digits(s) for s in r["acknowledged"])
        fa.append(f"دریافت بسته‌های {seqs} تأیید شد.")
        en.append(f"Bundles {', '.join(map(str, r['acknowledged']))} acknowledged.")
    rewritten = r["audit"]["rewritten"]
    if rewritten:  # first, where nobody reads past it
        fa.insert(0, rewritten["warning_fa"])
        en.insert(0, rewritten["warning_en"])
    return fa, en

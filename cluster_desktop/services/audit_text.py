"""An audit entry in words: what it concerned and its details, in Persian and English, never raw JSON.

Pure functions over one entry and the names its page looked up (``Names``), so the audit view, the CLI
and the Excel export say the same thing. Detail values typed by people (names, reasons) are returned
as they are: the GUI shows them as plain text and the export keeps them from becoming formulas.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cluster_desktop.domain.jalali import format_jalali_datetime, to_tehran
from cluster_desktop.domain.numbers import format_int, to_persian_digits
from cluster_desktop.domain.roles import OFFICE_KIND_TITLES, ROLE_TITLES, OfficeKind, Role
from cluster_desktop.domain.workflow import STATE_TITLES

# What an entry is about (``AuditEntry.entity``).
ENTITY_TITLES: dict[str, tuple[str, str]] = {
    "dossier": ("پرونده", "dossier"),
    "cluster": ("خوشه", "cluster"),
    "user": ("کاربر", "user"),
    "office": ("دفتر", "office"),
    "member": ("عضو کارگروه", "working-group member"),
    "meeting": ("جلسهٔ کارگروه", "meeting"),
    "plan": ("طرح توجیهی", "feasibility plan"),
    "attachment": ("پیوست", "attachment"),
    "evaluation": ("برگهٔ ارزیابی", "evaluation sheet"),
    "license": ("پروانه", "license"),
    "criteria_set": ("مجموعه‌معیار", "criteria set"),
    "databank": ("بانک اطلاعات", "databank"),
    "database": ("پایگاه داده", "database"),
    "training_event": ("رویداد آموزشی", "event"),
    "instruction": ("دستورالعمل", "instruction"),
    "plan_request": ("درخواست طرح توجیهی", "plan request"),
    "programme": ("برنامهٔ توسعه", "development programme"),
    "support_item": ("قلم بستهٔ حمایتی", "support item"),
    "allocation": ("تخصیص منابع", "allocation"),
    "activity": ("فعالیت اجرایی", "activity"),
    "indicator": ("شاخص پایش", "indicator"),
    "indicator_value": ("مقدار شاخص", "indicator value"),
    "audit_log": ("گزارش ممیزی", "audit log"),
}

# Detail keys as people read them, in the order they are listed.
DETAIL_LABELS: dict[str, tuple[str, str]] = {
    "name": ("نام", "name"),
    "title": ("عنوان", "title"),
    "username": ("نام کاربری", "username"),
    "role": ("نقش", "role"),
    "number": ("شماره", "number"),
    "code": ("کد", "code"),
    "revision": ("بازنگری", "revision"),
    "previous": ("شمارهٔ پیشین", "previous number"),
    "to": ("وضعیت جدید", "new state"),
    "f_code": ("فرایند", "process"),
    "minutes": ("صورتجلسه", "minutes"),
    "dossier": ("پرونده", "dossier"),
    "programme": ("برنامه", "programme"),
    "period": ("دوره", "period"),
    "ceiling": ("سقف اختیارات استان (ریال)", "provincial ceiling (rial)"),
    "active": ("فعال", "active"),
    "reason": ("دلیل", "reason"),
    "kind": ("نوع", "kind"),
    "count": ("تعداد", "count"),
    "dossiers": ("پرونده‌ها", "dossiers"),
    "clusters": ("خوشه‌ها", "clusters"),
    "sequences": ("شمارهٔ بسته‌ها", "bundle numbers"),
    "sequence": ("شمارهٔ بسته", "bundle number"),
    "bundle": ("شناسهٔ بسته", "bundle id"),
    "format": ("قالب", "format"),
    "file": ("فایل", "file"),
    "rows": ("ردیف‌ها", "rows"),
    "failures": ("گذرواژه‌های نادرست پیاپی", "wrong passwords in a row"),
    "until": ("تا", "until"),
    "fingerprint": ("اثر انگشت کلید", "key fingerprint"),
    "sha256": ("اثر انگشت فایل", "file hash"),
    "length": ("ردیف زنجیره", "chain entry"),
    "recorded": ("چکیدهٔ ثبت‌شده", "hash recorded"),
    "stated": ("چکیدهٔ اعلام‌شده", "hash stated"),
    "source": ("منبع", "source"),
    "path": ("مسیر", "path"),
}

_REWRITE_KINDS = {
    "anchor": ("زنجیرهٔ پیشین دیگرگون شده", "the earlier chain changed"),
    "head": ("سرِ زنجیره در همان طول دیگرگون شده", "the head changed at the same length"),
    "shorter": ("زنجیره کوتاه‌تر شده", "the chain became shorter"),
}
_HASH_KEYS = ("sha256", "recorded", "stated", "fingerprint")


@dataclass
class Names:
    """Names a page of entries refers to, looked up once for the whole page."""

    dossiers: dict[str, str] = field(default_factory=dict)  # dossier id -> cluster name
    clusters: dict[str, str] = field(default_factory=dict)  # cluster id -> name
    offices: dict[str, str] = field(default_factory=dict)  # office id -> Persian name
    users: dict[str, str] = field(default_factory=dict)  # username or user id (text) -> full name
    programmes: dict[str, str] = field(default_factory=dict)  # programme id -> title
    licenses: dict[str, str] = field(default_factory=dict)  # license id -> number


def _digits(text: str, fa: bool) -> str:
    return to_persian_digits(text) if fa else text


def _short(digest: str) -> str:
    return digest[:12] + "…" if len(digest) > 12 else digest


def _when(text: str, fa: bool) -> str:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    return format_jalali_datetime(moment) if fa else to_tehran(moment).strftime("%Y-%m-%d %H:%M")


def _value(key: str, value: Any, names: Names, fa: bool) -> str:
    i = 0 if fa else 1
    if isinstance(value, bool):
        return ("بله", "yes")[i] if value else ("خیر", "no")[i]
    if isinstance(value, int):
        return format_int(value, persian=fa, grouping=key not in ("sequence", "number", "revision", "length"))
    if isinstance(value, list):
        return ("، " if fa else ", ").join(_value(key, v, names, fa) for v in value)
    if not isinstance(value, str):
        return str(value)
    lookups: dict[str, Callable[[str], str | None]] = {
        "to": lambda v: STATE_TITLES.get(v, (None, None))[i],
        "role": lambda v: ROLE_TITLES[Role(v)][i] if v in Role._value2member_map_ else None,
        "dossier": names.dossiers.get,
        "programme": names.programmes.get,
        "until": lambda v: _when(v, fa),
    }
    if key in lookups and (found := lookups[key](value)):
        return found
    if key == "kind":
        if value in OfficeKind._value2member_map_:
            return OFFICE_KIND_TITLES[OfficeKind(value)][i]
        return _REWRITE_KINDS.get(value, (value, value))[i]
    if key in _HASH_KEYS:
        return _short(value)
    if key == "bundle":  # a bundle's uuid: its first group tells it apart
        return value.split("-")[0] + "…"
    if key in ("number", "minutes", "code", "period", "sequence"):  # F-codes keep Latin digits
        return _digits(value, fa)
    return value


def details_text(
    details: dict[str, Any] | None, names: Names, *, fa: bool = True, skip: tuple[str, ...] = ()
) -> str:
    """``وضعیت جدید: تأییدشده در استان؛ فرایند: F3-4؛ صورتجلسه: ۱۲`` — every detail, labelled, but
    those in ``skip`` (already shown as the entry's subject or dossier)."""
    d = {k: v for k, v in (details or {}).items() if k not in skip}
    known = [k for k in DETAIL_LABELS if k in d]
    rest = sorted(k for k in d if k not in DETAIL_LABELS)
    parts = []
    for key in known + rest:
        label = DETAIL_LABELS.get(key, (key, key))[0 if fa else 1]
        parts.append(f"{label}: {_value(key, d[key], names, fa)}")
    return ("؛ " if fa else "; ").join(parts)


@dataclass(frozen=True)
class Subject:
    fa: str
    en: str
    detail: str | None = None  # the detail key that named it (not repeated in the details)
    name: str = ""  # the name alone

    def without(self, shown: str) -> Subject:
        """Only the kind of thing, when its name is already shown beside it (the dossier column)."""
        if not self.name or self.name != shown:
            return self
        fa, _sep, _name = self.fa.partition(": ")
        en, _sep, _name = self.en.partition(": ")
        return Subject(fa, en, self.detail)


def subject_text(entity: str, entity_id: str | None, details: dict[str, Any] | None, names: Names) -> Subject:
    """What the entry concerned, e.g. ``پرونده: خوشهٔ فرش کاشان`` (Persian, English)."""
    fa, en = ENTITY_TITLES.get(entity, (entity, entity))
    d = details or {}
    eid = entity_id or ""
    own = {
        "dossier": names.dossiers.get(eid),
        "cluster": names.clusters.get(eid),
        "office": f"{names.offices[eid]} ({eid})" if eid in names.offices else eid,
        "user": eid if eid and not eid.isdigit() else names.users.get(eid),
        "programme": names.programmes.get(eid),
        "license": names.licenses.get(eid),
    }.get(entity)
    key = next((k for k in ("name", "title", "username", "number") if d.get(k)), None)
    if key is not None and (not own or entity in ("cluster", "license", "user")):
        own, used = str(d[key]), key  # as recorded then (a cluster renamed since keeps its old name here)
    else:
        used = None
    if not own:
        return Subject(fa, en)
    shown = to_persian_digits(own) if entity in ("license", "meeting") else own
    return Subject(f"{fa}: {shown}", f"{en}: {own}", used, own)

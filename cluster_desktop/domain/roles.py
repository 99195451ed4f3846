"""Who acts: application roles, office kinds and working-group member roles."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """An application user's role; permissions in the workflows are granted per role."""

    ADMIN = "admin"
    SECRETARY = "secretary"
    EVALUATOR = "evaluator"
    CLERK = "clerk"
    VIEWER = "viewer"


class OfficeKind(StrEnum):
    """The kind of office an installation belongs to: TPO in Tehran or a provincial organization."""

    CENTRAL = "central"
    PROVINCE = "province"


class MemberRole(StrEnum):
    """A person's seat in a working group (F1/F2), independent of their application role."""

    CHAIR = "chair"
    SECRETARY = "secretary"
    MEMBER = "member"


ROLE_TITLES: dict[Role, tuple[str, str]] = {
    Role.ADMIN: ("مدیر سامانه", "System administrator"),
    Role.SECRETARY: ("دبیر کارگروه", "Working-group secretary"),
    Role.EVALUATOR: ("عضو کارگروه (ارزیاب)", "Working-group member (evaluator)"),
    Role.CLERK: ("کارشناس", "Clerk"),
    Role.VIEWER: ("ناظر", "Viewer"),
}

OFFICE_KIND_TITLES: dict[OfficeKind, tuple[str, str]] = {
    OfficeKind.CENTRAL: ("سازمان توسعه تجارت ایران (مرکز)", "Trade Promotion Organization (centre)"),
    OfficeKind.PROVINCE: ("سازمان بازرگانی استان", "Provincial commerce organization"),
}

MEMBER_ROLE_TITLES: dict[MemberRole, tuple[str, str]] = {
    MemberRole.CHAIR: ("رئیس", "Chair"),
    MemberRole.SECRETARY: ("دبیر", "Secretary"),
    MemberRole.MEMBER: ("عضو", "Member"),
}

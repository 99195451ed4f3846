"""Who is acting: every service call takes an Actor and checks its role here, not in the GUI."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cluster_desktop.domain.errors import PermissionDenied
from cluster_desktop.domain.roles import ROLE_TITLES, OfficeKind, Role


@dataclass(frozen=True)
class Actor:
    user_id: int
    username: str
    full_name: str
    role: Role
    office_id: str
    office_kind: OfficeKind
    province_code: str | None
    member_id: str | None = None

    @property
    def label(self) -> str:
        """How the history shows this person: full name and username."""
        return f"{self.full_name} ({self.username})"


def require(actor: Actor, roles: Iterable[Role], *, what_fa: str, what_en: str) -> None:
    """Refuse unless the actor's role is one of ``roles``; admin may do everything."""
    allowed = set(roles)
    if actor.role is Role.ADMIN or actor.role in allowed:
        return
    title_fa, title_en = ROLE_TITLES[actor.role]
    raise PermissionDenied(
        f"نقش «{title_fa}» اجازهٔ {what_fa} را ندارد.",
        f"The role '{title_en}' may not {what_en}.",
    )


def require_office(actor: Actor, kind: OfficeKind, *, what_fa: str, what_en: str) -> None:
    if actor.office_kind is not kind:
        where_fa = "سازمان توسعه تجارت (مرکز)" if kind is OfficeKind.CENTRAL else "دفتر استانی"
        raise PermissionDenied(
            f"{what_fa} فقط در {where_fa} انجام می‌شود.",
            f"Only a {kind.value} office may {what_en}.",
        )


EDITORS = (Role.SECRETARY, Role.CLERK)
DECIDERS = (Role.SECRETARY,)

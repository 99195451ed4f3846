from __future__ import annotations

from cluster_desktop.domain.roles import MEMBER_ROLE_TITLES, ROLE_TITLES, MemberRole, OfficeKind, Role


def test_every_role_has_both_titles():
    assert set(ROLE_TITLES) == set(Role)
    assert ROLE_TITLES[Role.SECRETARY][0] == "دبیر کارگروه"
    assert all(fa and en for fa, en in ROLE_TITLES.values())


def test_values_are_stable_strings():
    assert [r.value for r in Role] == ["admin", "secretary", "evaluator", "clerk", "viewer"]
    assert OfficeKind("central") is OfficeKind.CENTRAL
    assert MEMBER_ROLE_TITLES[MemberRole.CHAIR][0] == "رئیس"

"""Notification letters of F11: approving a support package gives one letter per responsible agency,
with the items that agency must carry out; refused, with the reason, before approval or for an agency
the package does not name (SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace
from io import BytesIO

import pytest
from sqlalchemy import select

from cluster_desktop.domain.errors import ConflictError, NotFound, PermissionDenied
from cluster_desktop.domain.roles import Role
from cluster_desktop.services import groups, notifications
from cluster_desktop.services import programmes as prog
from cluster_desktop.store.models import Meeting, Programme


def _in_state(ws, state: str) -> str:  # type: ignore[no-untyped-def]
    with ws.db.session() as s:
        found = s.scalars(select(Programme.id).where(Programme.state == state).order_by(Programme.id)).first()
    assert found, state
    return str(found)


def test_approving_a_package_gives_one_letter_per_responsible_agency(central_demo) -> None:
    ws, admin = central_demo("admin")
    pid = _in_state(ws, "centrally_approved")
    with ws.db.session() as s:
        # GIVEN a package of three items, two of them for the banks, proposed (F10)
        for title, agency, amount in (
            ("تسهیلات سرمایه در گردش صادراتی", "BANKS", "3000000000"),
            ("ضمانت‌نامهٔ صادراتی", "EGFI", "1200000000"),
            ("وام خرید ماشین‌آلات بسته‌بندی", "BANKS", "800000000"),
        ):
            prog.add_item(s, admin, pid, prog.ItemInput(title, agency, amount))
        prog.transition(s, admin, pid, "propose_package")
        # no letter yet, the reason named
        with pytest.raises(ConflictError) as early:
            notifications.letter_agencies(s, admin, pid)
        assert "تأیید" in early.value.fa
    # WHEN the working group approves it in a minuted meeting (F11)
    with ws.db.session() as s:
        meeting = groups.list_meetings(s, admin, open_only=True)[0]
        minutes = meeting.number
        prog.transition(s, admin, pid, "approve_package", meeting_id=meeting.id)
    with ws.db.session() as s:
        items = prog.item_rows(s, pid)
        agencies = notifications.letter_agencies(s, admin, pid)
        letters = {a.code: notifications.notification_data(s, admin, pid, agency=a.code) for a in agencies}
        package = prog.package_of(s, pid)
        assert package is not None
        notified_on = package.notified_on
    # THEN one letter per agency responsible for items (matrix order: EGFI's column before the banks'),
    # each with exactly its own items, numbered after the minutes and dated the day of notification
    assert [a.code for a in agencies] == ["EGFI", "BANKS"]
    for place, a in enumerate(agencies, 1):
        letter = letters[a.code]
        own = [i for i in items if i.organization_code == a.code]
        assert [li.title for li in letter.items] == [i.title for i in own]
        assert a.items == len(own) and a.amount_rial == sum(i.amount_rial for i in own)
        assert letter.agency == a.name_fa and letter.notified_on == notified_on
        assert letter.number == f"{minutes}/{place}" and letter.minutes_number == minutes
        assert letter.package_rial == 5_000_000_000
    assert [i.amount_rial for i in letters["BANKS"].items] == [3_000_000_000, 800_000_000]


def test_letters_are_refused_for_agencies_the_package_does_not_name(central_demo) -> None:
    ws, admin = central_demo("admin")
    pid = _in_state(ws, "package_approved")
    viewer = replace(admin, user_id=0, username="viewer", role=Role.VIEWER)
    with ws.db.session() as s:
        agencies = notifications.letter_agencies(s, viewer, pid)  # printing changes nothing: a viewer may
        named = {a.code for a in agencies}
        other = next(code for code, _fa, _en in prog.agencies(s) if code not in named)
        with pytest.raises(ConflictError) as not_named:
            notifications.notification_data(s, viewer, pid, agency=other)
        assert not_named.value.field == "agency" and agencies[0].code in not_named.value.fa
        with pytest.raises(NotFound):
            notifications.notification_data(s, viewer, pid, agency="NO_SUCH_AGENCY")
        with pytest.raises(NotFound):
            notifications.letter_agencies(s, viewer, "no-such-programme")
        # by its Persian name, in Arabic letters and without the ZWNJ, and by its code in any case
        a = agencies[-1]
        typed = a.name_fa.replace("ی", "ي").replace("\u200c", " ")
        assert notifications.notification_data(s, viewer, pid[:8], agency=typed).agency == a.name_fa
        assert notifications.notification_data(s, viewer, pid, agency=a.code.lower()).agency == a.name_fa
        stranger = replace(admin, office_id="IR-07")
        with pytest.raises(PermissionDenied):
            notifications.letter_agencies(s, stranger, pid)
        out = BytesIO()
        notifications.print_notification(s, viewer, pid, out, agency=a.code)
        assert out.getvalue().startswith(b"%PDF")
        # without minutes (a package approved before meetings were linked) the number is left to write
        package = prog.package_of(s, pid)
        assert package is not None and s.get(Meeting, package.meeting_id) is not None
        assert notifications.letter_number("", 2) == ""
        s.rollback()

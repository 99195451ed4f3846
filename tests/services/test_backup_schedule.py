"""The daily backup when the program closes, and what backups/ keeps: 7 daily and 4 weekly scheduled
archives; manual ones and the copies from before a restore or a migration are never removed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from cluster_desktop.services.backup import backup_if_due, list_backups, local_day, rotation_victims
from cluster_desktop.services.workspace import Workspace
from cluster_desktop.store.backup_archive import archive_name, parse_archive_name
from cluster_desktop.store.models import AuditEntry

# A Saturday noon in Tehran (08:30 UTC); 40 days back from here.
NOW = datetime(2026, 12, 5, 8, 30, tzinfo=UTC)


def scheduled(days_ago: int, hour: int = 8) -> str:
    return archive_name("IR-07", NOW.replace(hour=hour) - timedelta(days=days_ago), "scheduled")


def test_names_round_trip() -> None:
    name = archive_name("IR-07", NOW, "before-restore")
    assert name == "cluster-desktop-IR-07-20261205T083000Z-before-restore.cdbackup"
    parsed = parse_archive_name(name)
    assert parsed is not None and (parsed.office_id, parsed.created_at, parsed.label) == (
        "IR-07",
        NOW,
        "before-restore",
    )
    assert parse_archive_name(archive_name("TPO", NOW, "manual")).label == "manual"  # type: ignore[union-attr]
    assert parse_archive_name("holiday.jpg") is None


def test_rotation_keeps_seven_days_and_four_weeks() -> None:
    # GIVEN a scheduled backup on each of 40 days (two on the newest day), a manual one, the copy from
    # before a restore, and a file of somebody else
    names = [scheduled(d) for d in range(40)] + [scheduled(0, hour=6)]
    others = [
        archive_name("IR-07", NOW - timedelta(days=90), "manual"),
        archive_name("IR-07", NOW - timedelta(days=80), "before-restore"),
        "cluster-desktop-20260101T000000Z-before-0008.sqlite3",
        "notes.txt",
    ]
    # WHEN the rotation decides
    victims = set(rotation_victims(names + others))
    kept = set(names) - victims
    # THEN the newest of the last 7 days and the newest of the last 4 ISO weeks stay, nothing else
    days = sorted({local_day(parse_archive_name(n).created_at) for n in kept})  # type: ignore[union-attr]
    last7 = [local_day(NOW) - timedelta(days=d) for d in range(7)]
    assert set(last7) <= set(days)
    weeks = {d.isocalendar()[:2] for d in days}
    assert len(weeks) == 4 and len(kept) == len(days)
    assert scheduled(0) in kept and scheduled(0, hour=6) in victims  # the day's newest
    assert len(kept) <= 7 + 4 and len(victims) == len(names) - len(kept)
    assert not victims & set(others)
    # another office's archives in the same folder are left alone when the rotation is for this office
    theirs = [archive_name("IR-05", NOW - timedelta(days=d), "scheduled") for d in range(20)]
    assert not set(rotation_victims(names + theirs, office_id="IR-07")) & set(theirs)
    # and a rotation with nothing to do removes nothing
    assert rotation_victims([scheduled(d) for d in range(5)]) == []


def test_weekly_keeps_the_newest_of_each_week() -> None:
    names = [scheduled(d) for d in (0, 10, 11, 12, 20, 27, 28, 35)]
    kept = set(names) - set(rotation_victims(names, keep_daily=1, keep_weekly=4))
    by_week: dict[tuple[int, int], list[str]] = {}
    for n in names:
        by_week.setdefault(local_day(parse_archive_name(n).created_at).isocalendar()[:2], []).append(n)  # type: ignore[union-attr]
    newest_weeks = sorted(by_week, reverse=True)[:4]
    assert kept == {max(by_week[w], key=lambda n: parse_archive_name(n).created_at) for w in newest_weeks}  # type: ignore[union-attr]


def test_one_scheduled_backup_a_day_then_the_rotation(workspace: Workspace, province_admin) -> None:  # type: ignore[no-untyped-def]
    folder = workspace.data_dir / "backups"
    folder.mkdir(exist_ok=True)
    old = [folder / archive_name("IR-07", NOW - timedelta(days=d), "scheduled") for d in range(30, 60)]
    for p in old:
        p.write_bytes(b"an old archive")
    manual = folder / archive_name("IR-07", NOW - timedelta(days=400), "manual")
    manual.write_bytes(b"kept forever")
    # WHEN the program closes twice the same day
    first = backup_if_due(workspace)
    second = backup_if_due(workspace)
    # THEN one archive was made, the rotation ran, the manual one stayed
    assert first is not None and first.exists() and second is None
    assert parse_archive_name(first.name).label == "scheduled"  # type: ignore[union-attr]
    remaining = {p.name for p in folder.glob("*.cdbackup")}
    assert manual.name in remaining and first.name in remaining
    assert len([n for n in remaining if n.endswith("-scheduled.cdbackup")]) <= 7 + 4
    with workspace.db.session() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "backup.create")).all()
        assert [(e.username, e.details["label"]) for e in entries] == [("system", "scheduled")]
    # and the next day brings the next one
    tomorrow = backup_if_due(workspace, now=datetime.now(UTC) + timedelta(days=1))
    assert tomorrow is not None and tomorrow != first
    listed = list_backups(workspace.data_dir)
    assert listed[0].archive and {e.label for e in listed} >= {"scheduled", "manual"}


def test_nothing_is_due_before_an_office_exists(tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path / "new")
    try:
        assert backup_if_due(ws) is None and not (tmp_path / "new" / "backups").exists()
    finally:
        ws.close()

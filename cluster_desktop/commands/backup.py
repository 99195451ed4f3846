"""``backup create|inspect|verify|restore|list``: the whole office (database and attachments) in one
verified archive, and back again (services/backup.py, services/restore.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cluster_desktop.domain.errors import DomainError, bilingual, language
from cluster_desktop.domain.numbers import format_int, to_persian_digits
from cluster_desktop.services.backup import (
    BackupInfo,
    create_backup,
    inspect_backup,
    label_title,
    list_backups,
)

from .context import Cli, print_json, print_table


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="the whole office in one verified archive, and restoring one")
    bsub = p.add_subparsers(dest="backup_cmd", required=True)
    cp = bsub.add_parser("create", help="an archive now (administrator); prints its path")
    cp.add_argument("out", nargs="?", type=Path, help="a folder or a .cdbackup file (default: backups/)")
    cp.set_defaults(handler=run_create)
    ip = bsub.add_parser("inspect", help="what an archive holds, and whether it is intact")
    ip.add_argument("file", type=Path)
    ip.add_argument("--json", action="store_true")
    ip.set_defaults(handler=run_inspect)
    vp = bsub.add_parser("verify", help="check an archive end to end; exit 1 naming what is wrong")
    vp.add_argument("file", type=Path)
    vp.set_defaults(handler=run_verify)
    rp = bsub.add_parser(
        "restore",
        help="replace this office's data with an archive (over an existing office: its administrator)",
    )
    rp.add_argument("file", type=Path)
    rp.set_defaults(handler=run_restore)
    lp = bsub.add_parser("list", help="the backups in the data folder's backups/, newest first")
    lp.add_argument("--json", action="store_true")
    lp.set_defaults(handler=run_list)


def run_create(args: argparse.Namespace, cli: Cli) -> int:
    ws = cli.workspace()
    with ws.db.session() as s:
        actor = cli.actor(s)
    sys.stdout.write(f"{create_backup(ws, actor, args.out)}\n")
    return 0


def _size(n: int) -> str:
    text = f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n / 1024:.0f} kB"
    return to_persian_digits(text.replace(".", "٫")) if language() == "fa" else text


def _describe(info: BackupInfo) -> None:
    fa = language() == "fa"
    lines = [
        (bilingual("دفتر", "office"), f"{info.office_name} ({info.office_id})"),
        (
            bilingual("زمان", "made"),
            info.created_jalali if fa else f"{info.created_at:%Y-%m-%d %H:%M} UTC" if info.created_at else "",
        ),
        (bilingual("نوع", "kind"), bilingual(*label_title(info.label))),
        (bilingual("نسخهٔ برنامه", "program"), f"{info.program_version} (schema {info.schema_revision})"),
        (bilingual("پایگاه داده", "database"), info.backend),
    ]
    for title_fa, title_en, n in info.headline():
        lines.append((bilingual(title_fa, title_en), format_int(n, persian=fa)))
    lines.append((bilingual("همهٔ ردیف‌ها", "all rows"), format_int(info.total_rows, persian=fa)))
    lines.append(
        (
            bilingual("پیوست‌ها", "attachments"),
            f"{format_int(info.attachments, persian=fa)} ({_size(info.attachment_bytes)})",
        )
    )
    for key, value in lines:
        sys.stdout.write(f"{key}: {value}\n")
    for w in info.warnings:
        sys.stdout.write(bilingual("هشدار: ", "warning: ") + w + "\n")


def run_inspect(args: argparse.Namespace, cli: Cli) -> int:
    info = inspect_backup(args.file)
    if args.json:
        print_json(info.to_dict())
        return 0 if info.ok else 1
    if info.manifest is not None:
        _describe(info)
    sys.stdout.write(
        bilingual("سالم است.\n", "intact.\n") if info.ok else bilingual("آسیب دیده است.\n", "damaged.\n")
    )
    for p in info.problems:
        sys.stderr.write(p + "\n")
    return 0 if info.ok else 1


def run_verify(args: argparse.Namespace, cli: Cli) -> int:
    info = inspect_backup(args.file)
    if not info.ok:
        for p in info.problems[1:]:
            sys.stderr.write(p + "\n")
        raise DomainError(
            "پشتیبان آسیب دیده است: " + info.problems[0], "The backup is damaged: " + info.problems[0]
        )
    sys.stdout.write(
        bilingual(
            f"پشتیبان سالم است: {format_int(info.total_rows)} ردیف، {format_int(info.attachments)} پیوست.\n",
            f"The backup is intact: {info.total_rows} rows, {info.attachments} attachments.\n",
        )
    )
    return 0


def run_restore(args: argparse.Namespace, cli: Cli) -> int:
    from cluster_desktop.services.restore import Target, current_office, restore_backup

    target = Target.of(cli.data_dir, cli.db_url)
    actor = None
    if current_office(target) is not None:  # over an existing office: its administrator signs in
        ws = cli.workspace()
        with ws.db.session() as s:
            actor = cli.actor(s)
        cli.close()
        cli._ws = None
    report = restore_backup(cli.data_dir, args.file, url=cli.db_url, actor=actor)
    _describe(report.info)
    if report.before_copy:
        sys.stdout.write(
            bilingual(
                f"نسخه‌ای از داده‌های پیشین: {report.before_copy}\n",
                f"copy of the former data: {report.before_copy}\n",
            )
        )
    sys.stdout.write(
        bilingual("بازگردانی انجام شد؛ پایگاه داده سالم است.\n", "Restored; the database is intact.\n")
        if report.integrity == "ok"
        else bilingual("بازگردانی انجام شد اما بررسی سلامت: ", "Restored, but the check says: ")
        + report.integrity
        + "\n"
    )
    return 0 if report.integrity == "ok" else 1


def run_list(args: argparse.Namespace, cli: Cli) -> int:
    entries = list_backups(cli.data_dir)
    if args.json:
        print_json([e.to_dict() for e in entries])
        return 0
    fa = language() == "fa"
    rows = [
        [
            e.to_dict()["created_jalali"] if fa else f"{e.created_at:%Y-%m-%d %H:%M}",
            bilingual(*label_title(e.label))
            + ("" if e.archive else bilingual(" (فقط پایگاه داده)", " (database only)")),
            _size(e.size),
            e.path.name,
        ]
        for e in entries
    ]
    print_table(
        rows,
        [
            bilingual("زمان", "made"),
            bilingual("نوع", "kind"),
            bilingual("اندازه", "size"),
            bilingual("پرونده", "file"),
        ],
    )
    return 0

"""``print …``: the programme's documents as Persian PDFs (DESIGN.md, Printing).

Printing changes nothing, so ``--user`` is optional: without it the command prints as a viewer of
this office (who may see every submitted sheet; whoever can read the data directory can read the
database anyway). With ``--user NAME --password-stdin`` that user's rules apply, e.g. an evaluator
prints only their own sheet until it is submitted.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import DomainError, bilingual
from cluster_desktop.domain.roles import OfficeKind, Role
from cluster_desktop.services import notifications, printing
from cluster_desktop.services.actor import Actor
from cluster_desktop.services.users import local_office

from .context import Cli

DOSSIER_DOCUMENTS = ("nomination", "plan", "evaluation", "evaluation-summary", "license")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("print", help="print a document to PDF")
    psub = p.add_subparsers(dest="print_cmd", required=True)
    for kind in DOSSIER_DOCUMENTS:
        dp = psub.add_parser(kind, help=f"the {kind} of a dossier")
        dp.add_argument("dossier", metavar="DOSSIER_ID", help="dossier id (or its first 8 characters)")
        dp.add_argument("out", metavar="OUT.pdf", type=Path)
        if kind in ("evaluation", "evaluation-summary"):
            dp.add_argument("--level", choices=["province", "central"], help="which working group's sheets")
        if kind == "evaluation":
            dp.add_argument(
                "--member", metavar="MEMBER_ID", help="one member's sheet (default: every submitted sheet)"
            )
        dp.set_defaults(handler=run_dossier_document, document=kind)
    mp = psub.add_parser("minutes", help="the minutes of a working-group meeting")
    mp.add_argument("meeting", metavar="MEETING_ID")
    mp.add_argument("out", metavar="OUT.pdf", type=Path)
    mp.set_defaults(handler=run_minutes)
    rp = psub.add_parser("ranking", help="the national or a provincial ranking report")
    rp.add_argument("--province", metavar="IR-NN")
    rp.add_argument("--level", choices=["province", "central"], help="which score ranks")
    rp.add_argument("out", metavar="OUT.pdf", type=Path)
    rp.set_defaults(handler=run_ranking)
    gp = psub.add_parser("programme", help="the monitoring report of a development programme (centre)")
    gp.add_argument("programme", metavar="PROGRAMME_ID", help="programme id (or its first 8 characters)")
    gp.add_argument("out", metavar="OUT.pdf", type=Path)
    gp.set_defaults(handler=run_programme)
    np_ = psub.add_parser(
        "notification",
        help="the F11 letter notifying one responsible agency of a programme's approved support package",
    )
    np_.add_argument("programme", metavar="PROGRAMME_ID", help="programme id (or its first 8 characters)")
    np_.add_argument("agency", metavar="AGENCY", help="the agency's code (e.g. BANKS) or its name")
    np_.add_argument("out", metavar="OUT.pdf", type=Path)
    np_.set_defaults(handler=run_notification)
    ip = psub.add_parser(
        "instruction", help="an instruction (F5) as issued: the one in force or --revision N"
    )
    ip.add_argument("instruction", metavar="F5-N", help="the instruction's code (or a revision's id)")
    ip.add_argument("--revision", type=int, metavar="N")
    ip.add_argument("out", metavar="OUT.pdf", type=Path)
    ip.set_defaults(handler=run_instruction)
    xp = psub.add_parser("matrix", help="the responsibility matrix of the programme")
    xp.add_argument("out", metavar="OUT.pdf", type=Path)
    xp.set_defaults(handler=run_matrix)


def reader(cli: Cli, session: Session) -> Actor:
    """The named user (``--user``), else a read-only viewer of this office."""
    if cli.user:
        return cli.actor(session)
    office = local_office(session)
    return Actor(0, "cli", "خط فرمان", Role.VIEWER, office.id, OfficeKind(office.kind), office.province_code)


def _out(path: Path) -> Path:
    if not path.parent.is_dir():
        raise DomainError(
            f"پوشهٔ «{path.parent}» وجود ندارد.", f"The folder '{path.parent}' does not exist.", field="out"
        )
    return path


def _done(path: Path) -> int:
    sys.stdout.write(bilingual(f"نوشته شد: {path}\n", f"Written: {path}\n"))
    return 0


def run_dossier_document(args: argparse.Namespace, cli: Cli) -> int:
    out = _out(args.out)
    with cli.workspace().db.session() as s:
        actor = reader(cli, s)
        if args.document == "nomination":
            printing.print_nomination(s, actor, args.dossier, out)
        elif args.document == "plan":
            printing.print_plan(s, actor, args.dossier, out)
        elif args.document == "evaluation":
            printing.print_evaluation(s, actor, args.dossier, out, member_id=args.member, level=args.level)
        elif args.document == "evaluation-summary":
            printing.print_evaluation_summary(s, actor, args.dossier, out, level=args.level)
        else:
            printing.print_license(s, actor, args.dossier, out)
        s.rollback()  # printing changes nothing
    return _done(out)


def run_minutes(args: argparse.Namespace, cli: Cli) -> int:
    out = _out(args.out)
    with cli.workspace().db.session() as s:
        printing.print_minutes(s, reader(cli, s), args.meeting, out)
        s.rollback()
    return _done(out)


def run_ranking(args: argparse.Namespace, cli: Cli) -> int:
    out = _out(args.out)
    with cli.workspace().db.session() as s:
        printing.print_ranking(s, reader(cli, s), out, province_code=args.province, level=args.level)
        s.rollback()
    return _done(out)


def run_matrix(args: argparse.Namespace, cli: Cli) -> int:
    out = _out(args.out)
    with cli.workspace().db.session() as s:
        printing.print_matrix(s, reader(cli, s), out)
        s.rollback()
    return _done(out)


def run_programme(args: argparse.Namespace, cli: Cli) -> int:
    out = _out(args.out)
    with cli.workspace().db.session() as s:
        printing.print_programme(s, reader(cli, s), args.programme, out)
        s.rollback()
    return _done(out)


def run_instruction(args: argparse.Namespace, cli: Cli) -> int:
    out = _out(args.out)
    with cli.workspace().db.session() as s:
        printing.print_instruction(s, reader(cli, s), args.instruction, out, revision=args.revision)
        s.rollback()
    return _done(out)


def run_notification(args: argparse.Namespace, cli: Cli) -> int:
    out = _out(args.out)
    with cli.workspace().db.session() as s:
        notifications.print_notification(s, reader(cli, s), args.programme, out, agency=args.agency)
        s.rollback()
    return _done(out)

"""``ranking sensitivity``: how the ranking depends on the criteria weights (issue 16, part 2).

Acts as a user (``--user NAME --password-stdin``): the centre's secretariat for the national ranking or a
province's (``--province``), a province's secretary for its own. ``--json`` prints one object per ranked
dossier, in rank order (``--influence``: one per criterion instead); the same seed gives the same output.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from cluster_desktop.domain import sensitivity as domain
from cluster_desktop.domain.errors import DomainError, bilingual
from cluster_desktop.services import sensitivity

from .context import Cli, print_json, print_table


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ranking", help="the ranking's robustness")
    rsub = p.add_subparsers(dest="ranking_cmd", required=True)
    sp = rsub.add_parser("sensitivity", help="rank ranges and top-K chances when the weights move")
    sp.add_argument("--province", metavar="IR-NN", help="one province's ranking (the centre)")
    sp.add_argument(
        "--spread", "--n", type=float, default=domain.DEFAULT_SPREAD, help="±points on every weight (5)"
    )
    sp.add_argument("--top", "--k", type=int, default=domain.DEFAULT_TOP, help="the top K (10)")
    sp.add_argument("--draws", type=int, default=domain.DEFAULT_DRAWS, help="Monte Carlo draws (2000)")
    sp.add_argument("--seed", type=int, default=domain.DEFAULT_SEED)
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--influence", action="store_true", help="the criteria by influence instead")
    sp.add_argument("--pdf", metavar="OUT.pdf", type=Path, help="also write the one-page annex")
    sp.set_defaults(handler=run_sensitivity)


def _dossier(r: sensitivity.DossierLine) -> dict[str, Any]:
    return {
        "id": r.id,
        "name": r.name,
        "province": r.province_code,
        "score": r.score,
        "rank": r.rank,
        "recorded_rank": r.recorded_rank,
        "min_rank": r.min_rank,
        "max_rank": r.max_rank,
        "best_bound": r.best_bound,
        "worst_bound": r.worst_bound,
        "exact": r.exact,
        "top_probability": r.top_probability,
        "threshold_probability": r.pass_probability,
        "basis": r.basis,
    }


def _criterion(f: sensitivity.InfluenceLine, c: sensitivity.CriterionLine) -> dict[str, Any]:
    return {
        "code": f.code,
        "title": f.title_fa,
        "weight_percent": c.share,
        "low_percent": c.low,
        "high_percent": c.high,
        "raised_mean_shift": f.raised,
        "lowered_mean_shift": f.lowered,
        "moved": f.moved,
    }


def run_sensitivity(args: argparse.Namespace, cli: Cli) -> int:
    if args.pdf is not None and not args.pdf.parent.is_dir():
        raise DomainError(
            f"پوشهٔ «{args.pdf.parent}» وجود ندارد.", f"The folder '{args.pdf.parent}' does not exist."
        )
    options = sensitivity.Options(
        province_code=args.province, spread=args.spread, top=args.top, draws=args.draws, seed=args.seed
    )
    with cli.workspace().db.session() as s:
        actor = cli.actor(s)
        report = sensitivity.analyse(s, actor, options)
        if args.pdf is not None:
            sensitivity.print_annex(s, actor, args.pdf, report=report)
        s.rollback()  # the analysis changes nothing
    criteria = {c.code: c for c in report.criteria}
    if args.json:
        if args.influence:
            print_json([_criterion(f, criteria[f.code]) for f in report.influence])
        else:
            print_json([_dossier(r) for r in report.rows])
    elif args.influence:
        print_table(
            [
                [f.code, f"{criteria[f.code].share:.1f}", f"{f.raised:.2f}", f"{f.lowered:.2f}", f.moved]
                for f in report.influence
            ],
            ["code", "weight%", f"+{args.spread:g}", f"-{args.spread:g}", "moved"],
        )
    else:
        print_table(
            [
                [
                    r.rank,
                    r.id[:8],
                    r.name,
                    r.province_code,
                    f"{r.score:.1f}",
                    f"{r.min_rank}-{r.max_rank}",
                    f"{r.best_bound}-{r.worst_bound}",
                    f"{r.top_probability:.3f}",
                    f"{r.pass_probability:.3f}",
                ]
                for r in report.rows
            ],
            ["rank", "id", "name", "province", "score", "range", "bound", f"P(top{args.top})", "P(>=thr)"],
        )
    if args.pdf is not None:  # on stderr beside --json, whose standard output stays JSON
        (sys.stderr if args.json else sys.stdout).write(
            bilingual(f"نوشته شد: {args.pdf}\n", f"Written: {args.pdf}\n")
        )
    return 0

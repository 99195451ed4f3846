"""``reference …``: the programme's reference data as stored in this office's database."""

from __future__ import annotations

import argparse

from sqlalchemy import select

from cluster_desktop.store.models import (
    CriteriaSet,
    Organization,
    Phase,
    PhaseStep,
    ProcessStep,
    Province,
    Responsibility,
)

from .context import Cli, print_json, print_table

TOPICS = ("provinces", "criteria", "processes", "organizations", "matrix", "phases")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("reference", help="show reference data")
    p.add_argument("topic", choices=TOPICS)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, cli: Cli) -> int:
    ws = cli.workspace()
    with ws.db.session() as s:
        if args.topic == "provinces":
            rows = [
                {"code": p.code, "name_fa": p.name_fa, "name_en": p.name_en, "capital_fa": p.capital_fa}
                for p in s.scalars(select(Province).order_by(Province.code))
            ]
        elif args.topic == "organizations":
            rows = [
                {"code": o.code, "name_fa": o.name_fa, "name_en": o.name_en, "kind": o.kind}
                for o in s.scalars(select(Organization).order_by(Organization.code))
            ]
        elif args.topic == "criteria":
            cs = s.scalar(select(CriteriaSet).where(CriteriaSet.is_current.is_(True)))
            rows = (
                [
                    {
                        "code": c.code,
                        "title_fa": c.title_fa,
                        "title_en": c.title_en,
                        "weight": c.weight,
                        "rubric": c.rubric,
                        "criteria_set": cs.number,
                    }
                    for c in cs.criteria
                ]
                if cs
                else []
            )
        elif args.topic == "processes":
            rows = [
                {
                    "code": p.code,
                    "parent": p.parent_code,
                    "phase": p.phase,
                    "title_fa": p.title_fa,
                    "inputs_fa": p.inputs_fa,
                    "outputs_fa": p.outputs_fa,
                }
                for p in s.scalars(select(ProcessStep).order_by(ProcessStep.order))
            ]
        elif args.topic == "phases":
            rows = [
                {
                    "code": ph.code,
                    "title_fa": ph.title_fa,
                    "steps": [
                        {"code": st.code, "title_fa": st.title_fa, "processes": st.processes}
                        for st in s.scalars(
                            select(PhaseStep).where(PhaseStep.phase_code == ph.code).order_by(PhaseStep.order)
                        )
                    ],
                }
                for ph in s.scalars(select(Phase).order_by(Phase.order))
            ]
        else:
            by_step: dict[str, list[str]] = {}
            for r in s.scalars(select(Responsibility)):
                by_step.setdefault(r.process_code, []).append(r.organization_code)
            order = {p.code: p.order for p in s.scalars(select(ProcessStep))}
            rows = [
                {"process": k, "organizations": sorted(v)}
                for k, v in sorted(by_step.items(), key=lambda kv: order[kv[0]])
            ]
    if args.json:
        print_json(rows)
    elif rows:
        keys = [k for k in rows[0] if not isinstance(rows[0][k], list | dict)]
        print_table([[r[k] for k in keys] for r in rows], keys)
    return 0

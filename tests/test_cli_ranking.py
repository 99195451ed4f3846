"""``ranking sensitivity`` (issue 16, must show): one object per ranked dossier, the same output for the
same seed, the service's numbers, refusals on exit 1, the annex written beside the JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cluster_desktop.services import sensitivity
from tests.conftest import PASSWORD
from tests.printing.pdftext import extract_logical_pages


def run(ws, *args: str, user: str = "secretary") -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "cluster_desktop",
            "--data-dir",
            str(ws.data_dir),
            "--user",
            user,
            "--password-stdin",
            "ranking",
            "sensitivity",
            *args,
        ],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_one_object_per_dossier_the_same_for_the_same_seed(central_demo, tmp_path: Path) -> None:
    ws, secretary = central_demo("secretary")
    args = ("--spread", "5", "--draws", "400", "--seed", "11", "--top", "10", "--json")
    first = run(ws, *args, "--pdf", str(tmp_path / "annex.pdf"))
    again = run(ws, *args)
    assert first.returncode == 0 and again.returncode == 0, first.stderr + again.stderr
    # THEN standard output is the same JSON both times, the annex's note going to standard error
    assert first.stdout == again.stdout
    rows = json.loads(first.stdout)
    assert {"id", "name", "rank", "min_rank", "max_rank", "top_probability"} <= set(rows[0])
    with ws.db.session() as s:
        report = sensitivity.analyse(s, secretary, sensitivity.Options(draws=400, seed=11))
    assert [(o["id"], o["rank"], o["min_rank"], o["max_rank"], o["top_probability"]) for o in rows] == [
        (r.id, r.rank, r.min_rank, r.max_rank, r.top_probability) for r in report.rows
    ]
    assert len(extract_logical_pages(tmp_path / "annex.pdf")) == 1
    # AND another seed moves the probabilities, not the ranks
    other = json.loads(run(ws, "--draws", "400", "--seed", "12", "--json").stdout)
    assert [o["rank"] for o in other] == [o["rank"] for o in rows]
    assert [o["top_probability"] for o in other] != [o["top_probability"] for o in rows]


def test_influence_refusals_and_bad_usage(central_demo) -> None:
    ws, _ = central_demo("secretary")
    influence = json.loads(run(ws, "--draws", "0", "--influence", "--json").stdout)
    assert len(influence) == 9 and {"code", "weight_percent", "raised_mean_shift"} <= set(influence[0])
    refused = run(ws, "--spread", "70")
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
    assert run(ws, "--province", "IR-99").returncode == 1
    assert run(ws, "--top", "ten").returncode == 2

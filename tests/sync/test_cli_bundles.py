"""The whole exchange through the command line, two data directories, as an administrator would run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cluster_desktop.domain.roles import MemberRole
from cluster_desktop.services import groups, users, workflow
from cluster_desktop.services.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
PW = "password-123"


def cli(data: Path, *args: str, user: bool = True, ok: bool = True) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-m", "cluster_desktop", "--data-dir", str(data)]
    if user:
        argv += ["--user", "admin", "--password-stdin"]
    out = subprocess.run(
        [*argv, *args], input=PW + "\n", capture_output=True, text=True, cwd=ROOT,
        env={**os.environ, "CLUSTER_DESKTOP_FAST_KDF": "1"}, timeout=120,
    )  # fmt: skip
    assert (out.returncode == 0) == ok, out.stdout + out.stderr
    return out


@pytest.mark.slow
def test_exchange_through_the_cli(tmp_path: Path) -> None:
    prov, centre = tmp_path / "province", tmp_path / "centre"
    cli(
        prov,
        "demo",
        "--office",
        "province",
        "--province",
        "IR-07",
        "--admin",
        "admin",
        "--password-stdin",
        "--clusters",
        "15",
        # its programmes cite the sample centre's instruction F5-2, which the new centre below lacks
        "--no-programmes",
        user=False,
    )
    cli(centre, "setup", "--office", "central", "--admin", "admin", "--password-stdin", user=False)
    # certificates exchanged, fingerprints compared (as read by phone) and enrolled
    for me, peer in ((prov, centre), (centre, prov)):
        cert = tmp_path / f"{peer.name}.cert"
        cli(peer, "keys", "export-certificate", str(cert))
        fp = json.loads(cli(peer, "keys", "show", "--json", user=False).stdout)["fingerprint_text"]
        if me == centre:
            wrong = cli(me, "trust", "add", str(cert), "--fingerprint", "0000 " + fp[5:], ok=False)
            assert "اثر انگشت" in wrong.stderr
        assert fp in cli(me, "trust", "add", str(cert), "--fingerprint", fp).stdout
    assert [
        e["office_id"] for e in json.loads(cli(centre, "trust", "list", "--json", user=False).stdout)
    ] == ["IR-07"]

    listed = json.loads(cli(prov, "clusters", "list", "--json", user=False).stdout)
    sent = {r["id"] for r in listed if r["status"] in ("provincially_approved", "sent_to_center")}
    bundle = tmp_path / "usb" / "IR-07.bundle"
    bundle.parent.mkdir()
    cli(prov, "bundle", "export", str(bundle))
    verify = json.loads(cli(centre, "bundle", "verify", str(bundle), "--json").stdout)
    assert verify["applied"] is False and verify["sender"]["office_id"] == "IR-07"
    report = json.loads(cli(centre, "bundle", "import", str(bundle), "--json").stdout)
    assert report["applied"] and report["tables"]["dossiers"]["add"] == len(sent)
    at_centre = json.loads(cli(centre, "clusters", "list", "--json", user=False).stdout)
    assert {r["id"]: r["status"] for r in at_centre} == dict.fromkeys(sent, "received")
    # a second import is refused, with one clear line, exit 1
    again = cli(centre, "bundle", "import", str(bundle), ok=False)
    assert again.stderr.count("\n") == 1 and "قبلاً وارد شده" in again.stderr

    # the centre decides: one returned with its reason (services), one into secondary review (CLI)
    returned, reviewed = sorted(sent)[:2]
    cli(centre, "clusters", "transition", reviewed, "open_central_review")
    ws = Workspace.open(centre)
    with ws.db.session() as s:
        actor = users.authenticate(s, "admin", PW)
        member = groups.add_member(s, actor, groups.MemberInput("رضا نادری", "TPO", MemberRole.CHAIR))
        meeting = groups.create_meeting(
            s, actor, groups.MeetingInput(held_on="1405/02/10", agenda="بررسی", attendee_ids=[member.id])
        )
        workflow.transition(
            s, actor, returned, "return_central", comment="آمار صادرات ناقص است", meeting_id=meeting.id
        )
    ws.close()
    decision = tmp_path / "usb" / "TPO-IR-07.bundle"
    cli(centre, "bundle", "export", str(decision), "--to", "IR-07")
    back = json.loads(cli(prov, "bundle", "import", str(decision), "--json").stdout)
    assert back["acknowledged"] == [1]
    states = {
        r["id"]: r["status"] for r in json.loads(cli(prov, "clusters", "list", "--json", user=False).stdout)
    }
    assert states[returned] == "returned" and states[reviewed] == "central_review"
    history = json.loads(cli(prov, "bundle", "history", "--json", user=False).stdout)
    assert {(h["direction"], h["sequence"]) for h in history} == {("sent", 1), ("imported", 1)}

    # revoked: the province's next bundle is refused
    cli(centre, "trust", "revoke", "IR-07", "--reason", "کلید لو رفت")
    late = tmp_path / "usb" / "late.bundle"
    cli(prov, "bundle", "export", str(late))
    refused = cli(centre, "bundle", "import", str(late), "--json", ok=False)
    assert json.loads(refused.stdout)["reason"] == "revoked"

"""Every audited action has a Persian title (the dashboard's recent activity never shows a raw code)."""

from __future__ import annotations

import ast
from pathlib import Path

from cluster_desktop.services.dashboard import AUDIT_TITLES, audit_title

PACKAGE = Path(__file__).resolve().parents[2] / "cluster_desktop"


def recorded_actions() -> set[str]:
    actions = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "record"
                and len(node.args) >= 3
                and isinstance(node.args[2], ast.Constant)
            ):
                actions.add(node.args[2].value)
    return actions


def test_every_recorded_action_is_titled_in_persian() -> None:
    actions = recorded_actions()
    assert len(actions) > 30
    missing = sorted(a for a in actions if audit_title(a) == (a, a))
    assert missing == []
    for fa, en in AUDIT_TITLES.values():
        assert any("\u0600" <= ch <= "\u06ff" for ch in fa) and en


def test_computed_actions_are_titled_too() -> None:
    from cluster_desktop.domain.workflow import PROGRAMME_WORKFLOW

    for status in ("valid", "suspended", "revoked"):
        assert audit_title(f"license.{status}")[0] != f"license.{status}"
    for rule in PROGRAMME_WORKFLOW.transitions:  # an action shared by two steps takes one of their titles
        fa, _en = audit_title(f"programme.{rule.action}")
        assert fa in {r.title_fa for r in PROGRAMME_WORKFLOW.transitions if r.action == rule.action}

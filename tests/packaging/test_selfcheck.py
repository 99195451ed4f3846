"""``--self-check`` in this interpreter (the frozen build runs it in test_frozen.py)."""

from __future__ import annotations

import io

from cluster_desktop.selfcheck import STEPS, CheckFailed, run_self_check


def test_self_check_runs_every_step_and_passes() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run_self_check(out, err) == 0, err.getvalue()
    text = out.getvalue()
    for i, (name, _fn) in enumerate(STEPS, 1):
        assert f"[{i}/{len(STEPS)}] {name}: ok" in text
    assert "license TPO-CL-" in text and "IR-07 → TPO" in text and "TPO → IR-07" in text
    assert f"self-check passed: {len(STEPS)} steps" in text


def test_a_failing_step_stops_the_check_with_exit_1_and_names_it() -> None:
    ran = []

    def broken(_o):  # type: ignore[no-untyped-def]
        raise CheckFailed("the PDF is empty")

    steps = [
        ("first", lambda o: ran.append(1) or "fine"),
        ("print", broken),
        ("never", lambda o: ran.append(3) or ""),
    ]
    out, err = io.StringIO(), io.StringIO()
    assert run_self_check(out, err, steps) == 1
    assert ran == [1]
    assert "[2/3] print: FAILED: the PDF is empty" in err.getvalue()
    assert "self-check FAILED at step 2 (print)" in err.getvalue()
    assert "self-check passed" not in out.getvalue()

"""What broke the program's first start on Windows, reproduced on Linux (issue 13).

- alembic's config interpolates ``%``: a data directory whose URL percent-encodes (``C:\\``, Persian)
  or holds a literal ``%`` crashed the first migration;
- Windows streams are cp1252 when redirected, and a frozen build ignores ``PYTHONUTF8``;
- without tzdata's Asia/Tehran, summer times before 1402 were shown an hour early.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSWORD

# A folder a Windows user may well have: Persian words, spaces, a ZWNJ and a literal percent sign.
AWKWARD = "داده‌های اداره ۱۰۰% کامل"


def run(data: Path | None, *args: str, env: dict[str, str] | None = None, stdin: str | None = None):
    cmd = [sys.executable, "-m", "cluster_desktop"]
    if data is not None:
        cmd += ["--data-dir", str(data)]
    return subprocess.run(
        [*cmd, *args],
        input=stdin.encode("utf-8") if stdin is not None else None,
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=600,
    )


def narrow_env() -> dict[str, str]:
    """Streams as a Windows console redirected to a file opens them: cp1252, no UTF-8 mode."""
    return {"PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0", "LC_ALL": "C", "LANG": "C"}


def test_alembic_config_keeps_percent_signs(tmp_path: Path) -> None:
    from sqlalchemy import create_engine

    from cluster_desktop.store.migrate import alembic_config

    db = tmp_path / AWKWARD / "C:\\Users\\کاربر\\x.sqlite3"
    engine = create_engine(f"sqlite:///{db}")
    cfg = alembic_config(engine)
    assert cfg.get_main_option("sqlalchemy.url") == engine.url.render_as_string(hide_password=False)


@pytest.mark.slow
def test_setup_demo_and_screen_in_a_persian_folder_with_percent(tmp_path: Path) -> None:
    data = tmp_path / AWKWARD
    r = run(
        data,
        "setup",
        "--office",
        "province",
        "--province",
        "IR-07",
        "--admin",
        "admin",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert r.returncode == 0, r.stderr.decode()
    assert (data / "cluster-desktop.sqlite3").is_file()
    demo = tmp_path / ("دمو " + AWKWARD)
    r = run(
        demo,
        "demo",
        "--office",
        "province",
        "--province",
        "IR-07",
        "--admin",
        "admin",
        "--password-stdin",
        "--clusters",
        "6",
        stdin=PASSWORD + "\n",
    )
    assert r.returncode == 0, r.stderr.decode()
    shot = tmp_path / "shot.png"
    r = run(demo, "screenshot", "cluster", str(shot), env={"QT_QPA_PLATFORM": "offscreen"})
    assert r.returncode == 0, r.stderr.decode()
    assert shot.stat().st_size > 10_000
    log = (data / "logs" / "cluster-desktop.log").read_text(encoding="utf-8")
    assert "start setup" in log and "database at revision" in log and str(data) in log
    assert PASSWORD not in log


def test_cli_prints_persian_through_a_cp1252_stream(tmp_path: Path) -> None:
    r = run(tmp_path / "d", "reference", "provinces", env=narrow_env())
    assert r.returncode == 0, r.stderr.decode("utf-8", "replace")
    out = r.stdout.decode("utf-8")
    assert "اصفهان" in out
    r = run(tmp_path / "d", "reference", "provinces", "--json", env=narrow_env())
    assert len(json.loads(r.stdout.decode("utf-8"))) == 31


def test_refusal_in_persian_through_a_cp1252_stream(tmp_path: Path) -> None:
    # No office yet: a command that needs one is refused with a Persian line on stderr, not a traceback.
    r = run(
        tmp_path / "d",
        "--user",
        "nobody",
        "--password-stdin",
        "clusters",
        "list",
        env=narrow_env(),
        stdin="x\n",
    )
    err = r.stderr.decode("utf-8")
    assert r.returncode == 1, err
    assert "Traceback" not in err and any("\u0600" <= ch <= "\u06ff" for ch in err)


@pytest.mark.slow
def test_self_check_through_a_cp1252_stream(tmp_path: Path) -> None:
    r = run(None, "--self-check", env={**narrow_env(), "QT_QPA_PLATFORM": "offscreen"})
    out = r.stdout.decode("utf-8")
    assert r.returncode == 0, r.stderr.decode("utf-8", "replace")
    assert "→" in out and "self-check passed" in out and "log file written: ok" in out


def test_summer_time_before_1402_with_tzdata_only(tmp_path: Path) -> None:
    """Windows has no system time-zone database: only the tzdata package (PYTHONTZPATH empty here)."""
    code = (
        "from datetime import UTC, datetime\n"
        "import zoneinfo, sys\n"
        "from cluster_desktop.domain import jalali\n"
        "assert zoneinfo.TZPATH == (), zoneinfo.TZPATH\n"
        "assert isinstance(jalali.TEHRAN, zoneinfo.ZoneInfo), jalali.TEHRAN\n"
        "print(jalali.format_jalali_datetime(datetime(2021, 7, 1, 12, 0, tzinfo=UTC)))\n"
        "print(jalali.format_jalali_datetime(datetime(2023, 7, 1, 12, 0, tzinfo=UTC)))\n"
        "print(jalali.format_jalali_datetime(datetime(2021, 1, 1, 12, 0, tzinfo=UTC)))\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        env={**os.environ, "PYTHONTZPATH": "", "PYTHONIOENCODING": "utf-8"},
        timeout=60,
    )
    assert r.returncode == 0, r.stderr.decode()
    summer_1400, summer_1402, winter_1399 = r.stdout.decode("utf-8").split("\n")[:3]
    assert summer_1400 == "۱۴۰۰/۰۴/۱۰ ۱۶:۳۰"  # UTC+04:30, daylight saving
    assert summer_1402 == "۱۴۰۲/۰۴/۱۰ ۱۵:۳۰"  # UTC+03:30 since Iran dropped it
    assert winter_1399 == "۱۳۹۹/۱۰/۱۲ ۱۵:۳۰"


def test_utf8_streams_reconfigure_a_narrow_wrapper() -> None:
    import io

    from cluster_desktop import console

    raw = io.BytesIO()
    narrow = io.TextIOWrapper(raw, encoding="cp1252")
    saved = sys.stdout
    sys.stdout = narrow
    try:
        console.use_utf8_streams()
        print("→ اصفهان", file=sys.stdout)
        sys.stdout.flush()
    finally:
        sys.stdout = saved
    assert raw.getvalue().decode("utf-8") == "→ اصفهان\n"

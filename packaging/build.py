#!/usr/bin/env python3
"""Build the one-folder executable with PyInstaller and report what it took.

    python packaging/build.py [--dist DIR] [--work DIR] [--centre-certificate FILE] [--json]

The result is DIST/cluster-desktop/ (cluster-desktop[.exe] plus _internal/). On Windows, pack that
folder with Inno Setup next: ``iscc packaging\\windows\\cluster-desktop.iss``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "cluster-desktop.spec"
APP = "cluster-desktop"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path, work: Path, centre_certificate: Path | None = None) -> dict[str, object]:
    """Run PyInstaller on the spec; returns the bundle folder, its executable, size and build time."""
    env = dict(os.environ)
    env.pop("CLUSTER_DESKTOP_BUILD_CENTRE_CERT", None)
    if centre_certificate is not None:
        if not centre_certificate.is_file():
            raise SystemExit(f"no such certificate file: {centre_certificate}")
        env["CLUSTER_DESKTOP_BUILD_CENTRE_CERT"] = str(centre_certificate.resolve())
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        "--noconfirm",
        "--log-level",
        "WARN",
    ]
    started = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT, env=env)
    seconds = time.perf_counter() - started
    bundle = dist / APP
    exe = bundle / (APP + (".exe" if os.name == "nt" else ""))
    if not exe.exists():
        raise SystemExit(f"PyInstaller finished but {exe} is missing")
    return {
        "bundle": str(bundle),
        "executable": str(exe),
        "build_seconds": round(seconds, 1),
        "size_bytes": folder_size(bundle),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    p.add_argument(
        "--work", type=Path, default=ROOT / "build", help="PyInstaller work folder (default: build/)"
    )
    p.add_argument("--centre-certificate", type=Path, help="ship this TPO certificate (provincial builds)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    args = p.parse_args(argv)
    result = build(args.dist, args.work, args.centre_certificate)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        mb = int(result["size_bytes"]) / 1e6  # type: ignore[call-overload]
        print(f"built {result['executable']} in {result['build_seconds']} s, {mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

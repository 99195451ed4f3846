#!/usr/bin/env python3
"""Persian translations through Qt's system, one .ts/.qm pair per source file (no merge conflicts).

    python scripts/translations.py update [SOURCE ...]   extract strings (lupdate), keep translations
    python scripts/translations.py todo SOURCE            print unfinished strings as JSON {source: ""}
    python scripts/translations.py fill SOURCE MAP.json   write translations from {source: persian}
    python scripts/translations.py fill-all MAP.json      fill every source's .ts from one mapping
    python scripts/translations.py release                compile every .ts to .qm (lrelease)
    python scripts/translations.py check                  exit 1 if any string is untranslated

SOURCE is a .py under cluster_desktop/gui/ or a .ui under ui/. With no SOURCE, update does them all.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations" / "fa"
BIN = Path(sys.executable).parent


def sources() -> list[Path]:
    return sorted([*ROOT.glob("cluster_desktop/gui/**/*.py"), *ROOT.glob("ui/*.ui")])


def ts_for(src: Path) -> Path:
    rel = src.resolve().relative_to(ROOT)
    return TS_DIR / (".".join(rel.with_suffix("").parts) + rel.suffix.replace(".", "-") + ".ts")


def _tool(name: str) -> str:
    exe = BIN / name
    return str(exe) if exe.exists() else shutil.which(name) or name


def lupdate(src: Path, ts: Path) -> None:
    ts.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-silent",
            "-locations",
            "none",
            "-no-obsolete",
            "-target-language",
            "fa_IR",
            str(src),
            "-ts",
            str(ts),
        ],
        check=True,
        cwd=ROOT,
    )


def has_strings(ts: Path) -> bool:
    return ts.exists() and ET.parse(ts).getroot().find(".//message") is not None


def unfinished(ts: Path) -> list[str]:
    out = []
    for msg in ET.parse(ts).getroot().iter("message"):
        tr = msg.find("translation")
        if tr is not None and tr.get("type") in ("vanished", "obsolete"):
            continue  # strings no longer in the source
        if tr is None or tr.get("type") == "unfinished" or not (tr.text or "").strip():
            out.append(msg.findtext("source") or "")
    return out


def update(srcs: list[Path]) -> None:
    for src in srcs:
        ts = ts_for(src)
        lupdate(src, ts)
        if not has_strings(ts):
            ts.unlink(missing_ok=True)


def fill(src: Path, mapping: dict[str, str]) -> int:
    ts = ts_for(src)
    tree = ET.parse(ts)
    n = 0
    for msg in tree.getroot().iter("message"):
        source = msg.findtext("source") or ""
        if source in mapping and mapping[source].strip():
            tr = msg.find("translation")
            assert tr is not None
            tr.text = mapping[source]
            tr.attrib.pop("type", None)
            n += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return n


def release() -> None:
    for ts in sorted(TS_DIR.glob("*.ts")):
        subprocess.run(
            [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )
    for qm in TS_DIR.glob("*.qm"):
        if not qm.with_suffix(".ts").exists():
            qm.unlink()


def check() -> dict[str, list[str]]:
    """Untranslated strings per source, against a fresh extraction (so new strings count too)."""
    problems: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for src in sources():
            ts = ts_for(src)
            probe = Path(tmp) / ts.name
            if ts.exists():
                shutil.copy(ts, probe)
            lupdate(src, probe)
            if has_strings(probe) and (missing := unfinished(probe)):
                problems[str(src.relative_to(ROOT))] = missing
            if has_strings(probe) and not ts.with_suffix(".qm").exists():
                problems.setdefault(str(src.relative_to(ROOT)), []).append("(no compiled .qm: run release)")
    return problems


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cmd, rest = argv[0], [ROOT / a if not Path(a).is_absolute() else Path(a) for a in argv[1:]]
    if cmd == "update":
        update(rest or sources())
    elif cmd == "todo":
        ts = ts_for(rest[0])
        print(
            json.dumps({s: "" for s in unfinished(ts)} if ts.exists() else {}, ensure_ascii=False, indent=1)
        )
    elif cmd == "fill":
        n = fill(rest[0], json.loads(Path(rest[1]).read_text(encoding="utf-8")))
        print(f"{n} translations written")
    elif cmd == "fill-all":
        mapping = json.loads(Path(rest[0]).read_text(encoding="utf-8"))
        n = sum(fill(src, mapping) for src in sources() if ts_for(src).exists())
        print(f"{n} translations written")
    elif cmd == "release":
        release()
    elif cmd == "check":
        problems = check()
        for src, missing in problems.items():
            print(f"{src}: {len(missing)} untranslated: {missing[:5]}")
        return 1 if problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

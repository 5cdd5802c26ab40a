"""Maintain the window's translations (Chinese is the source language).

    python scripts/translations.py update    # pyside6-lupdate: collect tr() strings into the .ts files
    python scripts/translations.py fill F    # take translations from a JSON {中文: English} file
    python scripts/translations.py release   # pyside6-lrelease: build the .qm files the program loads
    python scripts/translations.py missing   # list strings without a translation

The .ts files (resources/translations/swdesk_<lang>.ts) are committed; the .qm files are built by
scripts/setup.sh and by swdesk.spec.
"""
from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("en",)


def _tool(name: str) -> str:
    candidate = Path(sys.executable).with_name(f"pyside6-{name}")
    return str(candidate) if candidate.exists() else f"pyside6-{name}"


def sources() -> list[str]:
    files = [ROOT / "main.py", *sorted((ROOT / "ui").rglob("*.py"))]
    return [str(f.relative_to(ROOT)) for f in files]


def update() -> None:
    for lang in LANGUAGES:
        ts = TS_DIR / f"swdesk_{lang}.ts"
        subprocess.run([_tool("lupdate"), "-silent", "-no-obsolete", "-source-language", "zh_CN",
                        "-target-language", lang, *sources(), "-ts", str(ts.relative_to(ROOT))],
                       cwd=ROOT, check=True)


def fill(mapping_file: str) -> int:
    mapping = json.loads(Path(mapping_file).read_text(encoding="utf-8"))
    filled = 0
    for lang in LANGUAGES:
        ts = TS_DIR / f"swdesk_{lang}.ts"
        tree = ET.parse(ts)
        for message in tree.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source in mapping and translation is not None:
                translation.text = mapping[source]
                translation.attrib.pop("type", None)
                filled += 1
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def missing() -> list[str]:
    out = []
    for lang in LANGUAGES:
        ts = TS_DIR / f"swdesk_{lang}.ts"
        if not ts.exists():
            continue
        for message in ET.parse(ts).iter("message"):
            translation = message.find("translation")
            if translation is None or not (translation.text or "").strip() or translation.get("type") == "unfinished":
                out.append(message.findtext("source") or "")
    return out


def release() -> None:
    for ts in sorted(TS_DIR.glob("swdesk_*.ts")):
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "release"
    if command == "update":
        update()
    elif command == "fill":
        print(f"filled {fill(argv[1])} messages")
    elif command == "missing":
        for text in missing():
            print(text)
    elif command == "release":
        release()
    else:
        print(__doc__)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

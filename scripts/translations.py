"""Maintain the window's translations (Chinese is the source language).

    python scripts/translations.py update    # pyside6-lupdate: collect tr() strings into the .ts files
    python scripts/translations.py fill F    # take translations from a JSON {中文: English} file
    python scripts/translations.py release   # pyside6-lrelease: build the .qm files the program loads
    python scripts/translations.py missing   # list strings without a translation
    python scripts/translations.py literals  # list Chinese literals in ui/ that no tr() wraps

The .ts files (resources/translations/swdesk_<lang>.ts) are committed; the .qm files are built by
scripts/setup.sh and by swdesk.spec.

English lives in resources/translations/en.json ({"中文": "English"}, keys sorted; a key
"Context::中文" gives one context its own English; a %n message takes ["singular", "plural"]).
After changing UI text: add the new strings to en.json, then run update, fill
resources/translations/en.json, release. tests/ui/test_translations.py fails while a string has
no English.

`update` also collects calls of a module's own helper `def _tr(text): return
QCoreApplication.translate("Ctx", text)` (lupdate does not know them). A label translated later
from a table (`self.tr(label)`) must be marked with QT_TRANSLATE_NOOP("Class", "…"), in place or
in ui/translatable.py for labels that come from swdesk/.
"""
from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("en",)


def _tool(name: str) -> str:
    """Qt's lupdate/lrelease binaries as the PySide6 wheel ships them (name.exe on Windows)."""
    import PySide6

    return str(Path(PySide6.__file__).parent / (f"{name}.exe" if sys.platform == "win32" else name))


def sources() -> list[str]:
    files = [ROOT / "main.py", *sorted((ROOT / "ui").rglob("*.py"))]
    return [str(f.relative_to(ROOT)) for f in files]


def update(ts_dir: Path = TS_DIR) -> None:
    for lang in LANGUAGES:
        ts = ts_dir / f"swdesk_{lang}.ts"
        kept = _alias_translations(ts)
        subprocess.run([_tool("lupdate"), "-silent", "-no-obsolete", "-source-language", "zh_CN",
                        "-target-language", lang, *sources(), "-ts", str(ts)],
                       cwd=ROOT, check=True)
        _add_alias_messages(ts, kept)


# --- helper functions like `def _tr(text): return QCoreApplication.translate("Ctx", text)` ------
# lupdate only knows tr()/translate()/QT_TRANSLATE_NOOP(), so the calls `_tr("中文")` of such a
# module-level helper are collected here and added to the .ts under the helper's context.
ALIAS_MARK = "alias"  # the extracomment that marks a message added by this script


def _alias_contexts(tree: ast.Module) -> dict[str, str]:
    """{helper name: context} for module-level helpers that return translate("Ctx", param)."""
    aliases = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        param = node.args.args[0].arg
        for ret in (n for n in node.body if isinstance(n, ast.Return)):
            call = ret.value
            if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                    and call.func.attr == "translate" and len(call.args) >= 2
                    and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)
                    and isinstance(call.args[1], ast.Name) and call.args[1].id == param):
                aliases[node.name] = call.args[0].value
    return aliases


def alias_messages() -> dict[tuple[str, str], list[tuple[str, int]]]:
    """{(context, source): [(file, line), …]} of every call of a translate helper with a literal."""
    found: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for name in sources():
        tree = ast.parse((ROOT / name).read_text(encoding="utf-8"), name)
        aliases = _alias_contexts(tree)
        if not aliases:
            continue
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in aliases
                    and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found.setdefault((aliases[node.func.id], node.args[0].value), []).append((name, node.lineno))
    return found


def _alias_translations(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """The translations of the messages this script added, kept across lupdate's -no-obsolete."""
    if not ts.exists():
        return {}
    kept = {}
    for context in ET.parse(ts).iter("context"):
        for message in context.iter("message"):
            if message.findtext("extracomment") == ALIAS_MARK and message.find("translation") is not None:
                kept[(context.findtext("name") or "", message.findtext("source") or "")] = message.find("translation")
    return kept


def _location(ts: Path, name: str) -> str:
    """A source file as lupdate writes it in a .ts: relative to the .ts file's folder."""
    return Path(os.path.relpath(ROOT / name, ts.parent)).as_posix()


def _source_name(ts: Path, location: str) -> str:
    return Path(os.path.relpath(os.path.normpath(ts.parent / location), ROOT)).as_posix()


def _add_alias_messages(ts: Path, kept: dict[tuple[str, str], ET.Element]) -> None:
    tree = ET.parse(ts)
    root = tree.getroot()
    contexts = {c.findtext("name") or "": c for c in root.iter("context")}
    found = alias_messages()
    # lupdate files a bare tr("…") helper's calls under the empty context: drop those duplicates.
    alias_spots = {spot for spots in found.values() for spot in spots}
    empty = contexts.get("")
    if empty is not None:
        for message in list(empty.iter("message")):
            spots = {(_source_name(ts, loc.get("filename", "")), int(loc.get("line", 0)))
                     for loc in message.iter("location")}
            if spots and spots <= alias_spots:
                empty.remove(message)
        if empty.find("message") is None:
            root.remove(empty)
            del contexts[""]
    for (name, source), spots in sorted(found.items()):
        context = contexts.get(name)
        if context is None:
            context = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = name
            contexts[name] = context
        if any(m.findtext("source") == source for m in context.iter("message")):
            continue  # lupdate found it too (e.g. a translate("Ctx", "…") in the same context)
        message = ET.SubElement(context, "message")
        for file, line in spots:
            ET.SubElement(message, "location", filename=_location(ts, file), line=str(line))
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "extracomment").text = ALIAS_MARK
        old = kept.get((name, source))
        if old is not None:
            message.append(old)
        else:
            ET.SubElement(message, "translation", type="unfinished")
    root[:] = sorted(root, key=lambda c: c.findtext("name") or "")
    ET.indent(tree, space="    ")
    _write_ts(tree, ts)


def _translation_for(mapping: dict, context: str, source: str):
    """A "Context::源文" key wins over the plain "源文" key (one Chinese word, two English ones)."""
    return mapping.get(f"{context}::{source}", mapping.get(source))


def _write_ts(tree: ET.ElementTree, ts: Path) -> None:
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def fill(mapping_file: str | Path, ts_dir: Path = TS_DIR) -> int:
    """Copy translations in; a plural (%n) message takes a string or a [singular, plural] list."""
    mapping = json.loads(Path(mapping_file).read_text(encoding="utf-8"))
    filled = 0
    for lang in LANGUAGES:
        ts = ts_dir / f"swdesk_{lang}.ts"
        tree = ET.parse(ts)
        for context in tree.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                text = _translation_for(mapping, name, message.findtext("source"))
                translation = message.find("translation")
                if text is None or translation is None:
                    continue
                forms = translation.findall("numerusform")
                if message.get("numerus") == "yes" and forms:
                    texts = text if isinstance(text, list) else [text]
                    for i, form in enumerate(forms):
                        form.text = texts[min(i, len(texts) - 1)]
                else:
                    translation.text = text if isinstance(text, str) else text[-1]
                translation.attrib.pop("type", None)
                filled += 1
        _write_ts(tree, ts)
    return filled


def missing(ts_dir: Path = TS_DIR) -> list[str]:
    out = []
    for lang in LANGUAGES:
        ts = ts_dir / f"swdesk_{lang}.ts"
        if not ts.exists():
            continue
        for message in ET.parse(ts).iter("message"):
            translation = message.find("translation")
            forms = [] if translation is None else translation.findall("numerusform")
            texts = [f.text for f in forms] if forms else [None if translation is None else translation.text]
            if translation is None or not all(texts) or translation.get("type") == "unfinished":
                out.append(message.findtext("source") or "")
    return out


TR_FUNCTIONS = {"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3"}


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"
               for ch in text)


def untranslated_literals() -> list[tuple[str, int, str]]:
    """(file, line, text) of Chinese string literals in main.py and ui/ outside any tr() call.

    Docstrings and logging calls are skipped. Some hits are data, not UI text (a vocabulary
    value compared or stored, e.g. "在册"): those rightly stay Chinese.
    """
    out = []
    for name in sources():
        tree = ast.parse((ROOT / name).read_text(encoding="utf-8"), name)
        names = TR_FUNCTIONS | set(_alias_contexts(tree))
        skip: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                body = node.body
                if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                    skip.add(id(body[0].value))
            if isinstance(node, ast.Call):
                func = node.func
                called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                owner = getattr(func.value, "id", "") if isinstance(func, ast.Attribute) else ""
                if called in names or owner in ("log", "logging", "logger"):
                    skip.update(id(n) for arg in node.args for n in ast.walk(arg))
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                if id(node) in skip:
                    continue
                text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
                if _has_cjk(text):
                    out.append((name, node.lineno, "f" + repr(text)))
                skip.update(id(v) for v in node.values)
            elif (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
                  and _has_cjk(node.value)):
                out.append((name, node.lineno, node.value))
    return sorted(set(out))


def release(ts_dir: Path = TS_DIR, qm_dir: Path | None = None) -> None:
    """Build swdesk_<lang>.qm beside each .ts (or into qm_dir)."""
    for ts in sorted(ts_dir.glob("swdesk_*.ts")):
        qm = (qm_dir or ts_dir) / ts.with_suffix(".qm").name
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "release"
    if command == "update":
        update()
    elif command == "fill":
        print(f"filled {fill(argv[1])} messages")
    elif command == "missing":
        for text in missing():
            print(text)
    elif command == "literals":
        for name, line, text in untranslated_literals():
            print(f"{name}:{line}: {text}")
    elif command == "release":
        release()
    else:
        print(__doc__)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""CJK fonts for printing: finding them, embedding them, and knowing which characters they lack.

reportlab embeds TrueType outlines only (CFF/OpenType fonts such as Noto CJK are refused), so the
chain below is made of .ttf/.ttc files, looked up in this order:
1. the font the office chose (setting "pdf_font": a file path),
2. fonts bundled in resources/fonts,
3. the system's: Windows simhei.ttf, simsun.ttc, msyh.ttc …; Linux through fontconfig (fc-list),
   e.g. LXGW WenKai (Debian/Ubuntu package fonts-lxgw-wenkai, SIL OFL).
The first font found is the main one; up to two more of other families serve the characters it
lacks (text is split into runs, one font per run). A character no font of the chain has is
reported before printing (see `missing`), never drawn as an empty box.
"""
from __future__ import annotations

import functools
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFError, TTFont

from swdesk.services.base import UserError

log = logging.getLogger(__name__)

RESOURCES = Path(__file__).resolve().parent.parent.parent / "resources"
if getattr(sys, "frozen", False):  # PyInstaller one-folder build
    RESOURCES = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"

# simsunb.ttf (SimSun-ExtB) has the CJK Extension B characters (𠮷 …) the others lack; it cannot be
# the main font (no common characters) so it becomes the first fallback.
WINDOWS_FONTS = ("simhei.ttf", "simsunb.ttf", "simsun.ttc", "msyh.ttc", "simkai.ttf", "simfang.ttf",
                 "arialuni.ttf")
# Linux fonts in order of preference (file names, lower case); others follow, Droid's last-resort
# fallback font (uneven design) after them.
LINUX_PREFERRED = ("lxgwwenkai", "wqy-microhei", "wqy-zenhei", "sourcehansans", "notosanssc", "uming",
                   "ukai")
MAX_FALLBACKS = 2
FONT_HELP = ("未找到可嵌入的中文 TrueType 字体。请安装免费字体“霞鹜文楷”（LXGW WenKai，"
             "Debian/Ubuntu：apt install fonts-lxgw-wenkai），或在单位设置中选择一个 .ttf/.ttc 字体文件。")


class NoFontError(UserError):
    pass


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """A ToUnicode CMap for one 256-glyph subset; codepoints beyond the BMP are written as UTF-16
    surrogate pairs, as the PDF specification requires (reportlab 5.1 writes them as one too-long
    hex number, so 𠮷 would extract as junk)."""

    def utf16_hex(code: int) -> str:
        if code <= 0xFFFF:
            return f"{code:04X}"
        code -= 0x10000
        return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"

    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
    ]
    pairs = [f"<{i:02X}> <{utf16_hex(v)}>" for i, v in enumerate(subset)]
    for start in range(0, len(pairs), 100):  # a bfchar block holds at most 100 entries
        chunk = pairs[start:start + 100]
        lines += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


class UnicodeTTFont(TTFont):
    """reportlab's TTFont with a correct ToUnicode CMap (see to_unicode_cmap).

    addObjects is reportlab 5.1's own method with only the CMap call changed.
    """

    def addObjects(self, doc):
        try:
            state = self.state[doc]
        except KeyError:
            state = self.state[doc] = TTFont.State(self._asciiReadable)
        state.frozen = 1
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_font_name = (b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX))
                              ).decode("pdfdoc")
            pdf_font = pdfdoc.PDFTrueTypeFont()
            pdf_font.__Comment__ = f"Font {self.fontName} subset {n}"
            pdf_font.Name = internal_name
            pdf_font.BaseFont = base_font_name
            pdf_font.FirstChar = 0
            pdf_font.LastChar = len(subset) - 1
            pdf_font.Widths = pdfdoc.PDFArray(list(map(self.face.getCharWidth, subset)))
            cmap_stream = pdfdoc.PDFStream()
            cmap_stream.content = to_unicode_cmap(base_font_name, subset)
            if doc.compression:
                cmap_stream.filters = [pdfdoc.PDFZCompress]
            pdf_font.ToUnicode = doc.Reference(cmap_stream, "toUnicodeCMap:" + base_font_name)
            pdf_font.FontDescriptor = self.face.addSubsetObjects(doc, base_font_name, subset)
            doc.Reference(pdf_font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = pdf_font
        del self.state[doc]


@dataclass
class LoadedFont:
    name: str            # name registered with reportlab
    path: str
    family: str
    font: UnicodeTTFont
    codepoints: frozenset[int] = field(repr=False, default=frozenset())
    ascent: float = 0.88  # of the font size
    descent: float = -0.12


@dataclass
class FontChain:
    """The main font and its fallbacks, in order."""

    fonts: list[LoadedFont]
    _char_units: dict[str, float] = field(default_factory=dict, repr=False)

    @property
    def main(self) -> LoadedFont:
        return self.fonts[0]

    def font_for(self, char: str) -> LoadedFont | None:
        code = ord(char)
        for font in self.fonts:
            if code in font.codepoints:
                return font
        return None

    def has(self, char: str) -> bool:
        return char.isspace() or self.font_for(char) is not None

    def missing(self, text: str) -> list[str]:
        """Characters of `text` no font of the chain has, in order of first appearance."""
        if self.main.codepoints.issuperset(map(ord, text)):
            return []
        out: list[str] = []
        for char in text:
            if not self.has(char) and char not in out:
                out.append(char)
        return out

    def runs(self, text: str) -> list[tuple[LoadedFont | None, str]]:
        """Split text into (font, piece) runs; font None = characters no font has."""
        main = self.main
        if main.codepoints.issuperset(map(ord, text)):  # the usual case: one run
            return [(main, text)] if text else []
        out: list[tuple[LoadedFont | None, str]] = []
        for char in text:
            font = main if (char.isspace() or ord(char) in main.codepoints) else self.font_for(char)
            if out and out[-1][0] is font:
                out[-1] = (font, out[-1][1] + char)
            else:
                out.append((font, char))
        return out

    def char_width(self, char: str, size: float) -> float:
        """Advance width of one character in points (one em if no font has it)."""
        units = self._char_units.get(char)
        if units is None:
            font = self.main if (char.isspace() or ord(char) in self.main.codepoints) else self.font_for(char)
            units = self._char_units[char] = font.font.stringWidth(char, 1000) if font else 1000.0
        return units * size / 1000.0

    def string_width(self, text: str, size: float) -> float:
        return self.runs_width(self.runs(text), size)

    @staticmethod
    def runs_width(runs: list[tuple[LoadedFont | None, str]], size: float) -> float:
        width = 0.0
        for font, piece in runs:
            if font is None:
                width += size * len(piece)  # left blank, one em each
            else:
                width += font.font.stringWidth(piece, size)
        return width

    def describe(self) -> str:
        return "、".join(f"{f.family}（{f.path}）" for f in self.fonts)


_lock = threading.Lock()
_loaded: dict[tuple[str, int], LoadedFont | None] = {}


def _verdicts_file() -> Path:
    return Path(platformdirs.user_cache_dir("swdesk", appauthor=False)) / "unusable-fonts.json"


def _file_stamp(path: str) -> list[float]:
    try:
        st = os.stat(path)
    except OSError:
        return [0, 0]
    return [st.st_mtime, st.st_size]


def _known_unusable(key: str, path: str) -> bool:
    """True when an earlier run found this very file (same mtime and size) unusable: Debian's Noto
    CJK .ttc files are CFF, which reportlab refuses; trying them costs ~0.3 s each and logged four
    lines at every print. The verdict is logged once, when first found."""
    try:
        verdicts = json.loads(_verdicts_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return verdicts.get(key) == _file_stamp(path)


def _remember_unusable(key: str, path: str) -> None:
    target = _verdicts_file()
    try:
        verdicts = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}
    except (OSError, ValueError):
        verdicts = {}
    verdicts[key] = _file_stamp(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(verdicts, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, target)
    except OSError:  # a cache only: a read-only profile just means the probe runs again
        pass


def _load(path: str, index: int = 0) -> LoadedFont | None:
    """Load and register one TrueType font; None if it cannot be embedded (e.g. CFF outlines)."""
    key = (os.path.abspath(path), index)
    verdict_key = f"{key[0]}#{index}"
    with _lock:
        if key in _loaded:
            return _loaded[key]
        if _known_unusable(verdict_key, path):
            _loaded[key] = None
            return None
        name = f"sw-{Path(path).stem}-{index}-{len(_loaded)}"
        try:
            font = UnicodeTTFont(name, path, subfontIndex=index)
        except (TTFError, OSError, ValueError, KeyError, IndexError) as exc:
            log.info("font %s not usable: %s (remembered; not tried again while the file is unchanged)", path, exc)
            _loaded[key] = None
            _remember_unusable(verdict_key, path)
            return None
        pdfmetrics.registerFont(font)
        face = font.face
        family = getattr(face, "familyName", b"") or face.name
        if isinstance(family, bytes):
            family = family.decode("utf-8", "replace")
        loaded = LoadedFont(
            name=name, path=str(path), family=str(family), font=font,
            codepoints=frozenset(face.charToGlyph),
            ascent=face.ascent / 1000.0, descent=face.descent / 1000.0)
        _loaded[key] = loaded
        return loaded


_WEIGHT_WORDS = ("extralight", "semibold", "light", "bold", "medium", "thin", "heavy", "black",
                 "regular", "mono")


def family_key(family: str) -> str:
    """A family name without weight words: LXGW WenKai Light and LXGW WenKai Mono are one family."""
    key = family.lower()
    for word in _WEIGHT_WORDS:
        key = key.replace(word, "")
    return re.sub(r"[^0-9a-z\u4e00-\u9fff]", "", key)


def _windows_font_dirs() -> list[Path]:
    dirs = [Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return dirs


def _fontconfig_files() -> list[str]:
    """Chinese TrueType fonts fontconfig knows (regular weights first), then its default sans."""
    if not shutil.which("fc-list"):
        return []
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "file", "style"], capture_output=True, text=True,
                             timeout=20, check=False).stdout
        sans = subprocess.run(["fc-match", "-f", "%{file}", "sans-serif"], capture_output=True,
                              text=True, timeout=20, check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return []
    entries = []
    for line in out.splitlines():
        path, _, style = line.partition(":")
        path = path.strip()
        if not path.lower().endswith((".ttf", ".ttc")):
            continue
        stem = Path(path).stem.lower()
        preference = next((i for i, name in enumerate(LINUX_PREFERRED) if name in stem),
                          len(LINUX_PREFERRED) + (1 if "droid" in stem else 0))
        rank = 1 if any(w in stem for w in _WEIGHT_WORDS if w != "regular") else 0
        mono = 1 if "mono" in stem else 0
        entries.append((preference, rank, mono, path))
    files = [p for *_, p in sorted(set(entries))]
    if sans.lower().endswith((".ttf", ".ttc")):
        files.append(sans)
    return files


def candidate_files(chosen: str = "") -> list[str]:
    """Font files to try, in the order of the module docstring."""
    files: list[str] = []
    if chosen:
        files.append(chosen)
    bundled = RESOURCES / "fonts"
    if bundled.is_dir():
        files += sorted(str(p) for p in bundled.iterdir() if p.suffix.lower() in (".ttf", ".ttc"))
    if sys.platform == "win32":
        for folder in _windows_font_dirs():
            files += [str(folder / name) for name in WINDOWS_FONTS if (folder / name).exists()]
    elif sys.platform == "darwin":
        for path in ("/Library/Fonts/Arial Unicode.ttf", "/System/Library/Fonts/Supplemental/Songti.ttc"):
            if Path(path).exists():
                files.append(path)
    else:
        files += _fontconfig_files()
    seen: set[str] = set()
    return [f for f in files if not (f in seen or seen.add(f))]


def _is_cjk_font(font: LoadedFont) -> bool:
    return 0x4E2D in font.codepoints and 0x6587 in font.codepoints  # 中 文


@functools.lru_cache(maxsize=8)
def chain_for(chosen: str = "") -> FontChain:
    """The font chain for the office's chosen font ("" = none chosen). Raises NoFontError."""
    fonts: list[LoadedFont] = []
    families: set[str] = set()
    stems: set[str] = set()
    # Fonts found before the main (Chinese) one: SimSun-ExtB (simsunb.ttf, the Windows font with
    # 𠮷 and the other Ext-B name characters) has no 中 or 文, so it can never be the main font; on
    # a PC without the optional simhei.ttf it comes first and used to be dropped altogether.
    waiting: list[LoadedFont] = []
    for path in candidate_files(chosen):
        if not Path(path).exists():
            if path == chosen:
                log.warning("chosen font %s does not exist", path)
            continue
        stem_key = family_key(Path(path).stem)
        if stem_key in stems:  # another weight of a family already in the chain: do not load it
            continue
        font = _load(path)
        if font is not None:
            stems.add(stem_key)
        if font is None or family_key(font.family) in families:
            continue
        if not fonts and not _is_cjk_font(font):
            waiting.append(font)  # the main font must be a Chinese one; this one falls back
            continue
        fonts.append(font)
        families.add(family_key(font.family))
        if len(fonts) == 1 and waiting:
            fonts += waiting
            families.update(family_key(f.family) for f in waiting)
        if len(fonts) > MAX_FALLBACKS:
            break
    if not fonts:
        raise NoFontError(FONT_HELP)
    return FontChain(fonts)


def office_chain() -> FontChain:
    """The chain for the current database's chosen font (settings key "pdf_font")."""
    from swdesk.services import settings

    return chain_for(str(settings.get("pdf_font") or ""))


def missing_in(chain: FontChain, texts: Iterable[str]) -> list[str]:
    out: list[str] = []
    for text in texts:
        for char in chain.missing(text):
            if char not in out:
                out.append(char)
    return out

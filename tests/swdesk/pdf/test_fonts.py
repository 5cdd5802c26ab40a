"""The font chain: a TrueType CJK font is found, rare name characters are covered, the
ToUnicode CMap writes characters beyond the BMP as surrogate pairs."""
from __future__ import annotations

import io
import subprocess

from swdesk.pdf import fonts
from tests.swdesk.pdf.printing_helpers import RARE_NAMES, needs_poppler


def test_chain_has_a_cjk_main_font_and_covers_rare_name_characters():
    chain = fonts.chain_for("")
    assert 0x4E2D in chain.main.codepoints
    for name in RARE_NAMES:
        assert chain.missing(name) == [], name


def test_private_use_character_is_missing_and_runs_mark_it():
    chain = fonts.chain_for("")
    assert chain.missing("张\ue000三\ue000") == ["\ue000"]
    runs = chain.runs("张\ue000三")
    assert [piece for _, piece in runs] == ["张", "\ue000", "三"]
    assert runs[1][0] is None


def test_cff_font_is_refused_and_chain_skips_it(tmp_path):
    noto = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
    import os

    if os.path.exists(noto):
        assert fonts._load(noto) is None
        chain = fonts.chain_for(noto)  # the chosen font cannot be embedded: the next one is used
        assert chain.main.path != noto


def test_to_unicode_cmap_uses_surrogate_pairs_beyond_the_bmp():
    cmap = fonts.to_unicode_cmap("X", [0, 0x5586, 0x20BB7])
    assert "<01> <5586>" in cmap
    assert "<02> <D842DFB7>" in cmap


@needs_poppler
def test_drawn_text_extracts_back_exactly(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    chain = fonts.chain_for("")
    path = tmp_path / "t.pdf"
    canvas = Canvas(str(path), initialFontName=chain.main.name)
    y = 700
    for name in RARE_NAMES:
        x = 72.0
        for font, piece in chain.runs(name):
            canvas.setFont(font.name, 14)
            canvas.drawString(x, y, piece)
            x += font.font.stringWidth(piece, 14)
        y -= 30
    canvas.save()
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          check=True).stdout.decode()
    for name in RARE_NAMES:
        assert name in text
    assert io  # keep import used


def test_windows_without_simhei_still_falls_back_to_simsun_extb(tmp_path, monkeypatch):
    """On a Windows PC without the optional simhei.ttf, simsunb.ttf (SimSun-ExtB: no 中 or 文, but
    𠮷 and the other Ext-B name characters) comes first: it must stay in the chain as a fallback.
    Simulated with Linux fonts copied under the Windows file names."""
    import shutil
    from pathlib import Path

    windows_fonts = tmp_path / "Fonts"
    windows_fonts.mkdir()
    latin = subprocess.run(["fc-match", "-f", "%{file}", "DejaVu Sans"], capture_output=True, text=True).stdout
    assert latin.endswith(".ttf"), latin
    shutil.copy(latin, windows_fonts / "simsunb.ttf")  # a TrueType font without 中 文, like SimSun-ExtB
    shutil.copy(Path(fonts.RESOURCES) / "fonts" / "LXGWWenKai-Regular.ttf", windows_fonts / "msyh.ttc")
    monkeypatch.setattr(fonts.sys, "platform", "win32")
    monkeypatch.setattr(fonts, "_windows_font_dirs", lambda: [windows_fonts])
    monkeypatch.setattr(fonts, "RESOURCES", tmp_path / "no-resources")
    fonts.chain_for.cache_clear()
    try:
        chain = fonts.chain_for("")
    finally:
        fonts.chain_for.cache_clear()
    paths = [Path(f.path).name for f in chain.fonts]
    assert paths[0] == "msyh.ttc" and "simsunb.ttf" in paths

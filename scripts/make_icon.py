"""Draw the program icon (resources/icons/swdesk.png and swdesk.ico) from the bundled font.

    .venv/bin/python scripts/make_icon.py

The icon is the character 社 in white on the centre's teal, in LXGW WenKai (OFL, resources/fonts).
The outputs are committed; run this again only to change the design.
"""
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "resources" / "fonts" / "LXGWWenKai-Regular.ttf"
OUT = ROOT / "resources" / "icons"
TEAL = (0, 122, 128, 255)


def draw(size: int = 256) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 6, fill=TEAL)
    font = ImageFont.truetype(str(FONT), int(size * 0.72))
    pen.text((size / 2, size / 2), "社", font=font, fill="white", anchor="mm")
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    image = draw()
    image.save(OUT / "swdesk.png")
    image.save(OUT / "swdesk.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])


if __name__ == "__main__":
    main()

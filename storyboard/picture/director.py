"""The director's own picture (``image:`` on a shot): checked when the shot list is read, fitted to the frame.

A PNG, JPEG or WebP that Pillow decodes whole, of at most :data:`MAX_PIXELS`
pixels (a small file can claim a huge picture: a decompression bomb). It is
drawn with its aspect kept, centred on the paper, turned upright as its EXIF
orientation says; signs and the slate are drawn over it.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from storyboard.picture.signs.placement import ANYWHERE
from storyboard.picture.sketch import PAPER, paper
from storyboard.picture.surface import SUBJECT, Box, Surface

FORMATS = {"PNG": "PNG", "JPEG": "JPEG", "WEBP": "WebP"}
MAX_PIXELS = 40_000_000  # above an 8K frame (33 MP), far below what would exhaust memory
SIGN_STRIP = (0.08, 0.64, 0.92, 0.93)  # where signs go over the picture, of the frame


def check_image(path: Path) -> str | None:
    """None when ``path`` is a whole PNG, JPEG or WebP of at most MAX_PIXELS; else what is wrong, in words."""
    try:
        with Image.open(path) as image:
            if image.format not in FORMATS:
                return f"is a {image.format or 'kind of'} picture; use PNG, JPEG or WebP"
            width, height = image.size
            if width * height > MAX_PIXELS:
                return f"is {width}x{height}, {width * height:,} pixels; the largest has {MAX_PIXELS:,}"
            image.load()
    except UnidentifiedImageError:
        return "is not a PNG, JPEG or WebP picture"
    except Image.DecompressionBombError:
        return f"claims more pixels than the largest picture has ({MAX_PIXELS:,})"
    except (OSError, SyntaxError, ValueError) as error:
        return f"cannot be decoded: {error}"
    return None


def fitted(path: Path, width: int, height: int) -> Image.Image:
    """The picture at ``path`` scaled to fit ``width`` x ``height`` with its aspect kept, centred on paper."""
    with Image.open(path) as opened:
        picture = ImageOps.exif_transpose(opened)
        if picture.mode in ("RGBA", "LA", "P"):
            picture = picture.convert("RGBA")
            backing = Image.new("RGBA", picture.size, (*PAPER, 255))
            picture = Image.alpha_composite(backing, picture)
        picture = picture.convert("RGB")
    scale = min(width / picture.width, height / picture.height)
    size = (max(1, round(picture.width * scale)), max(1, round(picture.height * scale)))
    picture = picture.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    sheet = paper(width, height)
    sheet.paste(picture, ((width - size[0]) // 2, (height - size[1]) // 2))
    return sheet


def sign_places(width: int, height: int) -> tuple[Surface, ...]:
    """Where signs go over the director's picture: a strip across its lower part."""
    x0, y0, x1, y1 = SIGN_STRIP
    box: Box = (round(x0 * width), round(y0 * height), round(x1 * width), round(y1 * height))
    return (Surface(ANYWHERE, box, SUBJECT),)

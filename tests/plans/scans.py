"""Scans made in the tests: text rendered to page images, saved as PNG or PDF (issue 17)."""

import io
import os
import struct
import zlib

import pytest
from PIL import Image, ImageDraw, ImageFont

from thidua.documents import ocr

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def needs_ocr():
    """Skip without Tesseract's Vietnamese model, except in CI (REQUIRE_BROWSER), which
    installs it and must never skip these."""
    if not ocr.available() and os.environ.get("REQUIRE_BROWSER") != "1":
        pytest.skip("Tesseract with its Vietnamese model is not installed (make install-ocr)")


def page_image(text: str) -> Image.Image:
    font = ImageFont.truetype(FONT, 28)
    lines = text.splitlines() or [""]
    image = Image.new("L", (1700, 80 + 40 * len(lines)), 255)
    ImageDraw.Draw(image).multiline_text((60, 40), text, font=font, fill=0, spacing=12)
    return image


def scanned_pdf(*pages: str) -> bytes:
    images = [page_image(text) for text in pages]
    buffer = io.BytesIO()
    images[0].save(buffer, "PDF", resolution=200, save_all=True, append_images=images[1:])
    return buffer.getvalue()


def photo_png(text: str) -> bytes:
    buffer = io.BytesIO()
    page_image(text).save(buffer, "PNG")
    return buffer.getvalue()


def huge_png_header(width: int, height: int) -> bytes:
    """A PNG that claims width × height pixels in a few bytes: refused before decoding."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64))

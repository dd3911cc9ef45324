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
    """Skip without Tesseract's Vietnamese model or the DejaVu font the pages are drawn
    in, except in CI (REQUIRE_BROWSER), which installs both and must never skip these."""
    missing = not ocr.available() or not os.path.exists(FONT)
    if missing and os.environ.get("REQUIRE_BROWSER") != "1":
        pytest.skip("Tesseract (vie) or fonts-dejavu-core is not installed (make install-ocr)")


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


def pdf_with_image(image: Image.Image, *, declared: tuple[int, int] | None = None) -> bytes:
    """A one-page PDF holding `image` as JPEG; `declared` makes its dictionary lie about
    the size (the JPEG inside keeps its own)."""
    import pypdf  # noqa: PLC0415
    from pypdf.generic import NameObject, NumberObject  # noqa: PLC0415

    buffer = io.BytesIO()
    image.save(buffer, "PDF", resolution=200)
    if declared is None:
        return buffer.getvalue()
    reader = pypdf.PdfReader(io.BytesIO(buffer.getvalue()))
    writer = pypdf.PdfWriter(clone_from=reader)
    for reference in writer.pages[0]["/Resources"]["/XObject"].values():
        image = reference.get_object()
        image[NameObject("/Width")], image[NameObject("/Height")] = map(NumberObject, declared)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def huge_png_header(width: int, height: int) -> bytes:
    """A PNG that claims width × height pixels in a few bytes: refused before decoding."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64))

"""Reading scans (issue 17, part 3): a scanned PDF or a photo of a page (JPEG, PNG) is read
with Tesseract's Vietnamese model (Debian packages `tesseract-ocr` and `tesseract-ocr-vie`;
`make install-ocr`, README «Reading plans»).

The page images of a PDF are taken out in the isolated reader (documents/isolated.py:
pypdf on an untrusted file, bounded in memory and time), each checked for its pixel count
before anything decodes it; then each page is read by a `tesseract` process started from
an isolated reader of its own, bounded the same way, so that the caller can report progress
page by page.
"""

import os
import shutil
import subprocess
import warnings
from functools import cache
from pathlib import Path

from thidua.documents.archives import Refused

# An A4 page scanned at 400 dpi is 15 million pixels; a larger image is refused unread.
MAX_PIXELS = 40_000_000
MAX_PAGES = 40
IMAGE_KINDS = {"jpg", "png"}
NO_IMAGES = "không có trang ảnh nào để nhận dạng chữ."
UNAVAILABLE = (
    "Máy chủ chưa cài bộ nhận dạng chữ tiếng Việt (Tesseract), nên chưa đọc được bản quét. "
    "Hãy tải lên tệp .docx hoặc .txt của văn bản, dán nội dung vào ô văn bản, hoặc đề nghị "
    "quản trị hệ thống cài gói tesseract-ocr-vie."
)


@cache
def available() -> bool:
    """Tesseract is installed with its Vietnamese model."""
    tesseract = shutil.which("tesseract")
    if not tesseract:
        return False
    try:
        listed = subprocess.run(  # noqa: S603 -- a fixed command, no shell
            [tesseract, "--list-langs"], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "vie" in listed.stdout.split()


def _check_pixels(width: int, height: int, name: str) -> None:
    if width * height > MAX_PIXELS:
        raise Refused(
            f"Ảnh trong «{name}» lớn quá ({width}×{height} điểm ảnh); hãy quét ở 300 dpi."
        )


def scan_pages(path, *, name: str, kind: str, folder: str) -> list[str]:
    """The page images of a scan, written into `folder` (in the isolated reader): the
    photo turned as its camera says (EXIF), or the largest image of each page of a PDF,
    in grey levels. Pillow refuses any image past MAX_PIXELS as it decodes it, whatever
    a PDF's dictionary declared."""
    from PIL import Image, ImageOps  # noqa: PLC0415

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    warnings.simplefilter("error", Image.DecompressionBombWarning)
    try:
        if kind in IMAGE_KINDS:
            with Image.open(path, formats=["JPEG", "PNG"]) as image:
                _check_pixels(*image.size, name)
                target = Path(folder) / "trang-001.png"
                ImageOps.exif_transpose(image).convert("L").save(target)
            return [str(target)]
        return _pdf_pages(path, name=name, folder=Path(folder))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise Refused(f"Ảnh trong «{name}» lớn quá; hãy quét ở 300 dpi.") from error


def _pdf_pages(path, *, name: str, folder: Path) -> list[str]:
    from pypdf import PdfReader  # noqa: PLC0415

    reader = PdfReader(path)
    if len(reader.pages) > MAX_PAGES:
        raise Refused(f"Bản quét «{name}» có {len(reader.pages)} trang, quá {MAX_PAGES} trang.")
    pages = []
    for number, page in enumerate(reader.pages, start=1):
        sizes = _image_sizes(page)
        for width, height in sizes.values():
            _check_pixels(width, height, name)
        if not sizes:
            continue
        largest = max(sizes, key=lambda key: sizes[key][0] * sizes[key][1])
        target = folder / f"trang-{number:03}.png"
        page.images[largest].image.convert("L").save(target)  # CMYK has no PNG
        pages.append(str(target))
    if not pages:
        raise Refused(f"«{name}» {NO_IMAGES}")
    return pages


def _image_sizes(page) -> dict[str, tuple[int, int]]:
    """The page's images by name with the size their dictionaries declare, read before any
    image is decoded."""
    resources = page.get("/Resources") or {}
    objects = resources.get_object().get("/XObject") if resources else None
    sizes = {}
    for key, reference in (objects.get_object() if objects else {}).items():
        image = reference.get_object()
        if image.get("/Subtype") == "/Image":
            sizes[key] = (int(image.get("/Width", 0)), int(image.get("/Height", 0)))
    return sizes


def page_text(image: str, *, name: str, page_seconds: int) -> str:
    """One page read by Tesseract's Vietnamese model. Run in the isolated reader, whose
    limit on memory the `tesseract` process inherits; it is killed past `page_seconds` (the
    reader's own timeout would leave it running). Its environment is the worker's (an
    install may need TESSDATA_PREFIX), with one thread per page."""
    tesseract = shutil.which("tesseract")
    if not tesseract:
        raise Refused(UNAVAILABLE)
    try:
        done = subprocess.run(  # noqa: S603 -- a fixed command on our own file, no shell
            [tesseract, image, "stdout", "-l", "vie"], capture_output=True, encoding="utf-8",
            errors="replace", check=False, timeout=page_seconds,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )  # fmt: skip
    except subprocess.TimeoutExpired as error:
        raise Refused(f"Nhận dạng chữ một trang của «{name}» quá {page_seconds} giây.") from error
    if done.returncode != 0:
        detail = done.stderr.strip().splitlines()[-1:] or [""]
        raise Refused(f"Không nhận dạng được chữ trong «{name}» (tesseract: {detail[0][:200]}).")
    return done.stdout

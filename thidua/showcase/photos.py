"""The public versions of an evidence photo: turned upright, resized and re-encoded as
JPEG with no metadata at all. A phone's photo carries EXIF with the GPS position of the
house it was taken in; the public must never get it."""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

SIDES = {"image": 1600, "thumb": 480}  # the longest side, in pixels
# A photo larger than this is refused before it is decoded (a decompression bomb would
# take gigabytes): 50 megapixels is more than any phone camera's.
MAX_PIXELS = 50_000_000


def public_versions(handle) -> tuple[dict[str, ContentFile], tuple[int, int]]:
    """{"image": …, "thumb": …} JPEG files, and the large one's (width, height)."""
    try:
        with Image.open(handle) as source:
            if source.width * source.height > MAX_PIXELS:
                raise ValidationError("Ảnh quá lớn (trên 50 triệu điểm ảnh).")
            upright = ImageOps.exif_transpose(source).convert("RGB")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ValidationError("Không đọc được ảnh này.") from error
    files, size = {}, upright.size
    for name, side in SIDES.items():
        copy = upright.copy()
        copy.thumbnail((side, side), Image.Resampling.LANCZOS)
        copy.info.clear()  # nothing of the source's metadata (EXIF, XMP, comments) is written
        buffer = io.BytesIO()
        copy.save(buffer, "JPEG", quality=85, optimize=True)
        files[name] = ContentFile(buffer.getvalue(), name=f"{name}.jpg")
        if name == "image":
            size = copy.size
    return files, size


def save_versions(row, handle, written: list[str]) -> None:
    """Fill `row`'s `image` and `thumb` (and its width and height) from the photo in
    `handle`; the stored names go into `written`, for removal if the transaction fails."""
    files, (row.width, row.height) = public_versions(handle)
    for name in ("image", "thumb"):
        getattr(row, name).save(files[name].name, files[name], save=False)
        written.append(getattr(row, name).name)

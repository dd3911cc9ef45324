"""Validation of evidence files: the type is read from the file's content, never trusted
from its name or the browser, and must agree with the name; each kind has a size limit."""

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError

from thidua.exemplars.enums import EvidenceKind

# content type → (kind, extensions the file may carry)
ALLOWED = {
    "image/jpeg": (EvidenceKind.IMAGE, {"jpg", "jpeg"}),
    "image/png": (EvidenceKind.IMAGE, {"png"}),
    "image/webp": (EvidenceKind.IMAGE, {"webp"}),
    "application/pdf": (EvidenceKind.PDF, {"pdf"}),
    "video/mp4": (EvidenceKind.VIDEO, {"mp4", "m4v"}),
    "video/quicktime": (EvidenceKind.VIDEO, {"mov"}),
    "video/webm": (EvidenceKind.VIDEO, {"webm"}),
}
HEADER_BYTES = 8192


def _limit_bytes(kind: str) -> int:
    return settings.EVIDENCE_MAX_MB[kind] * 1024 * 1024


def inspect_upload(upload) -> tuple[str, str]:
    """(kind, content type) of an uploaded file, or ValidationError naming the file.

    Refuses empty files, types other than images, PDF and video (an executable renamed
    .pdf is refused: its content says what it is), a name whose extension disagrees with
    the content, and files above the limit of their kind.
    """
    name = upload.name or "tệp"
    if not upload.size:
        raise ValidationError(f"Tệp «{name}» rỗng.")
    upload.seek(0)
    guessed = filetype.guess(upload.read(HEADER_BYTES))
    upload.seek(0)
    if guessed is None or guessed.mime not in ALLOWED:
        raise ValidationError(
            f"Tệp «{name}» không phải hình ảnh (JPEG, PNG, WebP), PDF hay video (MP4, MOV, WebM)."
        )
    kind, extensions = ALLOWED[guessed.mime]
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in extensions:
        raise ValidationError(
            f"Tệp «{name}» có nội dung {guessed.extension.upper()} nhưng phần mở rộng "
            f"«.{extension}» không khớp."
        )
    if upload.size > _limit_bytes(kind):
        limit = settings.EVIDENCE_MAX_MB[kind]
        raise ValidationError(f"Tệp «{name}» vượt quá {limit} MB cho loại {kind.label.lower()}.")
    return kind, guessed.mime

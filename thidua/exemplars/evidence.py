"""Which evidence files an exemplar takes: images, PDF and video, each kind with its size
limit. The checks themselves are the uploads' own (documents/uploads.py)."""

from django.conf import settings

from thidua.documents.uploads import check_content
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


def inspect_upload(upload) -> tuple[str, str]:
    """(kind, content type) of an uploaded file, or ValidationError naming the file.

    Refuses empty files, types other than images, PDF and video (an executable renamed
    .pdf is refused: its content says what it is), a name whose extension disagrees with
    the content, and files above the limit of their kind (documents/uploads.py checks).
    """
    return check_content(
        upload, accepted=ALLOWED, limit_mb=lambda kind: settings.EVIDENCE_MAX_MB[kind],
        refused="không phải hình ảnh (JPEG, PNG, WebP), PDF hay video (MP4, MOV, WebM)",
    )  # fmt: skip

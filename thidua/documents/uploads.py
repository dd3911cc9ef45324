"""The content checks of every upload, in one place. The type is read from the content (a
renamed executable is refused), must be one the upload accepts and agree with the file's
extension, and the size is bounded per kind. Office documents (plans, deliveries,
dossiers) use OFFICE_TYPES and DOCUMENT_MAX_MB; evidence of exemplars its own table
(exemplars/evidence.py) through the same `check_content`."""

import hashlib

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError

# content type → extensions a file of that content may carry
OFFICE_TYPES = {
    "application/pdf": {"pdf"},
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {"docx"},
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"xlsx"},
    "image/jpeg": {"jpg", "jpeg"},
    "image/png": {"png"},
}
PLAIN_TEXT = {"txt"}
HEADER_BYTES = 8192


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _check_plain_text(upload, name: str) -> str:
    head = upload.read(HEADER_BYTES)
    upload.seek(0)
    if b"\x00" in head:
        raise ValidationError(f"Tệp «{name}» không phải văn bản thuần (.txt).")
    return "text/plain"


def check_content(upload, *, accepted: dict, limit_mb, refused: str) -> tuple[str, str]:
    """(kind, content type) of an upload whose content is one of `accepted` ({content
    type: (kind, extensions)}), within `limit_mb(kind)` MB; otherwise a ValidationError
    naming the file: empty, of another type ("Tệp «…» " + `refused`), with an extension
    that disagrees with its content, or too large (for its kind, when kinds differ)."""
    name = upload.name or "tệp"
    if not upload.size:
        raise ValidationError(f"Tệp «{name}» rỗng.")
    upload.seek(0)
    guessed = filetype.guess(upload.read(HEADER_BYTES))
    upload.seek(0)
    if guessed is None or guessed.mime not in accepted:
        raise ValidationError(f"Tệp «{name}» {refused}.")
    kind, extensions = accepted[guessed.mime]
    extension = extension_of(name)
    if extension not in extensions:
        raise ValidationError(
            f"Tệp «{name}» có nội dung {guessed.extension.upper()} nhưng phần mở rộng "
            f"«.{extension}» không khớp."
        )
    if upload.size > limit_mb(kind) * 1024 * 1024:
        label = f" cho loại {kind.label.lower()}" if hasattr(kind, "label") else ""
        raise ValidationError(f"Tệp «{name}» vượt quá {limit_mb(kind)} MB{label}.")
    return kind, guessed.mime


def inspect_document(upload, *, allow_text: bool = False, only: set[str] | None = None) -> str:
    """The content type of an uploaded document, or a ValidationError naming the file:
    empty, too large, of a type other than PDF, DOCX, XLSX, JPEG or PNG (and plain text when
    `allow_text`; of the extensions in `only` when given), or with an extension that
    disagrees with its content."""
    name = upload.name or "tệp"
    limit = settings.DOCUMENT_MAX_MB
    extension = extension_of(name)
    if only is not None and extension not in only:
        kinds = ", ".join(f".{kind}" for kind in sorted(only))
        raise ValidationError(f"Tệp «{name}» không thuộc loại được nhận: {kinds}.")
    if allow_text and extension in PLAIN_TEXT and upload.size:
        if upload.size > limit * 1024 * 1024:
            raise ValidationError(f"Tệp «{name}» vượt quá {limit} MB.")
        return _check_plain_text(upload, name)
    described = "PDF, Word (.docx), Excel (.xlsx), JPEG, PNG" + (", .txt" if allow_text else "")
    accepted = {mime: (mime, extensions) for mime, extensions in OFFICE_TYPES.items()}
    return check_content(upload, accepted=accepted, limit_mb=lambda _kind: limit,
                         refused=f"không thuộc loại được nhận: {described}")[1]  # fmt: skip


def content_sha256(upload) -> str:
    """The SHA-256 of an upload's content, read in chunks (bounded memory), the file left at
    its start for whoever reads it next."""
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()

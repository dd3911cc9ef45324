"""Validation of office documents uploaded with plans and deliveries. The type is read from
the content (a renamed executable is refused), must agree with the file's extension, and
the size is bounded by DOCUMENT_MAX_MB."""

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


def inspect_document(upload, *, allow_text: bool = False, only: set[str] | None = None) -> str:
    """The content type of an uploaded document, or a ValidationError naming the file:
    empty, too large, of a type other than PDF, DOCX, XLSX, JPEG or PNG (and plain text when
    `allow_text`; of the extensions in `only` when given), or with an extension that
    disagrees with its content."""
    name = upload.name or "tệp"
    limit = settings.DOCUMENT_MAX_MB
    if not upload.size:
        raise ValidationError(f"Tệp «{name}» rỗng.")
    if upload.size > limit * 1024 * 1024:
        raise ValidationError(f"Tệp «{name}» vượt quá {limit} MB.")
    extension = extension_of(name)
    if only is not None and extension not in only:
        kinds = ", ".join(f".{kind}" for kind in sorted(only))
        raise ValidationError(f"Tệp «{name}» không thuộc loại được nhận: {kinds}.")
    upload.seek(0)
    if allow_text and extension in PLAIN_TEXT:
        return _check_plain_text(upload, name)
    guessed = filetype.guess(upload.read(HEADER_BYTES))
    upload.seek(0)
    if guessed is None or guessed.mime not in OFFICE_TYPES:
        kinds = "PDF, Word (.docx), Excel (.xlsx), JPEG, PNG" + (", .txt" if allow_text else "")
        raise ValidationError(f"Tệp «{name}» không thuộc loại được nhận: {kinds}.")
    if extension not in OFFICE_TYPES[guessed.mime]:
        raise ValidationError(
            f"Tệp «{name}» có nội dung {guessed.extension.upper()} nhưng phần mở rộng "
            f"«.{extension}» không khớp."
        )
    return guessed.mime

"""Evidence files attached to a row (a scorecard, an inspection's checklist item): checked
by content (documents.uploads.inspect_document), stored under a name of our own, the
upload's name kept for the download; the stored file is removed if the transaction that
attached it fails (core.files.discarded_on_failure)."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError

from thidua.core.text import clean_text
from thidua.documents.uploads import inspect_document

EXTENSIONS = {
    "application/pdf": "pdf",
    "image/png": "png",
    "image/jpeg": "jpg",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
}
MAX_FILES = 20


def attach(model, *, upload, already: int, **owner):
    """A new `model` row (with `file`, `name`, `content_type`) for `upload`, owned by
    `owner` (e.g. card=…); refused by name when the file is not a document we take."""
    if already >= MAX_FILES:
        raise ValidationError(f"Tối đa {MAX_FILES} tệp minh chứng.")
    kind = inspect_document(upload)
    row = model(content_type=kind, name=clean_text(upload.name or "tệp")[:255], **owner)
    row.file.save(f"{uuid.uuid4().hex}.{EXTENSIONS.get(kind, 'bin')}", upload, save=False)
    row.save()
    return row


def attach_from_request(request, save) -> None:
    """The page's side of an evidence upload: `save(upload)` the posted «file», then say
    how it went (a refusal by its reason; nothing posted, that a file is needed)."""
    upload = request.FILES.get("file")
    try:
        if upload is None:
            raise ValidationError("Cần chọn tệp minh chứng.")
        save(upload)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, "Đã đính kèm minh chứng.")

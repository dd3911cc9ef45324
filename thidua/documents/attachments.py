"""Evidence files attached to a row (a scorecard, an inspection's checklist item): checked
by content (documents.uploads.inspect_document), stored under a name of our own, the
upload's name kept for the download; the stored file is removed if the transaction that
attached it fails (core.files.discarded_on_failure)."""

import uuid

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

"""Reading an uploaded plan document (.docx, .pdf, .txt as OCR tools write it, or a scan:
a PDF without a text layer, a JPEG or PNG photo of the pages). The request only checks the
upload — its type by content, and for a DOCX the archive's declared sizes — and stores it;
a background job reads the text in an isolated process with bounded memory and time
(documents/isolated.py), a scan page by page through Tesseract (documents/ocr.py) with its
progress, then extracts the facts and makes the draft. Where Tesseract is not installed,
a scan is refused with what to do instead."""

import tempfile

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from thidua.core.jobs import JobState, drop_input, finish, progress
from thidua.documents import ocr
from thidua.documents.archives import Refused, check_archive
from thidua.documents.isolated import run_isolated
from thidua.documents.uploads import extension_of, inspect_document
from thidua.plans.models import PlanReading
from thidua.units.scope import is_officer, is_officer_somewhere

MIN_SCAN_LETTERS = 20  # fewer letters read from a scan than this: nothing was read
PLAN_DOCUMENT_KINDS = {"docx", "pdf", "txt", "jpg", "jpeg", "png"}


def check_plan_document(upload) -> str:
    """The reader for the upload (docx, pdf, txt), or ValidationError on "file"."""
    name = upload.name or "tệp"
    try:
        inspect_document(upload, allow_text=True, only=PLAN_DOCUMENT_KINDS)
        if extension_of(name) == "docx":
            check_archive(upload.file, name=name).close()
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    except Refused as error:
        raise ValidationError({"file": str(error)}) from error
    upload.seek(0)
    return "jpg" if extension_of(name) == "jpeg" else extension_of(name)


def start_reading(*, user, upload, issuer=None) -> PlanReading:
    """Check and store a plan document and queue the job that reads it: into a draft plan
    of `issuer` (its officers only), or, without an issuer, only into facts (any officer).
    The task is enqueued after the commit so that the worker finds the job."""
    allowed = is_officer(user, issuer) if issuer else is_officer_somewhere(user)
    if not allowed:
        raise PermissionDenied("Chỉ cán bộ thi đua, khen thưởng được đọc văn bản kế hoạch.")
    kind = check_plan_document(upload)
    with transaction.atomic():
        job = PlanReading.objects.create(user=user, issuer=issuer, file=upload, kind=kind,
                                         original_name=(upload.name or "tệp")[:255])  # fmt: skip
        transaction.on_commit(job.enqueue)
    return job


def read_text(job: PlanReading) -> str:
    """The document's text: its own, or what Tesseract reads in its page images."""
    if job.kind in ocr.IMAGE_KINDS:
        return read_scan(job)
    bounds = {"seconds": settings.READER_SECONDS, "memory_mb": settings.READER_MEMORY_MB}
    text = run_isolated("document_text", job.file.path, name=job.original_name, kind=job.kind,
                        scan_ok=True, **bounds)  # fmt: skip
    if text.strip() or job.kind != "pdf":
        return text
    try:
        return read_scan(job)
    except Refused as refused:
        if not str(refused).endswith(ocr.NO_IMAGES):
            raise
    # No page image: the short text layer is the document itself (or refused as a scan).
    return run_isolated("document_text", job.file.path, name=job.original_name, kind="pdf",
                        **bounds)  # fmt: skip


def read_scan(job: PlanReading) -> str:
    """The pages of a scan through Tesseract's Vietnamese model, one bounded process per
    page, the job's progress counted in pages."""
    if not ocr.available():
        raise Refused(ocr.UNAVAILABLE)
    bounds = {"seconds": settings.READER_SECONDS, "memory_mb": settings.READER_MEMORY_MB}
    with tempfile.TemporaryDirectory(prefix="thidua-scan-") as folder:
        pages = run_isolated("scan_pages", job.file.path, name=job.original_name,
                             kind=job.kind, folder=folder, **bounds)  # fmt: skip
        progress(job, stage="ocr", total=len(pages), done_count=0)
        texts = []
        for number, page in enumerate(pages, start=1):
            texts.append(run_isolated(
                "ocr_page", page, name=job.original_name, seconds=settings.OCR_PAGE_SECONDS + 10,
                memory_mb=settings.OCR_MEMORY_MB, page_seconds=settings.OCR_PAGE_SECONDS,
            ))  # fmt: skip
            progress(job, done_count=number)
    text = "\n".join(texts)
    if sum(char.isalpha() for char in text) < MIN_SCAN_LETTERS:
        raise Refused(f"Không nhận ra chữ nào trong bản quét «{job.original_name}»; hãy quét "
                      "lại rõ hơn (300 dpi) hoặc tải lên tệp .docx, .txt của văn bản.")  # fmt: skip
    return text


def run_reading(job: PlanReading) -> None:
    """Read the text, extract the facts, make the draft (or keep only the facts)."""
    from thidua.plans.drafts import draft_from_text  # noqa: PLC0415 -- drafts import models
    from thidua.plans.extraction import extract  # noqa: PLC0415

    progress(job, stage="reading")
    try:
        text = read_text(job)
    except Refused as error:
        finish(job, JobState.INVALID, error=str(error))
        drop_input(job)
        return
    progress(job, stage="extracting")
    facts = extract(text)
    if job.issuer is None:
        finish(job, facts=facts)
        drop_input(job)  # the extraction saves nothing but its answer
        return
    plan = draft_from_text(actor=job.user, issuer=job.issuer, name=job.original_name,
                           text=text, facts=facts, stored_name=job.file.name)  # fmt: skip
    finish(job, facts=facts, plan=plan)

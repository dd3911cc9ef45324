"""Starting and running an import job. The work runs in a background task (django-tasks):
the workbook is read in an isolated process with bounded memory and time, every row is
checked, and only a file without errors is written."""

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from thidua.core.jobs import JobState, drop_input, finish, progress
from thidua.core.text import fold
from thidua.documents.archives import Refused, check_archive
from thidua.documents.isolated import run_isolated
from thidua.documents.xlsx import XLSX_TYPE
from thidua.imports import importer
from thidua.imports.models import ImportJob
from thidua.units.models import Unit
from thidua.units.scope import scope_for

MAX_UPLOAD_MB = 10
PROGRESS_EVERY = 200


def _check_upload(upload) -> None:
    """An Excel workbook by its content, of sane size, whose parts inflate within bounds
    (only the archive's directory is read here, in the web request)."""
    name = upload.name or "tệp"
    kind = filetype.guess(upload.read(8192))
    upload.seek(0)
    if kind is None or kind.mime != XLSX_TYPE or not name.lower().endswith(".xlsx"):
        raise ValidationError({"file": f"Tệp «{name}» không phải bảng tính Excel (.xlsx)."})
    if upload.size > MAX_UPLOAD_MB * 1024 * 1024:
        raise ValidationError({"file": f"Tệp «{name}» vượt quá {MAX_UPLOAD_MB} MB."})
    try:
        check_archive(upload.file, name=name).close()
    except Refused as error:
        raise ValidationError({"file": str(error)}) from error
    upload.seek(0)


def start_import(*, user, unit, upload) -> ImportJob:
    """Check the upload, store it and queue the job. The task is enqueued after the commit
    so that the worker finds the job."""
    _check_upload(upload)
    name = upload.name or "tệp"
    with transaction.atomic():
        job = ImportJob.objects.create(unit=unit, user=user, file=upload, original_name=name[:255])
        transaction.on_commit(job.enqueue)
    return job


def _invalid(job: ImportJob, errors: list[dict]) -> None:
    finish(job, JobState.INVALID, errors=errors)
    drop_input(job)


def _read(job: ImportJob) -> dict:
    return run_isolated(
        "xlsx_rows", job.file.path, name=job.original_name, max_rows=importer.MAX_ROWS,
        max_cols=len(importer.COLUMNS), seconds=settings.READER_SECONDS,
        memory_mb=settings.READER_MEMORY_MB,
    )  # fmt: skip


def run_job(job: ImportJob) -> None:
    """Read, check all rows (progress saved as it goes), then write them in one transaction."""
    progress(job, stage="reading")
    try:
        sheet = _read(job)
    except Refused as error:
        _invalid(job, [{"row": 0, "column": "", "message": str(error)}])
        return
    data = [tuple(row) for row in sheet["rows"]]
    errors = importer.check_header([fold(str(cell or "")) for cell in sheet["header"]])
    if len(data) > importer.MAX_ROWS:
        errors.append({"row": 0, "column": "", "message": f"Tệp có hơn {importer.MAX_ROWS} dòng "
                       "dữ liệu, vượt quá số dòng mỗi lần nhập; hãy chia nhỏ."})  # fmt: skip
    if not data and not errors:
        errors.append({"row": 0, "column": "", "message": "Tệp không có dòng dữ liệu nào."})
    if errors:
        _invalid(job, errors)
        return
    checked = _check(job, data)
    if checked.errors:
        _invalid(job, checked.errors)
        return
    progress(job, stage="writing")
    subjects, exemplars, skipped = importer.write_rows(actor=job.user, rows=checked.rows)
    finish(job, created_subjects=subjects, created_exemplars=exemplars, skipped_rows=skipped)
    drop_input(job)


def _check(job: ImportJob, data: list[tuple]) -> importer.Checked:
    progress(job, stage="checking", total=len(data), done_count=0)
    scope = scope_for(job.user)
    units = Unit.objects.filter(scope.q("path"), path__startswith=job.unit.path).exclude(code="")
    checker = importer.RowChecker(default_unit=job.unit, units_by_code={u.code: u for u in units})
    result = importer.Checked()
    for offset, cells in enumerate(data):
        checker.check(offset + 2, cells, result)  # row 1 is the header
        if (offset + 1) % PROGRESS_EVERY == 0:
            progress(job, done_count=offset + 1)
    progress(job, done_count=len(data))
    return result

"""Starting and running an import job. The work runs in a background task (django-tasks):
checking every row first, writing only if none failed."""

import filetype
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from thidua.accounts.selectors import scope_for
from thidua.imports import importer
from thidua.imports.models import ImportJob, ImportState
from thidua.units.models import Unit

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD_MB = 10
PROGRESS_EVERY = 200


def start_import(*, user, unit, upload) -> ImportJob:
    """Check that the upload is an Excel workbook of sane size, store it and queue the job.
    The task is enqueued after the commit so that the worker finds the job."""
    name = upload.name or "tệp"
    kind = filetype.guess(upload.read(8192))
    upload.seek(0)
    if kind is None or kind.mime != XLSX or not name.lower().endswith(".xlsx"):
        raise ValidationError({"file": f"Tệp «{name}» không phải bảng tính Excel (.xlsx)."})
    if upload.size > MAX_UPLOAD_MB * 1024 * 1024:
        raise ValidationError({"file": f"Tệp «{name}» vượt quá {MAX_UPLOAD_MB} MB."})
    from thidua.imports.tasks import run_import  # noqa: PLC0415 -- tasks import services

    with transaction.atomic():
        job = ImportJob.objects.create(unit=unit, user=user, file=upload, original_name=name[:255])
        transaction.on_commit(lambda: run_import.enqueue(job_id=job.pk))
    return job


def _set(job: ImportJob, **values) -> None:
    for name, value in values.items():
        setattr(job, name, value)
    ImportJob.objects.filter(pk=job.pk).update(**values)


def run_job(job: ImportJob) -> None:
    """Check all rows (progress saved as it goes), then write them in one transaction."""
    _set(job, state=ImportState.CHECKING)
    try:
        header, data = importer.read_rows(job.file.path)
    except importer.UnreadableWorkbook:
        message = "Không đọc được tệp: tệp Excel bị hỏng hoặc không đúng định dạng .xlsx."
        _set(job, state=ImportState.INVALID, errors=[{"row": 0, "column": "", "message": message}],
             finished_at=timezone.now())  # fmt: skip
        return
    errors = importer.check_header(header)
    if len(data) > importer.MAX_ROWS:
        errors.append({"row": 0, "column": "", "message": f"Tệp có {len(data)} dòng, vượt quá "
                       f"{importer.MAX_ROWS} dòng mỗi lần nhập; hãy chia nhỏ."})  # fmt: skip
    if not data and not errors:
        errors.append({"row": 0, "column": "", "message": "Tệp không có dòng dữ liệu nào."})
    if errors:
        _set(job, state=ImportState.INVALID, errors=errors, finished_at=timezone.now())
        return
    checked = _check(job, data)
    if checked.errors:
        _set(job, state=ImportState.INVALID, errors=checked.errors, finished_at=timezone.now())
        return
    _set(job, state=ImportState.WRITING)
    subjects, exemplars, skipped = importer.write_rows(actor=job.user, rows=checked.rows)
    _set(job, state=ImportState.DONE, created_subjects=subjects, created_exemplars=exemplars,
         skipped_rows=skipped, finished_at=timezone.now())  # fmt: skip


def _check(job: ImportJob, data: list[tuple]) -> importer.Checked:
    _set(job, total_rows=len(data), checked_rows=0)
    scope = scope_for(job.user)
    units = Unit.objects.filter(scope.q("path"), path__startswith=job.unit.path).exclude(code="")
    checker = importer.RowChecker(default_unit=job.unit, units_by_code={u.code: u for u in units})
    result = importer.Checked()
    for offset, cells in enumerate(data):
        checker.check(offset + 2, cells, result)  # row 1 is the header
        if (offset + 1) % PROGRESS_EVERY == 0:
            _set(job, checked_rows=offset + 1)
    _set(job, checked_rows=len(data))
    return result

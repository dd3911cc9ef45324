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
from thidua.imports import importer, kinds
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


def start_import(*, user, unit, upload, kind: str = "", target: int | None = None) -> ImportJob:
    """Check the upload, store it and queue the job (of a registered `kind`, into its
    `target` where it has one, or the subjects template). The task is enqueued after the
    commit so that the worker finds the job."""
    _check_upload(upload)
    name = upload.name or "tệp"
    with transaction.atomic():
        job = ImportJob.objects.create(unit=unit, user=user, file=upload, kind=kind,
                                       target=target, original_name=name[:255])  # fmt: skip
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
    if job.kind:
        _run_kind(job, kinds.KINDS[job.kind])
        return
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
    checked = _check(job, data, sheet.get("numbers") or [])
    if checked.errors:
        _invalid(job, checked.errors)
        return
    progress(job, stage="writing")
    subjects, exemplars, skipped = importer.write_rows(actor=job.user, rows=checked.rows)
    finish(job, created_subjects=subjects, created_exemplars=exemplars, skipped_rows=skipped)
    drop_input(job)


def _check(job: ImportJob, data: list[tuple], numbers: list[int]) -> importer.Checked:
    progress(job, stage="checking", total=len(data), done_count=0)
    scope = scope_for(job.user)
    units = Unit.objects.filter(scope.q("path"), path__startswith=job.unit.path).exclude(code="")
    checker = importer.RowChecker(default_unit=job.unit, units_by_code={u.code: u for u in units})
    result = importer.Checked()
    for offset, cells in enumerate(data):
        checker.check(numbers[offset] if offset < len(numbers) else offset + 2, cells, result)
        if (offset + 1) % PROGRESS_EVERY == 0:
            progress(job, done_count=offset + 1)
    progress(job, done_count=len(data))
    return result


def _run_kind(job: ImportJob, kind: kinds.ImportKind) -> None:
    """A registered kind's workbook: its sheets read in one bounded child process, every
    header and row checked, then written by the kind in one transaction."""
    progress(job, stage="reading")
    try:
        found = run_isolated(
            "xlsx_sheets", job.file.path, name=job.original_name, max_rows=kind.max_rows,
            sheets={sheet: len(columns) for sheet, columns in kind.sheets.items()},
            seconds=settings.READER_SECONDS, memory_mb=settings.READER_MEMORY_MB,
        )  # fmt: skip
    except Refused as error:
        _invalid(job, [{"row": 0, "column": "", "message": str(error)}])
        return
    errors = _sheet_errors(kind, found)
    if errors:
        _invalid(job, errors)
        return
    sheets = {sheet: list(zip(data.get("numbers") or range(2, len(data["rows"]) + 2),
                              map(tuple, data["rows"]), strict=False))
              for sheet, data in found.items()}  # fmt: skip
    progress(job, stage="checking", total=sum(map(len, sheets.values())), done_count=0)
    checked = kind.check(job, sheets, lambda done: progress(job, done_count=done))
    if checked.errors:
        _invalid(job, checked.errors)
        return
    progress(job, stage="writing", done_count=job.total)
    summary = kind.write(actor=job.user, rows=checked.rows)
    finish(job, summary=[list(pair) for pair in summary])
    drop_input(job)


def _sheet_errors(kind: kinds.ImportKind, found: dict) -> list[dict]:
    """A header not the template's, no sheet of the template, no data or too many rows."""
    errors = []
    for sheet, data in found.items():
        if not data["rows"]:
            continue  # an unused sheet, emptied or left as the template
        expected = [fold(label) for _key, label in kind.sheets[sheet]]
        if [fold(str(cell or "")) for cell in data["header"]][: len(expected)] != expected:
            message = "Dòng tiêu đề không đúng mẫu; hãy tải mẫu mới và chép dữ liệu vào đúng cột."
            errors.append({"sheet": sheet, "row": 1, "column": "", "message": message})
    rows = sum(len(data["rows"]) for data in found.values())
    if not found:
        names = ", ".join(f"«{sheet}»" for sheet in kind.sheets)
        errors.append({"row": 0, "column": "", "message": f"Tệp không có trang nào của mẫu "
                       f"({names})."})  # fmt: skip
    elif rows > kind.max_rows:
        errors.append({"row": 0, "column": "", "message": f"Tệp có hơn {kind.max_rows} dòng "
                       "dữ liệu, vượt quá số dòng mỗi lần nhập; hãy chia nhỏ."})  # fmt: skip
    elif not rows and not errors:
        errors.append({"row": 0, "column": "", "message": "Tệp không có dòng dữ liệu nào."})
    return errors

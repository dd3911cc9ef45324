"""Exports: a short list is answered at once; a long one becomes a background job whose
page shows its progress and then its file (documents/reports.py builds both)."""

from django.conf import settings
from django.contrib import messages
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import Http404, QueryDict
from django.shortcuts import redirect

from thidua.core.jobs import finish, progress
from thidua.documents.reports import FORMATS, SOURCES, render_table, table_bytes
from thidua.exports.models import ExportJob

PROGRESS_EVERY = 1000


def export_response(request, key: str, fmt: str, **arguments):
    """The report `key` for this request in `fmt`: written now when it has at most
    EXPORT_INLINE_ROWS rows (and always as a printable page); queued as a job up to
    EXPORT_MAX_ROWS; refused beyond, with what to do."""
    if fmt not in FORMATS:
        raise Http404
    table = SOURCES[key](request.user, request.GET, **arguments)
    if fmt == "html" or table.size <= settings.EXPORT_INLINE_ROWS:
        return render_table(table, fmt, request=request)
    if table.size > settings.EXPORT_MAX_ROWS:
        limit = f"{settings.EXPORT_MAX_ROWS:,}".replace(",", ".")
        messages.error(request, f"Danh sách có hơn {limit} dòng, quá giới hạn một lần xuất; hãy "
                       "lọc bớt (theo đơn vị, lĩnh vực, năm…) rồi xuất lại.")  # fmt: skip
        return redirect(request.META.get("HTTP_REFERER") or "home")
    job = start_export(user=request.user, key=key, fmt=fmt, query=request.GET,
                       arguments=arguments, size=table.size, title=table.title)  # fmt: skip
    return redirect(job)


def start_export(*, user, key: str, fmt: str, query, arguments: dict, size: int,
                 title: str | None) -> ExportJob:  # fmt: skip
    """Queue the export of report `key` with the page's query for `user`."""
    params = query.copy()
    for name in ("page", "sau", "truoc", "format"):
        params.pop(name, None)
    with transaction.atomic():
        job = ExportJob.objects.create(
            user=user, source=key, fmt=fmt, query=params.urlencode(), arguments=arguments,
            total=size, title=title or "",
        )  # fmt: skip
        transaction.on_commit(job.enqueue)
    return job


def _counted(job: ExportJob, rows):
    for n, row in enumerate(rows, start=1):
        if n % PROGRESS_EVERY == 0:
            progress(job, done_count=n)
        yield row


def run_export(job: ExportJob) -> None:
    """Build the report again, as its officer sees it now, and store the file."""
    table = SOURCES[job.source](job.user, QueryDict(job.query), **job.arguments)
    progress(job, stage="writing", total=table.size)
    table.rows = _counted(job, table.rows)
    content, _type, name = table_bytes(table, job.fmt)
    progress(job, stage="saving")
    job.file.save(name, ContentFile(content), save=False)
    finish(job, file=job.file.name, filename=name, done_count=table.size)

"""An export job's page (its progress, polled by htmx, then its file) and the download,
both for the officer who asked only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from thidua.core.http import post_only, read_only
from thidua.core.jobs import JobState, check_alive, retry_job
from thidua.documents.response import stored_file
from thidua.exports.models import ExportJob


def _own(request, pk: int) -> ExportJob:
    return get_object_or_404(ExportJob, pk=pk, user=request.user)


@read_only
@login_required
def export_job(request, pk: int):
    job = check_alive(_own(request, pk))
    template = "exports/job.html#progress" if request.htmx else "exports/job.html"
    return render(request, template, {"job": job})


@read_only
@login_required
def export_download(request, pk: int):
    job = _own(request, pk)
    if job.state != JobState.DONE or not job.file:
        raise Http404
    return stored_file(job.file, job.filename)


@post_only
@login_required
def export_retry(request, pk: int):
    job = _own(request, pk)
    if retry_job(job):
        messages.success(request, "Đã xếp lại vào hàng đợi.")
    return redirect(job)

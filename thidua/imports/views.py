from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from thidua.accounts.models import Role
from thidua.core.forms import CleanTextMixin, apply_service_errors
from thidua.core.http import form_view, post_only, read_only
from thidua.core.jobs import check_alive, retry_job
from thidua.documents.frame import file_name
from thidua.documents.response import attachment
from thidua.documents.xlsx import XLSX_TYPE
from thidua.imports import kinds, services
from thidua.imports.models import ImportJob
from thidua.imports.template import template_bytes
from thidua.units.scope import has_role
from thidua.units.selectors import get_unit_for


class UploadForm(CleanTextMixin, forms.Form):
    file = forms.FileField(label="Tệp Excel theo mẫu (.xlsx)")


@form_view
@login_required
def import_start(request, unit_pk: int, slug: str = ""):
    """The upload page of the subjects template, or of a registered kind (`slug`)."""
    kind = kinds.kind_for_slug(slug) if slug else None
    if kind and kind.target:
        raise Http404  # it imports into one object: import_into
    return _upload(request, get_unit_for(request.user, unit_pk), kind)


@form_view
@login_required
def import_into(request, slug: str, target_pk: int):
    """The upload page of a kind that imports into one object (a conference)."""
    kind = kinds.kind_for_slug(slug)
    if not kind.target:
        raise Http404
    target = kind.target(request.user, target_pk)
    return _upload(request, target.unit, kind, target)


def _upload(request, unit, kind, target=None):
    if not has_role(request.user, unit.path, Role.OFFICER):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    code, target_pk = (kind.code if kind else ""), (target.pk if target else None)
    if request.method == "POST" and form.is_valid():
        try:
            upload = form.cleaned_data["file"]
            job = services.start_import(user=request.user, unit=unit, kind=code,
                                        target=target_pk, upload=upload)  # fmt: skip
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return redirect(job)
    jobs = ImportJob.objects.filter(user=request.user, unit=unit, kind=code, target=target_pk)
    others = [other for other in kinds.KINDS.values() if not other.target]
    context = {"unit": unit, "form": form, "kind": kind, "target": target, "others": others,
               "jobs": jobs.order_by("-created_at")[:10]}  # fmt: skip
    return render(request, "imports/start.html", context)


@read_only
@login_required
def import_template(request, slug: str = ""):
    if slug:
        kind = kinds.kind_for_slug(slug)
        name = file_name(f"Mẫu nhập {kind.heading} từ Excel", extension="xlsx")
        return attachment(kind.template(), XLSX_TYPE, name)
    return attachment(template_bytes(), XLSX_TYPE, "Mẫu nhập điển hình tiên tiến từ Excel.xlsx")


@read_only
@login_required
def import_job(request, pk: int):
    """The job's page; htmx polls its progress fragment every second until it finishes.
    A job is visible only to the person who started it."""
    job = get_object_or_404(ImportJob.objects.select_related("unit"), pk=pk, user=request.user)
    check_alive(job)
    kind = kinds.KINDS.get(job.kind)
    context = {"job": job, "kind": kind,
               "after_url": kind.after(job) if kind and kind.after else "",
               "by_sheet": any(error.get("sheet") for error in job.errors)}  # fmt: skip
    if request.htmx:
        return render(request, "imports/job.html#progress", context)
    return render(request, "imports/job.html", context)


@post_only
@login_required
def import_retry(request, pk: int):
    """Run a failed import again from its stored file (only its owner may)."""
    job = get_object_or_404(ImportJob, pk=pk, user=request.user)
    if retry_job(job):
        messages.success(request, "Đã xếp lại vào hàng đợi.")
    return redirect(job)

"""Reading a plan from its document in the browser: the upload, then the reading job's
page, polled by htmx until the draft is ready (then on to the draft)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django_htmx.http import HttpResponseClientRedirect

from thidua.core.http import form_view, post_only, read_only
from thidua.core.jobs import JobState, check_alive, retry_job
from thidua.plans import reading
from thidua.plans.forms import UploadForm
from thidua.plans.models import PlanReading
from thidua.units.scope import is_officer
from thidua.units.selectors import get_unit_for


@form_view
@login_required
def plan_upload(request, unit_pk: int):
    unit = get_unit_for(request.user, unit_pk)
    if not is_officer(request.user, unit):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = reading.start_reading(user=request.user, issuer=unit,
                                    upload=form.cleaned_data["file"])  # fmt: skip
        return redirect(job)
    return render(request, "plans/upload.html", {"unit": unit, "form": form})


def _own_reading(request, pk: int) -> PlanReading:
    """A reading of the user's own, into a draft (404 otherwise)."""
    found = PlanReading.objects.select_related("issuer", "plan")
    return get_object_or_404(found, pk=pk, user=request.user, issuer__isnull=False)


@read_only
@login_required
def plan_reading(request, pk: int):
    job = check_alive(_own_reading(request, pk))
    if job.state == JobState.DONE and job.plan is not None:
        messages.success(request, "Đã đọc văn bản. Hãy kiểm tra bản nháp, chọn đơn vị "
                         "thực hiện rồi ban hành.")  # fmt: skip
        if request.htmx:
            return HttpResponseClientRedirect(job.plan.get_absolute_url())
        return redirect(job.plan)
    template = "plans/reading.html#progress" if request.htmx else "plans/reading.html"
    return render(request, template, {"job": job})


@post_only
@login_required
def plan_reading_retry(request, pk: int):
    job = _own_reading(request, pk)
    if retry_job(job):
        messages.success(request, "Đã xếp lại vào hàng đợi.")
    return redirect(job)

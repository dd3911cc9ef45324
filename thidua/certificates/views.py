"""The officers' side of certificates: a decision's batch and its progress, a test print,
and the issuer's layout. Only the issuer's officers print; others in scope see nothing of
it (404 outside scope, 403 for a reader)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from thidua.accounts.models import Role
from thidua.awards.decisions import get_decision_for
from thidua.awards.models import Award
from thidua.certificates import services
from thidua.certificates.forms import LayoutForm
from thidua.certificates.layout import layout_for
from thidua.certificates.rendering import award_of
from thidua.core.forms import apply_service_errors
from thidua.core.http import form_view, post_only, read_only
from thidua.core.jobs import JobState, check_alive
from thidua.documents.frame import file_name
from thidua.documents.response import stored_file
from thidua.units.scope import has_role


def _issuers_decision(request, pk: int):
    decision = get_decision_for(request.user, pk)
    if not has_role(request.user, decision.issuer.path, Role.OFFICER):
        raise PermissionDenied("Chỉ cán bộ của cơ quan ban hành được in giấy khen, bằng khen.")
    return decision


@post_only
@login_required
def start(request, pk: int):
    """Number the awardees' certificates and render them (or a test print, `thu`)."""
    decision = _issuers_decision(request, pk)
    try:
        job = services.start_certificates(actor=request.user, decision=decision,
                                          test=request.POST.get("thu") == "1")  # fmt: skip
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(decision)
    return redirect("certificates:job", pk=decision.pk, job_pk=job.pk)


@read_only
@login_required
def job(request, pk: int, job_pk: int):
    """The batch's progress (polled by htmx until done), then the download."""
    decision = _issuers_decision(request, pk)
    found = get_object_or_404(decision.certificate_jobs, pk=job_pk)
    if request.GET.get("download") and found.state == JobState.DONE:
        kind = "In thử vị trí" if found.test else "Giấy khen, bằng khen"
        return stored_file(found.file, file_name(kind, f"Quyết định {decision.reference}",
                                                 extension="pdf"))  # fmt: skip
    check_alive(found)
    context = {"decision": decision, "job": found,
               "certificates": decision.certificates.all()[:500]}  # fmt: skip
    return render(request, "certificates/job.html", context)


@form_view
@login_required
def layout(request, pk: int):
    """The layout the decision's award prints with, for its issuer (saved as the award's)."""
    decision = _issuers_decision(request, pk)
    award = award_of(decision) if decision.lines.exists() else None
    if award is None:
        raise PermissionDenied("Quyết định chưa có người, tập thể được khen thưởng.")
    found = layout_for(decision.issuer, award)
    if found.pk is None or found.award_id is None:  # the award gets its own from now on
        found.pk, found.award, found.issuer = None, Award.objects.get(pk=award.pk), decision.issuer
    form = LayoutForm(request.POST or None, request.FILES or None, instance=found)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_layout(actor=request.user, layout=form.instance,
                                 changed=form.changed_data)  # fmt: skip
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Đã lưu mẫu in {award.name}.")
            return redirect("certificates:layout", pk=decision.pk)
    context = {"decision": decision, "award": award, "form": form}
    return render(request, "certificates/layout.html", context, status=400 if form.errors else 200)

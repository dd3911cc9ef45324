"""Pages of decisions: drafted from approved nominations, corrected, issued, downloaded as
DOCX in the state format. The issuer's officers write; the issuer's people and the units
above read; anyone else gets 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render

from thidua.accounts.models import Role
from thidua.audit.services import snapshot
from thidua.awards import decisions, forms, nominations
from thidua.awards.decision_docx import decision_docx
from thidua.awards.models import DecisionState
from thidua.awards.selectors import base_salary_on
from thidua.core.forms import apply_service_errors, is_id
from thidua.core.http import form_view, post_only, read_only
from thidua.core.pagination import paginate, query_without_page
from thidua.documents.docx import DOCX_TYPE
from thidua.documents.frame import file_name
from thidua.documents.response import attachment
from thidua.units.scope import has_role


def _officer(request, unit) -> None:
    if not has_role(request.user, unit.path, Role.OFFICER):
        raise PermissionDenied("Chỉ cán bộ của cơ quan ban hành được lập, sửa quyết định.")


@post_only
@login_required
def decision_create(request):
    """A draft decision for the approved nominations ticked in the list."""
    ids = [pk for pk in request.POST.getlist("chon") if is_id(pk)]
    rows = list(nominations.visible_nominations(request.user).filter(pk__in=ids)
                .select_related("award", "subject", "deciding_unit"))  # fmt: skip
    issuers = {row.deciding_unit for row in rows if row.deciding_unit}
    if len(issuers) != 1:
        messages.error(request, "Chọn các đề nghị đã được đồng ý của cùng một cấp quyết định.")
        return redirect("awards:nominations")
    issuer = issuers.pop()
    _officer(request, issuer)
    try:
        decision = decisions.draft_decision(actor=request.user, issuer=issuer, nominations=rows)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("awards:nominations")
    return redirect(decision)


@read_only
@login_required
def decision_list(request):
    """Decisions in scope; `?hoi_nghi=<id>` those that honour at one conference."""
    rows = decisions.visible_decisions(request.user).select_related("issuer")
    if is_id(conference := request.GET.get("hoi_nghi", "")):
        rows = rows.filter(conference_id=int(conference))
    context = {"page": paginate(request, rows.order_by("-created_at", "-pk")),
               "query": query_without_page(request)}  # fmt: skip
    return render(request, "awards/decisions.html", context)


def _lines(decision):
    """The awardees with the reward they get, or would get if signed on the date shown."""
    salary = base_salary_on(decision.signed_on)
    lines = list(decision.lines.select_related("nomination__award", "nomination__subject__unit")
                 .order_by("nomination__subject__sort_name"))  # fmt: skip
    if decision.state == DecisionState.DRAFT:
        decisions.line_amounts(lines, salary)
    return lines, salary


@form_view
@login_required
def decision_detail(request, pk: int):
    decision = decisions.get_decision_for(request.user, pk)
    editable = decision.state == DecisionState.DRAFT and has_role(
        request.user, decision.issuer.path, Role.OFFICER)  # fmt: skip
    before = snapshot(decision, decisions.EDITABLE)
    form = forms.DecisionForm(request.POST or None, instance=decision) if editable else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                decisions.update_decision(actor=request.user, decision=form.instance, before=before)
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, "Đã lưu dự thảo.")
                return redirect(decision)
    lines, salary = _lines(decision)
    total = sum(line.amount or 0 for line in lines)
    issuer_officer = has_role(request.user, decision.issuer.path, Role.OFFICER)
    context = {"decision": decision, "form": form, "lines": lines, "salary": salary,
               "total": total, "editable": editable, "issuer_officer": issuer_officer}  # fmt: skip
    return render(request, "awards/decision.html", context)


@post_only
@login_required
def decision_issue(request, pk: int):
    decision = decisions.get_decision_for(request.user, pk)
    _officer(request, decision.issuer)
    try:
        decision = decisions.issue_decision(actor=request.user, decision=decision)
    except ValidationError as error:
        messages.error(request, "Chưa ban hành được: " + " ".join(error.messages))
    else:
        messages.success(request, f"Đã ban hành Quyết định số {decision.reference}; lịch sử "
                                  "khen thưởng đã được ghi.")  # fmt: skip
    return redirect(decision)


@read_only
@login_required
def decision_download(request, pk: int):
    decision = decisions.get_decision_for(request.user, pk)
    number = decision.reference.replace("/", "-") if decision.number else "dự thảo"
    name = file_name(f"Quyết định {number}", decision.summary, extension="docx")
    return attachment(decision_docx(decision), DOCX_TYPE, name)

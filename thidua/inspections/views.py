"""Inspection pages (/kiem-tra/): the list of what the user's units inspect or are
inspected on (and a unit's own with ?don_vi=), planning one, its page with the checklist's
findings, the fixes and their reports, the actions, and the conclusion as Word."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render

from thidua.core.forms import apply_service_errors, is_id
from thidua.core.http import form_view, post_only, read_only
from thidua.core.pagination import paginate, query_without_page
from thidua.documents.attachments import attach_from_request
from thidua.documents.docx import DOCX_TYPE
from thidua.documents.response import attachment, stored_file
from thidua.inspections import selectors, services
from thidua.inspections.conclusion_docx import conclusion_docx
from thidua.inspections.forms import FixForm, PlanForm, ReasonForm
from thidua.inspections.models import FixAction, InspectionAction, InspectionState, ItemFile
from thidua.units.scope import is_officer
from thidua.units.selectors import get_unit_for
from thidua.workflow.engine import Refused, allowed_actions, history, transition


def _say(request, error) -> None:
    for message in error.messages:
        messages.error(request, message)


@read_only
@login_required
def inspection_list(request):
    inspections = selectors.visible_inspections(request.user).select_related("by_unit", "unit")
    unit = None
    asked = request.GET.get("don_vi", "")
    if is_id(asked):
        unit = get_unit_for(request.user, int(asked))
        inspections = inspections.filter(unit=unit)
    context = {"page": paginate(request, inspections.order_by("-planned_on", "-pk")),
               "query": query_without_page(request), "unit": unit,
               "fixes": list(selectors.open_fixes(unit)) if unit else []}  # fmt: skip
    return render(request, "inspections/list.html", context)


@form_view
@login_required
def inspection_plan(request, unit_pk: int):
    by_unit = get_unit_for(request.user, unit_pk)
    if not is_officer(request.user, by_unit):
        raise PermissionDenied
    form = PlanForm(request.POST or None, by_unit=by_unit)
    if request.method == "POST" and form.is_valid():
        try:
            made = services.plan_inspection(actor=request.user, by_unit=by_unit,
                                            **form.cleaned_data)  # fmt: skip
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã lên kế hoạch kiểm tra.")
            return redirect(made)
    status = 400 if request.method == "POST" else 200
    return render(request, "inspections/plan.html", {"form": form, "by_unit": by_unit},
                  status=status)  # fmt: skip


@read_only
@login_required
def inspection_detail(request, pk: int):
    inspection = selectors.get_inspection_for(request.user, pk)
    fixes = list(inspection.fixes.all())
    context = {
        "inspection": inspection, "items": list(inspection.items.prefetch_related("files")),
        "fixes": [
            (fix, allowed_actions(request.user, fix)) for fix in fixes],
        "inspects": selectors.inspects(request.user, inspection),
        "planned": inspection.state == InspectionState.PLANNED,
        "actions": allowed_actions(request.user, inspection), "history": history(inspection),
        "fix_form": FixForm(), "reason_form": ReasonForm(),
    }  # fmt: skip
    return render(request, "inspections/detail.html", context)


def _inspector(request, pk):
    inspection = selectors.get_inspection_for(request.user, pk)
    if not selectors.inspects(request.user, inspection):
        raise PermissionDenied
    return inspection


@post_only
@login_required
def inspection_findings(request, pk: int):
    inspection = _inspector(request, pk)
    findings = {item.pk: (request.POST.get(f"met_{item.pk}", ""),
                          request.POST.get(f"finding_{item.pk}", "")[:5000])
                for item in inspection.items.all()}  # fmt: skip
    try:
        with transaction.atomic():
            services.record_findings(actor=request.user, inspection=inspection,
                                     findings=findings)  # fmt: skip
            if request.POST.get("new_item", "").strip():
                services.add_item(actor=request.user, inspection=inspection,
                                  text=request.POST["new_item"][:600])  # fmt: skip
    except ValidationError as error:
        _say(request, error)
    else:
        messages.success(request, "Đã lưu kết quả kiểm tra.")
    return redirect(inspection)


@post_only
@login_required
def inspection_fix(request, pk: int):
    inspection = _inspector(request, pk)
    form = FixForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        services.request_fix(actor=request.user, inspection=inspection, **form.cleaned_data)
    except ValidationError as error:
        _say(request, error)
    else:
        messages.success(request, "Đã gửi yêu cầu khắc phục.")
    return redirect(inspection)


def _move(request, obj, action: str, allowed, back):
    if action not in allowed:
        raise Http404
    form = ReasonForm(request.POST)
    data = form.cleaned_data if form.is_valid() else {}
    try:
        transition(obj, action, by=request.user, reason=data.get("reason", ""), data=data)
    except Refused as error:
        if error.forbidden:
            raise PermissionDenied from error
        _say(request, error)
    else:
        messages.success(request, "Đã ghi nhận.")
    return redirect(back)


@post_only
@login_required
def inspection_action(request, pk: int, action: str):
    inspection = selectors.get_inspection_for(request.user, pk)
    return _move(request, inspection, action, InspectionAction.values, inspection)


@post_only
@login_required
def fix_action(request, pk: int, fix_pk: int, action: str):
    inspection = selectors.get_inspection_for(request.user, pk)
    fix = inspection.fixes.filter(pk=fix_pk).first()
    if fix is None:
        raise Http404
    return _move(request, fix, action, FixAction.values, inspection)


@read_only
@login_required
def inspection_word(request, pk: int):
    inspection = selectors.get_inspection_for(request.user, pk)
    return attachment(
        conclusion_docx(inspection),
        DOCX_TYPE,
        f"Kết luận kiểm tra {inspection.unit.name} năm {inspection.year}.docx",
    )


@post_only
@login_required
def item_file(request, pk: int, item_pk: int):
    inspection = _inspector(request, pk)
    item = inspection.items.filter(pk=item_pk).first()
    if item is None:
        raise Http404
    attach_from_request(request, lambda upload: services.attach_item_file(
        actor=request.user, item=item, upload=upload))  # fmt: skip
    return redirect(inspection)


@read_only
@login_required
def item_file_download(request, pk: int, file_pk: int):
    inspection = selectors.get_inspection_for(request.user, pk)
    row = ItemFile.objects.filter(item__inspection=inspection, pk=file_pk).first()
    if row is None:
        raise Http404
    return stored_file(row.file, row.name, row.content_type)

"""Plans: reading one from its document into a draft, choosing who owes each milestone,
issuing it, the owing units' deliveries and the issuer's compliance board."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from thidua.accounts.models import Role
from thidua.accounts.selectors import has_role
from thidua.core.forms import apply_service_errors
from thidua.core.pagination import paginate, query_without_page
from thidua.documents.response import attachment
from thidua.documents.xlsx import XLSX_TYPE, table_to_xlsx
from thidua.plans import selectors, services
from thidua.plans.models import PlanStatus
from thidua.units.models import Level, UnitKind
from thidua.units.selectors import get_unit_for

MAX_UPLOAD = 10 * 1024 * 1024
BOARD_COLUMNS = [("STT", 6), ("Đơn vị", 36), ("Mốc", 50), ("Hạn", 12), ("Tình trạng", 18),
                 ("Ngày nộp", 12)]  # fmt: skip


class UploadForm(forms.Form):
    file = forms.FileField(label="Văn bản kế hoạch (.docx hoặc văn bản .txt)")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".docx", ".txt")) or upload.size > MAX_UPLOAD:
            raise ValidationError("Chỉ nhận tệp .docx hoặc .txt, tối đa 10 MB.")
        return upload


def _is_officer(user, unit) -> bool:
    return has_role(user, unit.path, Role.OFFICER)


@login_required
def plan_list(request):
    plans = selectors.visible_plans(request.user).select_related("issuer").order_by("-created_at")
    context = {"page": paginate(request, plans), "query": query_without_page(request)}
    return render(request, "plans/plan_list.html", context)


@login_required
def plan_upload(request, unit_pk: int):
    unit = get_unit_for(request.user, unit_pk)
    if not _is_officer(request.user, unit):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            content = upload.read()
            plan = services.draft_from_document(
                actor=request.user, issuer=unit, name=upload.name, content=content
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã đọc văn bản. Hãy kiểm tra bản nháp, chọn đơn vị "
                             "thực hiện rồi ban hành.")  # fmt: skip
            return redirect("plans:detail", pk=plan.pk)
    return render(request, "plans/upload.html", {"unit": unit, "form": form})


@login_required
def plan_detail(request, pk: int):
    plan = selectors.get_plan_for(request.user, pk)
    today = timezone.localdate()
    status = request.GET.get("status", "")
    status = status if status in selectors.STATUS_LABELS else ""
    can_manage = _is_officer(request.user, plan.issuer)
    obligations = selectors.obligations_for(request.user, plan, today, status=status)
    if request.GET.get("format") == "xlsx" and can_manage:
        return _board_xlsx(plan, obligations)
    context = {
        "plan": plan, "can_manage": can_manage, "today": today, "status": status,
        "milestones": plan.milestones.prefetch_related("owing_units"),
        "counts": selectors.board_counts(plan, today), "labels": selectors.STATUS_LABELS,
        "page": paginate(request, obligations), "query": query_without_page(request),
        "tree": selectors.plan_tree(plan), "levels": Level.choices, "kinds": UnitKind.choices,
    }  # fmt: skip
    return render(request, "plans/plan_detail.html", context)


def _board_xlsx(plan, obligations) -> HttpResponse:
    rows = (
        [n, o.unit.name, o.milestone.title, o.milestone.due_on.strftime("%d/%m/%Y"),
         selectors.STATUS_LABELS[o.status],
         o.delivered_on.strftime("%d/%m/%Y") if o.delivered_on else ""]
        for n, o in enumerate(obligations.iterator(chunk_size=2000), start=1)
    )  # fmt: skip
    content = table_to_xlsx(title=f"Tiến độ thực hiện {plan}", columns=BOARD_COLUMNS, rows=rows)
    return attachment(content, XLSX_TYPE, f"tien-do-ke-hoach-{plan.pk}.xlsx")


@require_POST
@login_required
def milestone_units(request, pk: int, milestone_pk: int):
    """Choose who owes a milestone: by level and kind inside the issuer's subtree."""
    plan = selectors.get_plan_for(request.user, pk)
    if not _is_officer(request.user, plan.issuer):
        raise PermissionDenied
    milestone = get_object_or_404(plan.milestones, pk=milestone_pk)
    level = request.POST.get("level", "") if request.POST.get("level") in Level.values else ""
    kind = request.POST.get("kind", "") if request.POST.get("kind") in UnitKind.values else ""
    units = services.addressed_units(plan.issuer, level=level, kind=kind)
    try:
        services.set_owing_units(actor=request.user, milestone=milestone, units=units)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, f"Đã chọn {len(units)} đơn vị thực hiện «{milestone.title[:60]}»."
        )
    return redirect(plan)


@require_POST
@login_required
def plan_issue(request, pk: int):
    plan = selectors.get_plan_for(request.user, pk)
    if not _is_officer(request.user, plan.issuer) or plan.status != PlanStatus.DRAFT:
        raise PermissionDenied
    try:
        services.issue_plan(actor=request.user, plan=plan)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Đã ban hành; các đơn vị thực hiện đã có nghĩa vụ của mình.")
    return redirect(plan)


@require_POST
@login_required
def obligation_action(request, pk: int, action: str):
    obligation = selectors.get_obligation_for(request.user, pk)
    plan = obligation.milestone.plan
    if action == "deliver":
        allowed = _is_officer(request.user, obligation.unit)
    else:
        allowed = action in {"accept", "return"} and _is_officer(request.user, plan.issuer)
    if not allowed:
        raise PermissionDenied
    note = request.POST.get("note", "")[:2000]
    try:
        if action == "deliver":
            services.deliver(actor=request.user, obligation=obligation, note=note)
        else:
            services.decide(obligation=obligation, action=action, by=request.user, reason=note)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(plan)

"""What units owe: their list, one obligation's page where the unit delivers (files, its
own plan) and the issuer accepts or returns, and the delivered files."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from thidua.core.forms import apply_service_errors
from thidua.core.http import post_only, read_only
from thidua.core.pagination import paginate, query_without_page
from thidua.documents.response import stored_file
from thidua.plans import selectors
from thidua.plans.forms import DeliverForm
from thidua.plans.models import Plan, PlanStatus
from thidua.workflow.engine import Refused, allowed_actions, history, transition


@read_only
@login_required
def my_obligations(request):
    status = request.GET.get("status", "")
    status = status if status in selectors.STATUS_LABELS else ""
    obligations = selectors.my_obligations(request.user, timezone.localdate(), status=status)
    context = {"page": paginate(request, obligations), "query": query_without_page(request),
               "status": status, "labels": selectors.STATUS_LABELS}  # fmt: skip
    return render(request, "plans/my_obligations.html", context)


def _own_plans(obligation):
    """Plans of the owing unit (or below it) that may be linked as its delivery."""
    return Plan.objects.filter(
        issuer__path__startswith=obligation.unit.path,
        status__in=[PlanStatus.ISSUED, PlanStatus.CLOSED],
    ).order_by("-pk")


def _history(obligation):
    """The obligation's ledger rows, each delivery with its date (kept as text)."""
    rows = history(obligation)
    for row in rows:
        delivered_on = row.payload.get("delivered_on")
        row.delivered_on = datetime.date.fromisoformat(delivered_on) if delivered_on else None
    return rows


def _page(request, obligation, form=None, *, refused=(), status=200):
    """The obligation's page; `refused` are the reasons a delivery was just turned down.
    What the user may do here is what the obligation workflow allows them now."""
    shown = selectors.status_of(obligation, timezone.localdate())
    actions = {name for name, _step in allowed_actions(request.user, obligation)}
    changes = _history(obligation)
    context = {
        "obligation": obligation, "plan": obligation.milestone.plan, "refused": refused,
        "status": selectors.STATUS_LABELS[shown], "files": obligation.files.all(),
        "can_deliver": "deliver" in actions and not refused,
        "can_decide": bool(actions & {"accept", "return"}),
        "changes": changes,
        "returned_by": next((c for c in reversed(changes) if c.action == "return"), None),
        "form": form or DeliverForm(own_plans=_own_plans(obligation)),
    }  # fmt: skip
    return render(request, "plans/obligation.html", context, status=status)


@read_only
@login_required
def obligation_detail(request, pk: int):
    return _page(request, selectors.get_obligation_for(request.user, pk))


@post_only
@login_required
def obligation_deliver(request, pk: int):
    obligation = selectors.get_obligation_for(request.user, pk)
    form = DeliverForm(request.POST, request.FILES, own_plans=_own_plans(obligation))
    if form.is_valid():
        data = form.cleaned_data
        try:
            transition(obligation, "deliver", by=request.user, data={
                "note": data["note"], "linked_plan": data["linked_plan"], "files": data["files"],
            })  # fmt: skip
        except Refused as error:
            if error.forbidden:
                raise PermissionDenied from error
            if not hasattr(error, "error_dict"):
                # Not the form's fault: the obligation (or its plan) takes no delivery now,
                # e.g. delivered from another tab. Its form is not shown, so say it here.
                return _page(request, obligation, refused=error.messages, status=409)
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã nộp.")
            return redirect("plans:obligation", pk=obligation.pk)
    return _page(request, obligation, form)


@post_only
@login_required
def obligation_decide(request, pk: int, action: str):
    obligation = selectors.get_obligation_for(request.user, pk)
    if action not in {"accept", "return"}:
        raise PermissionDenied
    reason = request.POST.get("reason", "")[:2000]
    try:
        transition(obligation, action, by=request.user, reason=reason)
    except Refused as error:
        if error.forbidden:
            raise PermissionDenied from error
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, "Đã chấp nhận." if action == "accept" else "Đã trả lại.")
    return redirect("plans:obligation", pk=obligation.pk)


@read_only
@login_required
def delivery_file(request, pk: int, file_pk: int):
    obligation = selectors.get_obligation_for(request.user, pk)
    delivered = get_object_or_404(obligation.files, pk=file_pk)
    return stored_file(delivered.file, delivered.original_name)

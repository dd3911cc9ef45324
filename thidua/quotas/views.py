"""Compliance of a cluster or block for a period, and a member's submissions."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from thidua.core.forms import ModelChoiceField
from thidua.core.http import post_only, read_only
from thidua.core.periods import parse_period, period_containing
from thidua.documents.reports import render_report
from thidua.exemplars.models import Exemplar
from thidua.quotas import selectors, services
from thidua.quotas.reports import COMPLIANCE
from thidua.quotas.workflows import may_send
from thidua.units.selectors import get_group_for
from thidua.workflow.engine import Refused, allowed_actions, history, transition

PERIODS_SHOWN = 4


def _chosen_period(request):
    return parse_period(request.GET.get("period", "")) or period_containing(
        "quarter", timezone.localdate()
    )


@read_only
@login_required
def group_compliance(request, pk: int):
    group = get_group_for(request.user, pk)
    period = _chosen_period(request)
    rows = selectors.compliance(group, period.start)
    if request.GET.get("format"):
        title = f"{COMPLIANCE.title} – {group.display_name} – {period.label}"
        return render_report(COMPLIANCE, rows, request.GET["format"], request=request,
                             issuer=group.owner, title=title)  # fmt: skip
    totals = {s: sum(1 for r in rows if r.status == s) for s in ("met", "short", "nothing")}
    context = {
        "group": group,
        "period": period,
        "rows": rows,
        "totals": totals,
        "shortfall": sum(r.shortfall for r in rows),
        "previous": period.previous(),
        "next": period_containing(period.cadence, period.end + datetime.timedelta(days=1)),
    }
    return render(request, "quotas/compliance.html", context)


@read_only
@login_required
def membership_submissions(request, pk: int):
    membership = selectors.get_membership_for_member(request.user, pk)
    current = period_containing(membership.cadence, timezone.localdate())
    periods = [current]
    for _ in range(PERIODS_SHOWN - 1):
        periods.append(periods[-1].previous())
    submissions = list(selectors.submissions_of(membership, [p.key for p in periods]))
    for submission in submissions:
        submission.actions = allowed_actions(request.user, submission)
    can_submit = may_send(request.user, membership)
    context = {
        "membership": membership,
        "periods": periods,
        "submissions": submissions,
        "exemplars": selectors.submittable_exemplars(membership),
        "can_submit": can_submit,
        "acting": can_submit or any(s.actions for s in submissions),
        "labels": {p.key: p.label for p in periods},
    }
    return render(request, "quotas/membership.html", context)


@read_only
@login_required
def submission_detail(request, pk: int):
    submission = selectors.get_submission_for(request.user, pk)
    period = parse_period(submission.period_key)
    context = {
        "submission": submission,
        "membership": submission.membership,
        "period_label": period.label if period else submission.period_key,
        "actions": allowed_actions(request.user, submission),
        "changes": history(submission),
    }
    return render(request, "quotas/submission.html", context)


@post_only
@login_required
def submission_create(request, pk: int):
    membership = selectors.get_membership_for_member(request.user, pk)
    if not may_send(request.user, membership):
        raise PermissionDenied
    field = ModelChoiceField(queryset=selectors.submittable_exemplars(membership))
    period = parse_period(request.POST.get("period", ""))
    try:
        exemplar: Exemplar = field.clean(request.POST.get("exemplar"))
        if period is None:
            raise ValidationError("Chưa chọn kỳ báo cáo.")
        services.submit_exemplar(
            actor=request.user, membership=membership, period=period, exemplar=exemplar
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Đã gửi «{exemplar.title}» cho {period.label}.")
    return redirect("quotas:membership", pk=membership.pk)


@post_only
@login_required
def submission_decide(request, pk: int, action: str):
    """Any action of the submission workflow; who may take it is the declaration's."""
    submission = selectors.get_submission_for(request.user, pk)
    try:
        transition(submission, action, by=request.user,
                   reason=request.POST.get("reason", "")[:2000])  # fmt: skip
    except Refused as error:
        if error.forbidden:
            raise PermissionDenied from error
        messages.error(request, " ".join(error.messages))
    if request.POST.get("back") == "submission":
        return redirect("quotas:submission", pk=submission.pk)
    return redirect("quotas:membership", pk=submission.membership_id)

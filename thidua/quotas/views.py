"""Compliance of a cluster or block for a period, and a member's submissions."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from thidua.accounts.models import Role
from thidua.accounts.selectors import has_role
from thidua.core.forms import ModelChoiceField
from thidua.core.http import post_only, read_only
from thidua.core.periods import parse_period, period_containing
from thidua.documents.response import attachment
from thidua.documents.xlsx import XLSX_TYPE, table_to_xlsx
from thidua.exemplars.models import Exemplar
from thidua.quotas import selectors, services
from thidua.quotas.models import SubmissionAction
from thidua.units.selectors import get_group_for

PERIODS_SHOWN = 4
COLUMNS = [
    ("STT", 6),
    ("Đơn vị thành viên", 36),
    ("Kỳ", 22),
    ("Tối thiểu", 10),
    ("Đã chấp nhận", 12),
    ("Chờ xem xét", 12),
    ("Bị trả lại", 11),
    ("Kết quả", 14),
]


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
    if request.GET.get("format") == "xlsx":
        return _xlsx(group, period, rows)
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


def _xlsx(group, period, rows) -> HttpResponse:
    title = f"Kết quả gửi điển hình – {group.display_name} – {period.label}"
    table = (
        [
            n,
            r.membership.unit.name,
            r.period.label,
            r.minimum,
            r.accepted,
            r.pending,
            r.returned,
            r.status_label,
        ]
        for n, r in enumerate(rows, start=1)
    )
    content = table_to_xlsx(title=title, columns=COLUMNS, rows=table)
    return attachment(content, XLSX_TYPE, f"chi-tieu-{group.pk}-{period.key}.xlsx")


def _can_submit(user, membership) -> bool:
    return has_role(user, membership.unit.path, Role.OFFICER)


def _can_decide(user, membership) -> bool:
    return has_role(user, membership.group.owner.path, Role.OFFICER)


@read_only
@login_required
def membership_submissions(request, pk: int):
    membership = selectors.get_membership_for_member(request.user, pk)
    current = period_containing(membership.cadence, timezone.localdate())
    periods = [current]
    for _ in range(PERIODS_SHOWN - 1):
        periods.append(periods[-1].previous())
    context = {
        "membership": membership,
        "periods": periods,
        "submissions": selectors.submissions_of(membership, [p.key for p in periods]),
        "exemplars": selectors.submittable_exemplars(membership),
        "can_submit": _can_submit(request.user, membership),
        "can_decide": _can_decide(request.user, membership),
        "labels": {p.key: p.label for p in periods},
    }
    return render(request, "quotas/membership.html", context)


@post_only
@login_required
def submission_create(request, pk: int):
    membership = selectors.get_membership_for_member(request.user, pk)
    if not _can_submit(request.user, membership):
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
    submission = selectors.get_submission_for(request.user, pk)
    membership = submission.membership
    allowed = (_can_submit if action == SubmissionAction.RESUBMIT else _can_decide)(
        request.user, membership
    )
    if not allowed:
        raise PermissionDenied
    try:
        services.decide_submission(
            submission=submission,
            action=action,
            by=request.user,
            reason=request.POST.get("reason", "")[:2000],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("quotas:membership", pk=membership.pk)

"""Reading obligations: their displayed status and the compliance board of a plan."""

import datetime

from django.db.models import Case, CharField, Count, F, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from thidua.accounts.selectors import scope_for
from thidua.plans.models import Obligation, ObligationState, Plan, PlanStatus

STATUS_LABELS = {
    "pending": "Chưa đến hạn",
    "overdue": "Quá hạn",
    "on_time": "Đã nộp đúng hạn",
    "late": "Đã nộp muộn",
    "returned": "Bị trả lại",
}


def with_status(obligations: QuerySet[Obligation], today: datetime.date) -> QuerySet:
    """Annotate each obligation with its displayed status, computed in the database so that
    a board of 3,321 communes is counted and filtered in one query."""
    delivered = Q(state__in=[ObligationState.DELIVERED, ObligationState.ACCEPTED])
    return obligations.annotate(
        status=Case(
            When(delivered & Q(delivered_on__lte=F("milestone__due_on")), then=Value("on_time")),
            When(delivered, then=Value("late")),
            When(state=ObligationState.RETURNED, then=Value("returned")),
            When(milestone__due_on__lt=today, then=Value("overdue")),
            default=Value("pending"),
            output_field=CharField(),
        )
    )


def board_counts(plan: Plan, today: datetime.date) -> dict[str, int]:
    """How many obligations of the plan are in each displayed status."""
    rows = (
        with_status(Obligation.objects.filter(milestone__plan=plan), today)
        .values("status").annotate(n=Count("pk")).order_by()
    )  # fmt: skip
    counts = dict.fromkeys(STATUS_LABELS, 0)
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def plan_tree(plan: Plan) -> list[tuple[int, Plan]]:
    """The plans below `plan` (those that implement it, and theirs), depth first, with
    their depth: one query per level of the cascade."""
    tree, level, frontier = [], 1, [plan.pk]
    children: dict[int, list[Plan]] = {}
    while frontier and level <= 6:
        found = list(Plan.objects.filter(implements_id__in=frontier).select_related("issuer"))
        for child in found:
            children.setdefault(child.implements_id, []).append(child)
        frontier, level = [child.pk for child in found], level + 1

    def walk(pk, depth):
        for child in sorted(children.get(pk, []), key=lambda p: p.issuer.sort_name):
            tree.append((depth, child))
            walk(child.pk, depth + 1)

    walk(plan.pk, 1)
    return tree


def visible_plans(user) -> QuerySet[Plan]:
    """Plans issued by units in the user's scope, and issued plans that address a unit of
    theirs (a commune sees the province's plan it owes to); never a sibling's."""
    scope = scope_for(user)
    owed = Obligation.objects.filter(scope.q("unit__path")).values("milestone__plan_id")
    return Plan.objects.filter(scope.q("issuer__path") | Q(status=PlanStatus.ISSUED, pk__in=owed))


def get_plan_for(user, pk) -> Plan:
    return get_object_or_404(visible_plans(user).select_related("issuer", "implements"), pk=pk)


def obligations_for(user, plan: Plan, today: datetime.date, *, status: str = ""):
    """The plan's obligations the user may see: all of them for the issuer's people, their
    own units' for the owing units'. With their displayed status."""
    obligations = Obligation.objects.filter(milestone__plan=plan).filter(
        scope_for(user).q("unit__path") | scope_for(user).q("milestone__plan__issuer__path")
    )
    obligations = with_status(obligations.select_related("unit", "milestone"), today)
    if status:
        obligations = obligations.filter(status=status)
    return obligations.order_by("milestone__due_on", "unit__sort_name", "pk")


def get_obligation_for(user, pk) -> Obligation:
    scope = scope_for(user)
    visible = Obligation.objects.filter(
        scope.q("unit__path") | scope.q("milestone__plan__issuer__path")
    )
    return get_object_or_404(visible.select_related("unit", "milestone__plan__issuer"), pk=pk)

"""Reading obligations: their displayed status and the compliance board of a plan."""

import datetime
from itertools import groupby
from operator import attrgetter

from django.db.models import Case, CharField, Count, Exists, F, OuterRef, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from thidua.plans.models import Obligation, ObligationState, Plan, PlanStatus
from thidua.units.models import GroupMembership, Unit
from thidua.units.scope import scope_for

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


def _seen_of(user, plan: Plan) -> Q:
    """Which of a plan's obligations `user` sees, decided before the query: all of them
    for the issuer's people, else those of the user's own units (no OR of two scopes for
    the database to weigh on every row)."""
    scope = scope_for(user)
    return Q() if scope.covers(plan.issuer.path) else scope.q("unit__path")


def _of_plan(plan: Plan) -> Q:
    """The plan's obligations, by its milestones' ids read once per request: constants let
    PostgreSQL see that the national plan owns a tenth of all obligations and start from
    the scope's units rather than from every obligation of the plan."""
    ids = getattr(plan, "_milestone_ids", None)
    if ids is None:
        ids = plan._milestone_ids = list(plan.milestones.values_list("pk", flat=True))
    return Q(milestone_id__in=ids)


def board_counts(plan: Plan, today: datetime.date, user=None) -> dict[str, int]:
    """How many obligations of the plan are in each displayed status: all of them, or those
    `user` may see (an owing unit counts its own, not its siblings')."""
    obligations = Obligation.objects.filter(_of_plan(plan))
    if user is not None:
        obligations = obligations.filter(_seen_of(user, plan))
    rows = (
        with_status(obligations, today)
        .values("status").annotate(n=Count("pk")).order_by()
    )  # fmt: skip
    counts = dict.fromkeys(STATUS_LABELS, 0)
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def milestones_with_counts(plan: Plan):
    """The plan's milestones, each with how many units owe it: one query."""
    return plan.milestones.annotate(n_units=Count("owing_units", distinct=True))


def plan_tree(plan: Plan, user=None) -> list[tuple[int, Plan]]:
    """The plans below `plan` (those that implement it, and theirs) that `user` may see,
    depth first, with their depth: one query per level of the cascade."""
    tree, level, frontier = [], 1, [plan.pk]
    children: dict[int, list[Plan]] = {}
    below = visible_plans(user) if user is not None else Plan.objects.all()
    while frontier and level <= 6:
        found = list(below.filter(implements_id__in=frontier).select_related("issuer"))
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
    # Correlated: a plan looked up by id probes its own obligations and stops at the first
    # in scope, instead of gathering the plan ids of every obligation of the scope.
    owed = Obligation.objects.filter(scope.q("unit__path"), milestone__plan_id=OuterRef("pk"))
    return Plan.objects.filter(scope.q("issuer__path") | Q(Exists(owed), status=PlanStatus.ISSUED))


def get_plan_for(user, pk) -> Plan:
    return get_object_or_404(visible_plans(user).select_related("issuer", "implements"), pk=pk)


def obligations_for(user, plan: Plan, today: datetime.date, *, status: str = ""):
    """The plan's obligations the user may see: all of them for the issuer's people, their
    own units' for the owing units'. With their displayed status."""
    obligations = Obligation.objects.filter(_of_plan(plan)).filter(_seen_of(user, plan))
    obligations = with_status(obligations.select_related("unit", "milestone"), today)
    if status:
        obligations = obligations.filter(status=status)
    return obligations.order_by("milestone__due_on", "unit__sort_name", "pk")


def board_obligations(user, plan: Plan, today, *, status="", within=None, group=None):
    """The board's obligations after its filters: a status, a subtree, an emulation group."""
    obligations = obligations_for(user, plan, today, status=status)
    if within is not None:
        obligations = obligations.filter(unit__path__startswith=within.path)
    if group is not None:
        obligations = obligations.filter(
            unit__in=GroupMembership.objects.filter(group=group).values("unit_id")
        )
    return obligations


def board_units(obligations) -> QuerySet[Unit]:
    """The board's rows: the units with at least one of `obligations`, in name order."""
    return Unit.objects.filter(pk__in=obligations.values("unit_id")).order_by("sort_name", "pk")


def board_cells(plan: Plan, units, today) -> dict[int, dict[int, Obligation]]:
    """{unit id: {milestone id: obligation with status}} for one page of rows: one query,
    however many units and milestones."""
    cells: dict[int, dict[int, Obligation]] = {}
    found = with_status(
        Obligation.objects.filter(_of_plan(plan), unit__in=[unit.pk for unit in units]),
        today,
    )
    for obligation in found.select_related("milestone"):
        cells.setdefault(obligation.unit_id, {})[obligation.milestone_id] = obligation
    return cells


def board_export_rows(plan: Plan, obligations, today, milestones):
    """(unit, [obligation or None per milestone]) for every row of the filtered board,
    streamed in name order so that a national board is exported in constant memory."""
    milestone_ids = [milestone.pk for milestone in milestones]
    every = (
        with_status(
            Obligation.objects.filter(_of_plan(plan), unit__in=obligations.values("unit_id")),
            today,
        )
        .select_related("unit")
        .order_by("unit__sort_name", "unit_id", "milestone_id")
    )
    for _, run in groupby(every.iterator(chunk_size=2000), key=attrgetter("unit_id")):
        row = list(run)
        by_milestone = {obligation.milestone_id: obligation for obligation in row}
        yield row[0].unit, [by_milestone.get(pk) for pk in milestone_ids]


def my_obligations(user, today, *, status: str = "") -> QuerySet[Obligation]:
    """What the user's units owe under issued plans, soonest due first."""
    obligations = Obligation.objects.filter(
        scope_for(user).q("unit__path"), milestone__plan__status=PlanStatus.ISSUED
    )
    obligations = with_status(obligations, today)
    if status:
        obligations = obligations.filter(status=status)
    return obligations.select_related("unit", "milestone__plan").order_by(
        "milestone__due_on", "unit__sort_name", "pk"
    )


def status_of(obligation: Obligation, today: datetime.date) -> str:
    """The displayed status of one obligation (the same rule as the board's)."""
    found = with_status(Obligation.objects.filter(pk=obligation.pk), today)
    return found.values_list("status", flat=True).get()


def get_obligation_for(user, pk) -> Obligation:
    scope = scope_for(user)
    visible = Obligation.objects.filter(
        scope.q("unit__path") | scope.q("milestone__plan__issuer__path")
    )
    return get_object_or_404(
        visible.select_related("unit", "milestone__plan__issuer", "linked_plan"), pk=pk
    )

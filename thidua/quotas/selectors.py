import datetime
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from thidua.core.periods import Period, period_containing
from thidua.exemplars.models import Exemplar
from thidua.quotas.models import Submission, SubmissionState
from thidua.quotas.workflows import CLOSED_STAGES
from thidua.units.models import EmulationGroup, GroupMembership, MembershipTerm
from thidua.units.scope import scope_for


def get_membership_for_member(user, pk) -> GroupMembership:
    """A membership seen by the member unit's people or by the group's standing body; 404
    for anyone else (a sibling member sees only its own)."""
    scope = scope_for(user)
    memberships = GroupMembership.objects.filter(
        scope.q("unit__path") | scope.q("group__owner__path")
    )
    return get_object_or_404(memberships.select_related("unit", "group", "group__owner"), pk=pk)


def get_submission_for(user, pk) -> Submission:
    scope = scope_for(user)
    submissions = Submission.objects.filter(
        scope.q("membership__unit__path") | scope.q("membership__group__owner__path")
    )
    related = ("membership__unit", "membership__group__owner", "exemplar")
    return get_object_or_404(submissions.select_related(*related), pk=pk)


def submissions_of(membership, period_keys) -> QuerySet[Submission]:
    return (
        membership.submissions.filter(period_key__in=period_keys)
        .select_related("exemplar__subject")
        .order_by("-period_key", "submitted_at")
    )


def submittable_exemplars(membership) -> QuerySet[Exemplar]:
    """The member unit's exemplars (and those of units below it) that are still open."""
    return (
        Exemplar.objects.filter(unit__path__startswith=membership.unit.path)
        .exclude(stage__in=CLOSED_STAGES)
        .select_related("subject")
        .order_by("subject__sort_name", "pk")
    )


@dataclass
class ComplianceRow:
    membership: GroupMembership
    period: Period
    minimum: int
    accepted: int
    pending: int
    returned: int

    @property
    def status(self) -> str:
        if self.accepted >= self.minimum:
            return "met"
        return "nothing" if self.accepted + self.pending + self.returned == 0 else "short"

    @property
    def shortfall(self) -> int:
        return max(self.minimum - self.accepted, 0)

    @property
    def status_label(self) -> str:
        return {"met": "Đạt", "nothing": "Chưa gửi"}.get(self.status, f"Thiếu {self.shortfall}")


def _terms_in_force(memberships, day: datetime.date) -> dict[int, MembershipTerm]:
    """For each membership, the term in force on `day`: the latest that began by then, or
    its first one for a day before the member joined."""
    chosen: dict[int, MembershipTerm] = {}
    for term in MembershipTerm.objects.filter(membership__in=memberships).order_by("starts_on"):
        current = chosen.get(term.membership_id)
        if current is None or term.starts_on <= day:
            chosen[term.membership_id] = term
    return chosen


def compliance(group: EmulationGroup, day: datetime.date) -> list[ComplianceRow]:
    """Each member's standing for its own period containing `day` (a quarterly member is
    judged on the quarter, a half-yearly one on the half-year), by the cadence and minimum
    in force then. Only accepted exemplars count. Reads only; three queries."""
    return compliance_of([group], day).get(group.pk, [])


def _submission_counts(memberships, periods) -> dict[tuple[int, str, str], int]:
    """{(membership, period key, state): submissions}, in one grouped query."""
    rows = (
        Submission.objects.filter(membership__in=memberships,
                                  period_key__in={p.key for p in periods.values()})
        .values("membership_id", "period_key", "state").annotate(n=Count("pk")).order_by()
    )  # fmt: skip
    return {(r["membership_id"], r["period_key"], r["state"]): r["n"] for r in rows}


def compliance_of(groups, day: datetime.date) -> dict[int, list[ComplianceRow]]:
    """`compliance` for many groups at once, in the same three queries (a unit's report
    lists all its clusters and blocks)."""
    memberships = list(GroupMembership.objects.filter(group__in=groups).select_related("unit")
                       .order_by("group_id", "unit__sort_name", "pk"))  # fmt: skip
    terms = _terms_in_force(memberships, day)
    owed = {
        m.pk: (terms[m.pk].cadence, terms[m.pk].min_exemplars) if m.pk in terms
        else (m.cadence, m.min_exemplars)
        for m in memberships
    }  # fmt: skip
    periods = {m.pk: period_containing(owed[m.pk][0], day) for m in memberships}
    counts = _submission_counts(memberships, periods)

    def count(m, state):
        return counts.get((m.pk, periods[m.pk].key, state), 0)

    found: dict[int, list[ComplianceRow]] = {}
    for m in memberships:
        found.setdefault(m.group_id, []).append(ComplianceRow(
            membership=m, period=periods[m.pk], minimum=owed[m.pk][1],
            accepted=count(m, SubmissionState.ACCEPTED),
            pending=count(m, SubmissionState.SUBMITTED),
            returned=count(m, SubmissionState.RETURNED),
        ))  # fmt: skip
    return found

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from thidua.accounts.selectors import scope_for
from thidua.exemplars.models import Exemplar
from thidua.quotas.models import Submission
from thidua.quotas.services import CLOSED_STAGES
from thidua.units.models import GroupMembership


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

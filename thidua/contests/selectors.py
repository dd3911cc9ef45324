"""Reads of the contest: the contests of a user's scope, a contest by id (404 outside the
scope), the ranking of its accepted stories, and what the public page shows."""

from django.db.models import Count, F, FloatField, Q, Sum
from django.db.models.functions import Cast
from django.shortcuts import get_object_or_404

from thidua.contests.models import Contest, ContestState, Entry, EntryState
from thidua.units.scope import scope_for


def visible_contests(user):
    return Contest.objects.filter(scope_for(user).q("unit__path")).select_related("unit")


def get_contest_for(user, pk: int) -> Contest:
    return get_object_or_404(visible_contests(user), pk=pk)


def ranking(contest: Contest):
    """Accepted stories, best first: each judge's total, averaged over the judges who
    scored it (a judge who has not scored yet does not pull a story down)."""
    entries = contest.entries.filter(state=EntryState.ACCEPTED)
    return (
        entries.annotate(total=Sum("scores__value"), judged=Count("scores__judge", distinct=True))
        .annotate(average=Cast(F("total"), FloatField()) / F("judged"))
        .select_related("prize", "category")
        .order_by(F("average").desc(nulls_last=True), "submitted_at", "pk")
    )


def public_contest(token: str) -> Contest:
    """A contest the public may see: launched (not a draft)."""
    return get_object_or_404(
        Contest.objects.exclude(state=ContestState.DRAFT).select_related("unit"), token=token
    )


def winners(contest: Contest):
    if contest.state != ContestState.ANNOUNCED:
        return Entry.objects.none()
    return (
        contest.entries.filter(prize__isnull=False, state=EntryState.ACCEPTED)
        .select_related("prize", "category")
        .prefetch_related("photos")
        .order_by("prize__position", "pk")
    )


def prize_overflow(contest: Contest) -> str:
    """What is wrong with the prizes given, if a prize went to more accepted stories than
    its number; "" when nothing is."""
    accepted = Q(winners__state=EntryState.ACCEPTED)
    for prize in contest.prizes.annotate(n=Count("winners", filter=accepted)):
        if prize.n > prize.count:
            return f"«{prize.name}» chỉ có {prize.count} giải, đang trao {prize.n}."
    return ""

"""Reading conferences within the user's scope; a sibling's conference answers 404."""

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404

from thidua.conferences.enums import DelegateStatus
from thidua.conferences.models import Conference, Delegate, Honour, UpperQuota
from thidua.core.search import word_filter
from thidua.units.scope import scope_for


def visible_conferences(user) -> QuerySet[Conference]:
    """Conferences of the user's units, and conferences above that allot them delegates
    (a commune sees the province congress it sends to), never a sibling's."""
    scope = scope_for(user)
    allotted = UpperQuota.objects.filter(scope.q("unit__path")).values("conference_id")
    return Conference.objects.filter(scope.q("unit__path") | Q(pk__in=allotted))


def get_conference_for(user, pk) -> Conference:
    found = visible_conferences(user).select_related("unit", "plan", "rule_set", "feeds")
    return get_object_or_404(found, pk=pk)


def own_conference_for(user, pk) -> Conference:
    """A conference of the user's own units (not one above that they only send to)."""
    found = Conference.objects.filter(scope_for(user).q("unit__path"))
    return get_object_or_404(found.select_related("unit", "plan", "rule_set", "feeds"), pk=pk)


def delegate_list(conference: Conference, *, category: str = "") -> QuerySet[Delegate]:
    delegates = conference.delegates.select_related("origin_unit", "field", "review_unit")
    if category:
        delegates = delegates.filter(category=category)
    return delegates.order_by("sort_name", "pk")


def attendance(conference: Conference) -> dict:
    """Delegates present of those listed, kept on the conference's page afterwards: the
    officer's recorded figure (a paper sign-in sheet), else the door's check-ins."""
    counts = conference.delegates.aggregate(
        total=Count("pk"), present=Count("pk", filter=Q(status=DelegateStatus.ATTENDED))
    )
    counts["recorded"] = conference.attended is not None
    if counts["recorded"]:
        counts["present"] = conference.attended
    return counts


DOOR_MATCHES = 20


def door_search(conference: Conference, q: str) -> list[Delegate]:
    """Delegates of the list (approved or further) whose name holds every word typed,
    diacritics or not: the door without a scanner."""
    listed = conference.delegates.exclude(status=DelegateStatus.PROPOSED)
    found = word_filter(listed, "search_name", q).select_related("origin_unit")
    return list(found.order_by("sort_name", "pk")[:DOOR_MATCHES])


def latest_first(prefix: str = "") -> tuple:
    """Which of a unit's conferences is its latest, wherever it is asked: the later day
    held, then the later created (one with no day counts as the earliest, on any database)."""
    return (F(f"{prefix}held_on").desc(nulls_last=True), F(f"{prefix}id").desc())


def counted_conferences(conference: Conference) -> dict[int, tuple[int, int]]:
    """{unit: (the conference whose delegates count, how many others were left out)} among
    the held or reported conferences feeding this one: a unit that held two sends the
    delegates of its latest, so that nobody is counted, or pulled up, twice."""
    feeding = Conference.objects.filter(feeds=conference, status__in=["held", "reported"])
    chosen: dict[int, tuple[int, int]] = {}
    for pk, unit_id in feeding.order_by(*latest_first()).values_list("pk", "unit_id"):
        first, others = chosen.get(unit_id, (pk, -1))
        chosen[unit_id] = (first, others + 1)
    return chosen


def rollup(conference: Conference) -> list[dict]:
    """Per allotted unit: quota, delegates its conference sent (approved in a held or
    reported conference feeding this one; a unit's latest, when it held several), over or
    under, their composition, and how many of its conferences were left out."""
    quotas = list(conference.quotas.select_related("unit").order_by("unit__sort_name"))
    counted = counted_conferences(conference)
    rows = (
        Delegate.objects.filter(to_upper=True,
                                conference_id__in=[pk for pk, _others in counted.values()])
        .values("conference__unit_id")
        .annotate(
            n=Count("pk"),
            women=Count("pk", filter=Q(gender="female")),
            direct=Count("pk", filter=Q(is_direct_labourer=True)),
            exemplary=Count("pk", filter=Q(category="exemplary")),
        )
        .order_by()
    )  # fmt: skip
    by_unit = {row["conference__unit_id"]: row for row in rows}
    empty = {"n": 0, "women": 0, "direct": 0, "exemplary": 0}
    return [
        {
            "quota": quota,
            **by_unit.get(quota.unit_id, empty),
            "gap": by_unit.get(quota.unit_id, empty)["n"] - quota.number,
            "left_out": counted.get(quota.unit_id, (None, 0))[1],
        }
        for quota in quotas
    ]


def honoured_below(conference: Conference) -> QuerySet[Honour]:
    """Exemplars honoured by conferences of units below: candidates for this level, each
    once (its latest honour, when two conferences honoured it)."""
    below = Honour.objects.filter(conference__unit__path__startswith=conference.unit.path)
    below = below.exclude(conference=conference)
    latest = below.filter(exemplar=OuterRef("exemplar")).order_by(*latest_first("conference__"))
    return (
        below.filter(pk=Subquery(latest.values("pk")[:1]))
        .exclude(exemplar__delegations__conference=conference)
        .select_related("exemplar__subject", "conference__unit")
        .order_by("exemplar__subject__sort_name")
    )

"""Movements concern the launching unit's whole subtree: an officer sees the movements
launched by their own units, by the units below them, and by the units above them —
never those of a sibling."""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from thidua.core.search import tolerant_filter
from thidua.movements.models import Movement, WorkRegistration
from thidua.units.models import Unit
from thidua.units.scope import scope_for
from thidua.units.selectors import clean_query


def _ancestor_ids(user) -> list[int]:
    scope = scope_for(user)
    ids: set[int] = set()
    for root in scope.roots:
        ids.update(int(part) for part in root.strip("/").split("/") if part)
    return sorted(ids)


def visible_movements(user) -> QuerySet[Movement]:
    scope = scope_for(user)
    if scope.everything:
        return Movement.objects.all()
    return Movement.objects.filter(
        scope.q("launched_by__path") | Q(launched_by_id__in=_ancestor_ids(user))
    )


def get_movement_for(user, pk) -> Movement:
    """The movement `pk` if it was launched in or above the user's scope, else Http404."""
    related = ("launched_by", "follower")
    return get_object_or_404(visible_movements(user).select_related(*related), pk=pk)


def movement_list(user, *, q: str = "", status: str = "") -> QuerySet[Movement]:
    movements = tolerant_filter(visible_movements(user), "search_name", clean_query(q))
    if status:
        movements = movements.filter(status=status)
    return movements.select_related("launched_by").order_by("-starts_on", "pk")


def registrations_for(user, movement: Movement) -> QuerySet[WorkRegistration]:
    """The works registered for the movement's drives by units in the user's scope."""
    registrations = WorkRegistration.objects.filter(drive__movement=movement)
    return registrations.filter(scope_for(user).q("unit__path")).select_related("unit", "drive")


def movements_for_exemplar(user, unit: Unit) -> QuerySet[Movement]:
    """Movements an exemplar of `unit` may be tied to: those launched at or above it."""
    ids = [int(part) for part in unit.path.strip("/").split("/") if part]
    return visible_movements(user).filter(launched_by_id__in=ids).order_by("-starts_on")

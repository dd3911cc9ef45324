"""Where a nomination goes (LAW.md §1.6): to the nearest unit, from the nominating one up,
whose head may grant the award at the reference date (the catalogue's authorities); level
by level, so a nomination for a higher level stops at the province first, which forwards
it."""

import datetime

from django.db.models import Q

from thidua.awards.models import AwardAuthority, ProcessingLimit
from thidua.awards.selectors import in_force
from thidua.units.models import Level, Unit

RELAYS = {Level.PROVINCE}  # levels a nomination passes through on its way further up


def chain(unit: Unit) -> list[Unit]:
    """`unit` and the units above it, nearest first (one query)."""
    above = {u.pk: u for u in Unit.objects.filter(pk__in=unit.ancestor_ids)}
    return [unit, *(above[pk] for pk in reversed(unit.ancestor_ids) if pk in above)]


def can_grant(unit: Unit, award, on: datetime.date) -> bool:
    return (
        AwardAuthority.objects.filter(in_force(on), award=award, issuer_kind=unit.kind)
        .filter(Q(issuer_level="") | Q(issuer_level=unit.level))
        .exists()
    )


def deciding_unit(unit: Unit, award, on: datetime.date) -> Unit | None:
    """The nearest unit from `unit` up whose head may grant `award` on `on`."""
    return next((u for u in chain(unit) if can_grant(u, award, on)), None)


def next_stop(unit: Unit, award, on: datetime.date, *, above: bool = False) -> Unit | None:
    """The next unit to hold the nomination, from `unit` (itself included unless `above`):
    the deciding unit, or a relay level standing before it."""
    decider = deciding_unit(unit, award, on)
    if decider is None:
        return None
    for candidate in chain(unit)[1 if above else 0 :]:
        if candidate.pk == decider.pk or (candidate.level in RELAYS and candidate.pk != unit.pk):
            return candidate
    return decider


def due_date(unit: Unit, since: datetime.date) -> datetime.date | None:
    """When the unit must have processed a nomination it received on `since`: the limit in
    force then for its level, counted in working days (Monday to Friday; public holidays
    are not known here) or calendar days."""
    limit = ProcessingLimit.objects.filter(in_force(since), level=unit.level).first()
    if limit is None:
        return None
    if not limit.working_days:
        return since + datetime.timedelta(days=limit.days)
    day, left = since, limit.days
    while left:
        day += datetime.timedelta(days=1)
        left -= day.weekday() < 5
    return day

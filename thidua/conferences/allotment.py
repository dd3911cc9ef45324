"""Allotting an upper conference's delegates to all the units below at once, by a rule —
equally, by size (cán bộ, người lao động) or by the delegates each unit's own conference
had — so that the numbers add up to the total exactly (largest remainders); each can then
be adjusted one by one on the same page (delegates.set_quota)."""

import math

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count

from thidua.conferences.delegates import set_quota
from thidua.conferences.models import Conference, UpperQuota
from thidua.conferences.selectors import latest_first
from thidua.units.models import Unit
from thidua.units.services import lock

RULES = {
    "equal": "Chia đều cho các đơn vị",
    "workforce": "Theo số cán bộ, người lao động của đơn vị",
    "delegates": "Theo số đại biểu hội nghị gần nhất của đơn vị",
}


def largest_remainder(total: int, weights: dict) -> dict:
    """`total` shared in proportion to `weights` in whole numbers that add up to `total`:
    each its floor, then one more to the largest remainders (ties: the order given)."""
    whole = sum(weights.values())
    shares = {key: total * weight / whole for key, weight in weights.items()}
    numbers = {key: math.floor(share) for key, share in shares.items()}
    left = total - sum(numbers.values())
    by_remainder = sorted(weights, key=lambda key: shares[key] - numbers[key], reverse=True)
    for key in by_remainder[:left]:
        numbers[key] += 1
    return numbers


def _delegates_of(units: list[Unit]) -> dict[int, int]:
    """{unit: delegates of its latest held or reported conference}."""
    held = (Conference.objects.filter(unit__in=units, status__in=["held", "reported"])
            .order_by("unit_id", *latest_first()).annotate(n=Count("delegates")))  # fmt: skip
    latest: dict[int, int] = {}
    for unit_id, n in held.values_list("unit_id", "n"):
        latest.setdefault(unit_id, n)
    return latest


def weights_for(units: list[Unit], rule: str) -> dict[int, int]:
    if rule == "equal":
        return {unit.pk: 1 for unit in units}
    if rule == "workforce":
        return {unit.pk: unit.workforce or 0 for unit in units}
    delegates = _delegates_of(units)
    return {unit.pk: delegates.get(unit.pk, 0) for unit in units}


@transaction.atomic
def allot_quotas(*, actor, conference: Conference, kind: str, rule: str, total: int,
                 women_pct: int | None = None) -> dict[Unit, int]:  # fmt: skip
    """Allot `total` delegates among the current units of `kind` directly below the
    conference's unit by `rule`, each with at least `women_pct` % women when given (rounded
    up). A unit with nothing to weigh by gets none, and the message says how many."""
    conference = lock(Conference, conference.pk, "Hội nghị này vừa bị xóa.")
    units = list(Unit.objects.filter(parent=conference.unit, kind=kind, valid_to__isnull=True)
                 .order_by("sort_name", "pk"))  # fmt: skip
    if not units:
        raise ValidationError({"kind": "Không có đơn vị loại này trực thuộc đơn vị tổ chức."})
    weights = weights_for(units, rule)
    if not any(weights.values()):
        raise ValidationError({"rule": "Chưa đơn vị nào có số liệu để chia theo quy tắc này; "
                                       "hãy chia đều hoặc nhập số liệu trước."})  # fmt: skip
    numbers = largest_remainder(total, weights)
    # A unit that gets none has no quota: the quotas then add up to the total.
    none = [unit for unit in units if not numbers[unit.pk]]
    UpperQuota.objects.filter(conference=conference, unit__in=none).delete()
    allotted = {}
    for unit in units:
        number = numbers[unit.pk]
        women = math.ceil(number * women_pct / 100) if women_pct and number else None
        if number:
            set_quota(actor=actor, conference=conference, unit=unit, number=number,
                      min_women=women)  # fmt: skip
        allotted[unit] = number
    return allotted

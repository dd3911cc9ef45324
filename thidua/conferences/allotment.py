"""Allotting an upper conference's delegates to all the units below at once, by a rule —
equally, by size (cán bộ, người lao động) or by the delegates each unit's own conference
had — so that the numbers add up to the total exactly (largest remainders); each can then
be adjusted one by one on the same page (delegates.set_quota)."""

import math

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count

from thidua.audit.models import Action
from thidua.audit.services import record_event
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
    # In integers: a float remainder would break ties by rounding noise, not by order.
    parts = {key: divmod(total * weight, whole) for key, weight in weights.items()}
    numbers = {key: quotient for key, (quotient, _rest) in parts.items()}
    left = total - sum(numbers.values())
    by_remainder = sorted(weights, key=lambda key: parts[key][1], reverse=True)  # stable
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
                 women_pct: int | None = None) -> tuple[dict[Unit, int], int]:  # fmt: skip
    """Allot `total` delegates among the current units of `kind` directly below the
    conference's unit by `rule`. With `women_pct`, the women of the whole (rounded up) are
    shared the same way among the units' numbers; without, each unit keeps its minimums.
    Returns ({unit: number}, how many units had nothing to weigh by)."""
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
    women = (largest_remainder(math.ceil(total * women_pct / 100), numbers)
             if women_pct else {})  # fmt: skip
    _drop(actor, conference, [unit for unit in units if not numbers[unit.pk]])
    kept = {q.unit_id: q for q in UpperQuota.objects.filter(conference=conference, unit__in=units)}
    for unit in units:
        number, before = numbers[unit.pk], kept.get(unit.pk)
        if number:
            least = women.get(unit.pk) if women_pct else _kept(before, "min_women", number)
            direct = _kept(before, "min_direct_labourers", number)
            set_quota(actor=actor, conference=conference, unit=unit, number=number,
                      min_women=least, min_direct_labourers=direct)  # fmt: skip
    return {unit: numbers[unit.pk] for unit in units}, sum(1 for w in weights.values() if not w)


def _kept(quota, field: str, number: int):
    """An earlier minimum of the unit's quota stays, within its new number."""
    value = getattr(quota, field, None)
    return min(value, number) if value is not None else None


def _drop(actor, conference: Conference, units: list[Unit]) -> None:
    """A unit that gets none has no quota, so that the quotas add up to the total."""
    dropped = UpperQuota.objects.filter(conference=conference, unit__in=units)
    names = [quota.unit.name for quota in dropped.select_related("unit")]
    if names:
        dropped.delete()
        record_event(actor=actor, action=Action.UPDATE, target=conference,
                     scope_path=conference.unit.path,
                     note=f"Bỏ chỉ tiêu (phân bổ lại): {', '.join(names)}"[:500])  # fmt: skip

"""Reads of the catalogue at a date: the rule version and authorities in force, the base
salary and the reward it makes. Everyone signed in may read the catalogue: it is the law,
not a unit's data."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from thidua.awards.models import Award, AwardAuthority, AwardRule, BaseSalary


def in_force(on: datetime.date) -> Q:
    """Rows whose [valid_from, valid_to) interval holds the date `on`."""
    return Q(valid_from__lte=on) & (Q(valid_to__isnull=True) | Q(valid_to__gt=on))


def catalogue(on: datetime.date, *, category: str = "") -> list[Award]:
    """Every award with `.rule` (the version in force on `on`, or None) and `.grantors`
    (the authorities in force then): three queries whatever the catalogue's size."""
    awards = Award.objects.prefetch_related(
        Prefetch("rules", AwardRule.objects.filter(in_force(on)), to_attr="rules_then"),
        Prefetch("authorities", AwardAuthority.objects.filter(in_force(on)), to_attr="grantors"),
    )
    if category:
        awards = awards.filter(category=category)
    found = list(awards)
    for award in found:
        award.rule = award.rules_then[0] if award.rules_then else None
    return found


def get_award(code: str) -> Award:
    return get_object_or_404(Award, code=code)


def rule_on(award: Award, on: datetime.date) -> AwardRule | None:
    """The version of `award`'s rule a nomination with reference date `on` is judged by."""
    return award.rules.filter(in_force(on)).first()


def base_salary_on(on: datetime.date) -> BaseSalary | None:
    return BaseSalary.objects.filter(in_force(on)).first()


def reward_amount(rule: AwardRule | None, salary: BaseSalary | None) -> int | None:
    """The reward in đồng: the multiple times the base salary, rounded to the đồng; None
    when either is unknown."""
    if rule is None or rule.reward_multiple is None or salary is None:
        return None
    amount = rule.reward_multiple * Decimal(salary.amount)
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def grantable_by(unit, on: datetime.date) -> QuerySet[Award]:
    """The awards the head of `unit` may grant on `on` (its kind, and its level where the
    authority names one)."""
    authorities = AwardAuthority.objects.filter(in_force(on), issuer_kind=unit.kind).filter(
        Q(issuer_level="") | Q(issuer_level=unit.level)
    )
    return Award.objects.filter(authorities__in=authorities).distinct()


def base_salaries() -> QuerySet[BaseSalary]:
    return BaseSalary.objects.order_by("-valid_from")


def history_of(subject) -> dict:
    """Everything recorded of `subject` for commendation, newest first: one query a kind
    (two more for a collective's members), whatever the length of the history."""
    history = {
        "awards": list(subject.award_records.select_related("award")),
        "initiatives": list(subject.initiatives.all()),
        "ratings": list(subject.ratings.all()),
        "disciplines": list(subject.disciplines.all()),
        "blocks": list(subject.blocks.all()),
        "members": [],
    }
    if subject.kind == "collective":
        history["members"] = list(
            subject.members_by_year.select_related("member").order_by("-year", "member__sort_name")
        )
    return history

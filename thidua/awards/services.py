"""Writes of the catalogue, by the site administrator only (views check it): corrections of
a version, a new version from a date, authorities, base salaries. Intervals of one award (or
of the base salary) never overlap, and every change is in the audit trail with its old and
new values, so that a correction made without a deployment is still accountable."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from thidua.audit.models import Action
from thidua.audit.services import diff, record_event, snapshot
from thidua.awards.models import Award, AwardAuthority, AwardRule, BaseSalary, ProcessingLimit
from thidua.units.models import Unit, UnitKind

RULE_FIELDS = ["valid_from", "valid_to", "name", "periods", "commendation_types",
               "reward_multiple", "reward_objects", "criteria", "documents", "notice_days",
               "legal_basis", "certainty", "note"]  # fmt: skip
AUTHORITY_FIELDS = ["issuer_kind", "issuer_level", "issuer_title", "valid_from", "valid_to",
                    "legal_basis", "certainty"]  # fmt: skip
SALARY_FIELDS = ["amount", "valid_from", "valid_to", "legal_basis", "certainty"]


def _nation_path() -> str:
    """The catalogue is the nation's: its changes are read by the nation's people."""
    return Unit.objects.filter(kind=UnitKind.NATION).values_list("path", flat=True).first() or "/"


def _check_interval(row, siblings) -> None:
    """Refuse an empty interval, or one that overlaps another row of `siblings`."""
    if row.valid_to is not None and row.valid_to <= row.valid_from:
        raise ValidationError({"valid_to": "Ngày hết áp dụng phải sau ngày áp dụng."})
    end = row.valid_to or datetime.date.max
    for other in siblings.exclude(pk=row.pk):
        if other.valid_from < end and row.valid_from < (other.valid_to or datetime.date.max):
            raise ValidationError({"valid_from": f"Trùng thời gian áp dụng với «{other}»."})


def _saved(*, actor, row, fields: list[str], siblings, before: dict | None) -> None:
    _check_interval(row, siblings)
    created = row.pk is None
    row.save()
    changes = diff(before or {}, snapshot(row, fields))
    record_event(actor=actor, action=Action.CREATE if created else Action.UPDATE, target=row,
                 scope_path=_nation_path(), changes=changes)  # fmt: skip


@transaction.atomic
def save_rule(*, actor, rule: AwardRule, before: dict | None = None) -> AwardRule:
    """Correct (or add) a version of an award's rule. `before` is its snapshot as it was
    read, for the audit; the award's versions are locked while the intervals are checked."""
    Award.objects.select_for_update().get(pk=rule.award_id)
    _saved(actor=actor, row=rule, fields=RULE_FIELDS, siblings=rule.award.rules.all(),
           before=before)  # fmt: skip
    return rule


@transaction.atomic
def add_rule_version(*, actor, award: Award, valid_from: datetime.date, **fields) -> AwardRule:
    """A new version of `award`'s rule from `valid_from`, when a law or decree changes it:
    the version then in force ends that day and lends the new one what `fields` leave out;
    the new one ends where the next version begins."""
    Award.objects.select_for_update().get(pk=award.pk)
    rules = award.rules.all()
    if rules.filter(valid_from=valid_from).exists():
        raise ValidationError({"valid_from": "Đã có quy định áp dụng từ ngày này: hãy sửa nó."})
    current = rules.filter(valid_from__lt=valid_from).order_by("-valid_from").first()
    following = rules.filter(valid_from__gt=valid_from).order_by("valid_from").first()
    base = snapshot(current, RULE_FIELDS[2:]) if current else {}
    base["reward_multiple"] = current.reward_multiple if current else None
    base["checks"] = current.checks if current else []  # the engine's tests carry over too
    rule = AwardRule(award=award, **{**base, **fields}, valid_from=valid_from,
                     valid_to=following.valid_from if following else None)  # fmt: skip
    if current and (current.valid_to is None or current.valid_to > valid_from):
        before = snapshot(current, RULE_FIELDS)
        current.valid_to = valid_from
        _saved(actor=actor, row=current, fields=RULE_FIELDS, siblings=rules.none(),
               before=before)  # fmt: skip
    _saved(actor=actor, row=rule, fields=RULE_FIELDS, siblings=rules, before=None)
    return rule


@transaction.atomic
def save_authority(*, actor, authority: AwardAuthority,
                   before: dict | None = None) -> AwardAuthority:  # fmt: skip
    """Correct or add who may grant an award; the same issuer's intervals never overlap."""
    Award.objects.select_for_update().get(pk=authority.award_id)
    same = authority.award.authorities.filter(issuer_kind=authority.issuer_kind,
                                              issuer_level=authority.issuer_level)  # fmt: skip
    _saved(actor=actor, row=authority, fields=AUTHORITY_FIELDS, siblings=same, before=before)
    return authority


@transaction.atomic
def delete_authority(*, actor, authority: AwardAuthority) -> None:
    gone = {name: [value, None] for name, value in snapshot(authority, AUTHORITY_FIELDS).items()}
    record_event(actor=actor, action=Action.DELETE, target=authority, scope_path=_nation_path(),
                 changes=gone)  # fmt: skip
    authority.delete()


@transaction.atomic
def save_base_salary(*, actor, salary: BaseSalary, before: dict | None = None) -> BaseSalary:
    """Correct or add a base salary. A new one from a date ends the open one that day."""
    rows = BaseSalary.objects.select_for_update()
    if salary.pk is None:
        open_row = rows.filter(valid_to__isnull=True, valid_from__lt=salary.valid_from).first()
        if open_row is not None:
            earlier = snapshot(open_row, SALARY_FIELDS)
            open_row.valid_to = salary.valid_from
            _saved(actor=actor, row=open_row, fields=SALARY_FIELDS, siblings=rows.none(),
                   before=earlier)  # fmt: skip
    _saved(actor=actor, row=salary, fields=SALARY_FIELDS, siblings=rows, before=before)
    return salary


LIMIT_FIELDS = ["level", "days", "working_days", "valid_from", "valid_to", "legal_basis",
                "certainty"]  # fmt: skip


@transaction.atomic
def save_limit(*, actor, limit, before: dict | None = None):
    """Correct or add a level's processing limit; one level's intervals never overlap."""
    same = ProcessingLimit.objects.select_for_update().filter(level=limit.level)
    _saved(actor=actor, row=limit, fields=LIMIT_FIELDS, siblings=same, before=before)
    return limit

"""Writes of yearly emulation registrations: a unit's officers tick who registers for a
title in a year, in one post; each registration added or withdrawn is audited under the
subject's unit."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from thidua.audit.models import Action
from thidua.audit.services import record_event
from thidua.awards.models import Registration
from thidua.exemplars.models import Subject


@transaction.atomic
def set_registrations(*, actor, unit, award, year: int, shown: set[int], ticked: set[int]) -> int:
    """Of the unit's subjects `shown` on the page, those `ticked` are registered for `award`
    in `year` and the others are not; how many changed. A subject of another unit, or of a
    kind the award is not given to, is refused."""
    found = Subject.objects.filter(unit=unit, pk__in=shown, kind__in=award.subject_kinds)
    subjects = {s.pk: s for s in found.select_related("unit")}
    if not ticked <= shown or len(subjects) != len(shown):
        raise ValidationError("Có đối tượng không thuộc đơn vị hoặc không xét danh hiệu này.")
    rows = Registration.objects.filter(subject_id__in=shown, award=award, year=year)
    current = {r.subject_id: r for r in rows.select_related("subject__unit", "award")}
    changed, by = 0, actor if actor and actor.pk else None
    for pk in ticked - set(current):
        row = Registration.objects.create(subject=subjects[pk], award=award, year=year,
                                          registered_on=timezone.localdate(),
                                          created_by=by)  # fmt: skip
        _audit(actor, row, Action.CREATE)
        changed += 1
    for pk in set(current) - ticked:
        _audit(actor, current[pk], Action.DELETE)
        current[pk].delete()
        changed += 1
    return changed


def _audit(actor, row: Registration, action: str) -> None:
    record_event(actor=actor, action=action, target=row, scope_path=row.subject.unit.path,
                 note=f"Đăng ký thi đua «{row.award.name}» năm {row.year}: "
                      f"{row.subject.name}"[:255])  # fmt: skip

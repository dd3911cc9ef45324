"""Nominations: drafted one by one or many at once from «Ai đủ điều kiện», then moved by
the workflow (awards/workflows.py). Reads are scoped by the nominating unit: the unit, the
units above it (which review and decide) and no sibling see a nomination."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from thidua.audit.models import Action
from thidua.audit.services import record_event
from thidua.awards.models import Nomination, NominationState
from thidua.awards.workflows import check_unique
from thidua.units.scope import scope_for
from thidua.workflow.engine import Refused, transition

MAX_BATCH = 500


def visible_nominations(user) -> QuerySet[Nomination]:
    return Nomination.objects.filter(scope_for(user).q("unit__path"))


def get_nomination_for(user, pk) -> Nomination:
    related = ("unit", "subject__unit", "award", "at_unit", "deciding_unit")
    return get_object_or_404(visible_nominations(user).select_related(*related), pk=pk)


def inbox(user) -> QuerySet[Nomination]:
    """What waits for the user's units: nominations they hold, to receive or review."""
    waiting = [NominationState.SUBMITTED, NominationState.IN_REVIEW, NominationState.APPROVED]
    return Nomination.objects.filter(scope_for(user).q("at_unit__path"), state__in=waiting)


def _check(nomination: Nomination) -> None:
    subject, award = nomination.subject, nomination.award
    if not subject.unit.path.startswith(nomination.unit.path):
        raise ValidationError(f"{subject.name} không thuộc {nomination.unit.name}.")
    if subject.kind not in award.subject_kinds:
        raise ValidationError(f"«{award.name}» không xét cho {subject.get_kind_display().lower()}.")
    check_unique(nomination)


@transaction.atomic
def create_nomination(*, actor, unit, subject, award, year: int, **fields) -> Nomination:
    """A draft nomination of `subject` (of `unit` or below) for `award` in `year`."""
    nomination = Nomination(unit=unit, subject=subject, award=award, year=year,
                            created_by=actor if actor and actor.pk else None, **fields)  # fmt: skip
    _check(nomination)
    nomination.save()
    record_event(actor=actor, action=Action.CREATE, target=nomination, scope_path=unit.path,
                 note=f"Đề nghị «{award.name}» năm {year}")  # fmt: skip
    return nomination


@dataclass
class Batch:
    done: list = field(default_factory=list)
    refused: list[tuple[object, str]] = field(default_factory=list)  # (subject or nomination, why)


def nominate_many(*, actor, unit, award, year: int, subjects) -> Batch:
    """Draft a nomination for each subject; those that cannot be nominated are reported
    with the reason, the others are kept."""
    batch = Batch()
    for subject in list(subjects)[:MAX_BATCH]:
        try:
            batch.done.append(create_nomination(actor=actor, unit=unit, subject=subject,
                                                award=award, year=year))  # fmt: skip
        except ValidationError as error:
            batch.refused.append((subject, " ".join(error.messages)))
    return batch


def act_on_many(*, actor, nominations, action: str, reason: str = "") -> Batch:
    """Apply one action of the workflow to many nominations (send all drafts, receive all
    submitted…); each refused one is reported, the others are moved."""
    batch = Batch()
    for nomination in list(nominations)[:MAX_BATCH]:
        try:
            batch.done.append(transition(nomination, action, by=actor, reason=reason))
        except Refused as error:
            batch.refused.append((nomination, " ".join(error.messages)))
    return batch

"""Writing conferences: creating one under a plan's rule set, correcting it, its agenda.
Its transitions are declared in workflows.py; delegates, quotas and the dossier are in
delegates.py."""

from django.core.exceptions import ValidationError
from django.db import transaction

from thidua.audit.models import Action
from thidua.audit.services import diff, record_event, snapshot
from thidua.conferences.agenda import AGENDA_TEMPLATE
from thidua.conferences.enums import ConferenceKind
from thidua.conferences.enums import ConferenceStatus as Status
from thidua.conferences.models import AgendaItem, Conference, UpperQuota
from thidua.core.text import fold
from thidua.plans.rules import rule_set_for
from thidua.units.services import lock

FIELDS = [
    "form",
    "name",
    "edition",
    "period_start",
    "period_end",
    "held_on",
    "starts_at",
    "length",
    "venue",
    "is_pilot",
    "budget_estimate",
    "budget_actual",
    "feeds",
]
ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(number: int) -> str:
    """Editions are written in Roman numerals ("lần thứ IX")."""
    out = ""
    for value, letters in ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out


def propose_name(*, unit, kind: str, form: str, edition: int, start: int, end: int) -> str:
    """ "Hội nghị tuyên dương điển hình tiên tiến xã Đại Sơn lần thứ I (2025-2030)"."""
    where = unit.name[:1].lower() + unit.name[1:]
    if kind == ConferenceKind.CONGRESS:
        return f"Đại hội Thi đua yêu nước {where} lần thứ {roman(edition)} ({start}-{end})"
    title = form or "Hội nghị điển hình tiên tiến"
    return f"{title} {where} lần thứ {roman(edition)} ({start}-{end})"


def _default_feeds(unit):
    """The conference above that allots this unit a quota of delegates, if any."""
    quota = (
        UpperQuota.objects.filter(unit=unit)
        .select_related("conference")
        .order_by("-conference__period_start", "-pk")
        .first()
    )
    return quota.conference if quota else None


@transaction.atomic
def create_conference(*, actor, unit, plan=None, **fields) -> Conference:
    """A draft conference of `unit`. It answers to the rule set of `plan` that fits the unit
    (by kind, level, size); is a pilot when the rule set names the unit; feeds the
    conference above that allots it delegates; gets the sample agenda; and is named by
    the usual formula unless a name is given."""
    rules = rule_set_for(plan, unit) if plan is not None else None
    conference = Conference(unit=unit, plan=plan, rule_set=rules, **fields)
    if rules is not None and not fields.get("is_pilot"):
        conference.is_pilot = rules.pilot_units.filter(pk=unit.pk).exists()
    if rules is not None and not conference.length:
        conference.length = rules.length
    conference.feeds = conference.feeds or _default_feeds(unit)
    _check_period(conference)
    if not conference.name:
        conference.name = propose_name(
            unit=unit,
            kind=conference.kind,
            form=conference.form,
            edition=conference.edition,
            start=conference.period_start,
            end=conference.period_end,
        )
    conference.search_name = fold(conference.name)[:300]
    conference.save()
    AgendaItem.objects.bulk_create(
        AgendaItem(conference=conference, position=n, title=title, minutes=minutes)
        for n, (title, minutes) in enumerate(AGENDA_TEMPLATE, start=1)
    )
    record_event(actor=actor, action=Action.CREATE, target=conference, scope_path=unit.path)
    return conference


@transaction.atomic
def update_conference(*, actor, conference: Conference, **fields) -> Conference:
    """Correct a conference, on its stored row (a bound form has already changed the
    instance it was given). Once held, only its actual budget and venue may change."""
    conference = lock(Conference, conference.pk, "Hội nghị này vừa bị xóa.")
    if conference.status in {Status.HELD, Status.REPORTED}:
        fields = {k: v for k, v in fields.items() if k in {"budget_actual", "venue"}}
    before = snapshot(conference, FIELDS)
    for name, value in fields.items():
        setattr(conference, name, value)
    _check_period(conference)
    conference.search_name = fold(conference.name)[:300]
    conference.save()
    record_event(actor=actor, action=Action.UPDATE, target=conference,
                 scope_path=conference.unit.path,
                 changes=diff(before, snapshot(conference, FIELDS)))  # fmt: skip
    return conference


def _check_period(conference: Conference) -> None:
    if conference.period_start > conference.period_end:
        raise ValidationError({"period_end": "Năm kết thúc phải sau năm bắt đầu."})


@transaction.atomic
def save_agenda(*, actor, conference: Conference, formset) -> None:
    """Save an edited agenda (a valid formset of the conference's items); a reported
    conference's agenda is history."""
    if conference.status == Status.REPORTED:
        raise ValidationError("Hội nghị đã gửi báo cáo; chương trình không sửa được nữa.")
    items = formset.save(commit=False)
    for item in items:
        item.conference = conference
        item.save()
    for item in formset.deleted_objects:
        item.delete()
    record_event(
        actor=actor,
        action=Action.UPDATE,
        target=conference,
        scope_path=conference.unit.path,
        note="Sửa chương trình hội nghị",
    )

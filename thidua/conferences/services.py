"""Writing conferences: creating one under a plan's rule set, its transitions (which
deliver the plan's obligations), and honouring exemplars when it is held. Delegates,
quotas and the dossier are in delegates.py."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from thidua.audit.models import Action
from thidua.audit.services import diff, record_event, snapshot
from thidua.conferences.agenda import AGENDA_TEMPLATE
from thidua.conferences.checks import check_conference, errors_of
from thidua.conferences.enums import TRANSITIONS, ConferenceAction, ConferenceKind
from thidua.conferences.enums import ConferenceStatus as Status
from thidua.conferences.models import AgendaItem, Conference, ConferenceChange, Honour, UpperQuota
from thidua.exemplars.enums import Stage, StageAction
from thidua.exemplars.services import transition_exemplar
from thidua.plans import services as plan_services
from thidua.plans.models import Obligation, ObligationState
from thidua.plans.rules import rule_set_for
from thidua.units.services import lock

FIELDS = [
    "form",
    "name",
    "edition",
    "period_start",
    "period_end",
    "held_on",
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
    conference.save()
    record_event(actor=actor, action=Action.UPDATE, target=conference,
                 scope_path=conference.unit.path,
                 changes=diff(before, snapshot(conference, FIELDS)))  # fmt: skip
    return conference


def _check_period(conference: Conference) -> None:
    if conference.period_start > conference.period_end:
        raise ValidationError({"period_end": "Năm kết thúc phải sau năm bắt đầu."})


def _guard(conference: Conference, action: str, findings) -> None:
    if action in {ConferenceAction.APPROVE, ConferenceAction.HOLD} and errors_of(findings):
        raise ValidationError([finding.message for finding in errors_of(findings)])
    if action == ConferenceAction.HOLD and conference.held_on is None:
        raise ValidationError("Chưa có ngày tổ chức.")
    if action == ConferenceAction.HOLD and conference.held_on > timezone.localdate():
        raise ValidationError(
            f"Hội nghị diễn ra ngày {conference.held_on:%d/%m/%Y}; chưa thể ghi nhận đã tổ chức."
        )
    if action == ConferenceAction.REPORT:
        required = conference.rule_set.dossier_documents if conference.rule_set else []
        have = set(conference.dossier.values_list("name", flat=True))
        if missing := [name for name in required if name not in have]:
            raise ValidationError(f"Hồ sơ còn thiếu: {'; '.join(missing)}.")


@transaction.atomic
def transition_conference(*, conference: Conference, action: str, by, reason: str = ""):
    """Apply `action` if the table allows it: approving and holding need no error among
    the findings (warnings are recorded with the change); holding honours the exemplars
    and delivers the plan's "conference" obligations; reporting needs the whole dossier
    and delivers the dossier obligation with its files."""
    conference = lock(Conference, conference.pk, "Hội nghị này vừa bị xóa.")
    target = TRANSITIONS.get((conference.status, action))
    if target is None:
        label = Status(conference.status).label
        raise ValidationError(
            f"Không thể «{ConferenceAction(action).label}» khi hội nghị đang «{label}»."
        )
    findings = check_conference(conference)
    _guard(conference, action, findings)
    before, conference.status = conference.status, target
    conference.save(update_fields=["status"])
    ConferenceChange.objects.create(
        conference=conference,
        action=action,
        from_status=before,
        to_status=target,
        by=by,
        by_name=str(by) if by else "hệ thống",
        reason=reason,
        findings=[f.as_dict() for f in findings if f.severity != "info"],
    )
    record_event(
        actor=by,
        action=Action.UPDATE,
        target=conference,
        scope_path=conference.unit.path,
        changes={"status": [before, target]},
        note=reason[:255],
    )
    if action == ConferenceAction.HOLD:
        _honour(conference, by)
        _deliver(conference, "conference", by)
    if action == ConferenceAction.REPORT:
        _deliver(conference, "dossier", by)
    return conference


def _honour(conference: Conference, by) -> None:
    """Exemplars honoured at the conference are recognised at its level; one still being
    nurtured becomes recognised (exemplars' transition table)."""
    honourees = conference.delegates.filter(is_honouree=True, exemplar__isnull=False)
    for delegate in honourees.select_related("exemplar"):
        Honour.objects.get_or_create(
            conference=conference,
            exemplar=delegate.exemplar,
            defaults={"level": conference.unit.level, "honoured_on": conference.held_on},
        )
        if delegate.exemplar.stage == Stage.NURTURING:
            transition_exemplar(
                exemplar=delegate.exemplar,
                action=StageAction.RECOGNISE,
                by=by,
                reason=f"Tuyên dương tại {conference.name}",
            )


def _delivered_on(conference: Conference, deliverable: str):
    """A conference is delivered on the day it was held, whenever that is recorded; a
    dossier on the day it is sent."""
    if deliverable == "conference" and conference.held_on:
        return conference.held_on
    return timezone.localdate()


def _deliver(conference: Conference, deliverable: str, by) -> None:
    """Deliver what the unit owes under the conference's plan: the conference itself, or
    its dossier with the dossier's files."""
    if conference.plan_id is None:
        return
    owed = Obligation.objects.filter(
        milestone__plan=conference.plan_id,
        unit=conference.unit,
        milestone__deliverable=deliverable,
        state__in=[ObligationState.PENDING, ObligationState.RETURNED],
    )
    files = (
        [document.file for document in conference.dossier.all()] if deliverable == "dossier" else []
    )
    for obligation in owed:
        plan_services.deliver(
            actor=by,
            obligation=obligation,
            linked_conference=conference,
            stored_files=files,
            on=_delivered_on(conference, deliverable),
        )


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

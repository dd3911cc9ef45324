"""Issuing plans, and the life of each unit's obligation: delivered, accepted or returned.
Whether a delivery was on time, and whether a pending one is overdue, follows from dates
(selectors.obligation_status), so nothing has to run at midnight to keep it true."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from thidua.audit.models import Action
from thidua.audit.services import record_event
from thidua.plans.models import (
    PLAN_TRANSITIONS,
    Milestone,
    Obligation,
    ObligationState,
    Plan,
    PlanStatus,
)
from thidua.units.models import Unit
from thidua.units.services import lock

OBLIGATION_TRANSITIONS = {
    (ObligationState.PENDING, "deliver"): ObligationState.DELIVERED,
    (ObligationState.RETURNED, "deliver"): ObligationState.DELIVERED,
    (ObligationState.DELIVERED, "accept"): ObligationState.ACCEPTED,
    (ObligationState.DELIVERED, "return"): ObligationState.RETURNED,
}


def addressed_units(issuer: Unit, *, level="", kind="", group=None, units=()) -> list[Unit]:
    """The units a plan addresses, chosen by level, kind, emulation group or one by one;
    always inside the issuer's subtree and in force."""
    chosen = Unit.objects.filter(path__startswith=issuer.path, valid_to__isnull=True).exclude(
        pk=issuer.pk
    )
    if level:
        chosen = chosen.filter(level=level)
    if kind:
        chosen = chosen.filter(kind=kind)
    if group is not None:
        chosen = chosen.filter(group_memberships__group=group)
    if units:
        chosen = chosen.filter(pk__in=[unit.pk for unit in units])
    return list(chosen.order_by("sort_name"))


@transaction.atomic
def issue_plan(*, actor, plan: Plan) -> Plan:
    """Issue a draft: every milestone's owing units get one obligation each. Refused for a
    plan without milestones, or owing units outside the issuer's subtree."""
    plan = lock(Plan, plan.pk, "Kế hoạch này vừa bị xóa.")
    if (plan.status, PlanStatus.ISSUED) not in PLAN_TRANSITIONS:
        raise ValidationError(f"Kế hoạch đang «{plan.get_status_display()}», không ban hành được.")
    milestones = list(plan.milestones.prefetch_related("owing_units"))
    if not milestones:
        raise ValidationError("Kế hoạch chưa có mốc tiến độ nào.")
    obligations = []
    for milestone in milestones:
        for unit in milestone.owing_units.all():
            if not unit.path.startswith(plan.issuer.path) or unit.pk == plan.issuer_id:
                raise ValidationError(f"{unit} không thuộc {plan.issuer}.")
            obligations.append(Obligation(milestone=milestone, unit=unit))
    Obligation.objects.bulk_create(obligations)
    plan.status = PlanStatus.ISSUED
    plan.issued_on = plan.issued_on or timezone.localdate()
    plan.save(update_fields=["status", "issued_on"])
    record_event(actor=actor, action=Action.UPDATE, target=plan, scope_path=plan.issuer.path,
                 changes={"status": [PlanStatus.DRAFT, PlanStatus.ISSUED]},
                 note=f"{len(obligations)} nghĩa vụ cho các đơn vị")  # fmt: skip
    return plan


def _move(obligation: Obligation, action: str) -> str:
    target = OBLIGATION_TRANSITIONS.get((obligation.state, action))
    if target is None:
        raise ValidationError(f"Không thể thực hiện khi đang «{obligation.get_state_display()}».")
    return target


@transaction.atomic
def deliver(*, actor, obligation: Obligation, note: str = "", linked_plan: Plan | None = None,
            on=None) -> Obligation:  # fmt: skip
    """The owing unit delivers (again, after a return). A linked plan must be the unit's own
    and becomes a plan that implements the issuer's: the cascade."""
    obligation = lock(Obligation, obligation.pk, "Nghĩa vụ này không còn.")
    target = _move(obligation, "deliver")
    if linked_plan is not None:
        if not linked_plan.issuer.path.startswith(obligation.unit.path):
            raise ValidationError({"linked_plan": "Kế hoạch liên kết phải của đơn vị thực hiện."})
        linked_plan.implements = obligation.milestone.plan
        linked_plan.save(update_fields=["implements"])
        obligation.linked_plan = linked_plan
    obligation.state, obligation.delivered_on = target, on or timezone.localdate()
    obligation.note, obligation.reason = note, ""
    obligation.save()
    record_event(actor=actor, action=Action.UPDATE, target=obligation,
                 scope_path=obligation.unit.path, changes={"state": [None, target]})  # fmt: skip
    return obligation


@transaction.atomic
def decide(*, obligation: Obligation, action: str, by, reason: str = "") -> Obligation:
    """The issuer accepts a delivery, or returns it with the reason the unit will read."""
    obligation = lock(Obligation, obligation.pk, "Nghĩa vụ này không còn.")
    target = _move(obligation, action)
    if action == "return" and not reason.strip():
        raise ValidationError("Cần ghi lý do trả lại.")
    before = obligation.state
    obligation.state, obligation.reason = target, reason.strip()
    obligation.decided_by_name = str(by)
    obligation.save()
    record_event(actor=by, action=Action.UPDATE, target=obligation,
                 scope_path=obligation.unit.path, changes={"state": [before, target]},
                 note=reason.strip()[:255])  # fmt: skip
    return obligation


def add_milestone(*, plan: Plan, title: str, deliverable: str, due_on, units=(),
                  window_start=None, source_sentence: str = "") -> Milestone:  # fmt: skip
    """A milestone of a draft plan and the units that will owe it once the plan is issued."""
    if plan.status != PlanStatus.DRAFT:
        raise ValidationError("Chỉ thêm mốc cho kế hoạch dự thảo.")
    if window_start and window_start > due_on:
        raise ValidationError({"window_start": "Ngày bắt đầu phải trước hạn."})
    milestone = Milestone.objects.create(
        plan=plan, title=title, deliverable=deliverable, due_on=due_on,
        window_start=window_start, source_sentence=source_sentence,
    )  # fmt: skip
    milestone.owing_units.set(units)
    return milestone


@transaction.atomic
def draft_from_document(*, actor, issuer: Unit, name: str, content: bytes) -> Plan:
    """Read an uploaded plan and make a draft of it: the facts found, and one milestone per
    deadline with the sentence it came from. The officer corrects the draft, chooses the
    owing units, then issues it."""
    from thidua.plans.extraction import deadline_sentences, extract, read_document  # noqa: PLC0415

    try:
        raw = read_document(name, content)
    except Exception as error:  # python-docx raises many kinds for a damaged file
        raise ValidationError({"file": f"Không đọc được tệp «{name}»."}) from error
    facts = extract(raw)
    plan = Plan.objects.create(
        issuer=issuer, doc_type=facts["doc_type"] or "KH", symbol=facts["symbol"] or "",
        title=(facts["title"] or name)[:500], kind="other",
        issued_on=datetime.date.fromisoformat(facts["issued_on"]) if facts["issued_on"] else None,
        outside_basis=", ".join(facts["basis"])[:500],
    )  # fmt: skip
    for due, sentence in deadline_sentences(raw):
        Milestone.objects.create(
            plan=plan, title=sentence[:255], deliverable="other", source_sentence=sentence,
            due_on=datetime.date.fromisoformat(due),
        )  # fmt: skip
    record_event(actor=actor, action=Action.CREATE, target=plan, scope_path=issuer.path,
                 note=f"Đọc từ tệp {name}: {plan.milestones.count()} mốc")  # fmt: skip
    return plan


@transaction.atomic
def set_owing_units(*, actor, milestone: Milestone, units) -> None:
    """Choose who owes a milestone of a draft plan."""
    if milestone.plan.status != PlanStatus.DRAFT:
        raise ValidationError("Kế hoạch đã ban hành; không đổi được đơn vị thực hiện.")
    milestone.owing_units.set(units)
    record_event(actor=actor, action=Action.UPDATE, target=milestone.plan,
                 scope_path=milestone.plan.issuer.path,
                 changes={"owing_units": [None, sorted(str(u) for u in units)]})  # fmt: skip

"""Issuing plans, and the life of each unit's obligation: delivered, accepted or returned.
Whether a delivery was on time, and whether a pending one is overdue, follows from dates
(selectors.obligation_status), so nothing has to run at midnight to keep it true."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from thidua.audit.models import Action
from thidua.audit.services import record_event
from thidua.documents.uploads import inspect_document
from thidua.plans.models import (
    PLAN_TRANSITIONS,
    DeliveryFile,
    Obligation,
    ObligationState,
    Plan,
    PlanStatus,
)
from thidua.plans.rules import validate_rule_set
from thidua.units.services import lock

OBLIGATION_TRANSITIONS = {
    (ObligationState.PENDING, "deliver"): ObligationState.DELIVERED,
    (ObligationState.RETURNED, "deliver"): ObligationState.DELIVERED,
    (ObligationState.DELIVERED, "accept"): ObligationState.ACCEPTED,
    (ObligationState.DELIVERED, "return"): ObligationState.RETURNED,
}


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
    _check_rule_sets(plan)
    obligations, addressed = [], set()
    for milestone in milestones:
        for unit in milestone.owing_units.all():
            if not unit.path.startswith(plan.issuer.path) or unit.pk == plan.issuer_id:
                raise ValidationError(f"{unit} không thuộc {plan.issuer}.")
            obligations.append(Obligation(milestone=milestone, unit=unit))
            addressed.add(unit.pk)
    if not obligations:
        raise ValidationError("Chưa mốc nào có đơn vị thực hiện.")
    Obligation.objects.bulk_create(obligations, batch_size=2000)
    plan.addressees.set(addressed)
    plan.status = PlanStatus.ISSUED
    plan.issued_on = plan.issued_on or timezone.localdate()
    plan.save(update_fields=["status", "issued_on"])
    record_event(actor=actor, action=Action.UPDATE, target=plan, scope_path=plan.issuer.path,
                 changes={"status": [PlanStatus.DRAFT, PlanStatus.ISSUED]},
                 note=f"{len(obligations)} nghĩa vụ cho các đơn vị")  # fmt: skip
    return plan


def _check_rule_sets(plan: Plan) -> None:
    """Every rule set must be complete before the units below are bound by it."""
    problems = []
    for rule_set in plan.rule_sets.order_by("pk"):
        try:
            validate_rule_set(rule_set)
        except ValidationError as error:
            problems += [f"Quy định «{rule_set.name}»: {m}" for m in error.messages]
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def close_plan(*, actor, plan: Plan) -> Plan:
    """Close an issued plan once its work is done; its board stays readable."""
    plan = lock(Plan, plan.pk, "Kế hoạch này vừa bị xóa.")
    if (plan.status, PlanStatus.CLOSED) not in PLAN_TRANSITIONS:
        raise ValidationError(f"Kế hoạch đang «{plan.get_status_display()}», không kết thúc được.")
    plan.status = PlanStatus.CLOSED
    plan.save(update_fields=["status"])
    record_event(actor=actor, action=Action.UPDATE, target=plan, scope_path=plan.issuer.path,
                 changes={"status": [PlanStatus.ISSUED, PlanStatus.CLOSED]})  # fmt: skip
    return plan


def _check_linked_plan(obligation: Obligation, plan: Plan) -> None:
    """The unit's own issued plan, not already implementing another plan."""
    if not plan.issuer.path.startswith(obligation.unit.path):
        raise ValidationError({"linked_plan": "Kế hoạch liên kết phải của đơn vị thực hiện."})
    if plan.status == PlanStatus.DRAFT:
        raise ValidationError({"linked_plan": "Kế hoạch liên kết phải đã ban hành."})
    if plan.implements_id not in (None, obligation.milestone.plan_id):
        raise ValidationError({"linked_plan": "Kế hoạch này đang thực hiện một kế hoạch khác."})


def _check_delivery(obligation: Obligation, linked, files, stored) -> None:
    if obligation.milestone.plan.status != PlanStatus.ISSUED:
        raise ValidationError("Kế hoạch đã kết thúc; không nhận nộp thêm.")
    if not files and not stored and linked is None and not obligation.files.exists():
        raise ValidationError({"files": "Cần đính kèm tệp hoặc liên kết kế hoạch của đơn vị."})
    if isinstance(linked, Plan):
        _check_linked_plan(obligation, linked)
    elif linked is not None and not linked.unit.path.startswith(obligation.unit.path):
        raise ValidationError({"linked_plan": "Hội nghị liên kết phải của đơn vị thực hiện."})
    problems = []
    for upload in files:
        try:
            inspect_document(upload)
        except ValidationError as error:
            problems += error.messages
    if problems:
        raise ValidationError({"files": problems})


def _move(obligation: Obligation, action: str) -> str:
    target = OBLIGATION_TRANSITIONS.get((obligation.state, action))
    if target is None:
        raise ValidationError(f"Không thể thực hiện khi đang «{obligation.get_state_display()}».")
    return target


@transaction.atomic
def deliver(*, actor, obligation: Obligation, note: str = "", linked_plan: Plan | None = None,
            files=(), on=None, linked_conference=None, stored_files=()) -> Obligation:  # fmt: skip
    """The owing unit delivers (again, after a return): files, its own plan, or both. A
    linked plan must be the unit's own and becomes a plan that implements the issuer's: the
    cascade. Every file is checked by its content before anything is saved."""
    obligation = lock(Obligation, obligation.pk, "Nghĩa vụ này không còn.")
    target = _move(obligation, "deliver")
    _check_delivery(obligation, linked_plan or linked_conference, files, stored_files)
    if linked_plan is not None:
        linked_plan.implements = obligation.milestone.plan
        linked_plan.save(update_fields=["implements"])
        obligation.linked_plan = linked_plan
    obligation.linked_conference = linked_conference or obligation.linked_conference
    for name in stored_files:  # already checked and kept elsewhere (a conference dossier)
        DeliveryFile.objects.create(obligation=obligation, file=name, uploaded_by=actor,
                                    original_name=name.rsplit("/", 1)[-1][:255])  # fmt: skip
    for upload in files:
        DeliveryFile.objects.create(obligation=obligation, file=upload, uploaded_by=actor,
                                    original_name=upload.name[:255])  # fmt: skip
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
    if obligation.milestone.plan.status != PlanStatus.ISSUED:
        raise ValidationError("Kế hoạch đã kết thúc; không xem xét thêm.")
    target = _move(obligation, action)
    if action == "return" and not reason.strip():
        raise ValidationError("Cần ghi lý do trả lại.")
    before = obligation.state
    obligation.state, obligation.reason = target, reason.strip()
    obligation.decided_by_name = str(by) if by is not None else "hệ thống"
    obligation.save()
    record_event(actor=by, action=Action.UPDATE, target=obligation,
                 scope_path=obligation.unit.path, changes={"state": [before, target]},
                 note=reason.strip()[:255])  # fmt: skip
    return obligation

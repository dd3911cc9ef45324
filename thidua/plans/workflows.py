"""The plan and obligation workflows (domain README §6), on the workflow core.

A plan is drafted, issued, then closed by the officers of its issuer. Issuing needs
milestones, owing units inside the issuer's subtree and complete rule sets, and creates one
obligation per owing unit and milestone.

An obligation is delivered (again, after a return) by the officers of the owing unit, and
accepted or returned, with a reason, by the officers of the plan's issuer; only while the
plan is issued. A delivery's files, note, linked plan or conference and date come in the
transition's `data`:

    transition(obligation, "deliver", by=user, data={"files": [...], "note": "...",
               "linked_plan": plan, "linked_conference": conference, "on": date,
               "stored_files": ["deliveries/…"]})

`files` are uploads, checked by their content before anything is saved; `stored_files` are
names of files already checked and stored elsewhere (a conference's dossier). The ledger
row of a delivery says whether it was late (delivered after the milestone's due date), for
the statistics; every decision keeps its own row, so a second return keeps the first one.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone

from thidua.documents.uploads import inspect_document
from thidua.plans.models import DeliveryFile, Obligation, ObligationState, Plan, PlanStatus
from thidua.plans.rules import validate_rule_set
from thidua.workflow.engine import Refused, Step, Workflow, register

P, S = PlanStatus, ObligationState


# The plan ------------------------------------------------------------------------------


def _owed(plan: Plan) -> list[tuple]:
    """(milestone, unit) for every owing unit of every milestone."""
    milestones = plan.milestones.prefetch_related("owing_units")
    return [(milestone, unit) for milestone in milestones for unit in milestone.owing_units.all()]


def _has_milestones(move) -> None:
    if not move.obj.milestones.exists():
        raise ValidationError("Kế hoạch chưa có mốc tiến độ nào.")


def _rule_sets_complete(move) -> None:
    """Every rule set must be complete before the units below are bound by it."""
    problems = []
    for rule_set in move.obj.rule_sets.order_by("pk"):
        try:
            validate_rule_set(rule_set)
        except ValidationError as error:
            problems += [f"Quy định «{rule_set.name}»: {m}" for m in error.messages]
    if problems:
        raise ValidationError(problems)


def _owing_units_inside(move) -> None:
    plan = move.obj
    owed = _owed(plan)
    for _milestone, unit in owed:
        if not unit.path.startswith(plan.issuer.path) or unit.pk == plan.issuer_id:
            raise ValidationError(f"{unit} không thuộc {plan.issuer}.")
    if not owed:
        raise ValidationError("Chưa mốc nào có đơn vị thực hiện.")


def _create_obligations(move) -> None:
    """Every milestone's owing units get one obligation each."""
    plan = move.obj
    owed = _owed(plan)
    Obligation.objects.bulk_create(
        [Obligation(milestone=milestone, unit=unit) for milestone, unit in owed], batch_size=2000
    )
    addressed = {unit.pk for _milestone, unit in owed}
    plan.addressees.set(addressed)
    plan.issued_on = plan.issued_on or timezone.localdate()
    move.payload.update(obligations=len(owed), units=len(addressed))


PLAN = register(
    Workflow(
        name="plan", model="plans.Plan", field="status", states=PlanStatus,
        unit=lambda plan: plan.issuer, noun="kế hoạch", related=("issuer",),
        steps={
            # Both by the issuer's officers: the plan's unit is its issuer.
            "issue": Step("Ban hành", (P.DRAFT,), P.ISSUED,
                          guards=(_has_milestones, _rule_sets_complete, _owing_units_inside),
                          apply=_create_obligations),
            "close": Step("Kết thúc", (P.ISSUED,), P.CLOSED),
        },
    )
)  # fmt: skip


# The obligation ------------------------------------------------------------------------


def _issuer(obligation):
    return obligation.milestone.plan.issuer


def _plan_issued(move) -> None:
    """Deliveries and decisions only while the plan is in force."""
    if move.obj.milestone.plan.status != P.ISSUED:
        done = "nhận nộp" if move.action == "deliver" else "xem xét"
        raise ValidationError(f"Kế hoạch đã kết thúc; không {done} thêm.")


def _refuse(field: str, message) -> None:
    """A refusal the form shows beside `field` (and the API answers by it)."""
    raise Refused({field: message}, code="guard")


def _linked_plan_valid(obligation, plan: Plan) -> None:
    """The unit's own issued plan, not already implementing another plan."""
    if not plan.issuer.path.startswith(obligation.unit.path):
        _refuse("linked_plan", "Kế hoạch liên kết phải của đơn vị thực hiện.")
    if plan.status == P.DRAFT:
        _refuse("linked_plan", "Kế hoạch liên kết phải đã ban hành.")
    if plan.implements_id not in (None, obligation.milestone.plan_id):
        _refuse("linked_plan", "Kế hoạch này đang thực hiện một kế hoạch khác.")


def _delivery_valid(move) -> None:
    """Something delivered (files, kept files, a linked plan or conference, or the files of
    the delivery before a return); links to the unit's own; every upload checked by its
    content."""
    obligation, data = move.obj, move.data
    files, stored = data.get("files") or (), data.get("stored_files") or ()
    linked_plan, conference = data.get("linked_plan"), data.get("linked_conference")
    nothing = not files and not stored and linked_plan is None and conference is None
    if nothing and not obligation.files.exists():
        _refuse("files", "Cần đính kèm tệp hoặc liên kết kế hoạch của đơn vị.")
    if linked_plan is not None:
        _linked_plan_valid(obligation, linked_plan)
    elif conference is not None and not conference.unit.path.startswith(obligation.unit.path):
        _refuse("linked_plan", "Hội nghị liên kết phải của đơn vị thực hiện.")
    problems = []
    for upload in files:
        try:
            inspect_document(upload)
        except ValidationError as error:
            problems += error.messages
    if problems:
        _refuse("files", problems)


def _save_delivery(move) -> None:
    """Save what was delivered; a linked plan now implements the issuer's (the cascade).
    The ledger row keeps the delivery: its date, lateness, files, note and links."""
    obligation, data, by = move.obj, move.data, move.by
    uploaded_by = by if by is not None and by.pk else None
    milestone = obligation.milestone
    linked_plan, conference = data.get("linked_plan"), data.get("linked_conference")
    if linked_plan is not None:
        linked_plan.implements = milestone.plan
        linked_plan.save(update_fields=["implements"])
        obligation.linked_plan = linked_plan
    obligation.linked_conference = conference or obligation.linked_conference
    names = []
    for name in data.get("stored_files") or ():  # already checked and kept elsewhere
        DeliveryFile.objects.create(obligation=obligation, file=name, uploaded_by=uploaded_by,
                                    original_name=name.rsplit("/", 1)[-1][:255])  # fmt: skip
        names.append(name.rsplit("/", 1)[-1][:255])
    for upload in data.get("files") or ():
        stored = DeliveryFile.objects.create(obligation=obligation, file=upload,
                                             uploaded_by=uploaded_by,
                                             original_name=upload.name[:255])  # fmt: skip
        move.written.append(stored.file.name)  # removed again if the transition fails
        names.append(upload.name[:255])
    obligation.delivered_on = data.get("on") or timezone.localdate()
    move.on = obligation.delivered_on  # the ledger dates a delivery on the day it was made
    obligation.note, obligation.reason = data.get("note", ""), ""
    move.payload.update(
        plan=milestone.plan_id, milestone=milestone.pk, deliverable=milestone.deliverable,
        due_on=milestone.due_on.isoformat(), delivered_on=obligation.delivered_on.isoformat(),
        late=obligation.delivered_on > milestone.due_on, files=names,
        note=obligation.note, linked_plan=obligation.linked_plan_id,
        linked_conference=obligation.linked_conference_id,
    )  # fmt: skip


def _decided(move) -> None:
    """The unit reads the reason of the last return on its page; the ledger keeps them all."""
    move.obj.reason = move.reason if move.action == "return" else ""


OBLIGATION = register(
    Workflow(
        name="obligation", model="plans.Obligation", field="state", states=ObligationState,
        unit=lambda obligation: obligation.unit, noun="nghĩa vụ",
        related=("unit", "milestone__plan__issuer"),
        steps={
            # By the owing unit's officers (the obligation's unit).
            "deliver": Step("Nộp", (S.PENDING, S.RETURNED), S.DELIVERED,
                            guards=(_plan_issued, _delivery_valid),
                            apply=_save_delivery),
            # By the issuer's officers.
            "accept": Step("Chấp nhận", (S.DELIVERED,), S.ACCEPTED, on=_issuer,
                           guards=(_plan_issued,), apply=_decided),
            "return": Step("Trả lại", (S.DELIVERED,), S.RETURNED, on=_issuer, reason=True,
                           guards=(_plan_issued,), apply=_decided),
        },
    )
)  # fmt: skip

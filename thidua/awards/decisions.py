"""Decisions: drafted from approved nominations at the unit that may grant the award, then
issued: numbered per issuer and year (a locked counter, so two officers issuing at once get
two numbers), the reward computed from the base salary in force on the signing date, the
award written into each subject's history, and the nominations closed."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from thidua.audit.models import Action
from thidua.audit.services import diff, record_event, snapshot
from thidua.awards import history
from thidua.awards.models import (
    AwardRecord,
    Decision,
    DecisionCounter,
    DecisionLine,
    DecisionState,
    NominationAction,
    NominationState,
)
from thidua.awards.selectors import base_salary_on, reward_amount, rule_on
from thidua.awards.workflows import reference_date
from thidua.core.counters import next_number
from thidua.documents.frame import ADMINISTRATIVE, committee, settings_of
from thidua.documents.models import Capacity
from thidua.tallies.services import batched
from thidua.units.scope import scope_for
from thidua.workflow.engine import transition

EDITABLE = ["summary", "authority", "grounds", "symbol", "signed_on", "capacity", "position",
            "signer_title", "signer_name", "recipients"]  # fmt: skip
SYMBOLS = {"nation": "QĐ-TTg"}  # the Prime Minister's; any other issuer: «QĐ-<its own>»


def visible_decisions(user) -> QuerySet[Decision]:
    return Decision.objects.filter(scope_for(user).q("issuer__path"))


def get_decision_for(user, pk) -> Decision:
    return get_object_or_404(visible_decisions(user).select_related("issuer"), pk=pk)


def _defaults(issuer, award, year: int, rule) -> dict:
    verb = "công nhận danh hiệu" if award.category == "title" else "tặng"
    authority = (f"Chủ tịch {committee(issuer)}" if issuer.kind in ADMINISTRATIVE
                 else f"Thủ trưởng {issuer.name}")  # fmt: skip
    grounds = ["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"]
    if rule is not None:
        grounds.append(f"Căn cứ {rule.legal_basis};")
    grounds.append(f"Xét đề nghị về việc {verb} «{award.name}» năm {year}.")
    return {"summary": f"Về việc {verb} «{award.name}» năm {year}", "authority": authority,
            "grounds": "\n".join(grounds), **_signed_as(issuer)}  # fmt: skip


def _signed_as(issuer) -> dict:
    """Who signs, by the issuer's letterhead: a commendation is decided by the head (the
    chairman, not the Committee: no «TM.»), or by a deputy for them («KT.»)."""
    head = settings_of(issuer)
    deputy = head["capacity"] == Capacity.DEPUTY
    signs_as = head["capacity"] if head["capacity"] in (Capacity.DEPUTY, Capacity.ACTING) else ""
    return {"symbol": SYMBOLS.get(issuer.kind, f"QĐ-{head['symbol']}"),
            "capacity": signs_as or Capacity.OWN,
            "position": head["position"], "signer_title": head["signer_title"] if deputy else "",
            "signer_name": head["signer_name"]}  # fmt: skip


@transaction.atomic
def draft_decision(*, actor, issuer, nominations) -> Decision:
    """A draft decision of `issuer` for approved nominations of one award and one year."""
    nominations = list(nominations)
    if not nominations:
        raise ValidationError("Chọn ít nhất một đề nghị đã được đồng ý.")
    for nomination in nominations:
        if nomination.state != NominationState.APPROVED or nomination.deciding_unit_id != issuer.pk:
            raise ValidationError(f"{nomination}: chưa được {issuer.name} đồng ý khen thưởng.")
        if DecisionLine.objects.filter(nomination=nomination).exists():
            raise ValidationError(f"{nomination}: đã có trong một quyết định.")
    if len({(n.award_id, n.year) for n in nominations}) > 1:
        raise ValidationError("Một quyết định cho một danh hiệu, hình thức và một năm.")
    award, year = nominations[0].award, nominations[0].year
    today = timezone.localdate()
    decision = Decision.objects.create(
        issuer=issuer, year=today.year, signed_on=today,
        created_by=actor if actor and actor.pk else None,
        **_defaults(issuer, award, year, rule_on(award, reference_date(nominations[0]))),
    )  # fmt: skip
    DecisionLine.objects.bulk_create(DecisionLine(decision=decision, nomination=n)
                                     for n in nominations)  # fmt: skip
    record_event(actor=actor, action=Action.CREATE, target=decision, scope_path=issuer.path,
                 note=f"{len(nominations)} đối tượng")  # fmt: skip
    return decision


def _draft(decision: Decision) -> None:
    if decision.state != DecisionState.DRAFT:
        raise ValidationError("Quyết định đã ban hành không sửa được.")


@transaction.atomic
def update_decision(*, actor, decision: Decision, before: dict) -> Decision:
    """Save the officer's corrections of a draft (`before`: its values as read)."""
    _draft(Decision.objects.select_for_update().get(pk=decision.pk))
    decision.save()
    record_event(actor=actor, action=Action.UPDATE, target=decision,
                 scope_path=decision.issuer.path,
                 changes=diff(before, snapshot(decision, EDITABLE)))  # fmt: skip
    return decision


@transaction.atomic
def issue_decision(*, actor, decision: Decision) -> Decision:
    """Number and issue a draft; write each awardee's history and close the nominations."""
    decision = Decision.objects.select_for_update().select_related("issuer").get(pk=decision.pk)
    _draft(decision)
    if not decision.signer_name.strip():
        raise ValidationError({"signer_name": "Cần họ tên người ký."})
    if decision.capacity == Capacity.DEPUTY and not decision.signer_title.strip():
        raise ValidationError({"signer_title": "Ký thay (KT.) cần chức vụ của người ký."})
    decision.year = decision.signed_on.year
    decision.number = next_number(DecisionCounter, issuer=decision.issuer, year=decision.year)
    salary = base_salary_on(decision.signed_on)
    lines = decision.lines.select_related("nomination__award", "nomination__subject__unit")
    lines = list(lines)
    line_amounts(lines, salary)
    with batched():  # the dashboards' tallies once for the whole decision
        for line in lines:
            _award(actor, decision, line)
    decision.state = DecisionState.ISSUED
    decision.save()
    record_event(actor=actor, action=Action.UPDATE, target=decision,
                 scope_path=decision.issuer.path, changes={"state": ["draft", "issued"]},
                 note=f"Ban hành {decision.reference}")  # fmt: skip
    return decision


def line_amounts(lines, salary) -> None:
    """Set each line's reward: the multiple of the rule its nomination is judged by, times
    `salary`. A decision is for one award and year: the rule is read once."""
    rules: dict = {}
    for line in lines:
        nomination = line.nomination
        key = (nomination.award_id, nomination.year)
        if key not in rules:
            rules[key] = rule_on(nomination.award, reference_date(nomination))
        line.amount = reward_amount(rules[key], salary)


def _award(actor, decision: Decision, line: DecisionLine) -> None:
    nomination = line.nomination
    line.save(update_fields=["amount"])
    history.record_award(actor=actor, record=AwardRecord(
        subject=nomination.subject, award=nomination.award, title=nomination.award.name,
        year=nomination.year, commendation_type=nomination.commendation_type,
        decision_number=decision.reference, decision_date=decision.signed_on,
        issuer=decision.authority, source="decision"))  # fmt: skip
    transition(nomination, NominationAction.DECIDE, by=actor)

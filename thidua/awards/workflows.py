"""The nomination workflow (đề nghị khen thưởng) on the workflow core.

The officers of the nominating unit draft, submit, send again after a return, and
withdraw. The officers of the unit that holds the nomination now (`at_unit`) receive it for
review, forward it to the level above when they may not grant the award themselves, return
it with a reason, approve it when they may grant it (after the council's vote), reject it
with a reason, or cancel their approval. Issuing a decision moves it to «decided».
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from thidua.accounts.models import Role
from thidua.awards import routing
from thidua.awards.dossier import check_complete
from thidua.awards.facts import unit_counts
from thidua.awards.models import (
    STANDING,
    AwardRecord,
    Nomination,
    NominationAction,
    NominationState,
)
from thidua.awards.notice import check_noticed
from thidua.awards.selectors import rule_on
from thidua.workflow.engine import Step, Workflow, register

S, A = NominationState, NominationAction
OFFICER = (Role.OFFICER,)


def reference_date(nomination) -> datetime.date:
    """The date whose rules and authorities judge the nomination: its year's last day."""
    return datetime.date(nomination.year, 12, 31)


def check_unique(nomination) -> None:
    """One form for one achievement (LAW.md §1.2): the same award and year once."""
    twins = Nomination.objects.filter(subject=nomination.subject, award=nomination.award,
                                      year=nomination.year, state__in=STANDING)  # fmt: skip
    if twins.exclude(pk=nomination.pk).exists():
        raise ValidationError(f"{nomination.subject.name} đã có đề nghị «{nomination.award.name}» "
                              f"năm {nomination.year}.")  # fmt: skip
    held = AwardRecord.objects.filter(subject=nomination.subject, award=nomination.award,
                                      year=nomination.year, revoked_on__isnull=True)  # fmt: skip
    if held.exists():
        raise ValidationError(f"{nomination.subject.name} đã được «{nomination.award.name}» "
                              f"năm {nomination.year}.")  # fmt: skip


def _unique(move) -> None:
    check_unique(move.obj)


def _within_caps(move) -> None:
    """A cap of the rules in force (CSTĐCS ≤ 15 % of the unit's LĐTT…) is enforced when the
    nomination is sent. The unit's awards and standing nominations count, this one too."""
    nomination = move.obj
    rule = rule_on(nomination.award, reference_date(nomination))
    caps = [check for check in (rule.checks if rule else []) if check.get("test") == "cap"]
    if not caps:
        return
    unit, year = nomination.subject.unit_id, nomination.year
    counted, sent = unit_counts(unit, year), unit_counts(unit, year, drafts=False)
    for check in caps:
        limit = counted.get(check["award"], 0) * check["percent"] // 100
        taken = sent.get(nomination.award.code, 0) + 1
        if taken > limit:
            raise ValidationError(
                f"Vượt tỷ lệ tối đa {check['percent']} %: đơn vị đã có {taken} «"
                f"{nomination.award.name}» năm {year} (kể cả đề nghị này), tối đa {limit}."
            )


def _routed(move) -> None:
    """A grantor must exist above the nominating unit; the nomination goes to its first
    stop."""
    nomination = move.obj
    on = reference_date(nomination)
    stop = routing.next_stop(nomination.unit, nomination.award, on)
    if stop is None:
        award, unit = nomination.award.name, nomination.unit.name
        raise ValidationError(f"Danh mục không có cấp nào được quyết định «{award}» cho {unit}.")
    move.data["stop"] = stop
    move.data["decider"] = routing.deciding_unit(nomination.unit, nomination.award, on)


def _dossier(move) -> None:
    """Sent to another level, the nomination carries the files its form requires."""
    check_complete(move.obj, move.data.get("stop"))


def _dossier_kept(move) -> None:
    """Forwarded further up, it still does."""
    check_complete(move.obj, move.obj.at_unit)


def _noticed(move) -> None:
    """The state's awards: the list was published for its period, every comment handled."""
    check_noticed(move.obj)


def _arrive(nomination, unit) -> None:
    """The nomination reaches `unit` today: its processing limit starts."""
    today = timezone.localdate()
    nomination.at_unit, nomination.at_since = unit, today
    nomination.due_on = routing.due_date(unit, today) if unit else None


def _send(move) -> None:
    nomination = move.obj
    _arrive(nomination, move.data["stop"])
    nomination.deciding_unit = move.data["decider"]
    nomination.submitted_on, nomination.reason = timezone.localdate(), ""


def _not_deciding(move) -> None:
    if move.obj.at_unit_id == move.obj.deciding_unit_id:
        raise ValidationError("Cấp này được quyết định: đồng ý hoặc không đồng ý, không trình lên.")


def _forward(move) -> None:
    nomination = move.obj
    _arrive(nomination, routing.next_stop(nomination.at_unit, nomination.award,
                                          reference_date(nomination), above=True))  # fmt: skip


def _deciding(move) -> None:
    if move.obj.at_unit_id != move.obj.deciding_unit_id:
        raise ValidationError(
            "Chỉ cấp có thẩm quyền quyết định mới đồng ý khen thưởng; hãy trình lên."
        )


def _keep_reason(move) -> None:
    move.obj.reason = move.reason


def _back_home(move) -> None:
    move.obj.reason, move.obj.at_unit, move.obj.due_on = move.reason, None, None


def _at(nomination):
    return nomination.at_unit


NOMINATION = register(
    Workflow(
        name="nomination", model="awards.Nomination", field="state", states=S,
        unit=lambda nomination: nomination.unit, noun="đề nghị",
        related=("unit", "subject", "award", "at_unit", "deciding_unit"),
        steps={
            A.SUBMIT: Step(str(A.SUBMIT.label), (S.DRAFT,), S.SUBMITTED, roles=OFFICER,
                           guards=(_unique, _within_caps, _noticed, _routed, _dossier),
                           apply=_send),
            A.RESUBMIT: Step(str(A.RESUBMIT.label), (S.RETURNED,), S.SUBMITTED, roles=OFFICER,
                             guards=(_unique, _within_caps, _noticed, _routed, _dossier),
                             apply=_send),
            A.WITHDRAW: Step(str(A.WITHDRAW.label), (S.DRAFT, S.SUBMITTED, S.RETURNED),
                             S.WITHDRAWN, roles=OFFICER),
            A.RECEIVE: Step(str(A.RECEIVE.label), (S.SUBMITTED,), S.IN_REVIEW, roles=OFFICER,
                            on=_at),
            A.FORWARD: Step(str(A.FORWARD.label), (S.IN_REVIEW,), S.SUBMITTED, roles=OFFICER,
                            on=_at, guards=(_not_deciding, _dossier_kept), apply=_forward),
            A.RETURN: Step(str(A.RETURN.label), (S.SUBMITTED, S.IN_REVIEW), S.RETURNED,
                           roles=OFFICER, on=_at, reason=True, apply=_back_home),
            A.APPROVE: Step(str(A.APPROVE.label), (S.IN_REVIEW,), S.APPROVED, roles=OFFICER,
                            on=_at, guards=(_deciding,)),
            A.REJECT: Step(str(A.REJECT.label), (S.IN_REVIEW,), S.REJECTED, roles=OFFICER,
                           on=_at, reason=True, apply=_keep_reason),
            A.CANCEL_APPROVAL: Step(str(A.CANCEL_APPROVAL.label), (S.APPROVED,), S.IN_REVIEW,
                                    roles=OFFICER, on=_at, reason=True, apply=_keep_reason),
            A.DECIDE: Step(str(A.DECIDE.label), (S.APPROVED,), S.DECIDED, roles=OFFICER,
                           on=lambda n: n.deciding_unit),
        },
    )
)  # fmt: skip

"""The quota submission workflow (sample 001 §IV.1) on the workflow core.

The officers of the member unit (or of a unit above it) send its exemplars for a period:
creating a submission is `services.submit_exemplar`, the workflow's entry «submit» (a
ledger row and a notice to the standing body, as for a step). They also send a returned
one again. The officers of the group's owner unit, its standing body (or of a unit
above it), accept or return what was sent. A return needs its reason, which the member
sees. Sending again follows the rules of sending: the exemplar must still be open and the
period must be the current or the last one.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from thidua.accounts.models import Role
from thidua.core.periods import Period, parse_period, period_containing
from thidua.exemplars.enums import Stage
from thidua.quotas.models import Submission, SubmissionAction, SubmissionState
from thidua.workflow.engine import Step, Workflow, may, register

S, A = SubmissionState, SubmissionAction
SUBMIT = "submit"  # the entry: not among the actions taken on a submission (the API's)
# Exemplars that can no longer be sent (nor sent again).
CLOSED_STAGES = {Stage.DECLINED, Stage.WITHDRAWN}


def check_window(period: Period, on: datetime.date | None = None) -> None:
    """Late sending is allowed for the period just ended, never for older ones: their
    results are settled (and a future period has not begun)."""
    current = period_containing(period.cadence, on or timezone.localdate())
    if period not in {current, current.previous()}:
        raise ValidationError(
            {"period": f"Chỉ gửi cho {current.label} hoặc {current.previous().label}."}
        )


def check_open(exemplar) -> None:
    if exemplar.stage in CLOSED_STAGES:
        raise ValidationError({"exemplar": "Điển hình đã bị đánh giá không đạt hoặc rút."})


def _in_window(move) -> None:
    check_window(parse_period(move.obj.period_key))


def _still_open(move) -> None:
    check_open(move.obj.exemplar)


def _last_reason(move) -> None:
    """The page shows the reason of the last decision beside the submission."""
    move.obj.reason = move.reason


def _owner(submission):
    return submission.membership.group.owner


QUOTA = register(
    Workflow(
        name="quota", model="quotas.Submission", field="state", states=SubmissionState,
        unit=lambda submission: submission.membership.unit, noun="bài gửi",
        related=("membership__unit", "membership__group__owner", "exemplar"),
        entries={
            SUBMIT: Step("Gửi", ("",), S.SUBMITTED, roles=(Role.OFFICER,)),
        },
        steps={
            # The standing body: officers of the group's owner unit.
            A.ACCEPT: Step(str(A.ACCEPT.label), (S.SUBMITTED,), S.ACCEPTED,
                           roles=(Role.OFFICER,), on=_owner, apply=_last_reason),
            A.RETURN: Step(str(A.RETURN.label), (S.SUBMITTED,), S.RETURNED,
                           roles=(Role.OFFICER,), on=_owner, reason=True, apply=_last_reason),
            # The member: officers of the member unit (the object's unit).
            A.RESUBMIT: Step(str(A.RESUBMIT.label), (S.RETURNED,), S.SUBMITTED,
                             roles=(Role.OFFICER,), guards=(_still_open, _in_window)),
        },
    )
)  # fmt: skip


def may_send(user, membership) -> bool:
    """Whether `user` may send the member's exemplars (a new submission), read from the
    declaration's entry (None: the system)."""
    return may(user, QUOTA, QUOTA.entries[SUBMIT], Submission(membership=membership))

import datetime
from typing import Literal

from ninja import Field, Router, Schema
from ninja.errors import HttpError

from thidua.core.api_errors import errors
from thidua.core.periods import parse_period
from thidua.quotas import selectors
from thidua.quotas.models import SubmissionAction, SubmissionState
from thidua.units.selectors import get_group_for
from thidua.workflow.engine import Refused, allowed_actions, history, transition

router = Router(tags=["Cụm, khối thi đua"])


class ComplianceRowOut(Schema):
    membership_id: int = Field(alias="membership.pk")
    unit_id: int = Field(alias="membership.unit_id")
    unit_name: str = Field(alias="membership.unit.name")
    period: str = Field(alias="period.key")
    period_label: str = Field(alias="period.label")
    minimum: int
    accepted: int
    pending: int
    returned: int
    status: str
    shortfall: int


class SubmissionChangeOut(Schema):
    """One row of the transition ledger: sending the submission (action «submit», from no
    state), a decision on it, or sending it again."""

    action: Literal["submit"] | SubmissionAction
    from_state: Literal[""] | SubmissionState
    to_state: SubmissionState
    by_name: str = Field(alias="actor_name")
    at: datetime.datetime
    reason: str


class SubmissionOut(Schema):
    id: int
    membership_id: int
    unit_id: int = Field(alias="membership.unit_id")
    period: str = Field(alias="period_key")
    exemplar_id: int
    exemplar_title: str = Field(alias="exemplar.title")
    state: SubmissionState
    state_label: str = Field(alias="get_state_display")
    reason: str = Field(description="Lý do của quyết định gần nhất")
    actions: list[SubmissionAction] = Field(
        alias="actions_list", description="Các thao tác tài khoản này được làm lúc này"
    )
    changes: list[SubmissionChangeOut] = Field(alias="changes_list")


class SubmissionTransitionIn(Schema):
    action: SubmissionAction
    reason: str = Field("", max_length=2000)


@router.get("/groups/{group_id}/compliance", response=list[ComplianceRowOut])
def group_compliance(request, group_id: int, period: str):
    """Each member's standing for its own period containing the start of `period`
    (a key such as 2025-Q1, 2025-H2, 2025-M03, 2025-Y): status met, short or nothing."""
    group = get_group_for(request.user, group_id)
    chosen = parse_period(period)
    if chosen is None:
        raise HttpError(422, "Kỳ không hợp lệ; ví dụ: 2025-Q1, 2025-H2, 2025-M03, 2025-Y.")
    return selectors.compliance(group, chosen.start)


def _detail(request, submission):
    submission.actions_list = [name for name, _step in allowed_actions(request.user, submission)]
    submission.changes_list = history(submission)
    return submission


@router.get("/submissions/{submission_id}", response=SubmissionOut)
def get_submission(request, submission_id: int):
    """A submission of a cluster or block member, with its history of decisions."""
    return _detail(request, selectors.get_submission_for(request.user, submission_id))


@router.post("/submissions/{submission_id}/transitions",
             response={200: SubmissionOut, **errors(403, 409)})  # fmt: skip
def move_submission(request, submission_id: int, payload: SubmissionTransitionIn):
    """Accept or return a submission (the standing body; a return needs its reason), or
    send a returned one again (the member). 403 when the account may not, 409 with the
    reason when the submission's state or a rule does not allow it."""
    submission = selectors.get_submission_for(request.user, submission_id)
    try:
        transition(submission, payload.action, by=request.user, reason=payload.reason)
    except Refused as error:
        raise HttpError(error.status, " ".join(error.messages)) from error
    return _detail(request, selectors.get_submission_for(request.user, submission_id))

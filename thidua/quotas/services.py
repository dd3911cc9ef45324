"""Quota submissions of cluster and block members and their decisions."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from thidua.audit.models import Action
from thidua.audit.services import record_event
from thidua.core.periods import Period, period_containing
from thidua.exemplars.enums import Stage
from thidua.quotas.models import TRANSITIONS, Submission, SubmissionAction
from thidua.units.models import GroupMembership
from thidua.units.services import lock

CLOSED_STAGES = {Stage.DECLINED, Stage.WITHDRAWN}


@transaction.atomic
def submit_exemplar(
    *, actor, membership: GroupMembership, period: Period, exemplar, on=None
) -> Submission:
    """Send one of the member unit's exemplars to the group's standing body for `period`.

    The period must be of the member's cadence and be the current or the last one as of
    `on` (today unless a submission made earlier on paper is being recorded); the exemplar
    must belong to the member unit (or a unit below it) and not be declined or withdrawn.
    """
    if period.cadence != membership.cadence:
        raise ValidationError(
            {
                "period": f"Kỳ báo cáo của {membership.unit} là "
                f"{membership.get_cadence_display().lower()}."
            }
        )
    current = period_containing(membership.cadence, on or timezone.localdate())
    if period not in {current, current.previous()}:
        # Late sending is allowed for the period just ended, never for older ones: their
        # results are settled (and a future period has not begun).
        raise ValidationError(
            {"period": f"Chỉ gửi cho {current.label} hoặc {current.previous().label}."}
        )
    if not exemplar.unit.path.startswith(membership.unit.path):
        raise ValidationError({"exemplar": "Điển hình không thuộc đơn vị thành viên."})
    if exemplar.stage in CLOSED_STAGES:
        raise ValidationError({"exemplar": "Điển hình đã bị đánh giá không đạt hoặc rút."})
    exists = Submission.objects.filter(
        membership=membership, period_key=period.key, exemplar=exemplar
    )
    if exists.exists():
        raise ValidationError({"exemplar": f"Điển hình này đã được gửi cho {period.label}."})
    submission = Submission.objects.create(
        membership=membership,
        period_key=period.key,
        exemplar=exemplar,
        submitted_by=actor if actor and actor.pk else None,
    )
    record_event(
        actor=actor,
        action=Action.CREATE,
        target=submission,
        scope_path=membership.unit.path,
        changes={"period": [None, period.label], "exemplar": [None, str(exemplar)]},
    )
    return submission


@transaction.atomic
def decide_submission(*, submission: Submission, action: str, by, reason: str = "") -> Submission:
    """Accept or return a submission (the standing body), or send a returned one again (the
    member). A return needs its reason, which the member sees."""
    submission = lock(Submission, submission.pk, "Bài gửi này không còn.")
    target = TRANSITIONS.get((submission.state, action))
    if target is None:
        label = SubmissionAction(action).label if action in SubmissionAction.values else action
        state = submission.get_state_display()
        raise ValidationError(f"Không thể «{label}» khi bài gửi đang «{state}».")
    if action == SubmissionAction.RETURN and not reason.strip():
        raise ValidationError("Cần ghi lý do trả lại để đơn vị biết mà bổ sung.")
    before = submission.state
    submission.state = target
    if action != SubmissionAction.RESUBMIT:
        submission.decided_by_name, submission.decided_at = str(by), timezone.now()
        submission.reason = reason.strip()
    submission.save()
    scope = submission.membership.unit.path
    record_event(
        actor=by,
        action=Action.UPDATE,
        target=submission,
        scope_path=scope,
        changes={"state": [before, target]},
        note=reason.strip()[:255],
    )
    return submission

"""Quota submissions of cluster and block members. Sending one creates it here; what happens
to it next (accepted, returned, sent again) is a transition of the workflow declared in
workflows.py: `thidua.workflow.engine.transition(submission, action, by=…, reason=…)`."""

from django.core.exceptions import ValidationError
from django.db import transaction

from thidua.audit.models import Action
from thidua.audit.services import record_event
from thidua.core.periods import Period
from thidua.quotas.models import Submission
from thidua.quotas.workflows import SUBMIT, check_open, check_window, may_send
from thidua.units.models import GroupMembership
from thidua.workflow.engine import Refused, enter


@transaction.atomic
def submit_exemplar(
    *, actor, membership: GroupMembership, period: Period, exemplar, on=None
) -> Submission:
    """Send one of the member unit's exemplars to the group's standing body for `period`.

    The actor must be one who may send for the member (the declaration says who; None is
    the system). The period must be of the member's cadence and be the current or the last
    one as of `on` (today unless a submission made earlier on paper is being recorded); the
    exemplar must belong to the member unit (or a unit below it) and not be declined or
    withdrawn.
    """
    if not may_send(actor, membership):
        raise Refused(
            f"Tài khoản của bạn không được gửi điển hình của {membership.unit}.", code="forbidden"
        )
    if period.cadence != membership.cadence:
        raise ValidationError(
            {
                "period": f"Kỳ báo cáo của {membership.unit} là "
                f"{membership.get_cadence_display().lower()}."
            }
        )
    check_window(period, on)
    if not exemplar.unit.path.startswith(membership.unit.path):
        raise ValidationError({"exemplar": "Điển hình không thuộc đơn vị thành viên."})
    check_open(exemplar)
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
    enter(submission, SUBMIT, by=actor)
    return submission

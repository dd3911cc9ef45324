"""Quota submissions of cluster and block members, their decisions, and the compliance
table of a group for a period."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from thidua.audit.models import Action
from thidua.audit.services import record_event
from thidua.core.periods import Period, period_containing
from thidua.exemplars.enums import Stage
from thidua.quotas.models import (
    TRANSITIONS,
    PeriodTarget,
    Submission,
    SubmissionAction,
    SubmissionState,
)
from thidua.units.models import EmulationGroup, GroupMembership
from thidua.units.services import lock

CLOSED_STAGES = {Stage.DECLINED, Stage.WITHDRAWN}


@transaction.atomic
def submit_exemplar(*, actor, membership: GroupMembership, period: Period, exemplar) -> Submission:
    """Send one of the member unit's exemplars to the group's standing body for `period`.

    The period must be of the member's cadence and already begun; the exemplar must belong
    to the member unit (or a unit below it) and not be declined or withdrawn.
    """
    if period.cadence != membership.cadence:
        raise ValidationError(
            {
                "period": f"Kỳ báo cáo của {membership.unit} là "
                f"{membership.get_cadence_display().lower()}."
            }
        )
    if period.start > timezone.localdate():
        raise ValidationError({"period": f"{period.label} chưa bắt đầu."})
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


@dataclass
class ComplianceRow:
    membership: GroupMembership
    period: Period
    minimum: int
    accepted: int
    pending: int
    returned: int

    @property
    def status(self) -> str:
        if self.accepted >= self.minimum:
            return "met"
        return "nothing" if self.accepted + self.pending + self.returned == 0 else "short"

    @property
    def shortfall(self) -> int:
        return max(self.minimum - self.accepted, 0)

    @property
    def status_label(self) -> str:
        return {"met": "Đạt", "nothing": "Chưa gửi"}.get(self.status, f"Thiếu {self.shortfall}")


def _targets(memberships, periods: dict[int, Period], today: datetime.date) -> dict[int, int]:
    """The minimum each member owes for its period, snapshotting it (see PeriodTarget)."""
    keys = {periods[m.pk].key for m in memberships}
    existing = {
        (t.membership_id, t.period_key): t
        for t in PeriodTarget.objects.filter(membership__in=memberships, period_key__in=keys)
    }
    minimums, new, refresh = {}, [], []
    for m in memberships:
        period = periods[m.pk]
        target = existing.get((m.pk, period.key))
        if target is None:
            target = PeriodTarget(
                membership=m,
                period_key=period.key,
                cadence=m.cadence,
                minimum=m.min_exemplars,
                frozen=period.end < today,
            )
            new.append(target)
        elif not target.frozen:
            target.minimum, target.frozen = m.min_exemplars, period.end < today
            refresh.append(target)
        minimums[m.pk] = target.minimum
    PeriodTarget.objects.bulk_create(new)
    PeriodTarget.objects.bulk_update(refresh, ["minimum", "frozen"])
    return minimums


@transaction.atomic
def compliance(group: EmulationGroup, day: datetime.date) -> list[ComplianceRow]:
    """Each member's standing for its own period containing `day` (a quarterly member is
    judged on the quarter, a half-yearly one on the half-year), in a constant number of
    queries. Only accepted exemplars count towards the minimum."""
    memberships = list(group.members.select_related("unit").order_by("unit__sort_name", "pk"))
    periods = {m.pk: period_containing(m.cadence, day) for m in memberships}
    minimums = _targets(memberships, periods, timezone.localdate())
    counts: dict[tuple[int, str, str], int] = {}
    rows = (
        Submission.objects.filter(
            membership__in=memberships, period_key__in={p.key for p in periods.values()}
        )
        .values("membership_id", "period_key", "state")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in rows:
        counts[(row["membership_id"], row["period_key"], row["state"])] = row["n"]
    return [
        ComplianceRow(
            membership=m,
            period=periods[m.pk],
            minimum=minimums[m.pk],
            **{
                label: counts.get((m.pk, periods[m.pk].key, state), 0)
                for label, state in (
                    ("accepted", SubmissionState.ACCEPTED),
                    ("pending", SubmissionState.SUBMITTED),
                    ("returned", SubmissionState.RETURNED),
                )
            },
        )
        for m in memberships
    ]

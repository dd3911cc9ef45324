"""A movement's status as a workflow: the officers of the launching unit, or of a unit above
it, review it mid-way (sơ kết), resume it after a review, and sum it up at the end (tổng
kết), which closes it for good. Summing up before the movement's last day must be
explained; a note may go with every action."""

from django.utils import timezone

from thidua.accounts.models import Role
from thidua.movements.models import MovementAction, MovementStatus
from thidua.workflow.engine import Refused, Step, Workflow, register

S, A = MovementStatus, MovementAction
# The officers of the launching unit (the workflow's unit) or of a unit above it; council
# members and leaders only read.
OFFICERS = (Role.OFFICER,)


def _explained_if_early(move) -> None:
    """Closing before the period is over is an exception, so it says why."""
    ends_on = move.obj.ends_on
    if not move.reason and timezone.localdate() < ends_on:
        raise Refused(f"Phong trào kéo dài đến ngày {ends_on:%d/%m/%Y}; cần ghi lý do để "
                      f"«{A.CLOSE.label}» sớm.", code="reason")  # fmt: skip


MOVEMENT = register(
    Workflow(
        name="movement", model="movements.Movement", field="status", states=MovementStatus,
        unit=lambda movement: movement.launched_by, noun="phong trào",
        related=("launched_by",),
        steps={
            A.REVIEW: Step(str(A.REVIEW.label), (S.ACTIVE,), S.REVIEWED, roles=OFFICERS),
            A.RESUME: Step(str(A.RESUME.label), (S.REVIEWED,), S.ACTIVE, roles=OFFICERS),
            A.CLOSE: Step(str(A.CLOSE.label), (S.ACTIVE, S.REVIEWED), S.CLOSED, roles=OFFICERS,
                          guards=(_explained_if_early,)),
        },
    )
)  # fmt: skip

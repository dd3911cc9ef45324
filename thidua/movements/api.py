import datetime

from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from thidua.core.api_errors import errors
from thidua.core.api_pagination import BoundedPageNumberPagination
from thidua.movements import selectors
from thidua.movements.models import MovementAction, MovementStatus
from thidua.workflow.engine import Refused, allowed_actions, history, transition

router = Router(tags=["Phong trào thi đua"])


class DriveOut(Schema):
    id: int
    name: str
    starts_on: datetime.date
    ends_on: datetime.date
    anniversary: str


class StatusChangeOut(Schema):
    """One row of the transition ledger: a review, a resumption or the summing-up."""

    action: MovementAction
    from_status: MovementStatus = Field(alias="from_state")
    to_status: MovementStatus = Field(alias="to_state")
    by_name: str = Field(alias="actor_name")
    at: datetime.datetime
    reason: str


class MovementOut(Schema):
    id: int
    name: str
    launched_by_id: int
    launched_by_name: str = Field(alias="launched_by.name")
    starts_on: datetime.date
    ends_on: datetime.date
    theme: str
    method: str
    follower_id: int | None
    status: MovementStatus


class MovementDetailOut(MovementOut):
    drives: list[DriveOut] = Field(alias="drive_list")
    status_changes: list[StatusChangeOut] = Field(alias="changes_list")
    actions: list[MovementAction] = Field(
        alias="action_list", description="Các thao tác người gọi được thực hiện lúc này"
    )


class TransitionIn(Schema):
    action: MovementAction
    reason: str = Field("", max_length=2000)


@router.get("/movements", response=list[MovementOut])
@paginate(BoundedPageNumberPagination, page_size=50)
def list_movements(request, q: str = "", status: MovementStatus | None = None):
    return selectors.movement_list(request.user, q=q, status=status or "")


def _detail(request, movement):
    movement.drive_list = list(movement.drives.all())
    movement.changes_list = history(movement)
    movement.action_list = [name for name, _ in allowed_actions(request.user, movement)]
    return movement


@router.get("/movements/{movement_id}", response=MovementDetailOut)
def get_movement(request, movement_id: int):
    return _detail(request, selectors.get_movement_for(request.user, movement_id))


@router.post("/movements/{movement_id}/transitions",
             response={200: MovementDetailOut, **errors(403, 409)})  # fmt: skip
def move_movement(request, movement_id: int, payload: TransitionIn):
    """Review (sơ kết), resume or close (tổng kết) a movement. Answers 403 when the caller
    is not an officer of the launching unit or above, 409 with the reason when its status
    does not allow the action or closing early comes without a reason."""
    movement = selectors.get_movement_for(request.user, movement_id)
    try:
        movement = transition(movement, payload.action, by=request.user, reason=payload.reason)
    except Refused as error:
        raise HttpError(error.status, " ".join(error.messages)) from error
    return _detail(request, selectors.get_movement_for(request.user, movement.pk))

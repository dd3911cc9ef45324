import datetime

from ninja import Field, Router, Schema
from ninja.pagination import paginate

from thidua.core.api_pagination import BoundedPageNumberPagination
from thidua.movements import selectors
from thidua.movements.models import MovementStatus

router = Router(tags=["Phong trào thi đua"])


class DriveOut(Schema):
    id: int
    name: str
    starts_on: datetime.date
    ends_on: datetime.date
    anniversary: str


class MovementOut(Schema):
    id: int
    name: str
    launched_by_id: int
    launched_by_name: str = Field(alias="launched_by.name")
    starts_on: datetime.date
    ends_on: datetime.date
    theme: str
    follower_id: int | None
    status: MovementStatus


class MovementDetailOut(MovementOut):
    drives: list[DriveOut] = Field(alias="drive_list")


@router.get("/movements", response=list[MovementOut])
@paginate(BoundedPageNumberPagination, page_size=50)
def list_movements(request, q: str = "", status: MovementStatus | None = None):
    return selectors.movement_list(request.user, q=q, status=status or "")


@router.get("/movements/{movement_id}", response=MovementDetailOut)
def get_movement(request, movement_id: int):
    movement = selectors.get_movement_for(request.user, movement_id)
    movement.drive_list = list(movement.drives.all())
    return movement

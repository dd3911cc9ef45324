"""Inspections in the API, read through the pages' selectors (the inspecting unit and the
inspected one see it, a sibling gets 404), and a fix's transitions."""

import datetime

from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from thidua.core.api_errors import errors
from thidua.core.api_pagination import BoundedPageNumberPagination
from thidua.inspections import selectors
from thidua.inspections.models import FixAction, FixState, InspectionState
from thidua.workflow.engine import Refused, transition

router = Router(tags=["Kiểm tra công tác thi đua, khen thưởng"])


class InspectionOut(Schema):
    id: int
    by_unit_id: int
    unit_id: int
    year: int
    planned_on: datetime.date
    inspectors: str
    state: InspectionState
    concluded_on: datetime.date | None


class ItemOut(Schema):
    id: int
    text: str
    met: bool | None
    finding: str


class FixOut(Schema):
    id: int
    text: str
    due_on: datetime.date
    state: FixState
    report: str
    delivered_on: datetime.date | None


class InspectionDetailOut(InspectionOut):
    conclusion: str
    items: list[ItemOut]
    fixes: list[FixOut]


class FixTransitionIn(Schema):
    action: FixAction
    reason: str = ""
    report: str = ""


@router.get("/inspections", response=list[InspectionOut])
@paginate(BoundedPageNumberPagination, page_size=50)
def list_inspections(request, unit_id: int | None = None):
    found = selectors.visible_inspections(request.user)
    if unit_id is not None:
        found = found.filter(unit_id=unit_id)
    return found.order_by("-planned_on", "-pk")


@router.get("/inspections/{inspection_id}", response=InspectionDetailOut)
def get_inspection(request, inspection_id: int):
    inspection = selectors.get_inspection_for(request.user, inspection_id)
    return {
        **InspectionOut.from_orm(inspection).dict(),
        "conclusion": inspection.conclusion,
        "items": list(inspection.items.all()),
        "fixes": list(inspection.fixes.all()),
    }


@router.post("/inspections/{inspection_id}/fixes/{fix_id}/transitions",
             response={200: FixOut, **errors(403, 409)})  # fmt: skip
def move_fix(request, inspection_id: int, fix_id: int, payload: FixTransitionIn):
    """Report a fix done (the inspected unit's officers, with what was done), accept it or
    return it with a reason (the inspecting unit's officers)."""
    inspection = selectors.get_inspection_for(request.user, inspection_id)
    fix = inspection.fixes.filter(pk=fix_id).first()
    if fix is None:
        raise HttpError(404, "Không tìm thấy yêu cầu khắc phục.")
    try:
        return transition(fix, payload.action, by=request.user, reason=payload.reason[:2000],
                          data={"report": payload.report[:5000]})  # fmt: skip
    except Refused as error:
        raise HttpError(error.status, " ".join(error.messages)) from error

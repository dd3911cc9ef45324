"""JSON endpoints of conferences, delegates, findings, quotas and check-in; scoped like the
pages (404 outside the user's units, 403 for non-officers)."""

import datetime

from django.core.exceptions import ValidationError
from ninja import Field as SchemaField
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from thidua.conferences import delegates as delegate_services
from thidua.conferences import selectors
from thidua.conferences.checks import check_conference
from thidua.conferences.enums import (
    ConferenceKind,
    ConferenceStatus,
    DelegateCategory,
    DelegateStatus,
)
from thidua.core.api_errors import errors
from thidua.core.api_pagination import BoundedPageNumberPagination
from thidua.units.scope import is_officer
from thidua.workflow.engine import Refused

router = Router(tags=["Hội nghị điển hình tiên tiến"])


class ConferenceOut(Schema):
    id: int
    unit_id: int
    unit_name: str = SchemaField(alias="unit.name")
    plan_id: int | None
    rule_set_id: int | None
    kind: ConferenceKind
    form: str
    name: str
    edition: int
    period_start: int
    period_end: int
    held_on: datetime.date | None
    starts_at: datetime.time | None
    venue: str
    is_pilot: bool
    status: ConferenceStatus
    feeds_id: int | None


class FindingOut(Schema):
    severity: str
    rule: str
    message: str


class DelegateOut(Schema):
    id: int
    full_name: str
    category: DelegateCategory
    gender: str
    birth_year: int | None
    ethnicity: str
    position: str
    origin_unit_id: int | None
    is_direct_labourer: bool
    is_presidium: bool
    is_speaker: bool
    is_honouree: bool
    to_upper: bool
    status: DelegateStatus
    exemplar_id: int | None


class DelegateIn(Schema):
    full_name: str = SchemaField(max_length=255)
    category: DelegateCategory
    gender: str = SchemaField("", pattern="^(|male|female)$")
    birth_year: int | None = SchemaField(None, ge=1900, le=2100)
    ethnicity: str = SchemaField("", max_length=60)
    position: str = SchemaField("", max_length=255)
    is_direct_labourer: bool = False
    is_presidium: bool = False
    to_upper: bool = False


class QuotaOut(Schema):
    unit_id: int
    unit_name: str
    quota: int
    sent: int
    gap: int
    women: int
    direct_labourers: int
    exemplary: int


class CheckInIn(Schema):
    token: str = SchemaField(max_length=64)


def _managed(user, pk):
    conference = selectors.own_conference_for(user, pk)
    if not is_officer(user, conference.unit):
        raise HttpError(403, "Chỉ cán bộ của đơn vị tổ chức được thay đổi hội nghị.")
    return conference


@router.get("/conferences", response=list[ConferenceOut])
@paginate(BoundedPageNumberPagination, page_size=50)
def list_conferences(request, status: ConferenceStatus | None = None):
    found = selectors.visible_conferences(request.user).select_related("unit")
    if status:
        found = found.filter(status=status)
    return found.order_by("-period_start", "unit__sort_name", "pk")


@router.get("/conferences/{conference_id}", response=ConferenceOut)
def get_conference(request, conference_id: int):
    return selectors.get_conference_for(request.user, conference_id)


@router.get("/conferences/{conference_id}/findings", response=list[FindingOut])
def findings(request, conference_id: int, exemplary: int = 0, guest: int = 0):
    """The rule findings; `exemplary` and `guest` add (or, negative, remove) delegates
    hypothetically, without saving."""
    conference = selectors.own_conference_for(request.user, conference_id)
    adjust = {k: v for k, v in {"exemplary": exemplary, "guest": guest}.items() if v}
    return [f.as_dict() for f in check_conference(conference, adjust=adjust or None)]


@router.get("/conferences/{conference_id}/delegates", response=list[DelegateOut])
@paginate(BoundedPageNumberPagination, page_size=100)
def list_delegates(request, conference_id: int, category: DelegateCategory | None = None):
    conference = selectors.own_conference_for(request.user, conference_id)
    return selectors.delegate_list(conference, category=category or "")


@router.post("/conferences/{conference_id}/delegates",
             response={200: DelegateOut, **errors(403, 409)})  # fmt: skip
def add_delegate(request, conference_id: int, payload: DelegateIn):
    conference = _managed(request.user, conference_id)
    try:
        return delegate_services.add_delegate(
            actor=request.user, conference=conference, **payload.dict()
        )
    except ValidationError as error:
        raise HttpError(409, " ".join(error.messages)) from error


@router.get("/conferences/{conference_id}/quotas",
            response={200: list[QuotaOut], **errors(403)})  # fmt: skip
def quotas(request, conference_id: int):
    """Per allotted lower unit: quota, delegates sent, gap (+ over, − under), composition."""
    conference = _managed(request.user, conference_id)
    return [
        {
            "unit_id": row["quota"].unit_id,
            "unit_name": row["quota"].unit.name,
            "quota": row["quota"].number,
            "sent": row["n"],
            "gap": row["gap"],
            "women": row["women"],
            "direct_labourers": row["direct"],
            "exemplary": row["exemplary"],
        }
        for row in selectors.rollup(conference)
    ]


@router.post("/conferences/{conference_id}/check-ins",
             response={200: DelegateOut, **errors(403, 409)})  # fmt: skip
def check_in(request, conference_id: int, payload: CheckInIn):
    """Check a delegate in by the token of their QR code or the short code printed under
    it (the delegate workflow says who may: the officers of the conference's unit)."""
    conference = selectors.own_conference_for(request.user, conference_id)
    try:
        return delegate_services.check_in(
            actor=request.user, conference=conference, token=payload.token
        )
    except Refused as error:
        raise HttpError(error.status, " ".join(error.messages)) from error
    except ValidationError as error:
        raise HttpError(409, " ".join(error.messages)) from error

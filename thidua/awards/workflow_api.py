"""Nominations, council votes and decisions over the API, scoped like the pages: the
nominating unit and the units above see a nomination; the holding unit's officers act on
it; council members vote through it on their own account."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from ninja import Field, File, Form, Router, Schema, UploadedFile
from ninja.errors import HttpError
from ninja.pagination import paginate

from thidua.awards import council, decisions, dossier, nominations
from thidua.awards.models import Award, Choice, DocumentKind, NominationAction, NominationState
from thidua.core.api_errors import errors
from thidua.core.api_pagination import BoundedPageNumberPagination
from thidua.exemplars.permissions import can_add_subject
from thidua.exemplars.selectors import get_subject_for
from thidua.units.selectors import get_unit_for
from thidua.workflow.engine import Refused, allowed_actions, transition

router = Router(tags=["Đề nghị, hội đồng, quyết định khen thưởng"])


class NominationOut(Schema):
    id: int
    subject_id: int
    subject_name: str = Field(alias="subject.name")
    award_code: str = Field(alias="award.code")
    year: int
    unit_id: int
    state: NominationState
    at_unit_id: int | None
    deciding_unit_id: int | None
    reason: str


class DossierFileOut(Schema):
    id: int
    kind: DocumentKind
    name: str = Field(alias="original_name")
    uploaded_at: datetime.datetime


class NominationDetailOut(NominationOut):
    actions: list[str] = Field(alias="actions_list", description="Thao tác được làm lúc này")
    files: list[DossierFileOut] = Field(alias="files_list", description="Tài liệu hồ sơ")
    missing: list[DocumentKind] = Field(alias="missing_list",
                                        description="Tài liệu bắt buộc còn thiếu")  # fmt: skip


class NominationIn(Schema):
    subject_id: int
    award: str = Field(description="Mã trong danh mục, ví dụ ldtt")
    year: int = Field(ge=1945, le=2100)


class TransitionIn(Schema):
    action: NominationAction
    reason: str = Field("", max_length=2000)


def _detail(user, nomination):
    nomination.actions_list = [name for name, _step in allowed_actions(user, nomination)
                               if name != NominationAction.DECIDE]  # fmt: skip
    nomination.files_list = list(nomination.files.all())
    nomination.missing_list = dossier.missing_kinds(nomination)
    return nomination


@router.get("/nominations", response=list[NominationOut])
@paginate(BoundedPageNumberPagination, page_size=50)
def list_nominations(request, state: NominationState | None = None, year: int | None = None,
                     waiting: bool = False):  # fmt: skip
    """The nominations of the caller's units, or (`waiting`) those waiting for them."""
    rows = (
        nominations.inbox(request.user)
        if waiting
        else nominations.visible_nominations(request.user)
    )
    rows = rows.filter(state=state) if state else rows
    rows = rows.filter(year=year) if year else rows
    return rows.select_related("subject", "award").order_by("-created_at", "-pk")


@router.get("/nominations/{nomination_id}", response=NominationDetailOut)
def get_nomination(request, nomination_id: int):
    return _detail(request.user, nominations.get_nomination_for(request.user, nomination_id))


@router.post(
    "/units/{unit_id}/nominations", response={201: NominationDetailOut, **errors(403, 409)}
)
def create_nomination(request, unit_id: int, payload: NominationIn):
    """A draft nomination by the unit's officers; 409 when the subject may not be nominated
    (another standing nomination, an award already held, a kind the award is not for)."""
    unit = get_unit_for(request.user, unit_id)
    if not can_add_subject(request.user, unit):
        raise HttpError(403, "Chỉ cán bộ của đơn vị được lập đề nghị.")
    subject = get_subject_for(request.user, payload.subject_id)
    award = Award.objects.filter(code=payload.award).first()
    if award is None:
        raise HttpError(409, f"Không có «{payload.award}» trong danh mục.")
    try:
        nomination = nominations.create_nomination(actor=request.user, unit=unit, subject=subject,
                                                   award=award, year=payload.year)  # fmt: skip
    except ValidationError as error:
        raise HttpError(409, " ".join(error.messages)) from error
    return 201, _detail(request.user, nomination)


@router.post("/nominations/{nomination_id}/transitions",
             response={200: NominationDetailOut, **errors(403, 409)})  # fmt: skip
def move_nomination(request, nomination_id: int, payload: TransitionIn):
    """Any action of the nomination workflow: 403 for the role, 409 with the reason for the
    state or a rule."""
    nomination = nominations.get_nomination_for(request.user, nomination_id)
    try:
        transition(nomination, payload.action, by=request.user, reason=payload.reason)
    except Refused as error:
        raise HttpError(error.status, " ".join(error.messages)) from error
    return _detail(request.user, nominations.get_nomination_for(request.user, nomination_id))


@router.post("/nominations/{nomination_id}/files",
             response={201: DossierFileOut, **errors(403, 409)})  # fmt: skip
def attach_dossier_file(request, nomination_id: int, kind: Form[DocumentKind],
                        file: File[UploadedFile]):  # fmt: skip
    """Attach a file of `kind` to the dossier (multipart): the holding unit's officers only
    (403); a file refused by its content, type or size is 409 with the reason."""
    nomination = nominations.get_nomination_for(request.user, nomination_id)
    try:
        (row,) = dossier.attach_file(actor=request.user, nominations=[nomination], kind=kind,
                                     upload=file)  # fmt: skip
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from error
    except ValidationError as error:
        raise HttpError(409, " ".join(error.messages)) from error
    return 201, row


class ItemOut(Schema):
    id: int
    nomination_id: int
    voters: int
    votes_for: int
    votes_against: int
    abstain: int
    passing: bool
    my_vote: str


class MeetingOut(Schema):
    id: int
    unit_id: int
    held_on: datetime.date
    state: str
    present: int
    members: int
    quorum: bool
    items: list[ItemOut]


class VoteIn(Schema):
    item_id: int
    choice: Choice
    member_id: int | None = Field(None, description="Thư ký ghi phiếu của thành viên này")


def _meeting(user, meeting):
    present, total, met = council.quorum(meeting)
    items = []
    for item in meeting.items.prefetch_related("recused", "votes"):
        tally = council.tally(meeting, item)
        mine = next((v.choice for v in item.votes.all() if v.member_id == user.pk), "")
        items.append({
            "id": item.pk, "nomination_id": item.nomination_id, "voters": tally.voters,
            "votes_for": tally.yes, "votes_against": tally.no, "abstain": tally.abstain,
            "passing": tally.passed, "my_vote": mine,
        })  # fmt: skip
    return {"id": meeting.pk, "unit_id": meeting.unit_id, "held_on": meeting.held_on,
            "state": meeting.state, "present": present, "members": total, "quorum": met,
            "items": items}  # fmt: skip


@router.get("/meetings/{meeting_id}", response=MeetingOut)
def get_meeting(request, meeting_id: int):
    return _meeting(request.user, council.get_meeting_for(request.user, meeting_id))


@router.post("/meetings/{meeting_id}/votes", response={200: MeetingOut, **errors(403, 409)})
def vote(request, meeting_id: int, payload: list[VoteIn]):
    """Council members vote on their own account; the secretary (an officer of the unit) may
    give `member_id`. Absent and recused members' votes are not recorded."""
    meeting = council.get_meeting_for(request.user, meeting_id)
    secretary = council.is_secretary(request.user, meeting)
    if not secretary and not meeting.seats.filter(member=request.user).exists():
        raise HttpError(403, "Chỉ thư ký và thành viên hội đồng được ghi phiếu.")
    votes = {(v.item_id, v.member_id if secretary and v.member_id else request.user.pk): v.choice
             for v in payload}  # fmt: skip
    try:
        council.record_votes(actor=request.user, meeting=meeting, presence={}, recusals={},
                             votes=votes)  # fmt: skip
    except ValidationError as error:
        raise HttpError(409, " ".join(error.messages)) from error
    return _meeting(request.user, meeting)


class LineOut(Schema):
    nomination_id: int
    subject_name: str = Field(alias="nomination.subject.name")
    amount: int | None


class DecisionOut(Schema):
    id: int
    issuer_id: int
    reference: str
    state: str
    signed_on: datetime.date
    summary: str
    lines: list[LineOut] = Field(alias="lines_list")


@router.get("/decisions/{decision_id}", response=DecisionOut)
def get_decision(request, decision_id: int):
    decision = decisions.get_decision_for(request.user, decision_id)
    decision.lines_list = list(decision.lines.select_related("nomination__subject"))
    return decision

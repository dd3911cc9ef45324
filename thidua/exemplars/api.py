"""JSON endpoints of subjects and exemplars, scoped like the pages."""

import datetime

from ninja import Field as SchemaField
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from thidua.core.api_errors import errors
from thidua.core.api_pagination import BoundedPageNumberPagination
from thidua.exemplars import selectors
from thidua.exemplars.enums import RecognitionLevel, Stage, StageAction, SubjectKind
from thidua.exemplars.models import Field
from thidua.movements.selectors import get_movement_for
from thidua.workflow.engine import Refused, history, transition

router = Router(tags=["Điển hình tiên tiến"])


class SubjectOut(Schema):
    id: int
    kind: SubjectKind
    name: str
    unit_id: int
    gender: str
    birth_year: int | None
    ethnicity: str
    occupation: str
    is_direct_labourer: bool
    position: str
    leadership: str
    collective_kind: str
    size: int | None


class StageChangeOut(Schema):
    """One row of the transition ledger, under the names this API has always used."""

    action: StageAction
    from_stage: Stage = SchemaField(alias="from_state")
    to_stage: Stage = SchemaField(alias="to_state")
    by_name: str = SchemaField(alias="actor_name")
    at: datetime.datetime
    reason: str


class ExemplarOut(Schema):
    id: int
    subject: SubjectOut
    unit_id: int
    unit_name: str = SchemaField(alias="unit.name")
    title: str
    field: str = SchemaField(alias="field.code")
    field_name: str = SchemaField(alias="field.name")
    achievements: str
    year_from: int
    year_to: int | None
    stage: Stage
    stage_label: str = SchemaField(alias="get_stage_display")


class ExemplarDetailOut(ExemplarOut):
    stage_changes: list[StageChangeOut] = SchemaField(alias="changes_list")
    replication_count: int


class ExemplarFilters(Schema):
    q: str = SchemaField("", description="Tên đối tượng hoặc mô hình; không phân biệt dấu")
    stage: Stage | None = None
    field: str | None = SchemaField(None, description="Mã lĩnh vực, ví dụ agriculture")
    kind: SubjectKind | None = None
    year: int | None = SchemaField(None, ge=1900, le=2100)
    movement: int | None = SchemaField(None, description="Số hiệu phong trào")


class RecognitionIn(Schema):
    level: RecognitionLevel
    occasion: str = SchemaField(..., min_length=1, max_length=255)
    on: datetime.date
    decision: str = SchemaField("", max_length=100, description="Số quyết định công nhận")


class TransitionIn(Schema):
    action: StageAction
    reason: str = SchemaField("", max_length=2000)
    recognition: RecognitionIn | None = SchemaField(
        None, description="Bắt buộc với «recognise»: lần công nhận được ghi cùng bước này"
    )


@router.get("/exemplars", response={200: list[ExemplarOut], **errors(404)})  # movement
@paginate(BoundedPageNumberPagination, page_size=50)
def list_exemplars(request, filters: Query[ExemplarFilters]):
    field = Field.objects.filter(code=filters.field).first() if filters.field else None
    if filters.field and field is None:
        return selectors.visible_exemplars(request.user).none()
    movement = get_movement_for(request.user, filters.movement) if filters.movement else None
    return selectors.exemplar_list(
        request.user, q=filters.q, stage=filters.stage or "", field=field,
        kind=filters.kind or "", year=filters.year, movement=movement,
    )  # fmt: skip


def _detail(exemplar):
    exemplar.changes_list = list(history(exemplar))
    exemplar.replication_count = exemplar.replications.count()
    return exemplar


@router.get("/exemplars/{exemplar_id}", response=ExemplarDetailOut)
def get_exemplar(request, exemplar_id: int):
    return _detail(selectors.get_exemplar_for(request.user, exemplar_id))


@router.post("/exemplars/{exemplar_id}/transitions",
             response={200: ExemplarDetailOut, **errors(403, 409)})  # fmt: skip
def move_exemplar(request, exemplar_id: int, payload: TransitionIn):
    """Apply a stage action (nurture, recognise, replicate, decline, withdraw, reopen).
    Answers 409 with the reason when the transition table does not allow it."""
    exemplar = selectors.get_exemplar_for(request.user, exemplar_id)
    try:
        data = payload.recognition.dict() if payload.recognition else None
        exemplar = transition(exemplar, payload.action, by=request.user, reason=payload.reason,
                              data=data)  # fmt: skip
    except Refused as error:
        raise HttpError(error.status, " ".join(error.messages)) from error
    return _detail(selectors.get_exemplar_for(request.user, exemplar.pk))


@router.get("/subjects", response=list[SubjectOut])
@paginate(BoundedPageNumberPagination, page_size=50)
def list_subjects(request, q: str = "", kind: SubjectKind | None = None):
    return selectors.subject_list(request.user, q=q, kind=kind or "")


@router.get("/subjects/{subject_id}", response=SubjectOut)
def get_subject(request, subject_id: int):
    return selectors.get_subject_for(request.user, subject_id)

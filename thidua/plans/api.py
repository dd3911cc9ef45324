"""JSON endpoints of plans, milestones, obligations, deliveries and the reading of plan
documents; scoped like the pages (404 outside the user's units, 403 for non-officers)."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field as SchemaField
from ninja import File, Form, Query, Router, Schema, Status, UploadedFile
from ninja.errors import HttpError
from ninja.pagination import paginate

from thidua.core.api_errors import errors
from thidua.core.api_pagination import BoundedPageNumberPagination
from thidua.core.jobs import check_alive
from thidua.plans import reading, selectors
from thidua.plans.models import (
    Deliverable,
    ObligationState,
    Plan,
    PlanKind,
    PlanReading,
    PlanStatus,
)
from thidua.units.scope import is_officer
from thidua.units.selectors import get_unit_for
from thidua.workflow.engine import Refused, transition

router = Router(tags=["Kế hoạch và tiến độ"])


class MilestoneOut(Schema):
    id: int
    title: str
    deliverable: Deliverable
    window_start: datetime.date | None
    due_on: datetime.date
    source_sentence: str
    owing_units: int = SchemaField(alias="n_units")


class RuleSetOut(Schema):
    id: int
    name: str
    kinds: list[str]
    level: str
    min_size: int | None
    max_size: int | None
    allowed_forms: list[str]
    window_start: datetime.date | None
    window_end: datetime.date
    length: str
    delegate_cap: int | None
    plenary_below: int | None
    exemplary_share_pct: int | None
    share_tolerance_pct: int
    representation: list[str]
    presidium_min: int | None
    presidium_max: int | None
    pilot_deadline: datetime.date | None
    pilot_needs_appraisal: bool
    dossier_documents: list[str]
    dossier_deadline: datetime.date | None


class PlanOut(Schema):
    id: int
    doc_type: str
    symbol: str
    issued_on: datetime.date | None
    issuer_id: int
    issuer_name: str = SchemaField(alias="issuer.name")
    document_issuer: str = SchemaField(
        alias="issuer_name", description="the issuing body as the document names it"
    )
    title: str
    kind: PlanKind
    status: PlanStatus
    implements_id: int | None
    outside_basis: str


class PlanDetailOut(PlanOut):
    milestones: list[MilestoneOut] = SchemaField(alias="milestone_list")
    rule_sets: list[RuleSetOut] = SchemaField(alias="rule_set_list")
    counts: dict[str, int] | None
    extracted: dict


class ObligationOut(Schema):
    id: int
    plan_id: int = SchemaField(alias="milestone.plan_id")
    milestone_id: int
    milestone_title: str = SchemaField(alias="milestone.title")
    due_on: datetime.date = SchemaField(alias="milestone.due_on")
    unit_id: int
    unit_name: str = SchemaField(alias="unit.name")
    state: ObligationState
    status: str = SchemaField(description="pending, overdue, on_time, late, returned")
    delivered_on: datetime.date | None
    linked_plan_id: int | None
    note: str
    reason: str
    files: list[str]

    @staticmethod
    def resolve_files(obligation) -> list[str]:
        return [delivered.original_name for delivered in obligation.files.all()]


class ExtractionOut(Schema):
    doc_type: str | None
    symbol: str | None
    issued_on: str | None
    issuer: str | None
    title: str | None
    basis: list[str]
    deadlines: list[str]
    delegate_caps: list[int]
    plenary_below: list[int]
    exemplary_share_pct: int | None
    exemplar_quotas: list[dict]


class DecisionIn(Schema):
    action: str = SchemaField(pattern="^(accept|return)$")
    reason: str = SchemaField("", max_length=2000)


def _detail(user, pk: int) -> Plan:
    plan = selectors.get_plan_for(user, pk)
    plan.milestone_list = list(selectors.milestones_with_counts(plan))
    plan.rule_set_list = list(plan.rule_sets.order_by("pk"))
    today = timezone.localdate()
    plan.counts = (
        selectors.board_counts(plan, today, user) if plan.status != PlanStatus.DRAFT else None
    )
    return plan


def _obligation(user, pk: int):
    obligation = selectors.get_obligation_for(user, pk)
    obligation.status = selectors.status_of(obligation, timezone.localdate())
    return obligation


def _refuse(error: ValidationError, code: int = 409):
    return HttpError(code, " ".join(error.messages))


@router.get("/plans", response=list[PlanOut])
@paginate(BoundedPageNumberPagination, page_size=50)
def list_plans(request, status: PlanStatus | None = None, kind: PlanKind | None = None):
    plans = selectors.visible_plans(request.user).select_related("issuer")
    if status:
        plans = plans.filter(status=status)
    if kind:
        plans = plans.filter(kind=kind)
    return plans.order_by("-created_at", "-pk")


@router.get("/plans/{plan_id}", response=PlanDetailOut)
def get_plan(request, plan_id: int):
    return _detail(request.user, plan_id)


@router.post("/plans/{plan_id}/issue", response={200: PlanDetailOut, **errors(403, 409)})
def issue(request, plan_id: int):
    """Issue a draft: one obligation per owing unit of each milestone (the issuer's
    officers; 409 with the reason when the plan's status or content refuses it)."""
    plan = selectors.get_plan_for(request.user, plan_id)
    try:
        transition(plan, "issue", by=request.user)
    except Refused as error:
        raise _refuse(error, error.status) from error
    return _detail(request.user, plan_id)


@router.get("/plans/{plan_id}/milestones", response=list[MilestoneOut])
def list_milestones(request, plan_id: int):
    return selectors.milestones_with_counts(selectors.get_plan_for(request.user, plan_id))


class ObligationFilters(Schema):
    status: str = SchemaField("", pattern="^(|pending|overdue|on_time|late|returned)$")


@router.get("/plans/{plan_id}/obligations", response=list[ObligationOut])
@paginate(BoundedPageNumberPagination, page_size=100)
def plan_obligations(request, plan_id: int, filters: Query[ObligationFilters]):
    plan = selectors.get_plan_for(request.user, plan_id)
    found = selectors.obligations_for(request.user, plan, timezone.localdate(),
                                      status=filters.status)  # fmt: skip
    return found.prefetch_related("files")


@router.get("/obligations", response=list[ObligationOut])
@paginate(BoundedPageNumberPagination, page_size=100)
def my_obligations(request, filters: Query[ObligationFilters]):
    """What the user's units owe under issued plans, soonest due first."""
    found = selectors.my_obligations(request.user, timezone.localdate(), status=filters.status)
    return found.prefetch_related("files")


@router.get("/obligations/{obligation_id}", response=ObligationOut)
def get_obligation(request, obligation_id: int):
    return _obligation(request.user, obligation_id)


@router.post(
    "/obligations/{obligation_id}/deliveries", response={200: ObligationOut, **errors(403, 409)}
)
def deliver(
    request, obligation_id: int, note: Form[str] = "", linked_plan_id: Form[int | None] = None,
    files: File[list[UploadedFile]] = None,
):  # fmt: skip
    """Deliver (multipart): files, the unit's own plan, or both (the owing unit's officers).
    400 names a refused file; 409 when the obligation or its plan takes no delivery now."""
    obligation = selectors.get_obligation_for(request.user, obligation_id)
    linked = None
    if linked_plan_id is not None:
        linked = selectors.get_plan_for(request.user, linked_plan_id)
    data = {"note": note[:2000], "linked_plan": linked, "files": files or []}
    try:
        transition(obligation, "deliver", by=request.user, data=data)
    except Refused as error:
        files_refused = "files" in getattr(error, "error_dict", {})
        raise _refuse(error, 400 if files_refused else error.status) from error
    return _obligation(request.user, obligation_id)


@router.post(
    "/obligations/{obligation_id}/decisions", response={200: ObligationOut, **errors(403, 409)}
)
def decide(request, obligation_id: int, payload: DecisionIn):
    """The issuer's officers accept a delivery or return it with a reason."""
    obligation = selectors.get_obligation_for(request.user, obligation_id)
    try:
        transition(obligation, payload.action, by=request.user, reason=payload.reason)
    except Refused as error:
        raise _refuse(error, error.status) from error
    return _obligation(request.user, obligation_id)


class ReadingOut(Schema):
    id: int
    state: str = SchemaField(description="queued, running, done, invalid, failed")
    stage: str = SchemaField(
        description="Khi đang chạy: reading (đọc tệp), extracting (tìm thông tin)"
    )
    error: str = SchemaField(description="Lý do văn bản bị từ chối hoặc việc bị lỗi")
    unit_id: int | None = SchemaField(alias="issuer_id")
    plan_id: int | None = SchemaField(description="Bản nháp kế hoạch, khi đã đọc xong")
    facts: ExtractionOut | None = SchemaField(description="Thông tin đọc được, khi đã đọc xong")
    url: str

    @staticmethod
    def resolve_url(job) -> str:
        return f"/api/v1/plan-readings/{job.pk}"


def _start_reading(request, file: UploadedFile, issuer=None):
    try:
        job = reading.start_reading(user=request.user, upload=file, issuer=issuer)
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from error
    except ValidationError as error:
        raise _refuse(error, 400) from error
    job.refresh_from_db()  # the immediate backend may have read it already
    return Status(202, job)


@router.post("/plan-documents/extract", response={202: ReadingOut, **errors(403)})
def extract_plan(request, file: File[UploadedFile]):
    """Read a plan document (.docx, .pdf with text, .txt), officers only. Answers 202 with
    a reading job; poll its `url` until `state` is done: `facts` then holds the JSON of
    extract_plan --json. The file is deleted once read; nothing else is saved."""
    return _start_reading(request, file)


@router.post("/units/{unit_id}/plans/drafts", response={202: ReadingOut, **errors(403)})
def draft_from_document(request, unit_id: int, file: File[UploadedFile]):
    """Read a plan document into a draft plan of the unit, as the upload page does (the
    unit's officers). Answers 202 with a reading job; once done, `plan_id` is the draft."""
    unit = get_unit_for(request.user, unit_id)
    if not is_officer(request.user, unit):
        raise HttpError(403, "Chỉ cán bộ của đơn vị được lập kế hoạch.")
    return _start_reading(request, file, issuer=unit)


@router.get("/plan-readings/{reading_id}", response=ReadingOut)
def get_reading(request, reading_id: int):
    """A reading job started by the caller: its state, then its facts and draft."""
    job = get_object_or_404(PlanReading, pk=reading_id, user=request.user)
    return check_alive(job)

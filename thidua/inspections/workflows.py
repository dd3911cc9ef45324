"""Inspections and their fixes as workflows. An inspection: recorded as done by the
inspecting unit's officers once every checklist item has its finding, concluded with the
conclusion's text and day, reopened with a reason. A fix: reported done by the inspected
unit's officers (with what was done), accepted by the inspecting unit's officers or
returned with a reason, then reported again."""

from django.utils import timezone

from thidua.accounts.models import Role
from thidua.inspections.models import FixAction, FixState, InspectionAction, InspectionState
from thidua.units.scope import has_role
from thidua.workflow.engine import Refused, Step, Workflow, register

S, A, F, X = InspectionState, InspectionAction, FixState, FixAction
OFFICERS = (Role.OFFICER,)


def _every_item_found(move) -> None:
    missing = [i.text for i in move.obj.items.all() if i.met is None or not i.finding.strip()]
    if not move.obj.items.exists() or missing:
        first = f": «{missing[0]}»" if missing else ""
        raise Refused(f"Còn {len(missing) or 'các'} nội dung chưa ghi kết quả{first}.",
                      code="guard")  # fmt: skip


def _conclusion(move) -> None:
    text = (move.data.get("conclusion") or "").strip()
    if not text:
        raise Refused("Cần nội dung kết luận kiểm tra.", code="guard")
    move.obj.conclusion, move.obj.concluded_on = text, timezone.localdate()
    move.payload = {"conclusion": text[:500]}


def _not_the_inspectors(move) -> None:
    """The inspected unit reports its own fix: the inspectors, who accept it, may not
    (their role reaches the unit from above)."""
    by = move.by
    if by is not None and has_role(by, move.obj.inspection.by_unit.path, Role.OFFICER):
        raise Refused("Đơn vị được kiểm tra tự báo cáo kết quả khắc phục.", code="forbidden")


def _clear_conclusion(move) -> None:
    inspection = move.obj
    move.payload = {"conclusion": inspection.conclusion[:500]}
    inspection.conclusion, inspection.concluded_on = "", None


def _report(move) -> None:
    text = (move.data.get("report") or "").strip()
    if not text:
        raise Refused("Cần ghi kết quả đã khắc phục.", code="guard")
    move.obj.report, move.obj.delivered_on = text[:5000], timezone.localdate()
    move.payload = {"report": text[:500]}


INSPECTION = register(
    Workflow(
        name="inspection", model="inspections.Inspection", field="state",
        states=InspectionState, unit=lambda inspection: inspection.by_unit,
        noun="cuộc kiểm tra", related=("by_unit", "unit"),
        steps={
            A.RECORD: Step(str(A.RECORD.label), (S.PLANNED,), S.INSPECTED, roles=OFFICERS,
                           guards=(_every_item_found,)),
            A.CONCLUDE: Step(str(A.CONCLUDE.label), (S.INSPECTED,), S.CONCLUDED,
                             roles=OFFICERS, apply=_conclusion),
            A.REOPEN: Step(str(A.REOPEN.label), (S.INSPECTED, S.CONCLUDED), S.PLANNED,
                           roles=OFFICERS, reason=True, apply=_clear_conclusion),
        },
    )
)  # fmt: skip

FIX = register(
    Workflow(
        name="inspection_fix", model="inspections.Fix", field="state", states=FixState,
        unit=lambda fix: fix.inspection.unit, noun="yêu cầu khắc phục",
        related=("inspection__unit", "inspection__by_unit"),
        steps={
            X.DELIVER: Step(str(X.DELIVER.label), (F.PENDING, F.RETURNED), F.DELIVERED,
                            roles=OFFICERS, guards=(_not_the_inspectors,), apply=_report),
            X.ACCEPT: Step(str(X.ACCEPT.label), (F.DELIVERED,), F.ACCEPTED, roles=OFFICERS,
                           on=lambda fix: fix.inspection.by_unit),
            X.RETURN: Step(str(X.RETURN.label), (F.DELIVERED,), F.RETURNED, roles=OFFICERS,
                           on=lambda fix: fix.inspection.by_unit, reason=True),
        },
    )
)  # fmt: skip

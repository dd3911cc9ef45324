"""Writes to inspections (models.py), audited under the inspected unit (the trail of both
the inspected and the inspecting units shows them); the states move by the workflows."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from thidua.audit.models import Action
from thidua.audit.services import diff, record_event, snapshot
from thidua.core.files import discarded_on_failure
from thidua.core.text import clean_text
from thidua.documents.attachments import attach
from thidua.inspections.models import CheckItem, Fix, Inspection, InspectionState, ItemFile
from thidua.units.services import lock

CHECKLIST = json.loads((Path(__file__).parent / "checklist.json").read_text(encoding="utf-8"))
FIELDS = ["by_unit", "unit", "year", "planned_on", "inspectors"]


def _audit(actor, inspection, action, changes, note=""):
    record_event(actor=actor, action=action, target=inspection,
                 scope_path=inspection.unit.path, changes=changes, note=note[:255])  # fmt: skip


@transaction.atomic
def plan_inspection(*, actor, by_unit, unit, planned_on, inspectors: str) -> Inspection:
    """Plan the inspection of `unit` (below `by_unit`) on a day, with the default checklist
    (checklist.json) to edit."""
    if not 2000 <= planned_on.year <= 2100:
        raise ValidationError({"planned_on": "Ngày kiểm tra không hợp lệ."})
    if unit.pk == by_unit.pk or not unit.path.startswith(by_unit.path):
        raise ValidationError({"unit": "Chỉ kiểm tra đơn vị cấp dưới của đơn vị mình."})
    inspectors = " ".join(clean_text(inspectors or "").split())
    if not inspectors:
        raise ValidationError({"inspectors": "Cần ghi thành phần đoàn kiểm tra."})
    inspection = Inspection.objects.create(by_unit=by_unit, unit=unit, year=planned_on.year,
                                           planned_on=planned_on,
                                           inspectors=inspectors[:500])  # fmt: skip
    CheckItem.objects.bulk_create(
        CheckItem(inspection=inspection, position=n, text=text)
        for n, text in enumerate(CHECKLIST["items"], start=1)
    )
    _audit(actor, inspection, Action.CREATE, diff({}, snapshot(inspection, FIELDS)))
    return inspection


def _open(inspection) -> Inspection:
    inspection = lock(Inspection, inspection.pk, "Cuộc kiểm tra này vừa bị xóa.")
    if inspection.state != InspectionState.PLANNED:
        raise ValidationError("Cuộc kiểm tra đã ghi nhận; mở lại để sửa.")
    return inspection


@transaction.atomic
def record_findings(*, actor, inspection, findings: dict) -> int:
    """{item id: (met: "1"/"0"/"", finding text)} for the items of the inspection; items
    may be added with the key "new" as (text, met, finding). How many changed."""
    inspection = _open(inspection)
    changed = 0
    for item in inspection.items.all():
        met, text = findings.get(item.pk, ("", item.finding))
        value = {"1": True, "0": False}.get(str(met))
        text = clean_text(text or "").strip()[:5000]
        if (value, text) != (item.met, item.finding):
            item.met, item.finding = value, text
            item.save(update_fields=["met", "finding"])
            changed += 1
    if changed:
        _audit(actor, inspection, Action.UPDATE, {"findings": [None, changed]})
    return changed


@transaction.atomic
def add_item(*, actor, inspection, text: str) -> CheckItem:
    inspection = _open(inspection)
    text = " ".join(clean_text(text or "").split())
    if not text or len(text) > 500:
        raise ValidationError({"text": "Cần nội dung kiểm tra (tối đa 500 ký tự)."})
    item = CheckItem.objects.create(inspection=inspection, text=text,
                                    position=inspection.items.count() + 1)  # fmt: skip
    _audit(actor, inspection, Action.UPDATE, {"item": [None, text]})
    return item


@transaction.atomic
def request_fix(*, actor, inspection, text: str, due_on, item=None) -> Fix:
    """A fix the inspected unit owes by `due_on`, from a finding (or the conclusion)."""
    inspection = lock(Inspection, inspection.pk, "Cuộc kiểm tra này vừa bị xóa.")
    if inspection.state == InspectionState.PLANNED:
        raise ValidationError("Ghi kết quả kiểm tra trước khi yêu cầu khắc phục.")
    text = clean_text(text or "").strip()
    if not text or len(text) > 1000:
        raise ValidationError({"text": "Cần nội dung yêu cầu khắc phục (tối đa 1.000 ký tự)."})
    if due_on is None or due_on < timezone.localdate() or due_on.year > 2100:
        raise ValidationError({"due_on": "Hạn khắc phục phải từ hôm nay trở đi."})
    if item is not None and item.inspection_id != inspection.pk:
        raise ValidationError({"item": "Nội dung này không thuộc cuộc kiểm tra."})
    fix = Fix.objects.create(inspection=inspection, item=item, text=text, due_on=due_on)
    _audit(
        actor, inspection, Action.UPDATE, {"fix": [None, f"{text[:200]} (hạn {due_on:%d/%m/%Y})"]}
    )
    return fix


@transaction.atomic
def attach_item_file(*, actor, item: CheckItem, upload) -> ItemFile:
    """Evidence for an item's finding, while the inspection's results are recorded."""
    inspection = _open(item.inspection)
    with discarded_on_failure() as written:
        row = attach(ItemFile, upload=upload, already=item.files.count(), item=item)
        written.append(row.file.name)
        _audit(
            actor, inspection, Action.UPDATE, {f"minh chứng «{item.text[:80]}»": [None, row.name]}
        )
    return row

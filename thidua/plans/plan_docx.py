"""A plan as a Word document in the state format, written from what thidua holds of it, so
that the officer who drafted it here edits the prose and signs instead of retyping: the frame
(«KẾ HOẠCH», its summary, «Số:» with its own number once issued), the grounds (the plan it
implements, the other basis), the sections of sample plans 001–005 (I. Mục đích, yêu cầu;
II. Nội dung và tiến độ, the milestones as a table; III. Tổ chức thực hiện) and «Nơi nhận»:
the units it is addressed to."""

from thidua.documents.frame import TYPE_NAMES, frame_for, settings_of
from thidua.documents.frame_docx import CENTER, JUSTIFY, foot, head, new_document, para, run
from thidua.documents.frame_docx import saved as docx_bytes

COLUMNS = [("STT", 12), ("Nội dung", 70), ("Sản phẩm", 30), ("Đơn vị thực hiện", 30),
           ("Thời gian", 23)]  # fmt: skip
TO_FILL = "(Cán bộ soạn thảo bổ sung nội dung.)"
ADDRESSEES_LISTED = 30


def _reference(plan) -> str:
    """«Kế hoạch số 115/KH-UBND ngày 16/7/2025 của Ủy ban nhân dân tỉnh Thanh Hóa về …»."""
    kind = TYPE_NAMES.get(plan.doc_type, "KẾ HOẠCH").capitalize()
    number = f" số {plan.symbol}" if plan.symbol else ""
    day = f" ngày {plan.issued_on:%d/%m/%Y}" if plan.issued_on else ""
    about = plan.title[:1].lower() + plan.title[1:]
    return f"{kind}{number}{day} của {settings_of(plan.issuer)['issuer_name']} về {about}"


def _grounds(document, plan) -> None:
    basis = [_reference(plan.implements)] if plan.implements_id else []
    if plan.outside_basis:
        basis.append(plan.outside_basis)
    for line in basis:
        para(document, f"Căn cứ {line};", italic=True, align=JUSTIFY)
    kind = TYPE_NAMES.get(plan.doc_type, "KẾ HOẠCH").lower()
    about = plan.title[:1].lower() + plan.title[1:]
    para(document, f"{settings_of(plan.issuer)['issuer_name']} ban hành {kind} {about} như sau:",
         align=JUSTIFY)  # fmt: skip


def _when(milestone) -> str:
    due = f"{milestone.due_on:%d/%m/%Y}"
    if milestone.window_start:
        return f"{milestone.window_start:%d/%m/%Y} – {due}"
    return f"Trước {due}"


def _owing(milestone, addressed: str) -> str:
    units = [unit.name for unit in milestone.owing_units.all()]
    if not units:
        return addressed
    more = f" và {len(units) - 5} đơn vị khác" if len(units) > 5 else ""
    return ", ".join(units[:5]) + more


def _milestones(document, plan, milestones, addressed: str) -> None:
    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    for cell, (header, _width) in zip(table.rows[0].cells, COLUMNS, strict=True):
        cell.paragraphs[0].alignment = CENTER
        run(cell.paragraphs[0], header, bold=True, size=12)
    for number, milestone in enumerate(milestones, start=1):
        values = [str(number), milestone.title, milestone.get_deliverable_display(),
                  _owing(milestone, addressed), _when(milestone)]  # fmt: skip
        for cell, text in zip(table.add_row().cells, values, strict=True):
            run(cell.paragraphs[0], text, size=12)


def plan_docx(plan) -> bytes:
    """The plan, ready to complete, sign and send to the units it is addressed to."""
    names = list(plan.addressees.order_by("sort_name").values_list("name", flat=True)
                 [: ADDRESSEES_LISTED + 1])  # fmt: skip
    addressees = names[:ADDRESSEES_LISTED]
    if len(names) > ADDRESSEES_LISTED:  # a national plan goes to thousands: named by group
        rest = plan.addressees.count() - ADDRESSEES_LISTED
        addressees.append(f"Các đơn vị khác được giao thực hiện ({rest} đơn vị)")
    milestones = list(plan.milestones.prefetch_related("owing_units").order_by("due_on", "pk"))
    number = plan.symbol if plan.status != "draft" and plan.symbol else None
    kind = TYPE_NAMES.get(plan.doc_type, "KẾ HOẠCH")
    frame = frame_for(plan.issuer, kind=kind, summary=plan.title, number=number,
                      day=plan.issued_on, recipients=addressees)  # fmt: skip
    document = new_document()
    head(document, frame)
    _grounds(document, plan)
    para(document, "I. MỤC ĐÍCH, YÊU CẦU", bold=True, before=6)
    para(document, TO_FILL, italic=True)
    para(document, "II. NỘI DUNG VÀ TIẾN ĐỘ THỰC HIỆN", bold=True, before=6)
    _milestones(document, plan, milestones, ", ".join(addressees) or "Các đơn vị")
    para(document, "III. TỔ CHỨC THỰC HIỆN", bold=True, before=6)
    para(document, TO_FILL, italic=True)
    foot(document, frame)
    return docx_bytes(document)

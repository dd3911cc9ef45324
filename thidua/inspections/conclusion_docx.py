"""«Kết luận kiểm tra công tác thi đua, khen thưởng» in the state format (Decree 30/2020):
issued by the inspecting unit, to the inspected one; the inspection's day and team, the
result of each checklist item, the conclusion and the fixes with their deadlines."""

from thidua.documents.frame import Frame, Signature, committee, place_name
from thidua.documents.frame_docx import CENTER, JUSTIFY, foot, head, new_document, para, saved
from thidua.inspections.models import InspectionState


def conclusion_docx(inspection) -> bytes:
    by, unit = inspection.by_unit, inspection.unit
    frame = Frame(
        issuer=committee(by),
        kind="KẾT LUẬN KIỂM TRA",
        summary=f"Công tác thi đua, khen thưởng năm {inspection.year} của {unit.name}",
        place=place_name(by),
        day=inspection.concluded_on or inspection.planned_on,
        recipients=(unit.name, "Lưu: VT"),
        signature=Signature(position="Trưởng đoàn"),
    )
    document = new_document()
    if inspection.state != InspectionState.CONCLUDED:
        para(document, "DỰ THẢO", bold=True, align=CENTER)
    head(document, frame)
    team = inspection.inspectors
    para(document, f"Ngày {inspection.planned_on:%d/%m/%Y}, đoàn kiểm tra gồm {team} đã kiểm "
                   f"tra công tác thi đua, khen thưởng tại {unit.name}. Kết quả như sau:",
         align=JUSTIFY, before=6)  # fmt: skip
    para(document, "I. KẾT QUẢ KIỂM TRA", bold=True, before=6)
    for n, item in enumerate(inspection.items.all(), start=1):
        verdict = {True: "Đạt", False: "Chưa đạt", None: "Chưa đánh giá"}[item.met]
        para(document, f"{n}. {item.text}: {verdict}. {item.finding}".strip(), align=JUSTIFY)
    para(document, "II. KẾT LUẬN", bold=True, before=6)
    for line in (inspection.conclusion or "").splitlines():
        if line.strip():
            para(document, line.strip(), align=JUSTIFY)
    fixes = list(inspection.fixes.all())
    if fixes:
        para(document, "III. YÊU CẦU KHẮC PHỤC", bold=True, before=6)
        for n, fix in enumerate(fixes, start=1):
            para(document, f"{n}. {fix.text} (hạn {fix.due_on:%d/%m/%Y}).", align=JUSTIFY)
    foot(document, frame)
    return saved(document)

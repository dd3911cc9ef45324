"""The pact as Word in the state format (Decree 30/2020): the group as issuer under its
owner, the motto, «BẢN GIAO ƯỚC THI ĐUA NĂM …» («DỰ THẢO» above while a draft), the day and
place, the head and deputy, the criteria with their maximum points and weights, what the
members commit to and, at the end, a signature block for every member, two to a row,
headed «ĐẠI DIỆN …» (each member signs and seals its own)."""

from django.utils import timezone

from thidua.documents.frame import Frame, place_name
from thidua.documents.frame_docx import CENTER, JUSTIFY, head, new_document, para, saved
from thidua.pacts.models import Pact, PactState

COMMITMENTS = (
    "Các thành viên cam kết tổ chức thực hiện tốt các tiêu chí nêu trên; thường xuyên trao "
    "đổi kinh nghiệm, phát hiện, bồi dưỡng và nhân rộng các điển hình tiên tiến; sơ kết 6 "
    "tháng, tổng kết năm, chấm điểm và bình xét theo giao ước này."
)


def _criteria(document, pact: Pact) -> None:
    criteria = list(pact.criteria.all())
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("STT", "Nội dung tiêu chí", "Điểm tối đa",
                                                "Hệ số"), strict=True):  # fmt: skip
        para(cell, text, bold=True, align=CENTER, size=13)
    for number, criterion in enumerate(criteria, start=1):
        cells = table.add_row().cells
        values = (str(number), criterion.text, decimal_text(criterion.max_points),
                  decimal_text(criterion.weight))  # fmt: skip
        for cell, text in zip(cells, values, strict=True):
            para(cell, text, size=13)


def decimal_text(value) -> str:
    """«2,5» for 2.50, «10» for 10.00: the Vietnamese decimal comma, no trailing zeros."""
    return format(value.normalize(), "f").replace(".", ",")


def _signatures(document, members) -> None:
    table = document.add_table(rows=0, cols=2)
    for start in range(0, len(members), 2):
        cells = table.add_row().cells
        for cell, member in zip(cells, members[start : start + 2], strict=False):
            para(cell, f"ĐẠI DIỆN {member.unit.name.upper()}", bold=True, align=CENTER, size=13)
            para(cell, "(Ký, ghi rõ họ tên, đóng dấu)", italic=True, align=CENTER, size=13)
            for _ in range(4):
                para(cell)


def pact_docx(pact: Pact) -> bytes:
    group, owner = pact.group, pact.group.owner
    day = pact.signed_on or timezone.localdate()
    frame = Frame(issuer=str(group), parent_body=f"Hội đồng Thi đua – Khen thưởng {owner.name}",
                  kind=f"BẢN GIAO ƯỚC THI ĐUA NĂM {pact.year}", place=place_name(owner),
                  day=day)  # fmt: skip
    document = new_document()
    if pact.state == PactState.DRAFT:
        para(document, "DỰ THẢO", bold=True, align=CENTER)
    head(document, frame)
    where = f" tại {pact.place}" if pact.place else ""
    spoken = frame.date_line.split(", ", 1)[1]  # «ngày 20 tháng 02 năm 2025», as the head
    para(
        document,
        f"Hôm nay, {spoken}{where}, các thành viên {group} ký kết giao ước thi "
        f"đua năm {pact.year} với các nội dung sau:",
        align=JUSTIFY,
        before=6,
    )
    if pact.head_id:
        deputy = f"; phó: {pact.deputy.unit.name}" if pact.deputy_id else ""
        para(document, f"Trưởng {group.get_kind_display().lower()}: {pact.head.unit.name}"
                       f"{deputy}.", align=JUSTIFY)  # fmt: skip
    para(document, "I. CÁC TIÊU CHÍ THI ĐUA", bold=True, before=6)
    _criteria(document, pact)
    para(document, "II. CAM KẾT CỦA CÁC THÀNH VIÊN", bold=True, before=6)
    para(document, COMMITMENTS, align=JUSTIFY)
    members = list(group.members.select_related("unit").order_by("unit__sort_name", "pk"))
    para(document, f"Giao ước được lập thành {len(members)} bản, mỗi thành viên giữ một bản.",
         align=JUSTIFY)  # fmt: skip
    _signatures(document, members)
    return saved(document)

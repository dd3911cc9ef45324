"""The minutes of a council meeting (biên bản họp Hội đồng Thi đua – Khen thưởng) as a Word
document in the state format (Decree 30/2020): header blocks, title, time and place, who
was present, the quorum, each nomination's votes and result (with who stood aside), and
the chair's and secretary's signatures."""

from thidua.documents.frame import Signature, frame_for
from thidua.documents.frame_docx import CENTER, foot, head, new_document, saved
from thidua.documents.frame_docx import para as _para
from thidua.documents.frame_docx import run as _run


def minutes_frame(meeting):
    """The council's minutes: a «BIÊN BẢN» of the unit's council, dated the meeting, signed
    by its chair (the secretary signs beside, see minutes_docx)."""
    return frame_for(meeting.unit, kind="BIÊN BẢN", day=meeting.held_on,
                     body="Hội đồng Thi đua – Khen thưởng",
                     summary="Họp Hội đồng Thi đua – Khen thưởng xét đề nghị khen thưởng",
                     signature=Signature(position="Chủ trì", name=meeting.chair))  # fmt: skip


def _results(document, items) -> None:
    table = document.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["STT", "Đối tượng", "Đề nghị", "Đồng ý",
                                                  "Tỷ lệ", "Kết quả"], strict=True):  # fmt: skip
        _run(cell.paragraphs[0], text, bold=True)
    for number, item in enumerate(items, start=1):
        t = item.tally
        values = [str(number), f"{item.nomination.subject.name} ({item.nomination.unit.name})",
                  f"{item.nomination.award.name} {item.nomination.year}", f"{t.yes}/{t.voters}",
                  f"{t.percent:.1f} %", "Đạt" if t.passed else "Không đạt"]  # fmt: skip
        for cell, text in zip(table.add_row().cells, values, strict=True):
            _run(cell.paragraphs[0], text)


def minutes_docx(meeting, seats, items, quorum) -> bytes:
    present, total, met = quorum
    document = new_document()
    frame = minutes_frame(meeting)
    head(document, frame)
    _para(
        document, f"Thời gian: ngày {meeting.held_on:%d/%m/%Y}. Địa điểm: {meeting.place or '…'}."
    )
    _para(document, f"Chủ trì: {meeting.chair or '…'}. Thư ký: {meeting.secretary or '…'}.")
    names = ", ".join(s.member.full_name or s.member.username for s in seats if s.present)
    absent = ", ".join(s.member.full_name or s.member.username for s in seats if not s.present)
    _para(document, f"Thành viên có mặt: {present}/{total} ({names}).")
    if absent:
        _para(document, f"Vắng mặt: {absent}.")
    _para(document, "Số thành viên có mặt " + ("đủ" if met else "không đủ") + " theo quy định.")
    for item in items:
        aside = [member.full_name or member.username for member in item.recused.all()]
        if aside:
            _para(document, f"Không biểu quyết đề nghị của {item.nomination.subject.name}: "
                            f"{', '.join(aside)} (cùng đơn vị đề nghị).", italic=True)  # fmt: skip
    _para(document, "Kết quả biểu quyết:", bold=True, before=6)
    _results(document, items)
    foot(document, frame)
    _secretary(document, meeting)
    return saved(document)


def _secretary(document, meeting) -> None:
    """Minutes are signed by the secretary too, under the chair's block."""
    _para(document, "THƯ KÝ", bold=True, align=CENTER, before=12)
    for _ in range(3):
        _para(document, align=CENTER)
    _para(document, meeting.secretary, bold=True, align=CENTER)

"""The minutes of a council meeting (biên bản họp Hội đồng Thi đua – Khen thưởng) as a Word
document in the state format (Decree 30/2020): header blocks, title, time and place, who
was present, the quorum, each nomination's votes and result (with who stood aside), and
the chair's and secretary's signatures."""

import io

from docx.enum.text import WD_ALIGN_PARAGRAPH

from thidua.awards.decision_docx import CENTER, _para, _run
from thidua.documents.docx import MOTTO, issuer_lines, place_name, portrait_document


def _header(document, meeting) -> None:
    left, right = document.add_table(rows=1, cols=2).rows[0].cells
    left.paragraphs[0].alignment = right.paragraphs[0].alignment = CENTER
    body = issuer_lines(meeting.unit)[-1].upper()
    _run(left.paragraphs[0], f"HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG {body}", bold=True, size=13)
    _run(right.paragraphs[0], MOTTO[0], bold=True, size=13)
    _para(right, MOTTO[1], bold=True, align=CENTER, size=14)
    day = meeting.held_on
    line = f"{place_name(meeting.unit)}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"
    _para(document, line, italic=True, align=WD_ALIGN_PARAGRAPH.RIGHT, before=6)


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
    document = portrait_document()
    _header(document, meeting)
    _para(document, "BIÊN BẢN", bold=True, align=CENTER, before=12)
    _para(document, "Họp Hội đồng Thi đua – Khen thưởng xét đề nghị khen thưởng", bold=True,
          align=CENTER)  # fmt: skip
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
    left, right = document.add_table(rows=1, cols=2).rows[0].cells
    for cell, title, name in (
        (left, "THƯ KÝ", meeting.secretary),
        (right, "CHỦ TRÌ", meeting.chair),
    ):
        cell.paragraphs[0].alignment = CENTER
        _run(cell.paragraphs[0], title, bold=True)
        for _ in range(3):
            _para(cell, align=CENTER)
        _para(cell, name, bold=True, align=CENTER)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()

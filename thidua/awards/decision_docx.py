"""A decision as a Word document in the state format (Decree 30/2020/NĐ-CP, Appendix I):
portrait A4, Times New Roman 13–14; top left the issuing body and «Số: …/…», top right the
national motto; the place and date line; «QUYẾT ĐỊNH», the summary, the authority; the
grounds; «QUYẾT ĐỊNH:» and the articles (Điều 1 lists the awardees as I. Cá nhân, II. Tập
thể, III. Hộ gia đình; Điều 2 the reward; Điều 3 who executes); «Nơi nhận» beside the
signature block (KT./TM./Q. as signed)."""

import io

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from thidua.core.text import clean_text
from thidua.documents.docx import FONT, MOTTO, issuer_lines, place_name, portrait_document

GROUPS = [("individual", "I. Cá nhân"), ("collective", "II. Tập thể"),
          ("household", "III. Hộ gia đình")]  # fmt: skip
CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY


def _money(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def _run(paragraph, text, *, bold=False, italic=False, size=None):
    run = paragraph.add_run(clean_text(text))
    run.bold, run.italic = bold, italic
    run.font.name = FONT
    if size:
        run.font.size = Pt(size)
    return run


def _para(container, text="", *, bold=False, italic=False, align=None, size=None, before=0):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_before = Pt(before)
    if text:
        _run(paragraph, text, bold=bold, italic=italic, size=size)
    return paragraph


def _header(document, decision) -> None:
    left, right = document.add_table(rows=1, cols=2).rows[0].cells
    lines = issuer_lines(decision.issuer)
    left.paragraphs[0].alignment = CENTER
    for index, line in enumerate(lines):
        paragraph = left.paragraphs[0] if index == 0 else _para(left, align=CENTER)
        _run(paragraph, line.upper(), bold=index == len(lines) - 1, size=13)
    _para(left, f"Số: {decision.reference}", align=CENTER, size=13)
    right.paragraphs[0].alignment = CENTER
    _run(right.paragraphs[0], MOTTO[0], bold=True, size=13)
    _para(right, MOTTO[1], bold=True, align=CENTER, size=14)
    day = decision.signed_on
    line = f"{place_name(decision.issuer)}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"
    _para(document, line, italic=True, align=WD_ALIGN_PARAGRAPH.RIGHT, before=6)


def _article_one(document, decision, lines, award) -> None:
    verb = "Công nhận danh hiệu" if award.category == "title" else "Tặng"
    paragraph = _para(document, align=JUSTIFY)
    _run(paragraph, "Điều 1. ", bold=True)
    _run(paragraph, f"{verb} «{award.name}» năm {lines[0].nomination.year} cho "
                    f"{len(lines)} đối tượng có tên sau:")  # fmt: skip
    for kind, heading in GROUPS:
        group = [line for line in lines if line.nomination.subject.kind == kind]
        if not group:
            continue
        _para(document, heading, bold=True)
        for number, line in enumerate(group, start=1):
            subject = line.nomination.subject
            _para(document, f"{number}. {subject.name}, {subject.unit.name};", align=JUSTIFY)


def _articles(document, decision, lines) -> None:
    award = lines[0].nomination.award
    _article_one(document, decision, lines, award)
    amounts = [line.amount for line in lines if line.amount]
    paragraph = _para(document, align=JUSTIFY)
    _run(paragraph, "Điều 2. ", bold=True)
    if amounts:
        _run(paragraph, f"Kèm theo tiền thưởng {_money(amounts[0])} đồng cho mỗi đối tượng; "
                        f"tổng cộng {_money(sum(amounts))} đồng, chi từ quỹ thi đua, khen thưởng "
                        "theo quy định.")  # fmt: skip
    else:
        _run(paragraph, "Tiền thưởng thực hiện theo quy định hiện hành.")
    paragraph = _para(document, align=JUSTIFY)
    _run(paragraph, "Điều 3. ", bold=True)
    _run(paragraph, "Quyết định này có hiệu lực kể từ ngày ký. Văn phòng, bộ phận thi đua, khen "
                    "thưởng, các đơn vị liên quan và các cá nhân, tập thể có tên tại Điều 1 chịu "
                    "trách nhiệm thi hành Quyết định này.")  # fmt: skip


def _signature(document, decision) -> None:
    left, right = document.add_table(rows=1, cols=2).rows[0].cells
    _run(left.paragraphs[0], "Nơi nhận:", bold=True, italic=True, size=12)
    for line in decision.recipients.splitlines():
        if line.strip():
            _para(left, f"- {line.strip()}", size=11)
    right.paragraphs[0].alignment = CENTER
    head = decision.position.upper()
    if decision.capacity == "TM.":
        head = f"TM. {issuer_lines(decision.issuer)[-1].upper()}\n{decision.position.upper()}"
    elif decision.capacity:
        head = f"{decision.capacity} {decision.position.upper()}"
    _run(right.paragraphs[0], head, bold=True)
    if decision.capacity == "KT." and decision.signer_title:
        _para(right, decision.signer_title.upper(), bold=True, align=CENTER)
    for _ in range(3):
        _para(right, align=CENTER)
    _para(right, decision.signer_name, bold=True, align=CENTER)


def decision_docx(decision) -> bytes:
    """The decision, ready to sign and send."""
    lines = list(decision.lines.select_related("nomination__award", "nomination__subject__unit")
                 .order_by("nomination__subject__sort_name"))  # fmt: skip
    document = portrait_document()
    _header(document, decision)
    _para(document, "QUYẾT ĐỊNH", bold=True, align=CENTER, before=12)
    _para(document, decision.summary, bold=True, align=CENTER)
    _para(document, decision.authority.upper(), bold=True, align=CENTER, before=12)
    for ground in decision.grounds.splitlines():
        if ground.strip():
            _para(document, ground.strip(), italic=True, align=JUSTIFY)
    if decision.conference_id:
        _para(document, f"Xét thành tích tuyên dương tại {decision.conference.name};",
              italic=True, align=JUSTIFY)  # fmt: skip
    _para(document, "QUYẾT ĐỊNH:", bold=True, align=CENTER, before=6)
    if lines:
        _articles(document, decision, lines)
    _signature(document, decision)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()

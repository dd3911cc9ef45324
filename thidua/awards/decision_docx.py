"""A decision as a Word document in the state format (Decree 30/2020/NĐ-CP, Appendix I):
portrait A4, Times New Roman 13–14; top left the issuing body and «Số: …/…», top right the
national motto; the place and date line; «QUYẾT ĐỊNH», the summary, the authority; the
grounds; «QUYẾT ĐỊNH:» and the articles (Điều 1 lists the awardees as I. Cá nhân, II. Tập
thể, III. Hộ gia đình; Điều 2 the reward; Điều 3 who executes); «Nơi nhận» beside the
signature block (KT./TM./Q. as signed)."""

from thidua.core.text import thousands
from thidua.documents.frame import BLANK_NUMBER, Signature, frame_for, lines_of
from thidua.documents.frame_docx import CENTER, JUSTIFY, foot, head, new_document, saved
from thidua.documents.frame_docx import para as _para
from thidua.documents.frame_docx import run as _run

GROUPS = [("individual", "I. Cá nhân"), ("collective", "II. Tập thể"),
          ("household", "III. Hộ gia đình")]  # fmt: skip


def decision_frame(decision):
    """The decision's frame: its number, day, summary and recipients, signed as recorded."""
    number = decision.reference if decision.number else f"{BLANK_NUMBER}/{decision.symbol}"
    signature = Signature(capacity=decision.capacity, position=decision.position,
                          title=decision.signer_title, name=decision.signer_name)  # fmt: skip
    return frame_for(decision.issuer, kind="QUYẾT ĐỊNH", summary=decision.summary,
                     day=decision.signed_on, number=number, signature=signature,
                     recipients=lines_of(decision.recipients))  # fmt: skip


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
        _run(paragraph, f"Kèm theo tiền thưởng {thousands(amounts[0])} đồng cho mỗi đối tượng; "
                        f"tổng cộng {thousands(sum(amounts))} đồng, chi từ quỹ thi đua, "
                        "khen thưởng theo quy định.")  # fmt: skip
    else:
        _run(paragraph, "Tiền thưởng thực hiện theo quy định hiện hành.")
    paragraph = _para(document, align=JUSTIFY)
    _run(paragraph, "Điều 3. ", bold=True)
    _run(paragraph, "Quyết định này có hiệu lực kể từ ngày ký. Văn phòng, bộ phận thi đua, khen "
                    "thưởng, các đơn vị liên quan và các cá nhân, tập thể có tên tại Điều 1 chịu "
                    "trách nhiệm thi hành Quyết định này.")  # fmt: skip


def decision_docx(decision) -> bytes:
    """The decision, ready to sign and send."""
    lines = list(decision.lines.select_related("nomination__award", "nomination__subject__unit")
                 .order_by("nomination__subject__sort_name"))  # fmt: skip
    document = new_document()
    head(document, decision_frame(decision))
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
    foot(document, decision_frame(decision))
    return saved(document)

"""Drafts of a nomination's dossier as Word documents in the state format (Decree 30/2020,
LAW.md §2.2), written from thidua's data so that nobody retypes them: the tờ trình of a
batch (grounds, proposal, the list I. Cá nhân / II. Tập thể / III. Hộ gia đình), the list
alone (danh sách kèm theo tờ trình), and a subject's achievement report (báo cáo thành
tích: profile, achievements, initiatives, awards received, certification). Numbers and
signatures are left blank: the officer completes, signs and attaches them."""

import datetime

from thidua.awards import routing
from thidua.awards.decision_docx import GROUPS
from thidua.documents.frame import frame_for, settings_of
from thidua.documents.frame_docx import CENTER, JUSTIFY, foot, head, new_document, saved
from thidua.documents.frame_docx import para as _para
from thidua.documents.frame_docx import run as _run


def _verb(award) -> str:
    return "công nhận danh hiệu" if award.category == "title" else "tặng"


def _list(document, nominations) -> None:
    """The nominees grouped I/II/III, a table each: STT, name, position and unit, summary."""
    for kind, heading in GROUPS:
        group = [n for n in nominations if n.subject.kind == kind]
        if not group:
            continue
        _para(document, heading, bold=True, before=6)
        table = document.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, ["STT", "Họ và tên / Tên tập thể",
                              "Chức vụ, đơn vị", "Tóm tắt thành tích"], strict=True):  # fmt: skip
            _run(cell.paragraphs[0], text, bold=True, size=12)
        for number, nomination in enumerate(group, start=1):
            subject = nomination.subject
            where = ", ".join(part for part in (subject.position, subject.unit.name) if part)
            values = [str(number), subject.name, where, nomination.achievement]
            for cell, text in zip(table.add_row().cells, values, strict=True):
                _run(cell.paragraphs[0], text, size=12)


def proposal_docx(nominations, rule) -> bytes:
    """The tờ trình of a batch (one unit, award and year) with its list."""
    first = nominations[0]
    unit, award, year = first.unit, first.award, first.year
    # Addressed to where it goes next: the level holding it, or for a draft the first stop.
    to = first.at_unit or routing.next_stop(unit, award, datetime.date(year, 12, 31)) or unit
    document = new_document()
    frame = frame_for(
        unit,
        kind="TỜ TRÌNH",
        recipients=["Như trên"],
        summary=f"Về việc đề nghị {_verb(award)} «{award.name}» năm {year}",
    )
    head(document, frame)
    _para(document, f"Kính gửi: Chủ tịch {settings_of(to)['issuer_name']}.", align=CENTER,
          before=6)  # fmt: skip
    for ground in [rule.legal_basis if rule else "Luật Thi đua, khen thưởng hiện hành",
                   f"Biên bản họp Hội đồng Thi đua – Khen thưởng {unit.name} ngày …"]:  # fmt: skip
        _para(document, f"Căn cứ {ground};", italic=True, align=JUSTIFY)
    count = len(nominations)
    _para(document, f"{unit.name} kính đề nghị xem xét, {_verb(award)} «{award.name}» năm "
                    f"{year} cho {count} đối tượng có tên sau:", align=JUSTIFY)  # fmt: skip
    _list(document, nominations)
    _para(document, "(Có hồ sơ, báo cáo thành tích kèm theo.)", italic=True, before=6)
    _para(document, f"{unit.name} kính trình xem xét, quyết định./.", align=JUSTIFY)
    foot(document, frame)
    return saved(document)


def list_docx(nominations) -> bytes:
    """The list alone (danh sách kèm theo tờ trình)."""
    first = nominations[0]
    document = new_document()
    summary = f"Đề nghị {_verb(first.award)} «{first.award.name}» năm {first.year}"
    # A list sent with a tờ trình carries the tờ trình's number, not one of its own.
    frame = frame_for(first.unit, kind="DANH SÁCH", summary=summary, number="")
    proposal = frame_for(first.unit, kind="TỜ TRÌNH")
    head(document, frame)
    _para(document, f"(Kèm theo Tờ trình số {proposal.number} ngày … của {proposal.issuer})",
          italic=True, align=CENTER)  # fmt: skip
    _list(document, nominations)
    foot(document, frame)
    return saved(document)


def _table(document, headers: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _run(cell.paragraphs[0], text, bold=True, size=12)
    for values in rows or [["—"] * len(headers)]:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            _run(cell.paragraphs[0], text, size=12)


def _profile(document, subject) -> None:
    if subject.kind == "individual":
        facts = [("Họ và tên", subject.name), ("Giới tính", subject.get_gender_display()),
                 ("Năm sinh", str(subject.birth_year or "")), ("Dân tộc", subject.ethnicity),
                 ("Chức vụ", subject.position), ("Đơn vị công tác", subject.unit.name)]  # fmt: skip
    else:
        facts = [("Tên tập thể", subject.name), ("Trực thuộc", subject.unit.name),
                 ("Địa chỉ, số thành viên", "…")]  # fmt: skip
    for label, value in facts:
        _para(document, f"{label}: {value or '…'}")


def report_docx(nomination, history: dict) -> bytes:
    """The subject's achievement report for the nomination, from its history."""
    subject, award = nomination.subject, nomination.award
    document = new_document()
    # The achievement report follows its legal form: no «Nơi nhận»; the head of the unit
    # confirms beside the reporter's signature (below), not the frame's signature block.
    head(document, frame_for(subject.unit, kind="BÁO CÁO THÀNH TÍCH",
                             summary=f"Đề nghị {_verb(award)} «{award.name}» năm "
                                     f"{nomination.year}"))  # fmt: skip
    _para(document, "I. SƠ LƯỢC LÝ LỊCH" if subject.kind == "individual" else
          "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", bold=True, before=6)  # fmt: skip
    _profile(document, subject)
    _para(document, "II. THÀNH TÍCH ĐẠT ĐƯỢC", bold=True, before=6)
    _para(document, nomination.achievement or "…", align=JUSTIFY)
    _para(document, "Sáng kiến, đề tài được công nhận:", italic=True)
    _table(document, ["Tên sáng kiến", "Cơ quan công nhận", "Phạm vi", "Ngày, số quyết định"],
           [[i.title, i.recognised_by, i.get_scope_display(),
             f"{i.recognised_on:%d/%m/%Y} {i.decision_number}".strip()]
            for i in history["initiatives"]])  # fmt: skip
    _para(document, "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", bold=True, before=6)
    _table(document, ["Năm", "Danh hiệu, hình thức", "Số, ngày quyết định", "Cấp quyết định"],
           [[str(r.year), r.title + (" (đã hủy bỏ)" if r.revoked_on else ""),
             " ".join(filter(None, [r.decision_number, r.decision_date
                                    and f"{r.decision_date:%d/%m/%Y}"])), r.issuer]
            for r in history["awards"]])  # fmt: skip
    left, right = document.add_table(rows=1, cols=2).rows[0].cells
    for cell, title in ((left, "XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ"),
                        (right, "NGƯỜI BÁO CÁO THÀNH TÍCH")):  # fmt: skip
        cell.paragraphs[0].alignment = CENTER
        _run(cell.paragraphs[0], title, bold=True, size=13)
        for _ in range(3):
            _para(cell, align=CENTER)
    _para(right, subject.name if subject.kind == "individual" else "", bold=True, align=CENTER)
    return saved(document)

"""Every document thidua writes is opened and read back for the parts of the state format
(Decree 30/2020, Art. 8 and Appendix I): the issuer in full, «Số: …/<type>-<abbreviation>»,
the motto, the place and date line, the type, «Nơi nhận» with the unit's recipients and its
archive line, and the signature block as the unit's letterhead sets it."""

import datetime
import io
import re
from urllib.parse import quote, unquote

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from tests.conftest import _person
from tests.factories import UnitFactory
from thidua.accounts.models import Role
from thidua.audit.models import AuditEvent
from thidua.awards import nominations
from thidua.awards.council_docx import minutes_docx
from thidua.awards.decision_docx import decision_docx
from thidua.awards.models import Award, CouncilMeeting
from thidua.conferences import delegates, printing
from thidua.documents.frame import (
    Signature,
    file_name,
    frame_for,
    header_cells,
    initials,
    split_title,
)
from thidua.documents.models import Letterhead
from thidua.documents.services import save_letterhead
from thidua.exemplars import services as exemplar_services
from thidua.plans import drafts
from thidua.plans.models import Plan
from thidua.units.models import UnitKind

pytestmark = pytest.mark.django_db
NAME = "Hoàng Thị Lụa"
SIGNED = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thị Ký"]


@pytest.fixture
def letterhead(officer_a, commune_a):
    return save_letterhead(
        actor=officer_a, unit=commune_a, capacity="KT.", position="Chủ tịch",
        signer_title="Phó Chủ tịch", signer_name="Trần Thị Ký", drafting_unit="VHXH",
        recipients="Thường trực Đảng ủy xã;\n- Thường trực HĐND xã",
    )  # fmt: skip


def _docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    cells = [p.text for t in document.tables for cell in t._cells for p in cell.paragraphs]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _xlsx_text(content: bytes) -> str:
    sheet = load_workbook(io.BytesIO(content)).active
    return "\n".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row if v)


def _html_text(content: bytes | str) -> str:
    text = content.decode() if isinstance(content, bytes) else content
    return re.sub(r"\s*<[^>]+>\s*", "\n", text)


def assert_frame(text: str, *, kind: str, number: str | None, signed=SIGNED, standing=True):
    parts = ["ỦY BAN NHÂN DÂN XÃ AN PHÚ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "Độc lập - Tự do - Hạnh phúc", kind, "Nơi nhận:", *signed]  # fmt: skip
    parts += [number] if number else []
    parts += ["- Thường trực Đảng ủy xã;", "- Thường trực HĐND xã;"] if standing else []
    for part in parts:
        assert part in text, part
    assert re.search(r"An Phú, ngày \d\d tháng (0[12]|[3-9]|1[0-2]) năm 20\d\d", text)
    assert re.search(r"- Lưu: VT(, VHXH)?\.", text)


@pytest.fixture
def leader_a(commune_a):
    return _person(commune_a, Role.LEADER, "leader_a")


@pytest.fixture
def exemplar(officer_a, commune_a, field, letterhead):
    subject = exemplar_services.create_subject(actor=officer_a, unit=commune_a,
                                               kind="individual", name=NAME)  # fmt: skip
    return exemplar_services.create_exemplar(actor=officer_a, subject=subject, title="Vườn mẫu",
                                             field=field, year_from=2023)  # fmt: skip


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "html"])
def test_a_list_export_is_a_state_document_in_every_format(client, officer_a, exemplar, fmt):
    client.force_login(officer_a)

    response = client.get(reverse("exemplars:export", args=[fmt]))

    read = {"docx": _docx_text, "xlsx": _xlsx_text, "html": _html_text}[fmt]
    text = read(response.content)
    assert_frame(text, kind="DANH SÁCH", number="Số:      /DS-UBND")
    assert "Điển hình tiên tiến" in text
    assert "- Ủy ban nhân dân tỉnh Thử Nghiệm;" in text  # a list goes up to the body above
    assert "- Lưu: VT, VHXH." in text
    assert NAME in text
    if fmt != "html":
        name = quote(f"Danh sách điển hình tiên tiến - Xã An Phú.{fmt}")
        assert response["Content-Disposition"] == f"attachment; filename*=utf-8''{name}"


def test_the_brief_profiles_put_the_birth_year_under_one_header(client, officer_a, conference,
                                                                letterhead):  # fmt: skip
    delegates.add_delegate(actor=officer_a, conference=conference, full_name=NAME,
                           category="exemplary", gender="female", birth_year=1979)  # fmt: skip
    client.force_login(officer_a)
    url = reverse("conferences:brief_profiles", args=[conference.pk, "docx"])

    table = Document(io.BytesIO(client.get(url).content)).tables[1]
    sheet = load_workbook(io.BytesIO(client.get(url.replace("docx", "xlsx")).content)).active
    page = client.get(url.replace("docx", "html")).content.decode()

    top, under = [c.text for c in table.rows[0].cells], [c.text for c in table.rows[1].cells]
    assert top[:4] == ["STT", "Họ và tên", "Năm sinh", "Năm sinh"]  # one cell over two columns
    assert under[:4] == ["STT", "Họ và tên", "Nam", "Nữ"]
    assert [c.text for c in table.rows[2].cells][1:4] == [NAME, "", "1979"]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    header_row = next(c.row for c in sheet["A"] if c.value == "STT")
    assert f"C{header_row}:D{header_row}" in merged
    assert f"A{header_row}:A{header_row + 1}" in merged
    assert '<th scope="col" colspan="2">Năm sinh</th>' in page
    assert '<th scope="col" rowspan="2">STT</th>' in page


def test_an_invitation_has_the_frame_the_time_of_day_and_the_venue(officer_a, conference,
                                                                   letterhead):  # fmt: skip
    conference.held_on, conference.starts_at = datetime.date(2026, 12, 5), datetime.time(7, 30)
    conference.venue = "Hội trường Ủy ban nhân dân xã"
    delegate = delegates.add_delegate(actor=officer_a, conference=conference, full_name=NAME,
                                      category="exemplary")  # fmt: skip

    text = _html_text(printing.print_html(conference, "invitations", [(delegate, "data:,")]))

    assert_frame(text, kind="GIẤY MỜI", number="Số:      /GM-UBND")
    assert "- Như trên;" in text
    assert "Thời gian: 07 giờ 30, thứ Bảy, ngày 05/12/2026." in text
    assert "Địa điểm: Hội trường Ủy ban nhân dân xã." in text
    assert NAME in text
    assert printing.print_name(conference, "invitations") == f"Giấy mời - {conference.name}.pdf"


def test_the_award_documents_share_the_frame(client, officer_a, commune_a, letterhead):
    subject = exemplar_services.create_subject(actor=officer_a, unit=commune_a,
                                               kind="individual", name=NAME)  # fmt: skip
    nomination = nominations.create_nomination(
        actor=officer_a, unit=commune_a, subject=subject, year=2025,
        award=Award.objects.get(code="bang_khen_tinh"), achievement="Dẫn đầu.",
    )  # fmt: skip
    client.force_login(officer_a)

    def draft(kind):
        url = reverse("awards:dossier_draft", args=[nomination.pk, kind])
        return _docx_text(client.get(url).content)

    assert_frame(draft("to-trinh"), kind="TỜ TRÌNH", number="Số:      /TTr-UBND")
    listed = draft("danh-sach")
    assert_frame(listed, kind="DANH SÁCH", number=None)
    assert "Số:" not in listed  # it goes with the tờ trình, under the tờ trình's number
    assert "(Kèm theo Tờ trình số      /TTr-UBND ngày … của Ủy ban nhân dân xã An Phú)" in listed
    report = draft("bao-cao")  # the achievement report follows its own legal form
    assert "BÁO CÁO THÀNH TÍCH" in report
    assert "ỦY BAN NHÂN DÂN XÃ AN PHÚ" in report


def test_a_decision_keeps_its_own_signer_and_number(officer_a, commune_a, letterhead):
    from tests.awards.test_decisions import _signed, approved  # noqa: PLC0415
    from thidua.awards import decisions  # noqa: PLC0415

    decision = _signed(decisions.draft_decision(actor=officer_a, issuer=commune_a, nominations=[
        approved(officer_a, commune_a, NAME)]))  # fmt: skip
    decision = decisions.issue_decision(actor=officer_a, decision=decision)

    text = _docx_text(decision_docx(decision))

    assert_frame(text, kind="QUYẾT ĐỊNH", number="Số: 01/QĐ-UBND", signed=["Nguyễn Văn Chủ"])
    assert "- Như Điều 3;" in text
    assert text.count("- Lưu: VT.") == 1  # the decision's own archive line, once


def test_the_council_minutes_are_issued_by_the_council(officer_a, commune_a, letterhead):
    meeting = CouncilMeeting.objects.create(
        unit=commune_a, held_on=datetime.date(2025, 12, 1), chair="Trần Thị Ký",
        secretary="Lê Văn Thư",
    )  # fmt: skip

    text = _docx_text(minutes_docx(meeting, [], [], (0, 0, False)))

    for part in ("ỦY BAN NHÂN DÂN XÃ AN PHÚ", "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG",
                 "Số:      /BB-HĐTĐKT", "BIÊN BẢN", "CHỦ TRÌ", "Trần Thị Ký", "THƯ KÝ",
                 "Lê Văn Thư", "An Phú, ngày 01 tháng 12 năm 2025", "Nơi nhận:"):  # fmt: skip
        assert part in text, part


def test_an_empty_letterhead_is_derived_from_the_unit(agency, commune_a):
    commune, body = frame_for(commune_a, kind="GIẤY MỜI"), frame_for(agency, kind="BÁO CÁO")

    assert (commune.issuer, commune.parent_body, commune.number_line) == (
        "Ủy ban nhân dân xã An Phú", "", "Số:      /GM-UBND")  # fmt: skip
    assert commune.signature.lines() == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert (body.parent_body, body.issuer) == ("Ủy ban nhân dân tỉnh Thử Nghiệm", agency.name)
    assert body.number_line == f"Số:      /BC-{initials(agency.name)}"
    assert body.recipients == ("Lưu: VT",)


def test_the_frames_texts():
    assert initials("Ban Thi đua – Khen thưởng") == "BTĐKT"
    assert initials("Sở Giáo dục và Đào tạo") == "SGDĐT"
    assert split_title("Danh sách trích ngang đại biểu") == ("DANH SÁCH", "Trích ngang đại biểu")
    assert split_title("Sổ khen thưởng") == ("BÁO CÁO", "Sổ khen thưởng")
    assert file_name("Giấy mời", "Hội nghị 2025/2030: «xã»", extension="pdf") == (
        "Giấy mời - Hội nghị 2025-2030- «xã».pdf")  # fmt: skip
    assert Signature(capacity="Q.", position="Chủ tịch").lines() == ["Q. CHỦ TỊCH"]
    assert Signature(position="Giám đốc").lines() == ["GIÁM ĐỐC"]
    assert header_cells(["STT", "Nam", "Nữ"], ["", "Năm sinh", "Năm sinh"]) == [
        [("STT", 1, 2), ("Năm sinh", 2, 1)], [("Nam", 1, 1), ("Nữ", 1, 1)]]  # fmt: skip


def test_the_officer_sets_the_letterhead_and_a_sibling_cannot(client, officer_a, officer_b,
                                                              commune_a):  # fmt: skip
    url = reverse("documents:letterhead", args=[commune_a.pk])
    client.force_login(officer_a)

    page = client.get(url).content.decode()
    saved = client.post(url, {"capacity": "KT.", "position": "Chủ tịch", "signer_name": "Ký",
                              "signer_title": "Phó Chủ tịch", "symbol": "UBND"})  # fmt: skip
    client.force_login(officer_b)
    sibling = [client.get(url).status_code, client.post(url, {"signer_name": "X"}).status_code]

    assert 'placeholder="Ủy ban nhân dân xã An Phú"' in page
    assert "TM. ỦY BAN NHÂN DÂN" in page  # the preview, before anything is saved
    assert saved.status_code == 302
    assert Letterhead.objects.get(unit=commune_a).signer_name == "Ký"
    assert AuditEvent.objects.filter(target_type="documents.letterhead").count() == 1
    assert frame_for(commune_a, kind="GIẤY MỜI").signature.lines() == SIGNED[:2]
    assert sibling == [404, 404]


def test_a_bad_letterhead_keeps_what_was_typed(client, officer_a, commune_a):
    client.force_login(officer_a)

    page = client.post(reverse("documents:letterhead", args=[commune_a.pk]),
                       {"capacity": "XX.", "signer_name": "Trần Thị Ký"})  # fmt: skip

    assert page.status_code == 200
    assert "Trần Thị Ký" in page.content.decode()
    assert not Letterhead.objects.exists()


def test_a_plan_comes_out_as_a_plan_to_sign(client, officer_a, officer_b, commune_a, province,
                                            village_a, letterhead, leader_a):  # fmt: skip
    upper = Plan.objects.create(issuer=province, symbol="115/KH-UBND", kind="conference",
                                title="Tổ chức Hội nghị điển hình tiên tiến")  # fmt: skip
    plan = Plan.objects.create(issuer=commune_a, kind="conference", implements=upper,
                               title="Tổ chức Hội nghị điển hình tiên tiến xã An Phú")  # fmt: skip
    plan.addressees.add(village_a)
    drafts.add_milestone(plan=plan, title="Gửi danh sách đại biểu", deliverable="report",
                         due_on=datetime.date(2026, 12, 15), units=[village_a])  # fmt: skip
    url = reverse("plans:document", args=[plan.pk])
    client.force_login(officer_a)

    response = client.get(url)
    client.force_login(officer_b)

    text = _docx_text(response.content)
    assert_frame(text, kind="KẾ HOẠCH", number="Số:      /KH-UBND")
    for part in ("Tổ chức Hội nghị điển hình tiên tiến xã An Phú",
                 "Căn cứ Kế hoạch số 115/KH-UBND của Ủy ban nhân dân tỉnh Thử Nghiệm về tổ chức "
                 "Hội nghị điển hình tiên tiến;",
                 "Ủy ban nhân dân xã An Phú ban hành kế hoạch tổ chức Hội nghị",
                 "I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG VÀ TIẾN ĐỘ THỰC HIỆN",
                 "Gửi danh sách đại biểu", "Trước 15/12/2026", f"- {village_a.name};"):  # fmt: skip
        assert part in text, part
    assert unquote(response["Content-Disposition"]).endswith(
        "Tổ chức Hội nghị điển hình tiên tiến xã An Phú - Xã An Phú.docx")  # fmt: skip
    assert client.get(url).status_code == 404  # a sibling sees no plan of An Phú
    client.force_login(leader_a)
    assert client.get(url).status_code == 403  # a reader of An Phú, not its officer


def test_one_archive_line_closes_the_recipients(officer_a, commune_a):
    save_letterhead(actor=officer_a, unit=commune_a,
                    recipients="lưu: VT, VP\nThường trực Đảng ủy")  # fmt: skip

    frame = frame_for(commune_a, kind="GIẤY MỜI", recipients=["Như trên", "Lưu: VT"])

    assert frame.recipient_lines() == ["- Như trên;", "- Thường trực Đảng ủy;", "- Lưu: VT."]


def test_a_deputy_signs_for_the_chairman_of_a_collective_body():
    deputy = Signature(capacity="TM.", body="Ủy ban nhân dân", position="Chủ tịch",
                       title="Phó Chủ tịch", name="A")  # fmt: skip

    assert deputy.lines() == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


def test_signing_for_the_head_needs_the_signers_title(officer_a, commune_a):
    with pytest.raises(ValidationError, match="cần chức vụ của người ký"):
        save_letterhead(actor=officer_a, unit=commune_a, capacity="KT.", signer_name="A")


def test_a_body_under_a_body_shows_it_above_and_dates_from_its_province(agency, province):
    school = UnitFactory(parent=agency, kind=UnitKind.SCHOOL, name="Trường THPT Lê Lợi")
    ward = UnitFactory(parent=province, kind=UnitKind.COMMUNE, name="Phường 1")

    frame = frame_for(school, kind="BÁO CÁO")

    assert (frame.parent_body, frame.issuer) == (agency.name, "Trường THPT Lê Lợi")
    assert frame.date_line.startswith("Thử Nghiệm, ngày ")
    assert frame_for(ward, kind="BÁO CÁO").date_line.startswith("Phường 1, ngày ")


def test_a_draft_decision_is_signed_as_the_letterhead_says(officer_a, commune_a, letterhead):
    from tests.awards.test_decisions import approved  # noqa: PLC0415
    from thidua.awards import decisions  # noqa: PLC0415

    nomination = approved(officer_a, commune_a, NAME)
    decision = decisions.draft_decision(actor=officer_a, issuer=commune_a, nominations=[nomination])

    assert (decision.symbol, decision.capacity, decision.signer_title, decision.signer_name) == (
        "QĐ-UBND", "KT.", "Phó Chủ tịch", "Trần Thị Ký")  # fmt: skip
    assert decision.authority == "Chủ tịch Ủy ban nhân dân xã An Phú"


def test_an_acting_head_signs_a_draft_decision_as_acting(officer_a, commune_a):
    from tests.awards.test_decisions import approved  # noqa: PLC0415
    from thidua.awards import decisions  # noqa: PLC0415

    save_letterhead(actor=officer_a, unit=commune_a, capacity="Q.", signer_name="Lê Văn Quyền")
    nomination = approved(officer_a, commune_a, NAME)
    decision = decisions.draft_decision(actor=officer_a, issuer=commune_a, nominations=[nomination])

    assert (decision.capacity, decision.signer_name) == ("Q.", "Lê Văn Quyền")

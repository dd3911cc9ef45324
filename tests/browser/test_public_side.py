"""The public side in the browser (issue 14, «Done when»): the decision gives certificates
whose PDF carries the names with their diacritics and a QR code leading to the verification
page, which says «đã bị hủy» once the award is revoked; an anonymous reader browses the
showcase and downloads the booklet; a visitor sends a story, the officer accepts it, a judge
scores it and it becomes an exemplar candidate."""

import datetime
import io

import pytest
import segno
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.awards.test_decisions import approved
from tests.exemplars.recognition import recognise
from tests.factories import UnitFactory, UnitRoleFactory, UserFactory
from tests.showcase.conftest import jpeg_with_gps
from thidua.accounts.models import Role
from thidua.awards import decisions
from thidua.awards.loader import load_everything
from thidua.awards.models import Award, AwardAuthority, AwardRule, BaseSalary, ProcessingLimit
from thidua.certificates.models import Certificate
from thidua.certificates.rendering import QR_BORDER, QR_SCALE
from thidua.contests import services as contests
from thidua.exemplars import services as exemplar_services
from thidua.exemplars.models import Criterion, Exemplar, Field
from thidua.exemplars.reference import load_reference_data
from thidua.showcase import booklets
from thidua.showcase import services as showcase
from thidua.units.models import UnitKind
from thidua.workflow.engine import transition

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NAMES = ("Đặng Thị Ngọc Ánh", "Vũ Văn Hải")


@pytest.fixture
def commune(transactional_db, settings):
    cache.clear()  # the public pages' limits and cached pages start afresh
    nation = UnitFactory(name="Trung ương", kind=UnitKind.NATION)
    city = UnitFactory(name="Thành phố Hải Phòng", kind=UnitKind.PROVINCE, parent=nation,
                       code="31")  # fmt: skip
    commune = UnitFactory(name="Xã Đại Sơn", kind=UnitKind.COMMUNE, parent=city, code="11086")
    officer = UnitRoleFactory(user=UserFactory(username="canbo.daison"), unit=commune,
                              role=Role.OFFICER).user  # fmt: skip
    yield commune, officer
    cache.clear()


@pytest.fixture
def decision(commune, web_server, settings):
    """A draft decision of the commune for two awardees, signed by its chairman."""
    settings.SITE_URL = web_server.url  # the QR codes lead to this server
    load_everything(Award, AwardRule, AwardAuthority, BaseSalary, ProcessingLimit)
    unit, officer = commune
    lines = [approved(officer, unit, name) for name in NAMES]
    draft = decisions.draft_decision(actor=officer, issuer=unit, nominations=lines)
    draft.signer_name, draft.signed_on = "Nguyễn Văn Chủ", timezone.localdate()
    draft.save()
    return draft


def _login(context, base, username):
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{base}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()
    return page


def _links(page) -> list[str]:
    return [annotation.get_object()["/A"]["/URI"] for annotation in page.get("/Annots", [])
            if annotation.get_object().get("/A", {}).get("/URI")]  # fmt: skip


def _qr_says(image, text: str) -> bool:
    """Whether the QR picture in the PDF draws exactly the symbol of `text`: each module is
    read at its centre and compared with the symbol segno makes of the text."""
    grey = image.convert("L")
    matrix = segno.make(text, error="m").matrix
    half = QR_SCALE // 2
    for row, modules in enumerate(matrix):
        for col, dark in enumerate(modules):
            x, y = ((QR_BORDER + i) * QR_SCALE + half for i in (col, row))
            if (grey.getpixel((x, y)) < 128) != bool(dark):
                return False
    return True


def test_certificates_from_the_decision_lead_to_their_verification(decision, browser, web_server):
    base = web_server.url
    officer = _login(browser.new_context(locale="vi-VN"), base, "canbo.daison")
    officer.goto(f"{base}{decision.get_absolute_url()}")
    officer.get_by_role("button", name="Ban hành").click()
    expect(officer.get_by_text("Đã ban hành Quyết định số 01/QĐ-UBND")).to_be_visible()
    officer.get_by_role("button", name="In giấy khen, bằng khen (PDF)").click()
    expect(officer.get_by_text("Đã tạo xong 2 giấy khen, bằng khen.")).to_be_visible()
    with officer.expect_download() as download:
        officer.get_by_role("link", name="Tải tệp PDF").click()
    with open(download.value.path(), "rb") as saved:
        pdf = PdfReader(io.BytesIO(saved.read()))

    first = Certificate.objects.get(name=NAMES[0])
    text = pdf.pages[0].extract_text()
    url = _links(pdf.pages[0])[0]
    assert len(pdf.pages) == 2
    assert NAMES[0] in text
    assert NAMES[1] in pdf.pages[1].extract_text()
    assert "Quyết định số 01/QĐ-UBND" in text
    assert first.code_display in text
    assert url == f"{base}/xac-minh/{first.code}/"
    assert any(_qr_says(image.image, url) for image in pdf.pages[0].images)

    reader = browser.new_context(locale="vi-VN").new_page()  # anyone, no login
    reader.goto(url)
    expect(reader.get_by_text("có giá trị")).to_be_visible()
    expect(reader.get_by_text(NAMES[0])).to_be_visible()

    officer.goto(f"{base}/khen-thuong/doi-tuong/{first.record.subject_id}/")
    officer.get_by_text("Hủy bỏ…").click()
    officer.get_by_label("Lý do, số quyết định hủy bỏ").fill("Quyết định số 15/QĐ-UBND hủy bỏ")
    officer.get_by_role("button", name="Hủy bỏ khen thưởng").click()
    expect(officer.get_by_text("Đã hủy bỏ khen thưởng")).to_be_visible()
    reader.reload()
    expect(reader.get_by_text("đã bị hủy")).to_be_visible()
    expect(reader.get_by_text("Quyết định số 15/QĐ-UBND hủy bỏ")).to_be_visible()


@pytest.fixture
def showcase_scene(commune, web_server):
    """A recognised exemplar of Xã Đại Sơn, consented and published with its photo, in a
    booklet rendered and offered for download; a contest of the commune open today."""
    unit, officer = commune
    load_reference_data(Field, Criterion)
    field = Field.objects.get(code="agriculture")
    person = exemplar_services.create_subject(actor=officer, unit=unit, kind="individual",
                                              name="Nguyễn Văn Ân")  # fmt: skip
    exemplar = exemplar_services.create_exemplar(
        actor=officer, subject=person, title="Mô hình trồng lúa hữu cơ", field=field,
        year_from=2023, achievements="Năng suất tăng 20%")  # fmt: skip
    exemplar = recognise(transition(exemplar, "nurture", by=officer), by=officer)
    upload = SimpleUploadedFile("anh.jpg", jpeg_with_gps(), content_type="image/jpeg")
    photo = exemplar_services.add_evidence(actor=officer, exemplar=exemplar, upload=upload,
                                           note="Cánh đồng lúa")  # fmt: skip
    showcase.record_consent(actor=officer, subject=person, given_on=timezone.localdate(),
                            note="Giấy đồng ý có chữ ký")  # fmt: skip
    page = showcase.save_publication(
        actor=officer, exemplar=exemplar, headline="Người nông dân trồng lúa hữu cơ",
        story="Ông Ân chuyển 2 ha lúa sang canh tác hữu cơ.", photos=[photo],
        publish=True)  # fmt: skip
    booklet = booklets.save_booklet(actor=officer, unit=unit, title="Gương sáng Đại Sơn",
                                    foreword="Những tấm gương của xã.", pages=[page])  # fmt: skip
    booklets.start_rendering(actor=officer, booklet=booklet)  # runs on commit: autocommit
    booklet.refresh_from_db()  # rendered now
    booklets.set_booklet_public(actor=officer, booklet=booklet, public=True)
    judge = UnitRoleFactory(user=UserFactory(username="giamkhao", full_name="Lê Thị Hoa"),
                            unit=unit, role=Role.COUNCIL).user  # fmt: skip
    today = timezone.localdate()
    contest = contests.save_contest(
        actor=officer, unit=unit, title="Gương người tốt quanh ta", rules="Người thật, việc thật.",
        opens_on=today - datetime.timedelta(days=10), closes_on=today + datetime.timedelta(days=20),
        categories=["Bút ký"], prizes=[("Giải Nhất", 1)], criteria=[("Nội dung", 60)],
        judges=[judge])  # fmt: skip
    return transition(contest, "launch", by=officer)


STORY = ("Bà Lò Thị Mai ngoài bảy mươi tuổi vẫn dậy sớm quét con đường làng, nhặt rác ven "
         "suối và chăm vườn hoa trước nhà văn hóa thôn. Bà vận động các cháu thiếu nhi cùng "
         "làm, sáng chủ nhật nào cả xóm cũng rộn ràng.")  # fmt: skip


def _read_the_showcase(reader, base) -> None:
    reader.goto(f"{base}/guong-dien-hinh/")
    reader.get_by_label("Tìm").fill("lua huu co")  # without diacritics
    reader.get_by_role("button", name="Xem").click()
    reader.get_by_role("link", name="Người nông dân trồng lúa hữu cơ").click()
    expect(reader.get_by_text("Ông Ân chuyển 2 ha lúa sang canh tác hữu cơ.")).to_be_visible()
    reader.get_by_role("link", name="Gương điển hình tiên tiến").first.click()
    reader.get_by_role("link", name="Ấn phẩm điển hình tiên tiến (PDF, EPUB)").click()
    with reader.expect_download() as download:
        reader.get_by_role("link", name="Tải bản PDF").click()
    with open(download.value.path(), "rb") as saved:
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(saved.read())).pages)
    assert "GƯƠNG SÁNG ĐẠI SƠN" in text  # the cover, in capitals
    assert "Người nông dân trồng lúa hữu cơ" in text


def _send_a_story(visitor, base, contest, tmp_path) -> None:
    photo = tmp_path / "ba-mai.jpg"
    photo.write_bytes(jpeg_with_gps((1200, 900)))
    visitor.goto(f"{base}{contest.get_public_url()}")
    for label, value in [("Họ và tên của bạn", "Nguyễn Thị Lan"),
                         ("Điện thoại hoặc thư điện tử của bạn", "0912 345 678"),
                         ("Người tốt bạn viết về", "Lò Thị Mai"),
                         ("Nơi ở, nơi làm việc của người đó", "Thôn Một, xã Đại Sơn"),
                         ("Tên bài viết", "Bà Mai quét đường làng"),
                         ("Bài viết", STORY)]:  # fmt: skip
        visitor.get_by_role("textbox", name=label, exact=True).fill(value)
    visitor.get_by_label("Ảnh", exact=False).set_input_files(photo)
    visitor.get_by_label("Tôi là tác giả bài viết", exact=False).check()
    visitor.get_by_role("button", name="Gửi bài").click()
    expect(visitor.get_by_text("Ban tổ chức sẽ xem bài của bạn.")).to_be_visible()


def test_readers_visitors_officers_and_judges_on_the_public_side(
    showcase_scene, browser, web_server, tmp_path
):
    base, contest = web_server.url, showcase_scene
    anonymous = browser.new_context(locale="vi-VN").new_page()
    _read_the_showcase(anonymous, base)
    _send_a_story(anonymous, base, contest, tmp_path)

    officer = _login(browser.new_context(locale="vi-VN"), base, "canbo.daison")
    officer.goto(f"{base}{contest.get_absolute_url()}")
    officer.get_by_role("link", name="Bà Mai quét đường làng").click()
    officer.get_by_role("button", name="Duyệt", exact=True).click()
    expect(officer.get_by_text("«Bà Mai quét đường làng»: đã cập nhật.")).to_be_visible()
    officer.goto(f"{base}{contest.get_absolute_url()}")
    officer.get_by_role("button", name="Kết thúc nhận bài, bắt đầu chấm").click()
    expect(officer.get_by_text("Đã cập nhật trạng thái cuộc thi.")).to_be_visible()

    judge = _login(browser.new_context(locale="vi-VN"), base, "giamkhao")
    judge.goto(f"{base}{contest.get_absolute_url()}")
    judge.get_by_role("link", name="Chấm bài").click()
    judge.get_by_label("Nội dung: Bà Mai quét đường làng").fill("52")
    judge.get_by_role("button", name="Lưu điểm").click()
    expect(judge.get_by_text("Đã lưu điểm của 1 bài.")).to_be_visible()

    officer.goto(f"{base}{contest.get_absolute_url()}")
    expect(officer.get_by_role("cell", name="52,0")).to_be_visible()  # the ranking's average
    officer.get_by_role("link", name="Bà Mai quét đường làng").first.click()
    officer.get_by_label("Lĩnh vực").select_option(label="Nông nghiệp")
    officer.get_by_role("button", name="Tạo điển hình từ bài này").click()
    expect(officer.get_by_text("Đã tạo điển hình (giai đoạn «Phát hiện»)")).to_be_visible()
    expect(officer.get_by_role("link", name="Bài dự thi «Bà Mai quét đường làng»")).to_be_visible()
    made = Exemplar.objects.get(subject__name="Lò Thị Mai")
    assert made.stage == "discovered"
    assert made.evidence.count() == 2  # the story as PDF and its photo

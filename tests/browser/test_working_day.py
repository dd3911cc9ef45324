"""The officers' working day on the demo, dated around today as `make run` loads it (issue
13, «Done when»): the commune officer sees on the home page what is due and what came back,
redelivers; the city officer sees the delivery in the inbox and decides it; a commune
organises a conference on today's date, gets 150 delegates in three actions, prints, checks
in one delegate by name and one by short code, holds, attaches the dossier in one action
and reports."""

import io

import pytest
from django.utils import timezone
from openpyxl import Workbook
from playwright.sync_api import expect

from tests.plans.helpers import PDF
from thidua.conferences.delegates_import import COLUMNS, SHEET
from thidua.conferences.models import Conference
from thidua.demo.data import COMMUNE_CODE, DEMO_PASSWORD
from thidua.demo.seed import seed_demo
from thidua.plans.models import Obligation
from thidua.units.models import Unit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
RETURNED = "Ban hành kế hoạch tổ chức hội nghị điển hình tiên tiến cấp xã"


@pytest.fixture
def demo(transactional_db):
    """The demo as `make run` loads it. Built before the browser starts."""
    seed_demo()
    return {"dai_son": Unit.objects.get(code=COMMUNE_CODE)}


def _login(page, url, username):
    page.goto(f"{url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


def _logout(page):
    page.get_by_role("button", name="Đăng xuất").click()


def _redeliver(page, tmp_path, note):
    pdf = tmp_path / "ke-hoach-to-chuc-hoi-nghi.pdf"
    pdf.write_bytes(PDF)
    page.get_by_label("Tệp (PDF, Word, Excel, ảnh; chọn được nhiều tệp)").set_input_files(str(pdf))
    page.get_by_label("Ghi chú").fill(note)
    page.get_by_role("button", name="Nộp").click()
    expect(page.locator(".messages")).to_be_visible()


def test_a_return_is_seen_redelivered_and_decided(demo, page, web_server, tmp_path):
    url = web_server.url
    _login(page, url, "canbo.tuky")
    owed = page.locator(".inbox-item")
    expect(owed.filter(has_text=RETURNED)).to_contain_text("Bị trả lại")
    expect(owed.filter(has_text=RETURNED)).to_contain_text("Lý do: Thiếu chữ ký, đóng dấu")
    expect(owed.filter(has_text="Chưa đến hạn").first).to_be_visible()
    owed.filter(has_text=RETURNED).get_by_role("link").click()
    _redeliver(page, tmp_path, "Bản có chữ ký, đóng dấu")
    _logout(page)

    _login(page, url, "canbo.tinh")
    page.get_by_role("link", name="Xem tất cả", exact=False).first.click()
    page.locator(".inbox-item", has_text="Xã Tứ Kỳ").get_by_role("link").click()
    page.get_by_label("Lý do trả lại").fill("Thiếu trang 2 của kế hoạch.")
    page.get_by_role("button", name="Trả lại").click()
    expect(page.locator(".facts")).to_contain_text("Thiếu trang 2 của kế hoạch.")
    _logout(page)

    _login(page, url, "canbo.tuky")
    item = page.locator(".inbox-item", has_text=RETURNED)
    expect(item).to_contain_text("Lý do: Thiếu trang 2 của kế hoạch.")
    item.get_by_role("link").click()
    _redeliver(page, tmp_path, "Bản đủ trang")
    _logout(page)

    _login(page, url, "canbo.tinh")
    page.get_by_role("link", name="Xem tất cả", exact=False).first.click()
    page.locator(".inbox-item", has_text="Xã Tứ Kỳ").get_by_role("link").click()
    page.get_by_role("button", name="Chấp nhận").click()
    expect(page.locator(".facts")).to_contain_text("đã chấp nhận")
    tu_ky = Obligation.objects.get(unit__name="Xã Tứ Kỳ", milestone__title__startswith=RETURNED)
    assert (tu_ky.state, tu_ky.files.count()) == ("accepted", 3)


def _delegates_workbook(path, count: int) -> None:
    """The delegates' Excel template filled with `count` guests and exemplary delegates."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet.append([header for _key, header in COLUMNS])
    for i in range(count):  # 70 % exemplary, half women, five in the presidium, four sent up
        sheet.append([f"Nguyễn Văn Khách {i}", "Đại biểu điển hình tiên tiến" if i % 10 < 7 else
                      "Khách mời", "Nữ" if i % 2 else "Nam", 1960 + i % 40,
                      "Tày" if i % 9 == 0 else "Kinh", "Nông dân", "Thôn Mỹ Đoàn", "",
                      "x" if i % 4 == 0 else "", "x" if i < 5 else "", "x" if 5 <= i < 9 else "",
                      "Sản xuất giỏi"])  # fmt: skip
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(buffer.getvalue())


def test_a_conference_today_with_150_delegates_from_start_to_report(
    demo, page, web_server, tmp_path
):
    url = web_server.url
    _login(page, url, "canbo.daison")
    conference = _organise_today(page, url, demo["dai_son"])
    _add_150_in_three_actions(page, url, conference, tmp_path)
    _approve_and_print(page, url, conference)
    _check_in_by_name_and_code(page, url, conference)
    _hold_attach_and_report(page, url, conference, tmp_path)

    conference.refresh_from_db()
    assert (conference.status, conference.budget_actual) == ("reported", 12_500_000)
    assert conference.dossier.filter(generated=True).count() == 3


def _organise_today(page, url, commune):
    page.goto(f"{url}/hoi-nghi/don-vi/{commune.pk}/tao/")
    plan = page.get_by_label("Thực hiện kế hoạch")
    plan.select_option(plan.locator("option", has_text="115/KH-UBND").get_attribute("value"))
    page.get_by_label("Hình thức").fill("Hội nghị tuyên dương điển hình tiên tiến")
    page.get_by_label("Giai đoạn từ năm").fill("2025")
    page.get_by_label("Đến năm").fill("2030")
    page.get_by_label("Ngày tổ chức").fill(f"{timezone.localdate():%d/%m/%Y}")
    page.get_by_label("Giờ khai mạc").fill("07:30")
    page.get_by_label("Địa điểm").fill("Hội trường UBND xã Đại Sơn")
    page.get_by_role("button", name="Lưu").click()
    conference = Conference.objects.latest("pk")
    expect(page.get_by_role("heading", level=1)).to_contain_text(conference.name)
    return conference


def _add_150_in_three_actions(page, url, conference, tmp_path):
    """Exemplars picked from the searchable list, every other recognised exemplar at once,
    the rest from the Excel template; then all 150 approved in one bulk action."""
    page.goto(f"{url}/hoi-nghi/{conference.pk}/dai-bieu/chon-dien-hinh/")
    page.get_by_label("Tìm theo tên, nội dung").fill("thu hang")
    page.get_by_role("button", name="Tìm").click()
    page.get_by_role("button", name="Chọn tất cả trên trang").click()
    page.get_by_role("button", name="Thêm các điển hình đã chọn").click()
    expect(page.locator(".messages")).to_contain_text("Đã thêm")
    picked = conference.delegates.count()
    page.goto(f"{url}/hoi-nghi/{conference.pk}/dai-bieu/")
    page.get_by_role("button", name="Thêm tất cả điển hình đã được công nhận").click()
    expect(page.locator(".messages")).to_contain_text("từ điển hình đã được công nhận")
    added = conference.delegates.count()
    page.get_by_role("link", name="Nhập danh sách từ Excel…").click()
    workbook = tmp_path / "dai-bieu.xlsx"
    _delegates_workbook(workbook, 150 - added)
    page.get_by_label("Tệp").set_input_files(str(workbook))
    page.get_by_role("button", name="Nhập").click()
    expect(page.get_by_text(f"Đã nhập: {150 - added} đại biểu.")).to_be_visible(timeout=20_000)
    assert (picked, added > picked, conference.delegates.count()) == (1, True, 150)
    page.goto(f"{url}/hoi-nghi/{conference.pk}/dai-bieu/")
    page.get_by_label("Chọn cả 150 đại biểu, ở mọi trang").check()
    page.get_by_label("Với các đại biểu đã chọn").select_option("approve")
    page.get_by_role("button", name="Thực hiện").click()
    expect(page.locator(".messages")).to_contain_text("Đã xử lý 150 đại biểu.")


def _approve_and_print(page, url, conference):
    """Approved on its own day (no late reason asked); invitations printed for everyone."""
    page.goto(f"{url}/hoi-nghi/{conference.pk}/")
    expect(page.get_by_label("Lý do duyệt kế hoạch hội nghị muộn")).to_have_count(0)
    page.get_by_role("button", name="Duyệt kế hoạch hội nghị").click()
    expect(page.locator(".badge.status")).to_have_text("Đã duyệt kế hoạch")
    page.goto(f"{url}/hoi-nghi/{conference.pk}/dai-bieu/")
    # The tests' immediate backend lays out the 150 invitations inside this request: on a
    # shared machine that alone may pass the default 15 s.
    page.get_by_role("button", name="In giấy mời (PDF)").click(timeout=60_000)
    expect(page.get_by_text("Đã tạo xong 150 giấy mời.")).to_be_visible(timeout=60_000)
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải tệp PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")


def _check_in_by_name_and_code(page, url, conference):
    """At the door: one delegate found by name, one by the short code under the QR."""
    page.goto(f"{url}/hoi-nghi/{conference.pk}/diem-danh/")
    page.get_by_label("Họ và tên đại biểu").fill("khach 17")
    page.get_by_role("button", name="Tìm").click()
    page.get_by_role("button", name="Có mặt: Nguyễn Văn Khách 17").click()
    expect(page.locator(".messages")).to_contain_text("Đã điểm danh: Nguyễn Văn Khách 17.")
    coded = conference.delegates.get(full_name="Nguyễn Văn Khách 42")
    page.get_by_label("Mã đại biểu hoặc mã điểm danh").fill(coded.short_code_display.lower())
    page.get_by_role("button", name="Điểm danh").click()
    expect(page.locator(".messages")).to_contain_text("Đã điểm danh: Nguyễn Văn Khách 42.")
    expect(page.locator("#attendance")).to_contain_text("Có mặt: 2 / 150")


def _hold_attach_and_report(page, url, conference, tmp_path):
    """Held; the drafts attached in one action, the signed ones in one upload; the cost
    recorded, the attendance shown; reported."""
    page.goto(f"{url}/hoi-nghi/{conference.pk}/")
    page.get_by_role("button", name="Ghi nhận đã tổ chức").click()
    expect(page.locator(".badge.status")).to_have_text("Đã tổ chức")
    page.get_by_role("button", name="Soạn và đính kèm các văn bản thidua soạn được").click()
    expect(page.locator(".messages")).to_contain_text("Đã soạn và đính kèm")
    page.get_by_label("Quyết toán (đồng)").fill("12500000")
    page.get_by_role("button", name="Ghi kết quả").click()
    expect(page.locator(".facts")).to_contain_text("Có mặt")
    expect(page.locator(".facts")).to_contain_text("2 / 150")
    signed = tmp_path / "ban-ky.pdf"  # what thidua cannot write: the signed ones, one upload
    signed.write_bytes(PDF)
    for name in ("Tờ trình", "Báo cáo thành tích của đại biểu"):
        page.get_by_label(f"Tệp: {name}", exact=True).set_input_files(str(signed))
    page.get_by_role("button", name="Tải lên các tệp đã chọn").click()
    expect(page.locator(".messages")).to_contain_text("Đã tải lên 2 văn bản")
    page.get_by_role("button", name="Gửi hồ sơ, báo cáo").click()
    expect(page.locator(".badge.status")).to_have_text("Đã gửi báo cáo")

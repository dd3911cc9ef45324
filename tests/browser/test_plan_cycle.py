"""A commune officer reads sample 003 into a draft, confirms and issues it; a village owes
its part, delivers late, and the commune's board shows it and exports (issue 4)."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.factories import UnitFactory, UnitRoleFactory, UserFactory
from tests.plans.helpers import PDF
from thidua.accounts.models import Role
from thidua.units.models import UnitKind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SAMPLE = next((Path(__file__).resolve().parents[3] / "shared" / "samples" / "plans")
              .glob("003_*.txt"), None)  # fmt: skip


@pytest.fixture
def scene(transactional_db):
    """Xã Đại Sơn with two villages, an officer each. Built before the browser starts."""
    nation = UnitFactory(name="Trung ương", kind=UnitKind.NATION)
    province = UnitFactory(name="Thành phố Hải Phòng", kind=UnitKind.PROVINCE, parent=nation)
    commune = UnitFactory(name="Xã Đại Sơn", kind=UnitKind.COMMUNE, parent=province)
    village = UnitFactory(name="Thôn Mỹ Đoàn", kind=UnitKind.VILLAGE, parent=commune)
    UnitFactory(name="Thôn Đông Phan", kind=UnitKind.VILLAGE, parent=commune)
    for username, unit in (("canbo.xa", commune), ("canbo.thon", village)):
        UnitRoleFactory(user=UserFactory(username=username), unit=unit, role=Role.OFFICER)
    return commune


def _login(page, url, username):
    page.goto(f"{url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()


def test_upload_confirm_issue_deliver_and_export(scene, page, web_server, tmp_path):
    assert SAMPLE is not None, "sample 003 must be beside the repository (../shared)"
    _login(page, web_server.url, "canbo.xa")
    page.goto(f"{web_server.url}/ke-hoach/don-vi/{scene.pk}/doc-van-ban/")
    page.get_by_label("Văn bản kế hoạch").set_input_files(str(SAMPLE))
    page.get_by_role("button", name="Đọc văn bản").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("28/KH-UBND")
    expect(page.get_by_text("25/08/2025").first).to_be_visible()

    page.get_by_role("link", name="Sửa bản nháp").click()
    page.get_by_label("Trích yếu").fill(
        "Tổ chức Hội nghị tuyên dương điển hình tiên tiến xã Đại Sơn lần thứ I (2025-2030)"
    )
    page.get_by_role("button", name="Lưu").click()
    page.get_by_role("link", name="Chọn đơn vị").first.click()
    page.get_by_label("Cấp").select_option("village")
    page.get_by_label("Áp dụng cho mọi mốc của kế hoạch").check()
    page.get_by_role("button", name="Chọn").click()
    page.get_by_role("link", name="Sửa", exact=True).last.click()  # the rule set read: cap 150
    expect(page.get_by_label("Tối đa đại biểu")).to_have_value("150")
    page.get_by_label("Hình thức được chọn").fill("Hội nghị tuyên dương điển hình tiên tiến")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_role("button", name="Xác nhận và ban hành").click()
    expect(page.locator(".badge")).to_have_text("Đã ban hành")

    page.get_by_role("button", name="Đăng xuất").click()
    _login(page, web_server.url, "canbo.thon")
    page.goto(f"{web_server.url}/ke-hoach/nghia-vu/")
    expect(page.locator("tbody tr")).to_have_count(4)  # four deadlines, this village's only
    page.locator("tbody tr a").first.click()
    pdf = tmp_path / "danh-sach.pdf"
    pdf.write_bytes(PDF)
    page.get_by_label("Tệp").set_input_files(str(pdf))
    page.get_by_role("button", name="Nộp").click()
    expect(page.locator(".status")).to_have_text("Đã nộp muộn")

    page.get_by_role("button", name="Đăng xuất").click()
    _login(page, web_server.url, "canbo.xa")
    page.goto(f"{web_server.url}/ke-hoach/")
    page.get_by_role("link", name="Tổ chức Hội nghị tuyên dương").click()
    page.get_by_role("link", name="Bảng theo dõi tiến độ").click()
    expect(page.get_by_role("table").get_by_role("link", name="Đã nộp muộn")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Xuất Excel").click()
    assert download.value.suggested_filename.endswith(".xlsx")

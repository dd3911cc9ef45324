"""A commune officer uploads a scan of sample 003 (its text rendered to page images in a
PDF, as a scanner would make it); the job reads it with Tesseract page by page, the draft
shows the title with its Vietnamese marks restored beside what the scan printed, the
officer corrects the issuer as the document names it and issues the plan (issue 17)."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_plan_cycle import _login, scene  # noqa: F401 -- the same commune
from tests.plans.scans import needs_ocr, scanned_pdf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SAMPLE = next((Path(__file__).resolve().parents[3] / "shared" / "samples" / "plans")
              .glob("003_*.txt"), None)  # fmt: skip


@pytest.fixture
def scan(tmp_path):
    """The sample's heading and first deadline on two scanned pages."""
    assert SAMPLE is not None, "sample 003 must be beside the repository (../shared)"
    needs_ocr()
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[:45]
    path = tmp_path / "ke-hoach-ban-quet.pdf"
    path.write_bytes(scanned_pdf("\n".join(lines[:24]), "\n".join(lines[24:])))
    return path


def test_a_scanned_plan_is_read_corrected_and_issued(scene, scan, page, web_server):  # noqa: F811
    _login(page, web_server.url, "canbo.xa")
    page.goto(f"{web_server.url}/ke-hoach/don-vi/{scene.pk}/doc-van-ban/")
    page.get_by_label("Văn bản kế hoạch").set_input_files(str(scan))
    page.get_by_role("button", name="Đọc văn bản").click()

    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text("28/KH-UBND")
    expect(heading).to_contain_text("tuyên dương điển hình tiên tiến")  # marks restored
    expect(heading).to_contain_text("Bản quét in:")  # what the scan printed, beside it
    expect(page.get_by_text("25/08/2025").first).to_be_visible()

    page.get_by_role("link", name="Sửa bản nháp").click()
    page.get_by_label("Cơ quan ban hành (theo văn bản)").fill("Ủy ban nhân dân xã Đại Sơn")
    page.get_by_label("Loại văn bản").select_option("KH")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator(".facts")).to_contain_text("Ủy ban nhân dân xã Đại Sơn")
    expect(page.locator(".facts")).to_contain_text("Kế hoạch")

    page.get_by_role("link", name="Chọn đơn vị").first.click()
    page.get_by_label("Cấp").select_option("village")
    page.get_by_label("Áp dụng cho mọi mốc của kế hoạch").check()
    page.get_by_role("button", name="Chọn").click()
    page.get_by_role("button", name="Xác nhận và ban hành").click()
    expect(page.locator(".badge")).to_have_text("Đã ban hành")

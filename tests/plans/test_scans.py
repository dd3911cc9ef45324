"""A scan is read through Tesseract in the reading job, page by page (issue 17, part 3):
a scanned PDF and a photo of a page become drafts; a blank, damaged or oversized scan is
refused with a Vietnamese message; without Tesseract the officer is told what to do."""

import io

import pytest
from PIL import Image

from tests.plans.scans import (
    huge_png_header,
    needs_ocr,
    page_image,
    pdf_with_image,
    photo_png,
    scanned_pdf,
)
from thidua.core.text import fold
from thidua.documents import ocr
from thidua.plans.models import Plan, PlanReading

PAGE_ONE = """UBND TỈNH NGHỆ AN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG     Độc lập - Tự do - Hạnh phúc
Số: 15/KH-HĐTĐKT          Nghệ An, ngày 5 tháng 3 năm 2026

KẾ HOẠCH
Tổ chức Hội nghị điển hình tiên tiến tỉnh Nghệ An năm 2026

Thực hiện Kế hoạch số 12/KH-UBND ngày 9/1/2026 của UBND tỉnh, Hội đồng
ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU"""
PAGE_TWO = """II. THỜI GIAN
- Các huyện gửi báo cáo trước ngày 15/11/2026.
- Tổ chức hội nghị trong tháng 12/2026."""


@pytest.fixture
def officer(client, province_officer):
    client.force_login(province_officer)
    return province_officer


def test_a_scanned_pdf_is_read_page_by_page_into_a_draft(officer, read_plan, province):
    needs_ocr()

    read_plan(province, "ban-quet.pdf", scanned_pdf(PAGE_ONE, PAGE_TWO))

    job = PlanReading.objects.get()
    plan = Plan.objects.get()
    assert (job.state, job.done_count, job.total) == ("done", 2, 2)  # pages read
    assert (plan.symbol, str(plan.issued_on)) == ("15/KH-HĐTĐKT", "2026-03-05")
    # Compared without marks: a newer Tesseract may read one mark differently.
    assert fold(plan.title) == fold("Tổ chức Hội nghị điển hình tiên tiến tỉnh Nghệ An năm 2026")
    assert fold(plan.issuer_name) == fold("Hội đồng Thi đua - Khen thưởng tỉnh Nghệ An")
    assert [str(m.due_on) for m in plan.milestones.order_by("due_on")] == [
        "2026-11-15", "2026-12-31",
    ]  # fmt: skip


def test_a_photo_of_a_page_is_read(officer, read_plan, province):
    needs_ocr()

    read_plan(province, "anh-chup.png", photo_png(PAGE_ONE))

    assert Plan.objects.get().symbol == "15/KH-HĐTĐKT"


def test_a_photo_turned_by_its_camera_and_a_cmyk_scan_are_read(officer, read_plan, province):
    needs_ocr()
    turned = page_image(PAGE_ONE).rotate(90, expand=True)
    exif = Image.Exif()
    exif[0x0112] = 6  # «rotate 90° clockwise to view», as a phone writes it
    photo = io.BytesIO()
    turned.convert("RGB").save(photo, "JPEG", exif=exif, quality=90)

    read_plan(province, "anh-dien-thoai.jpg", photo.getvalue())
    read_plan(province, "ban-quet-cmyk.pdf", pdf_with_image(page_image(PAGE_ONE).convert("CMYK")))

    assert list(Plan.objects.values_list("symbol", flat=True)) == ["15/KH-HĐTĐKT"] * 2


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("trang.pdf", lambda: scanned_pdf(""), "Không nhận ra chữ nào"),  # a white page
        ("hong.jpg", lambda: b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64, "bị hỏng"),
        ("khong-lo.png", lambda: huge_png_header(30_000, 30_000), "lớn quá"),
        # The PDF declares 100 × 100 pixels; the JPEG inside is 7,000 × 7,000.
        ("noi-doi.pdf", lambda: pdf_with_image(Image.new("L", (7_000, 7_000), 255),
                                               declared=(100, 100)), "lớn quá"),
    ],
)  # fmt: skip
def test_a_blank_damaged_or_oversized_scan_makes_no_draft(officer, read_plan, province, client,
                                                          name, content, said):  # fmt: skip
    needs_ocr()

    response = read_plan(province, name, content())
    page = client.get(response["Location"]).content.decode()

    job = PlanReading.objects.get()
    assert job.state == "invalid"
    assert said in job.error
    assert f"«{name}»" in job.error
    assert said in page
    assert not Plan.objects.exists()


def test_without_tesseract_a_scan_is_refused_with_what_to_do(officer, read_plan, province, client,
                                                             monkeypatch):  # fmt: skip
    monkeypatch.setattr(ocr, "available", lambda: False)

    response = read_plan(province, "ban-quet.pdf", scanned_pdf(PAGE_ONE))
    page = client.get(response["Location"]).content.decode()

    assert "tesseract-ocr-vie" in page
    assert "dán nội dung" in page
    assert not Plan.objects.exists()

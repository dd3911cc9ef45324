"""Reports in the browser (issue 15, «Done when»): the officer of Xã Đại Sơn lays out the
five-year report for 2020–2025 on the demo, drafts a part, has the Word file written and
opens it, and its figures are the demo's rows counted here; the city's officer opens the
dashboard, which shows the communes, and a chart's table gives the report's figure."""

import io

import pytest
from docx import Document
from playwright.sync_api import expect

from thidua.awards.models import AwardRecord
from thidua.core.text import thousands
from thidua.demo.data import COMMUNE_CODE, DEMO_PASSWORD, PROVINCE_CODE
from thidua.demo.seed import seed_demo
from thidua.units.models import Unit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _awards_of(unit) -> int:
    """The unit's award records of 2020–2025 counted from the rows (not revoked), with the
    units merged into it."""
    paths = [unit.path, *unit.predecessors.values_list("path", flat=True)]
    rows = AwardRecord.objects.filter(year__range=(2020, 2025), revoked_on__isnull=True)
    return sum(1 for path in rows.values_list("unit__path", flat=True)
               if any(path.startswith(p) for p in paths))  # fmt: skip


@pytest.fixture
def demo(transactional_db):
    seed_demo()
    dai_son, city = Unit.objects.get(code=COMMUNE_CODE), Unit.objects.get(code=PROVINCE_CODE)
    return {
        "dai_son": dai_son,
        "city": city,
        "awards": _awards_of(dai_son),
        "city_awards": _awards_of(city),
    }


def _login(context, base, username):
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{base}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()
    return page


def test_the_five_year_report_and_the_citys_dashboard(demo, browser, web_server):
    base, awards = web_server.url, demo["awards"]
    commune = _login(browser.new_context(locale="vi-VN"), base, "canbo.daison")
    commune.get_by_role("link", name="Báo cáo tổng kết").first.click()
    commune.get_by_label("Đơn vị").select_option(label="Xã Đại Sơn")
    expect(commune.get_by_label("Giai đoạn từ năm")).to_have_value("2020")
    commune.get_by_role("button", name="Lập báo cáo").click()
    sentence = f"Tổng số {thousands(awards)} lượt khen thưởng"
    expect(commune.get_by_text(sentence, exact=False).first).to_be_visible()
    commune.get_by_label("Tồn tại, hạn chế, nguyên nhân và bài học kinh nghiệm").fill(
        "Một số thôn chưa gửi báo cáo đúng hạn.")  # fmt: skip
    commune.get_by_role("button", name="Lưu dự thảo").click()
    expect(commune.get_by_text("Đã lưu dự thảo báo cáo.")).to_be_visible()
    commune.get_by_role("button", name="Tạo bản Word").click()
    with commune.expect_download() as download:
        commune.get_by_role("link", name="Tải bản Word").click()
    with open(download.value.path(), "rb") as saved:
        text = "\n".join(p.text for p in Document(io.BytesIO(saved.read())).paragraphs)
    assert sentence in text
    assert "Một số thôn chưa gửi báo cáo đúng hạn." in text
    assert awards > 0  # the demo has five years of awards

    city = _login(browser.new_context(locale="vi-VN"), base, "canbo.tinh")
    city.goto(f"{base}/bao-cao-tong-ket/tong-quan/")
    city.get_by_role("combobox", name="Đơn vị").select_option(label="Thành phố Hải Phòng")
    city.get_by_role("button", name="Xem").click()
    heading = city.get_by_role("heading", name="Hội nghị của các đơn vị trực thuộc")
    progress = city.locator("section", has=heading)
    expect(progress.get_by_role("cell", name="Xã Đại Sơn")).to_be_visible()
    yearly = city.locator("section", has=city.get_by_role("heading", name="Khen thưởng theo năm"))
    totals = [int(cell.replace(".", "")) for cell in
              yearly.locator("tbody tr td:nth-child(2)").all_inner_texts()]  # fmt: skip
    assert sum(totals) == demo["city_awards"]  # the chart's table gives the report's figure
    assert yearly.locator("svg").count() == 1

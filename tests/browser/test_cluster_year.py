"""The year of a cluster in the browser (issue 16, «Done when»): the city's standing body
opens Cụm thi đua số 1's pact for next year and names Xã Đại Sơn its head; Đại Sơn hosts
and records the signing, scores itself and sends its card; the city enters the other
members' cards sent on paper, adjusts one score with a reason and publishes the ranking;
Đại Sơn's flag nomination waits in the city's inbox. Then the city asks a fix of the
inspection of Đại Sơn, and Đại Sơn reports it done."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from thidua.demo.data import COMMUNE_CODE, DEMO_PASSWORD, PROVINCE_CODE
from thidua.demo.seed import seed_demo
from thidua.inspections.models import Inspection
from thidua.units.models import EmulationGroup

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    seed_demo()
    cluster = EmulationGroup.objects.get(owner__code=PROVINCE_CODE, kind="cluster", number=1)
    members = [m.unit.name for m in cluster.members.select_related("unit")
               if m.unit.code != COMMUNE_CODE]  # fmt: skip
    inspection = Inspection.objects.get(unit__code=COMMUNE_CODE)
    return {"cluster": cluster.pk, "others": members, "inspection": inspection.pk,
            "year": timezone.localdate().year + 1, "today": timezone.localdate()}  # fmt: skip


def _login(context, base, username):
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{base}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()
    return page


def _score(page, values):
    for field, value in zip(page.get_by_label("Điểm tự chấm:").all(), values, strict=False):
        field.fill(value)
    page.get_by_role("button", name="Lưu điểm tự chấm").click()
    expect(page.get_by_text("Đã lưu điểm tự chấm.")).to_be_visible()
    page.get_by_role("button", name="Gửi điểm tự chấm").click()
    expect(page.get_by_text("Trạng thái: Đã gửi điểm")).to_be_visible()


def test_a_clusters_year_from_the_pact_to_the_flag(demo, browser, web_server):
    base = web_server.url
    city = _login(browser.new_context(locale="vi-VN"), base, "canbo.tinh")
    city.goto(f"{base}/giao-uoc/cum-khoi/{demo['cluster']}/")
    city.locator("#id_year").fill(str(demo["year"]))
    city.get_by_label("Cách chọn trưởng cụm, khối").select_option(
        label="Cơ quan thường trực chỉ định"
    )
    city.get_by_role("button", name="Mở giao ước").click()
    expect(city.get_by_text(f"Đã mở giao ước thi đua năm {demo['year']}.")).to_be_visible()
    pact_url = city.url
    city.get_by_label("Trưởng cụm, khối").select_option(label="Xã Đại Sơn")
    city.get_by_role("button", name="Lưu", exact=True).click()
    expect(city.get_by_text("Đã lưu trưởng, phó cụm, khối.")).to_be_visible()

    dai_son = _login(browser.new_context(locale="vi-VN"), base, "canbo.daison")
    dai_son.goto(pact_url)
    dai_son.get_by_label("Ngày ký kết").fill(demo["today"].strftime("%d/%m/%Y"))
    dai_son.get_by_label("Địa điểm").fill("Hội trường UBND xã Đại Sơn")
    dai_son.get_by_role("button", name="Ghi nhận đã ký kết").click()
    expect(dai_son.get_by_text("Đã ký kết", exact=True)).to_be_visible()
    dai_son.get_by_role("link", name="Chấm điểm tổng kết năm").click()
    dai_son.get_by_role("button", name="Tự chấm điểm cho Xã Đại Sơn").click()
    _score(dai_son, ["40", "30", "30"])

    review_url = f"{pact_url}cham-diem/year/"
    for name in demo["others"]:
        city.goto(review_url)
        city.get_by_role("button", name=f"Tự chấm điểm cho {name}").click()
        _score(city, ["30", "20", "20"])
    city.get_by_label("Điểm điều chỉnh:").first.fill("25")
    city.get_by_label("Lý do điều chỉnh:").first.fill("Thiếu minh chứng kết quả quý IV")
    city.get_by_role("button", name="Điều chỉnh").first.click()
    expect(city.get_by_text("(Thiếu minh chứng kết quả quý IV")).to_be_visible()
    city.goto(review_url)
    city.get_by_role("button", name="Công bố kết quả xếp hạng").click()
    ranking = city.locator(
        "section", has=city.get_by_role("heading", name="Kết quả xếp hạng (đã công bố)")
    )
    expect(ranking.locator("tbody tr").first).to_contain_text("Xã Đại Sơn")
    city.goto(f"{base}/")
    drafts = city.locator(
        "section", has=city.get_by_role("heading", name="Đề nghị khen thưởng đang soạn")
    )
    expect(drafts.get_by_text("Xã Đại Sơn", exact=False).first).to_be_visible()

    city.goto(f"{base}/kiem-tra/{demo['inspection']}/")
    city.get_by_label("Yêu cầu khắc phục").fill("Niêm yết kết quả bình xét tại trụ sở xã")
    city.get_by_label("Hạn khắc phục").fill(demo["today"].strftime("%d/%m/%Y"))
    city.get_by_role("button", name="Gửi yêu cầu khắc phục").click()
    expect(city.get_by_text("Đã gửi yêu cầu khắc phục.")).to_be_visible()
    dai_son.goto(f"{base}/kiem-tra/{demo['inspection']}/")
    fix = dai_son.locator("div", has=dai_son.get_by_role(
        "heading", name="Niêm yết kết quả bình xét tại trụ sở xã")).last  # fmt: skip
    fix.get_by_label("Kết quả đã khắc phục").fill("Đã niêm yết ngày hôm nay, có ảnh kèm.")
    fix.get_by_role("button", name="Báo cáo kết quả khắc phục").click()
    expect(dai_son.get_by_text("Đã báo cáo khắc phục").first).to_be_visible()

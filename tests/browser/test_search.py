import re

import pytest
from playwright.sync_api import expect

from thidua.demo.data import DEMO_PASSWORD
from thidua.demo.seed import seed_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    return seed_demo()


def test_officer_logs_in_and_finds_a_commune_typed_without_diacritics(demo, page, web_server):

    page.goto(f"{web_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("canbo.tinh")
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Xin chào, Nguyễn Thị Thu Hà")).to_be_visible()

    page.get_by_role("link", name="Tìm đơn vị").click()
    page.get_by_label("Tên hoặc mã đơn vị").press_sequentially("dai son", delay=30)

    # The commune comes first, then the bodies inside it whose names carry it too; the
    # Đại Sơn of Bắc Ninh lies outside this officer's province and never shows.
    results = page.locator("#results tbody tr")
    expect(results.first).to_contain_text("Xã Đại Sơn")
    expect(results.first).to_contain_text("Thành phố Hải Phòng")
    expect(page.locator("#results")).not_to_contain_text("Bắc Ninh")
    expect(page).to_have_url(re.compile(r"q=dai(\+|%20)son"))

    results.first.get_by_role("link", name="Xã Đại Sơn").click()
    expect(page.get_by_role("heading", name="Xã Đại Sơn", level=1)).to_be_visible()
    expect(page.get_by_text("Thôn Mỹ Đoàn")).to_be_visible()

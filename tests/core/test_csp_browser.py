"""In chromium, under the Content-Security-Policy: the API docs (django-ninja's vendored
Swagger UI) render, and neither they nor a page with htmx trigger a single violation."""

import pytest
from playwright.sync_api import expect

# The browser fixtures live with the browser tests; they are shared, not copied.
from tests.browser.conftest import browser, page, web_server  # noqa: F401
from thidua.demo.data import DEMO_PASSWORD
from thidua.demo.seed import seed_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    return seed_demo()


def _violations(page):  # noqa: F811 -- the fixture's name, as a parameter
    found = []
    page.on("console", lambda m: found.append(m.text) if "Security Policy" in m.text else None)
    return found


def test_api_docs_and_pages_run_under_the_policy(demo, page, web_server):  # noqa: F811
    violations = _violations(page)
    page.goto(f"{web_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("canbo.tinh")
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("link", name="Tìm đơn vị").click()
    page.get_by_label("Tên hoặc mã đơn vị").press_sequentially("dai son", delay=30)
    expect(page.locator("#results tbody tr").first).to_contain_text("Xã Đại Sơn")

    page.goto(f"{web_server.url}/api/v1/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("thidua API")
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    page.locator(".opblock-summary-path", has_text="/api/v1/me").first.click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    status = page.locator(".live-responses-table tbody .response-col_status").first
    expect(status).to_have_text("200")

    assert violations == []

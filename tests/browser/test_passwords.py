"""A newcomer replaces the temporary password at the first login; a user who forgot theirs
sets a new one through the link mailed to them (issue 9)."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.factories import UserFactory
from thidua.accounts.services import create_account

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NEW_PASSWORD = "Hoa-sen-no-ven-ho-2025"


@pytest.fixture
def newcomer(transactional_db):
    """An account made as grant_role --create makes it; returns its temporary password."""
    _user, password = create_account(actor=None, username="canbo.moi", full_name="Lê Văn Mới")
    return password


@pytest.fixture
def forgetful(transactional_db):
    return UserFactory(username="canbo.quen", full_name="Phạm Thị Quên", email="quen@example.com")


def _login(page, url, username, password):
    page.goto(f"{url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def _choose(page, password):
    page.get_by_label(re.compile("^Mật khẩu mới")).fill(password)  # not «Xác nhận mật khẩu mới»
    page.get_by_label("Xác nhận mật khẩu mới").fill(password)


def test_a_temporary_password_must_be_changed_at_the_first_login(newcomer, page, web_server):
    _login(page, web_server.url, "canbo.moi", newcomer)
    expect(page.get_by_role("heading", name="Đổi mật khẩu")).to_be_visible()
    expect(page.get_by_text("Bạn đang dùng mật khẩu tạm thời")).to_be_visible()

    page.get_by_label("Mật khẩu hiện tại").fill(newcomer)
    _choose(page, NEW_PASSWORD)
    page.get_by_role("button", name="Đổi mật khẩu").click()
    expect(page.get_by_role("heading", name="Xin chào, Lê Văn Mới")).to_be_visible()
    expect(page.get_by_text("Đã đổi mật khẩu.")).to_be_visible()

    page.get_by_role("link", name="Cây tổ chức").click()  # no longer held back
    expect(page).to_have_url(f"{web_server.url}/don-vi/")


def test_a_forgotten_password_is_reset_through_the_mailed_link(
    forgetful, page, web_server, settings
):
    settings.SITE_URL = web_server.url
    page.goto(f"{web_server.url}/dang-nhap/")
    page.get_by_role("link", name="Quên mật khẩu?").click()
    page.get_by_label("Địa chỉ thư điện tử").fill("quen@example.com")
    page.get_by_role("button", name="Gửi liên kết đặt lại mật khẩu").click()
    expect(page.get_by_role("heading", name="Hãy kiểm tra hộp thư")).to_be_visible()

    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    assert link.startswith(web_server.url)
    page.goto(link)
    expect(page.get_by_text("canbo.quen")).to_be_visible()
    _choose(page, NEW_PASSWORD)
    page.get_by_role("button", name="Lưu mật khẩu mới").click()
    expect(page.get_by_role("heading", name="Đã đặt mật khẩu mới")).to_be_visible()

    page.get_by_role("link", name="Đăng nhập").last.click()
    page.get_by_label("Tên đăng nhập").fill("canbo.quen")
    page.get_by_label("Mật khẩu").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Xin chào, Phạm Thị Quên")).to_be_visible()

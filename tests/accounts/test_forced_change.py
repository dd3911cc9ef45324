"""A temporary password must be replaced before anything else (issue 9)."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from thidua.accounts.models import User
from thidua.demo.data import DEMO_PASSWORD

PASSWORD = "mat-khau-thu"
NEW_PASSWORD = "Hoa-sen-no-ven-ho-2025"
CHANGE = reverse("password_change")


@pytest.fixture
def newcomer(db):
    return UserFactory(username="moi", full_name="Lê Văn Mới", must_change_password=True)


@pytest.mark.parametrize("path", ["/", "/don-vi/", "/tai-khoan/", "/nhat-ky/?trang=2"])
def test_pages_send_a_user_with_a_temporary_password_to_the_change_page(client, newcomer, path):
    client.force_login(newcomer)

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith(f"{CHANGE}?next=")
    assert client.get(response["Location"]).status_code == 200


def test_posts_elsewhere_are_not_carried_out(client, newcomer):
    client.force_login(newcomer)

    response = client.post(reverse("token_create"), {"name": "Lách"})

    assert response["Location"].startswith(CHANGE)
    assert not newcomer.api_tokens.exists()


def test_the_api_answers_json_403_in_vietnamese(client, newcomer):
    client.force_login(newcomer)

    response = client.get("/api/v1/me")

    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    assert "đổi mật khẩu" in response.json()["detail"]


def test_htmx_requests_move_the_whole_page(client, newcomer):
    client.force_login(newcomer)

    response = client.get(reverse("units:search"), {"q": "x"}, HTTP_HX_REQUEST="true")

    assert response.headers["HX-Redirect"].startswith(CHANGE)


def test_the_change_page_logout_and_reset_stay_reachable(client, newcomer):
    client.force_login(newcomer)

    page = client.get(CHANGE)
    reset = client.get(reverse("password_reset"))
    logout = client.post(reverse("logout"))

    assert "mật khẩu tạm thời" in page.content.decode()
    assert reset.status_code == 200
    assert logout["Location"] == reverse("login")


def test_after_the_change_the_user_goes_on_to_the_page_asked_for(client, newcomer):
    client.force_login(newcomer)
    data = {"old_password": PASSWORD, "new_password1": NEW_PASSWORD}

    response = client.post(
        f"{CHANGE}?next=/don-vi/", {**data, "new_password2": NEW_PASSWORD}, follow=True
    )

    assert response.redirect_chain[-1][0] == "/don-vi/"
    assert "Đã đổi mật khẩu" in response.content.decode()
    assert client.get("/api/v1/me").status_code == 200


def test_an_outside_next_is_ignored(client, newcomer):
    client.force_login(newcomer)
    data = {"old_password": PASSWORD, "new_password1": NEW_PASSWORD}

    response = client.post(
        f"{CHANGE}?next=https://evil.example/", {**data, "new_password2": NEW_PASSWORD}
    )

    assert response["Location"] == reverse("password_change_done")


def test_users_without_the_flag_are_not_held_back(client, newcomer):
    client.force_login(UserFactory(username="cu"))
    free = (client.get("/").status_code, client.get("/api/v1/me").status_code)
    client.force_login(newcomer)
    held = (client.get("/").status_code, client.get("/api/v1/me").status_code)

    assert free == (200, 200)
    assert held == (302, 403)


def test_login_with_a_temporary_password_leads_to_the_change_page(client, newcomer):
    response = client.post(reverse("login"), {"username": "moi", "password": PASSWORD}, follow=True)

    assert response.redirect_chain[-1][0].startswith(CHANGE)
    assert "Bạn đang dùng mật khẩu tạm thời" in response.content.decode()


@pytest.mark.django_db
def test_demo_accounts_are_not_forced_to_change_their_password(client):
    from thidua.demo.seed import seed_demo  # noqa: PLC0415 -- heavy, only here

    seed_demo()

    assert not User.objects.filter(must_change_password=True).exists()
    client.post(reverse("login"), {"username": "canbo.tinh", "password": DEMO_PASSWORD})
    assert client.get("/").status_code == 200

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory

PASSWORD = "mat-khau-thu"


@pytest.fixture
def person(db):
    return UserFactory(username="canbo", full_name="Trần Thị Mai")


def _login(client, password):
    return client.post(reverse("login"), {"username": "canbo", "password": password})


def test_login_and_logout(client, person):
    response = _login(client, PASSWORD)
    home = client.get(reverse("home"))
    client.post(reverse("logout"))

    assert response["Location"] == reverse("home")
    assert "Xin chào, Trần Thị Mai" in home.content.decode()
    assert client.get(reverse("home")).status_code == 302


def test_wrong_password_shows_a_vietnamese_message_and_keeps_the_username(client, person):
    response = _login(client, "sai")

    body = response.content.decode()
    assert response.status_code == 200
    assert "mật khẩu" in body.lower()
    assert 'value="canbo"' in body


def test_login_is_locked_after_five_failures(client, person, settings):
    settings.AXES_FAILURE_LIMIT = 5
    for _ in range(5):
        _login(client, "sai")

    response = _login(client, PASSWORD)

    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()


def test_posts_without_a_csrf_token_are_refused(person, commune_a, officer_a):
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer_a)

    response = client.post(reverse("units:create", args=[commune_a.pk]), {"name": "Thôn X"})

    assert response.status_code == 403
    assert "Phiên làm việc đã hết hạn" in response.content.decode()


def test_unknown_pages_answer_404_in_vietnamese(client, officer_a):
    client.force_login(officer_a)

    response = client.get("/don-vi/999999/")

    assert response.status_code == 404
    assert "nằm ngoài phạm vi đơn vị của bạn" in response.content.decode()


def test_htmx_request_after_session_expiry_redirects_the_whole_page(client, commune_a):
    response = client.get(reverse("units:search"), {"q": "x"}, HTTP_HX_REQUEST="true")

    assert response.headers["HX-Redirect"].startswith(reverse("login"))


def test_api_token_is_shown_once_and_stored_hashed(client, officer_a):
    client.force_login(officer_a)

    client.post(reverse("token_create"), {"name": "Cổng tỉnh"})
    first = client.get(reverse("profile")).context["new_token"]
    second = client.get(reverse("profile")).context["new_token"]

    token = officer_a.api_tokens.get()
    assert first
    assert second is None
    assert token.key_hash != first
    assert token.prefix == first[:8]


def test_dates_are_shown_dd_mm_yyyy(client, officer_a, commune_a):
    import datetime

    from thidua.units.services import update_unit

    update_unit(actor=None, unit=commune_a, valid_from=datetime.date(2025, 7, 1))
    client.force_login(officer_a)

    body = client.get(commune_a.get_absolute_url()).content.decode()

    assert "từ 01/07/2025" in body


def test_an_officer_cannot_revoke_someone_elses_token(client, officer_a, officer_b):
    from thidua.accounts.services import create_api_token

    create_api_token(user=officer_a, name="Của A")
    client.force_login(officer_b)

    client.post(reverse("token_revoke", args=[officer_a.api_tokens.get().pk]))

    assert officer_a.api_tokens.count() == 1


@pytest.mark.django_db
def test_site_admin_home_counts_the_nation(client, site_admin):
    from thidua.units.loader import load_official_tree

    load_official_tree()
    client.force_login(site_admin)

    counts = dict(client.get(reverse("home")).context["unit_counts"])

    assert counts["Tỉnh, thành phố trực thuộc Trung ương"] == 34
    assert counts["Xã, phường, đặc khu"] == 3321

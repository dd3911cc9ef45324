"""Failed logins counted per address across usernames, against password spraying (issue 9).
Axes alone locks one username at one address."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory

PASSWORD = "mat-khau-thu"
LOCKED = "Có quá nhiều lần đăng nhập sai từ địa chỉ mạng này"
OFFICE = "203.0.113.7"


@pytest.fixture
def person(db, settings):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 3
    return UserFactory(username="canbo")


def _login(client, username, password, address=OFFICE):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def _spray(client, usernames, address=OFFICE):
    for username in usernames:
        _login(client, username, "mat-khau-doan", address)


def test_failures_spread_over_usernames_lock_the_address(client, person):
    _spray(client, ["an", "binh", "chi"])

    response = _login(client, "canbo", PASSWORD)

    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_locked_address_does_not_even_try_the_password(client, person):
    _spray(client, ["an", "binh", "chi"])

    _login(client, "dung", "mat-khau-doan")

    assert not AccessAttempt.objects.filter(username="dung").exists()


def test_below_the_limit_the_right_password_still_logs_in(client, person):
    _spray(client, ["an", "binh"])

    response = _login(client, "canbo", PASSWORD)

    assert response["Location"] == reverse("home")


def test_other_addresses_are_not_locked(client, person):
    _spray(client, ["an", "binh", "chi"])

    response = _login(client, "canbo", PASSWORD, address="198.51.100.20")

    assert response["Location"] == reverse("home")


def test_failures_older_than_the_cool_off_no_longer_count(client, person, settings):
    _spray(client, ["an", "binh", "chi"])
    long_ago = timezone.now() - datetime.timedelta(hours=settings.AXES_COOLOFF_TIME, minutes=1)
    AccessAttempt.objects.update(attempt_time=long_ago)

    response = _login(client, "canbo", PASSWORD)

    assert response["Location"] == reverse("home")


def test_the_default_limit_spares_an_office_behind_one_address(client, db, settings):
    UserFactory(username="canbo")
    _spray(client, [f"nguoi{n}" for n in range(10)])

    assert settings.LOGIN_ADDRESS_FAILURE_LIMIT == 30
    assert _login(client, "canbo", PASSWORD)["Location"] == reverse("home")


def test_behind_the_proxy_each_client_is_counted_by_the_address_the_proxy_gives(
    client, person, settings
):
    settings.BEHIND_PROXY = True
    for n, username in enumerate(["an", "binh", "chi"]):  # three clients, one proxy
        client.post(reverse("login"), {"username": username, "password": "sai"},
                    REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP=f"198.51.100.{n}")  # fmt: skip

    response = client.post(reverse("login"), {"username": "canbo", "password": PASSWORD},
                           REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="198.51.100.9")  # fmt: skip

    assert LOCKED not in response.content.decode()
    assert response.status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {
        "198.51.100.0", "198.51.100.1", "198.51.100.2",
    }  # fmt: skip


def test_without_the_proxy_a_client_cannot_choose_its_address(client, person):
    for n, username in enumerate(["an", "binh", "chi"]):
        client.post(reverse("login"), {"username": username, "password": "sai"},
                    REMOTE_ADDR=OFFICE, HTTP_X_REAL_IP=f"198.51.100.{n}")  # fmt: skip

    assert LOCKED in _login(client, "canbo", PASSWORD).content.decode()

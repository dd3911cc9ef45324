"""Changing a password, and resetting a forgotten one by e-mail (issue 9)."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory
from thidua.accounts.forms import PasswordChangeForm, SetPasswordForm
from thidua.audit.models import AuditEvent

PASSWORD = "mat-khau-thu"
NEW_PASSWORD = "Hoa-sen-no-ven-ho-2025"


@pytest.fixture
def person(db):
    return UserFactory(username="canbo", full_name="Trần Thị Mai", email="mai@example.com")


def _change(client, old, new, confirm=None):
    data = {"old_password": old, "new_password1": new, "new_password2": confirm or new}
    return client.post(reverse("password_change"), data)


def test_the_profile_links_to_the_change_page(client, person):
    client.force_login(person)

    body = client.get(reverse("profile")).content.decode()

    assert f'href="{reverse("password_change")}"' in body


def test_change_sets_the_password_clears_the_flag_and_keeps_the_session(client, person):
    person.must_change_password = True
    person.save()
    client.force_login(person)

    response = _change(client, PASSWORD, NEW_PASSWORD)

    person.refresh_from_db()
    assert response["Location"] == reverse("password_change_done")
    assert person.check_password(NEW_PASSWORD)
    assert not person.must_change_password
    assert client.get(reverse("home")).status_code == 200


def test_a_change_is_audited_without_the_password(client, person):
    client.force_login(person)

    _change(client, PASSWORD, NEW_PASSWORD)

    event = AuditEvent.objects.get(target_type="accounts.user", target_id=str(person.pk))
    assert event.note == "Đổi mật khẩu"
    assert event.actor == person
    assert NEW_PASSWORD not in str(event.changes)
    assert PASSWORD not in str(event.changes)


def test_a_wrong_current_password_is_refused_in_vietnamese(client, person):
    client.force_login(person)

    response = _change(client, "sai-roi", NEW_PASSWORD)

    person.refresh_from_db()
    assert response.status_code == 200
    assert "Mật khẩu hiện tại không đúng" in response.content.decode()
    assert person.check_password(PASSWORD)
    assert not AuditEvent.objects.filter(target_type="accounts.user").exists()


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Ab1-x", "Mật khẩu này quá ngắn: cần ít nhất 8 ký tự."),
        ("password123", "Mật khẩu này quá phổ biến."),
        ("20252025", "Mật khẩu này hoàn toàn là số."),
    ],
)
def test_the_change_page_applies_the_validators_in_vietnamese(client, person, password, message):
    client.force_login(person)

    response = _change(client, PASSWORD, password)

    body = response.content.decode()
    person.refresh_from_db()
    assert message in body
    assert "This password" not in body
    assert person.check_password(PASSWORD)


def test_the_reset_form_applies_the_validators_in_vietnamese(person):
    form = SetPasswordForm(person, {"new_password1": "Ab1-x", "new_password2": "Ab1-x"})

    assert not form.is_valid()
    assert form.errors["new_password2"] == ["Mật khẩu này quá ngắn: cần ít nhất 8 ký tự."]


def test_the_help_text_lists_the_validators_in_vietnamese_plain_text(person):
    help_text = PasswordChangeForm(person).fields["new_password1"].help_text

    assert "ít nhất 8 ký tự" in help_text
    assert "<" not in help_text


def _request_reset(client, email):
    # A forged Host header must not end up in the link.
    return client.post(reverse("password_reset"), {"email": email}, HTTP_HOST="localhost")


def _link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


def test_reset_mails_one_link_on_site_url_that_sets_a_new_password(client, person, settings):
    settings.SITE_URL = "https://thidua.example.gov.vn"

    response = _request_reset(client, "MAI@example.com")

    assert response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    link = _link_in(message)
    assert message.to == ["mai@example.com"]
    assert message.subject == "Đặt lại mật khẩu tài khoản canbo – Thi đua – Khen thưởng"
    assert "Kính gửi Trần Thị Mai" in message.body
    assert link.startswith("https://thidua.example.gov.vn/tai-khoan/dat-lai-mat-khau/")

    form_page = client.get(link.removeprefix("https://thidua.example.gov.vn"), follow=True)
    assert "Đặt mật khẩu mới" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert done["Location"] == reverse("password_reset_complete")
    login = client.post(reverse("login"), {"username": "canbo", "password": NEW_PASSWORD})
    assert login["Location"] == reverse("home")
    event = AuditEvent.objects.get(target_type="accounts.user", target_id=str(person.pk))
    assert event.note == "Đặt lại mật khẩu qua thư điện tử"


def test_a_reset_clears_the_must_change_flag(client, person):
    person.must_change_password = True
    person.save()
    _request_reset(client, person.email)
    path = "/" + _link_in(mail.outbox[0]).split("/", 3)[3]

    form_page = client.get(path, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    assert not person.must_change_password


def test_an_unknown_address_gets_nothing_and_the_same_answer(client, person):
    known = _request_reset(client, "mai@example.com")
    mail.outbox.clear()

    unknown = _request_reset(client, "khong-co@example.com")
    page = client.get(unknown["Location"]).content.decode()

    assert mail.outbox == []
    assert unknown.status_code == known.status_code == 302
    assert unknown["Location"] == known["Location"]
    assert "liên hệ quản trị viên" in page


def test_an_account_without_an_address_gets_nothing(client, db):
    UserFactory(username="khongthu", email="")

    _request_reset(client, "khongthu@example.com")

    assert mail.outbox == []


def test_the_login_page_links_to_the_reset_page(client, db):
    body = client.get(reverse("login")).content.decode()

    assert "Quên mật khẩu?" in body
    assert f'href="{reverse("password_reset")}"' in body

"""Check-in without hardware: the short code printed under the QR code, typed with or
without its dash; the delegate found by name; many ticked as present at once; the count
kept on the conference's page."""

import datetime

import pytest
import time_machine
from django.template.loader import render_to_string

from thidua.conferences import delegates
from thidua.conferences.models import SHORT_CODE_ALPHABET, SHORT_CODE_LENGTH


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2025, 8, 25, 8, tzinfo=datetime.UTC)):
        yield


@pytest.fixture
def door(conference, officer_a):
    """An approved conference (its day) with three approved delegates and one proposed."""
    for name in ("Nguyễn Văn Một", "Trần Thị Hai", "Lê Văn Ba", "Phạm Thị Bốn"):
        delegates.add_delegate(actor=officer_a, conference=conference, full_name=name,
                               category="guest")  # fmt: skip
    listed = conference.delegates.exclude(full_name="Phạm Thị Bốn").values_list("pk", flat=True)
    delegates.move_delegates(actor=officer_a, conference=conference, pks=list(listed),
                             action="approve")  # fmt: skip
    conference.status = "approved"
    conference.save()
    return conference


def test_every_delegate_has_a_short_unambiguous_code_of_its_own(door):
    codes = list(door.delegates.values_list("short_code", flat=True))

    assert len(set(codes)) == len(codes) == 4
    assert all(len(c) == SHORT_CODE_LENGTH and set(c) <= set(SHORT_CODE_ALPHABET) for c in codes)
    assert not set(SHORT_CODE_ALPHABET) & set("0O1IL2Z5S8B")


def test_the_short_code_checks_in_typed_as_printed_or_loosely(client, door, officer_a):
    one, two = door.delegates.filter(status="approved").order_by("pk")[:2]
    client.force_login(officer_a)

    client.post(f"/hoi-nghi/{door.pk}/diem-danh/", {"code": one.short_code_display})
    client.post(f"/hoi-nghi/{door.pk}/diem-danh/", {"code": f" {two.short_code.lower()} "})
    wrong = client.post(f"/hoi-nghi/{door.pk}/diem-danh/", {"code": "AAAA-AAAA"}, follow=True)

    assert set(door.delegates.filter(status="attended").values_list("pk", flat=True)) == {
        one.pk, two.pk}  # fmt: skip
    assert "Mã không thuộc đại biểu nào" in wrong.content.decode()


def test_a_delegate_is_found_by_name_without_diacritics_and_checked_in(client, door, officer_a):
    client.force_login(officer_a)
    url = f"/hoi-nghi/{door.pk}/diem-danh/"

    found = client.get(url, {"q": "nguyen van mot"}).content.decode()
    proposed = client.get(url, {"q": "pham thi bon"}).content.decode()
    one = door.delegates.get(full_name="Nguyễn Văn Một")
    client.post(url, {"code": one.token})

    assert 'aria-label="Có mặt: Nguyễn Văn Một"' in found
    assert "Trần Thị Hai" not in found
    assert "Không có đại biểu nào" in proposed  # not on the approved list
    one.refresh_from_db()
    assert one.status == "attended"


def test_many_are_ticked_present_at_once_and_the_count_stays_on_the_page(client, door, officer_a):
    client.force_login(officer_a)
    listed = list(door.delegates.filter(status="approved").values_list("pk", flat=True))

    client.post(f"/hoi-nghi/{door.pk}/dai-bieu/xu-ly/", {"action": "attend", "pk": listed})
    door.status = "held"
    door.save()
    page = client.get(f"/hoi-nghi/{door.pk}/").content.decode()

    assert door.delegates.filter(status="attended").count() == 3
    assert "3 / 4 đại biểu" in page


def test_the_door_is_not_a_siblings(client, door, officer_b):
    client.force_login(officer_b)

    assert client.get(f"/hoi-nghi/{door.pk}/diem-danh/", {"q": "nguyen"}).status_code == 404


def test_the_code_is_printed_under_the_qr_code(door):
    delegate = door.delegates.first()
    context = {"conference": door, "cards": [(delegate, "data:,")], "today": door.held_on}

    for kind in ("badges", "invitations"):
        html = render_to_string(f"conferences/print_{kind}.html", context)
        assert delegate.short_code_display in html

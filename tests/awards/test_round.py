"""The yearly round (bình xét): the ratings sheet of a unit's subjects written in one post,
and the caps shown beside the ticks of «Ai đủ điều kiện» as they are approached."""

import pytest
from django.urls import reverse

from thidua.audit.models import AuditEvent
from thidua.awards import history, nominations
from thidua.awards.models import Award, Registration, TaskRating
from thidua.exemplars import services as exemplar_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(officer_a, commune_a):
    make = exemplar_services.create_subject
    return [make(actor=officer_a, unit=commune_a, kind="individual", name=f"Cán bộ {n:02d}")
            for n in range(12)]  # fmt: skip


def _sheet(unit, year=2025):
    return reverse("awards:ratings") + f"?don_vi={unit.pk}&nam={year}"


def test_the_sheet_rates_the_unit_in_one_post_and_only_what_changed_is_written(
    client, officer_a, commune_a, staff
):
    client.force_login(officer_a)
    history.rate_year(actor=officer_a, subject=staff[0], year=2025, rating=2)
    history.rate_year(actor=officer_a, subject=staff[1], year=2025, rating=3)
    before = AuditEvent.objects.count()
    posted = {f"xl-{s.pk}": "3" for s in staff[1:]} | {f"xl-{staff[0].pk}": ""}

    response = client.post(_sheet(commune_a), posted)

    assert response.status_code == 302
    assert dict(TaskRating.objects.filter(year=2025).values_list("subject_id", "rating")) == {
        s.pk: 3 for s in staff[1:]}  # fmt: skip
    assert AuditEvent.objects.count() - before == 11  # 10 new, 1 removed, 1 unchanged
    page = client.get(_sheet(commune_a)).content.decode()
    assert f'name="xl-{staff[1].pk}"' in page
    assert "Hoàn thành tốt nhiệm vụ: 11" in page


def test_a_bad_rating_or_a_subject_of_another_unit_writes_nothing(
    client, officer_a, commune_a, commune_b, staff
):
    client.force_login(officer_a)
    other = exemplar_services.create_subject(actor=officer_a, unit=commune_b, kind="individual",
                                             name="Người xã khác")  # fmt: skip

    client.post(_sheet(commune_a), {f"xl-{staff[0].pk}": "3", f"xl-{staff[1].pk}": "9"})
    assert not TaskRating.objects.exists()
    client.post(_sheet(commune_a), {f"xl-{staff[0].pk}": "3", f"xl-{other.pk}": "3"})
    client.post(_sheet(commune_a), {f"xl-{staff[0].pk}": "²", "xl-²": "3"})  # no 500 either

    assert not TaskRating.objects.exists()  # a row of another unit refuses the whole sheet
    with pytest.raises(Exception, match="không thuộc đơn vị"):
        history.rate_many(actor=officer_a, unit=commune_a, year=2025, ratings={other.pk: 3})


def test_a_sibling_gets_404_and_a_reader_cannot_write(client, officer_b, leader, commune_a, staff):
    client.force_login(officer_b)
    assert client.get(_sheet(commune_a)).status_code == 404
    client.force_login(leader)
    page = client.get(_sheet(commune_a))
    assert page.status_code == 200
    assert b'name="xl-' not in page.content
    assert client.post(_sheet(commune_a), {f"xl-{staff[0].pk}": "3"}).status_code == 403


def test_the_sheet_costs_the_same_queries_however_many_rows(
    client, officer_a, commune_a, staff, django_assert_max_num_queries
):
    client.force_login(officer_a)
    client.get(_sheet(commune_a))
    for subject in staff:
        history.rate_year(actor=officer_a, subject=subject, year=2025, rating=4)
    with django_assert_max_num_queries(14):
        client.get(_sheet(commune_a))


def test_the_cap_shows_what_the_ticks_leave(client, officer_a, commune_a, staff):
    client.force_login(officer_a)
    for subject in staff[:10]:
        history.rate_year(actor=officer_a, subject=subject, year=2025, rating=4)
    nominations.nominate_many(actor=officer_a, unit=commune_a, award=Award.objects.get(code="ldtt"),
                              year=2025, subjects=staff[:10])  # fmt: skip
    url = reverse("awards:eligible") + f"?don_vi={commune_a.pk}&danh_hieu=cstdcs&nam=2025"

    page = client.get(url).content.decode()

    # 10 LĐTT in progress: 15 % is 1 place, none taken yet.
    assert 'data-cap-left="1"' in page
    assert "Tối đa 15 % số Lao động tiên tiến" in page
    assert "0/1" in page


def _registrations(unit, award="ldtt", year=2025):
    return reverse("awards:registrations") + f"?don_vi={unit.pk}&danh_hieu={award}&nam={year}"


def test_registrations_are_ticked_in_one_post_and_shown_on_the_eligible_page(
    client, officer_a, commune_a, staff
):
    client.force_login(officer_a)
    shown = [s.pk for s in staff]
    client.post(_registrations(commune_a), {"hien": shown, "dang_ky": shown[:3]})
    client.post(_registrations(commune_a), {"hien": shown, "dang_ky": shown[1:4]})
    client.post(_registrations(commune_a), {"hien": shown[8:], "dang_ky": []})  # others kept
    eligible = client.get(reverse("awards:eligible") + f"?don_vi={commune_a.pk}&nam=2025")

    assert set(Registration.objects.values_list("subject_id", flat=True)) == {
        s.pk for s in staff[1:4]}  # fmt: skip
    assert AuditEvent.objects.filter(target_type="awards.registration").count() == 5
    assert eligible.content.decode().count("(đã đăng ký thi đua)") == 3


def test_registrations_are_scoped(client, officer_a, officer_b, leader, commune_a, staff):
    client.force_login(officer_b)
    assert client.get(_registrations(commune_a)).status_code == 404
    client.force_login(leader)
    assert b'name="dang_ky"' not in client.get(_registrations(commune_a)).content
    posted = {"hien": [staff[0].pk], "dang_ky": [staff[0].pk]}
    assert client.post(_registrations(commune_a), posted).status_code == 403

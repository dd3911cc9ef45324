"""A subject's history for commendation: recorded by the unit's officers, read by its
council members and leaders, never seen by a sibling; every change audited; revoked awards
kept, marked; an award recorded once."""

import datetime

import pytest
from django.urls import reverse

from thidua.audit.models import AuditEvent
from thidua.awards import history, selectors
from thidua.awards.models import Award, AwardRecord, Block, Membership, TaskRating
from thidua.exemplars import services as exemplar_services

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def person(officer_a, commune_a):
    return exemplar_services.create_subject(actor=officer_a, unit=commune_a, kind="individual",
                                            name="Nguyễn Thị Hoa", birth_year=1985)  # fmt: skip


def _url(name, *args):
    return reverse(f"awards:{name}", args=args)


def test_an_officer_records_the_history_and_it_shows(client, officer_a, person):
    client.force_login(officer_a)
    ldtt = Award.objects.get(code="ldtt")
    add = lambda kind, data: client.post(_url("history_add", person.pk, kind), data)  # noqa: E731

    add("khen-thuong", {"kt-award": ldtt.pk, "kt-year": "2024", "kt-commendation_type": "merit",
                        "kt-decision_number": "12/QĐ-UBND", "kt-decision_date": "20/12/2024",
                        "kt-issuer": "Chủ tịch UBND xã An Phú"})  # fmt: skip
    add("xep-loai", {"xl-year": "2024", "xl-rating": "3"})
    add("xep-loai", {"xl-year": "2024", "xl-rating": "4"})  # replaces the first
    add("sang-kien", {"sk-title": "Số hóa hồ sơ", "sk-recognised_by": "UBND xã An Phú",
                      "sk-scope": "1", "sk-recognised_on": "15/11/2024"})  # fmt: skip
    add("ky-luat", {"kl-sanction": "1", "kl-starts_on": "01/01/2023", "kl-ends_on": "30/06/2023"})
    page = client.get(_url("history", person.pk)).content.decode()

    record = person.award_records.get()
    assert (record.title, record.year, record.award) == ("Lao động tiên tiến", 2024, ldtt)
    assert list(person.ratings.values_list("year", "rating")) == [(2024, 4)]
    assert "Số hóa hồ sơ" in page
    assert "Khiển trách" in page
    assert "Hoàn thành xuất sắc nhiệm vụ" in page
    events = AuditEvent.objects.filter(target_type__startswith="awards.")
    assert events.count() == 5  # the award, two ratings (create, update), initiative, discipline
    assert {e.scope_path for e in events} == {person.unit.path}


def test_the_same_award_is_recorded_once_and_the_form_keeps_what_was_typed(
    client, officer_a, person
):
    client.force_login(officer_a)
    data = {"kt-title": "Giấy khen", "kt-year": "2023", "kt-commendation_type": "ad_hoc",
            "kt-decision_number": "5/QĐ"}  # fmt: skip
    client.post(_url("history_add", person.pk, "khen-thuong"), data)

    again = client.post(_url("history_add", person.pk, "khen-thuong"), data)
    no_title = client.post(_url("history_add", person.pk, "khen-thuong"), {"kt-year": "2023"})

    assert again.status_code == 400
    assert "Đã có «Giấy khen» năm 2023" in again.content.decode()
    assert again.context["forms"]["khen_thuong"]["decision_number"].value() == "5/QĐ"
    assert no_title.context["forms"]["khen_thuong"].errors["title"]
    assert person.award_records.count() == 1


def test_a_revoked_award_stays_marked_and_a_decisions_award_is_not_deleted(officer_a, person):
    record = history.record_award(actor=officer_a, record=AwardRecord(
        subject=person, title="Chiến sĩ thi đua cơ sở", year=2022, source="decision"))  # fmt: skip

    history.revoke_award(actor=officer_a, record=record, on=D(2025, 3, 1),
                         note="Quyết định 9/QĐ hủy bỏ: kê khai không trung thực")  # fmt: skip

    record.refresh_from_db()
    assert record.revoked_on == D(2025, 3, 1)
    with pytest.raises(Exception, match="chỉ được hủy bỏ"):
        history.delete_row(actor=officer_a, row=record)


def test_a_block_is_lifted_from_today(client, officer_a, person):
    client.force_login(officer_a)
    client.post(_url("history_add", person.pk, "tam-dung"),
                {"td-reason": "complaint", "td-since": "01/10/2026"})  # fmt: skip
    block = person.blocks.get()

    client.post(_url("history_lift", person.pk, block.pk))

    block.refresh_from_db()
    assert block.until is not None


def test_members_of_a_collective_are_people_of_its_unit_never_a_siblings(
    client, officer_a, officer_b, commune_a, commune_b, person
):
    team = exemplar_services.create_subject(actor=officer_a, unit=commune_a, kind="collective",
                                            name="Tổ Một")  # fmt: skip
    stranger = exemplar_services.create_subject(
        actor=officer_b, unit=commune_b, kind="individual", name="Người Xã Khác"
    )
    client.force_login(officer_a)
    url = _url("history_add", team.pk, "thanh-vien")

    client.post(url, {"tv-member": person.pk, "tv-year": "2025"})
    refused = client.post(url, {"tv-member": stranger.pk, "tv-year": "2025"})

    assert list(Membership.objects.values_list("member__name", "year")) == [("Nguyễn Thị Hoa",
                                                                            2025)]  # fmt: skip
    assert "member" in refused.context["forms"]["thanh_vien"].errors


def test_a_sibling_sees_nothing_and_a_council_member_only_reads(
    client, officer_b, council_member, person
):
    client.force_login(officer_b)
    assert client.get(_url("history", person.pk)).status_code == 404
    assert client.post(_url("history_add", person.pk, "xep-loai"),
                       {"xl-year": "2024", "xl-rating": "3"}).status_code == 404  # fmt: skip
    client.force_login(council_member)
    assert client.get(_url("history", person.pk)).status_code == 200
    assert client.post(_url("history_add", person.pk, "xep-loai"),
                       {"xl-year": "2024", "xl-rating": "3"}).status_code == 403  # fmt: skip
    assert not TaskRating.objects.exists()


@pytest.mark.parametrize("years", [1, 4])
def test_the_history_page_costs_the_same_queries_however_long(
    client, officer_a, person, years, django_assert_num_queries
):
    for year in range(2020, 2020 + years):
        history.rate_year(actor=officer_a, subject=person, year=year, rating=3)
        history.record_award(actor=officer_a, record=AwardRecord(
            subject=person, title="Lao động tiên tiến", year=year))  # fmt: skip
        history.block_subject(actor=officer_a, block=Block(subject=person, reason="complaint",
                                                           since=D(year, 1, 1)))  # fmt: skip
    client.force_login(officer_a)

    with django_assert_num_queries(12):
        client.get(_url("history", person.pk))
    assert len(selectors.history_of(person)["awards"]) == years


def test_the_api_gives_the_history_in_scope_only(client, officer_a, officer_b, person):
    history.rate_year(actor=officer_a, subject=person, year=2025, rating=4)
    client.force_login(officer_a)
    mine = client.get(f"/api/v1/subjects/{person.pk}/history")
    client.force_login(officer_b)
    sibling = client.get(f"/api/v1/subjects/{person.pk}/history")

    assert mine.json()["ratings"] == [{"year": 2025, "rating": 4}]
    assert sibling.status_code == 404

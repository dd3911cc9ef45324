"""Delegates in bulk: every recognised exemplar of the unit and below in one action, or
many ticked from a searchable list; never a declined, withdrawn or unrecognised one, nor
a sibling's; audited one by one."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from thidua.audit.models import AuditEvent
from thidua.conferences import services
from thidua.conferences.delegates import add_delegate, add_exemplars
from thidua.exemplars import services as exemplar_services
from thidua.exemplars.models import Criterion, Exemplar, Field
from thidua.exemplars.reference import load_reference_data


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2025, 8, 1, 9, tzinfo=datetime.UTC)):
        yield


@pytest.fixture
def make_exemplar(province_officer):
    load_reference_data(Field, Criterion)
    field = Field.objects.get(code="agriculture")

    def make(unit, name, stage="recognised"):
        subject = exemplar_services.create_subject(actor=province_officer, unit=unit,
                                                   kind="individual", name=name)  # fmt: skip
        exemplar = exemplar_services.create_exemplar(actor=province_officer, subject=subject,
                                                     title=f"Mô hình của {name}", field=field,
                                                     year_from=2024)  # fmt: skip
        Exemplar.objects.filter(pk=exemplar.pk).update(stage=stage)
        return exemplar

    return make


@pytest.fixture
def offered(make_exemplar, commune_a, village_a, commune_b):
    """Two recognised in An Phú (one in its village), one being replicated; one each
    declined, withdrawn and only discovered; one recognised in the sibling commune."""
    return {
        "yes": [make_exemplar(commune_a, "Lê Thị Mai"), make_exemplar(village_a, "Trần Văn An"),
                make_exemplar(commune_a, "Đỗ Văn Bình", "replicating")],
        "no": [make_exemplar(commune_a, "Phạm Văn Cường", "declined"),
               make_exemplar(commune_a, "Vũ Thị Dung", "withdrawn"),
               make_exemplar(commune_a, "Hoàng Văn Em", "discovered"),
               make_exemplar(commune_b, "Bùi Thị Giang")],
    }  # fmt: skip


def test_all_recognised_exemplars_in_one_action_once(client, conference, officer_a, offered):
    client.force_login(officer_a)

    first = client.post(f"/hoi-nghi/{conference.pk}/dai-bieu/them-dien-hinh/", follow=True)
    again = add_exemplars(actor=officer_a, conference=conference)

    names = sorted(conference.delegates.values_list("full_name", flat=True))
    assert names == ["Lê Thị Mai", "Trần Văn An", "Đỗ Văn Bình"]
    assert "Đã thêm 3 đại biểu" in first.content.decode()
    assert again == 0
    assert set(conference.delegates.values_list("category", flat=True)) == {"exemplary"}
    mai = conference.delegates.get(full_name="Lê Thị Mai")
    assert (mai.achievements, mai.origin_unit.name) == ("Mô hình của Lê Thị Mai", "Xã An Phú")
    created = AuditEvent.objects.filter(target_type="conferences.delegate", action="create")
    assert created.count() == 3


def test_pick_many_from_a_searchable_list(client, conference, officer_a, offered):
    client.force_login(officer_a)
    mai, an, _binh = offered["yes"]
    url = f"/hoi-nghi/{conference.pk}/dai-bieu/chon-dien-hinh/"

    listed = client.get(url).content.decode()
    searched = client.get(url, {"q": "tran van"}).content.decode()
    foreign = [e.pk for e in offered["no"]]
    client.post(url, {"pk": [mai.pk, an.pk, *foreign]})

    assert "Lê Thị Mai" in listed
    assert "Bùi Thị Giang" not in listed  # the sibling's
    assert "Phạm Văn Cường" not in listed  # declined
    assert "Trần Văn An" in searched
    assert "Lê Thị Mai" not in searched
    assert sorted(conference.delegates.values_list("full_name", flat=True)) == [
        "Lê Thị Mai", "Trần Văn An"]  # fmt: skip
    assert "Lê Thị Mai" not in client.get(url).content.decode()  # already a delegate


def test_a_sibling_officer_cannot_reach_the_bulk_pages(client, conference, officer_b, offered):
    client.force_login(officer_b)

    assert client.get(f"/hoi-nghi/{conference.pk}/dai-bieu/chon-dien-hinh/").status_code == 404
    added = client.post(f"/hoi-nghi/{conference.pk}/dai-bieu/them-dien-hinh/")
    assert added.status_code == 404
    assert not conference.delegates.exists()


def test_a_held_conference_takes_no_more_delegates(client, conference, officer_a, offered):
    conference.status = "held"
    conference.save()
    client.force_login(officer_a)

    page = client.post(f"/hoi-nghi/{conference.pk}/dai-bieu/them-dien-hinh/", follow=True)

    assert "không đổi được nữa" in page.content.decode()
    assert not conference.delegates.exists()


@pytest.mark.parametrize("count", [1, 4])
def test_the_pick_page_costs_the_same_queries(
    client, conference, officer_a, make_exemplar, commune_a, count, django_assert_num_queries
):
    for n in range(count):
        make_exemplar(commune_a, f"Người {n}")
    client.force_login(officer_a)
    url = f"/hoi-nghi/{conference.pk}/dai-bieu/chon-dien-hinh/"
    client.get(url)

    with django_assert_num_queries(8):
        client.get(url)


def test_a_delegate_is_corrected_after_adding_and_the_change_audited(
    client, conference, officer_a, officer_b, offered
):
    add_exemplars(actor=officer_a, conference=conference)
    mai = conference.delegates.get(full_name="Lê Thị Mai")
    url = f"/hoi-nghi/{conference.pk}/dai-bieu/{mai.pk}/sua/"
    client.force_login(officer_b)
    sibling = client.get(url)
    client.force_login(officer_a)
    form = client.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if value not in (None, False)}

    client.post(url, {**data, "full_name": "Lê Thị Mai Anh", "birth_year": "1979",
                      "is_presidium": "on"})  # fmt: skip

    mai.refresh_from_db()
    assert sibling.status_code == 404
    assert (mai.full_name, mai.birth_year, mai.is_presidium) == ("Lê Thị Mai Anh", 1979, True)
    assert mai.exemplar == offered["yes"][0]  # who they are stays
    change = AuditEvent.objects.get(target_type="conferences.delegate", action="update")
    assert change.changes["full_name"] == ["Lê Thị Mai", "Lê Thị Mai Anh"]
    assert mai.search_name == "le thi mai anh"


@pytest.mark.skipif("not connection.features.has_select_for_update")
def test_adding_in_bulk_waits_for_a_change_under_way(conference, officer_a, offered):
    """A double click on «add all» runs twice: the second must wait for the first and
    then see its delegates, so the conference is read under a lock before what is offered."""
    with CaptureQueriesContext(connection) as queries:
        add_exemplars(actor=officer_a, conference=conference)

    sql = [q["sql"] for q in queries.captured_queries]
    locking = next(i for i, s in enumerate(sql) if "FOR UPDATE" in s)
    assert '"conferences_conference"' in sql[locking]
    assert locking < next(i for i, s in enumerate(sql) if '"exemplars_exemplar"' in s)


def test_a_delegate_from_two_levels_below_is_corrected_keeping_its_unit(
    client, province, village_a, province_officer
):
    """A province congress's delegate from a village (as an exemplar or an import gives
    it): the edit form offers that village as the delegate's unit, not only the
    province's direct children."""
    congress = services.create_conference(
        actor=province_officer, unit=province, kind="congress", period_start=2025, period_end=2030
    )
    delegate = add_delegate(actor=province_officer, conference=congress,
                            full_name="Lò Văn Sáu", origin_unit=village_a,
                            category="guest")  # fmt: skip
    url = f"/hoi-nghi/{congress.pk}/dai-bieu/{delegate.pk}/sua/"
    client.force_login(province_officer)
    form = client.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if value not in (None, False)}

    saved = client.post(url, {**data, "birth_year": "1980"})

    delegate.refresh_from_db()
    assert saved.status_code == 302
    assert (delegate.birth_year, delegate.origin_unit) == (1980, village_a)


def test_every_delegate_on_every_page_is_moved_at_once(client, conference, officer_a, officer_b):
    """«Chọn cả … đại biểu, ở mọi trang»: more than a page (100) approved in one action, within
    the list's filter only; a sibling officer moves nobody."""
    from tests.conferences.conftest import make_delegates

    make_delegates(conference, exemplary=130, guest=20)
    url = reverse("conferences:delegate_bulk", args=[conference.pk])
    client.force_login(officer_b)
    sibling = client.post(url, {"all": "1", "action": "approve"})
    client.force_login(officer_a)

    page = client.get(reverse("conferences:delegates", args=[conference.pk])).content.decode()
    response = client.post(url, {"all": "1", "category": "exemplary", "action": "approve"},
                           follow=True)  # fmt: skip

    statuses = dict(conference.delegates.values_list("category").annotate(n=Count("pk")))
    approved = conference.delegates.filter(status="approved")
    assert sibling.status_code == 404
    assert "Chọn cả 150 đại biểu, ở mọi trang" in page
    assert "Đã xử lý 130 đại biểu." in response.content.decode()
    assert (approved.count(), set(approved.values_list("category", flat=True))) == (
        130, {"exemplary"},
    )  # fmt: skip
    assert statuses == {"exemplary": 130, "guest": 20}


def test_removing_every_page_asks_first_and_keeps_the_filter(client, conference, officer_a):
    from tests.conferences.conftest import make_delegates

    make_delegates(conference, exemplary=120, guest=20)
    url = reverse("conferences:delegate_bulk", args=[conference.pk])
    client.force_login(officer_a)
    asked = client.post(url, {"all": "1", "category": "guest", "action": "remove"})
    kept = conference.delegates.count()

    removed = client.post(url, {"all": "1", "category": "guest", "action": "remove",
                                "confirmed": "1", "count": "20"})  # fmt: skip

    assert "Xóa 20 đại biểu khỏi danh sách?" in asked.content.decode()
    assert "thuộc thành phần «Khách mời»" in asked.content.decode()
    assert kept == 140
    assert removed["Location"].endswith("?category=guest")
    assert set(conference.delegates.values_list("category", flat=True)) == {"exemplary"}


def test_a_list_changed_since_the_question_is_asked_again(client, conference, officer_a):
    from tests.conferences.conftest import make_delegates

    make_delegates(conference, exemplary=5, guest=20)
    url = reverse("conferences:delegate_bulk", args=[conference.pk])
    client.force_login(officer_a)
    client.post(url, {"all": "1", "category": "guest", "action": "remove"})  # «Xóa 20…?»
    make_delegates(conference, guest=7)  # meanwhile, in another tab

    again = client.post(url, {"all": "1", "category": "guest", "action": "remove",
                              "confirmed": "1", "count": "20"})  # fmt: skip

    assert "Danh sách vừa thay đổi trong lúc chờ xác nhận: nay có 27 đại biểu." in (
        again.content.decode()
    )
    assert conference.delegates.count() == 32  # nothing removed unseen


def test_every_page_is_bounded(client, conference, officer_a, monkeypatch):
    from tests.conferences.conftest import make_delegates
    from thidua.conferences import views

    monkeypatch.setattr(views, "DELEGATE_BULK_MAX", 10)
    make_delegates(conference, exemplary=11)
    client.force_login(officer_a)

    response = client.post(reverse("conferences:delegate_bulk", args=[conference.pk]),
                           {"all": "1", "action": "approve"}, follow=True)  # fmt: skip

    assert "Mỗi lần xử lý tối đa 10 đại biểu" in response.content.decode()
    assert not conference.delegates.filter(status="approved").exists()


def _approve_all(client, conference):
    url = reverse("conferences:delegate_bulk", args=[conference.pk])
    return client.post(url, {"all": "1", "action": "approve"}, follow=True)


@pytest.mark.parametrize("count", [3, 30])
def test_a_bulk_move_costs_the_same_for_3_or_30(client, conference, officer_a, count):
    from tests.conferences.conftest import make_delegates
    from thidua.workflow.models import Transition

    make_delegates(conference, exemplary=count)
    client.force_login(officer_a)
    with CaptureQueriesContext(connection) as queries:
        response = _approve_all(client, conference)

    rows = Transition.objects.filter(workflow="delegate", action="approve")
    audited = AuditEvent.objects.filter(target_type="conferences.delegate",
                                        changes__status=["proposed", "approved"])  # fmt: skip
    assert f"Đã xử lý {count} đại biểu." in response.content.decode()
    assert conference.delegates.filter(status="approved").count() == count
    assert (rows.count(), audited.count()) == (count, count)  # one of each per delegate
    assert len(queries) < 40  # no query per delegate: the same for 3 as for 30


def test_a_bulk_move_leaves_those_it_does_not_apply_to(client, conference, officer_a):
    from tests.conferences.conftest import make_delegates

    make_delegates(conference, exemplary=4)
    make_delegates(conference, guest=2, status="confirmed")
    client.force_login(officer_a)

    response = _approve_all(client, conference)

    statuses = dict(conference.delegates.values_list("status").annotate(n=Count("pk")))
    assert "Đã xử lý 4 đại biểu." in response.content.decode()
    assert statuses == {"approved": 4, "confirmed": 2}


def test_a_bulk_move_refused_by_a_guard_writes_nothing(conference, officer_a, monkeypatch):
    from tests.conferences.conftest import make_delegates
    from thidua.workflow.bulk import transition_many
    from thidua.workflow.engine import Refused
    from thidua.workflow.models import Transition

    make_delegates(conference, exemplary=3)
    conference.__class__.objects.filter(pk=conference.pk).update(status="held")

    with pytest.raises(Refused, match="đã tổ chức"):
        transition_many(conference.delegates.all(), "approve", by=officer_a)

    assert not conference.delegates.exclude(status="proposed").exists()
    assert not Transition.objects.filter(workflow="delegate").exists()

"""Conference pages: scope personas, the what-if panel, constant query counts."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from tests.conferences.conftest import make_delegates
from thidua.conferences.models import Conference

D = datetime.date


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2025, 9, 1, 9, tzinfo=datetime.UTC)):
        yield


def _pages(conference):
    token = conference.delegates.first().token
    return {
        "detail": reverse("conferences:detail", args=[conference.pk]),
        "delegates": reverse("conferences:delegates", args=[conference.pk]),
        "findings": reverse("conferences:findings", args=[conference.pk]),
        "check_in": reverse("conferences:check_in", args=[conference.pk]),
        "quotas": reverse("conferences:quotas", args=[conference.pk]),
        "edit": reverse("conferences:edit", args=[conference.pk]),
        "xlsx": reverse("conferences:brief_profiles", args=[conference.pk, "xlsx"]),
        "scanned": reverse("conferences:scanned", args=[token]),
    }


@pytest.mark.parametrize(
    "name", ["detail", "delegates", "findings", "check_in", "quotas", "edit", "xlsx", "scanned"]
)
def test_a_sibling_officer_gets_404(client, conference, officer_b, name):
    make_delegates(conference, exemplary=1)
    client.force_login(officer_b)

    assert client.get(_pages(conference)[name]).status_code == 404


@pytest.mark.parametrize("name", ["check_in", "quotas", "edit", "scanned"])
def test_readers_may_not_manage(client, conference, council_member, name):
    make_delegates(conference, exemplary=1)
    client.force_login(council_member)

    assert client.get(_pages(conference)[name]).status_code == 403


def test_sibling_cannot_transition_or_add(client, conference, officer_b):
    client.force_login(officer_b)

    approve = client.post(reverse("conferences:transition", args=[conference.pk, "approve"]))
    add = client.post(
        reverse("conferences:delegates", args=[conference.pk]),
        {"full_name": "X", "category": "guest"},
    )

    assert (approve.status_code, add.status_code) == (404, 404)


def test_create_from_the_unit_page(client, plan, commune_a, officer_a):
    client.force_login(officer_a)

    response = client.post(
        reverse("conferences:create", args=[commune_a.pk]),
        {
            "plan": plan.pk,
            "kind": "conference",
            "edition": "1",
            "period_start": "2025",
            "period_end": "2030",
            "held_on": "25/8/2025",
            "form": "Hội nghị tuyên dương điển hình tiên tiến",
        },
    )

    conference = Conference.objects.get()
    assert response["Location"] == conference.get_absolute_url()
    assert conference.rule_set.name == "Cấp xã"


def test_adding_a_delegate_over_the_cap_names_it(client, conference, officer_a):
    make_delegates(conference, exemplary=105, guest=45, presidium=5)
    client.force_login(officer_a)

    client.post(
        reverse("conferences:delegates", args=[conference.pk]),
        {"full_name": "Trần Văn Một Trăm Năm Mốt", "category": "guest"},
    )
    page = client.get(reverse("conferences:delegates", args=[conference.pk]))
    what_if = client.get(reverse("conferences:findings", args=[conference.pk]), {"guest": "-1"})

    assert "Vượt 1 đại biểu so với mức tối đa 150." in page.content.decode()
    assert "Vượt" not in what_if.content.decode()


def test_a_bad_delegate_form_keeps_what_was_typed(client, conference, officer_a):
    client.force_login(officer_a)

    response = client.post(
        reverse("conferences:delegates", args=[conference.pk]),
        {
            "full_name": "Lê Thị Hoa",
            "category": "exemplary",
            "votes_for": "30",
            "votes_total": "20",
        },
    )

    form = response.context["form"]
    assert form.errors["votes_for"] == ["Số phiếu đồng ý không thể lớn hơn tổng số phiếu."]
    assert form["full_name"].value() == "Lê Thị Hoa"


@pytest.mark.parametrize("item_count", [3, 300])
def test_delegate_list_queries_do_not_grow(
    client, conference, officer_a, item_count, django_assert_num_queries
):
    make_delegates(conference, exemplary=item_count)
    client.force_login(officer_a)

    with django_assert_num_queries(13):  # the findings ask for a second conference once
        response = client.get(reverse("conferences:delegates", args=[conference.pk]), {"page": "1"})
    assert len(response.context["page"].object_list) == min(item_count, 100)


def test_the_agenda_is_edited(client, conference, officer_a):
    client.force_login(officer_a)
    items = list(conference.agenda.all())
    data = {
        "form-TOTAL_FORMS": str(len(items) + 2),
        "form-INITIAL_FORMS": str(len(items)),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
    }
    for n, item in enumerate(items):
        data |= {
            f"form-{n}-id": item.pk,
            f"form-{n}-position": item.position,
            f"form-{n}-title": item.title,
            f"form-{n}-minutes": item.minutes or "",
        }
    data |= {
        "form-0-DELETE": "on",
        f"form-{len(items)}-position": "20",
        f"form-{len(items)}-title": "Giao lưu văn nghệ",
        f"form-{len(items) + 1}-position": "0",
    }

    response = client.post(reverse("conferences:agenda", args=[conference.pk]), data)
    assert response.status_code == 302, [e for e in response.context["formset"].errors if e]

    titles = list(conference.agenda.values_list("title", flat=True))
    assert titles[0] != "Chào cờ"
    assert titles[-1] == "Giao lưu văn nghệ"
    assert len(titles) == len(items)


def test_a_delegate_from_a_subject_takes_its_details(client, conference, officer_a, village_a):
    from thidua.exemplars import services as exemplar_services

    person = exemplar_services.create_subject(
        actor=officer_a,
        unit=village_a,
        kind="individual",
        name="Lò Văn Páo",
        birth_year=1970,
        ethnicity="Thái",
        gender="male",
    )
    client.force_login(officer_a)

    client.post(
        reverse("conferences:delegates", args=[conference.pk]),
        {"subject": person.pk, "category": "exemplary"},
    )

    delegate = conference.delegates.get()
    assert (delegate.full_name, delegate.birth_year, delegate.ethnicity) == (
        "Lò Văn Páo",
        1970,
        "Thái",
    )


def test_a_quota_is_given_to_a_unit_chosen_by_typing_never_a_siblings(
    client, officer_a, conference, village_a, village_b
):
    client.force_login(officer_a)
    url = reverse("conferences:quotas", args=[conference.pk])

    offered = client.get(reverse("chooser", args=["don-vi"]),
                         {"q": "thon", "trong": conference.unit.pk})  # fmt: skip
    sibling = client.post(url, {"unit": village_b.pk, "number": "5"})
    saved = client.post(url, {"unit": village_a.pk, "number": "5"})

    assert village_a.name in offered.content.decode()
    assert village_b.name not in offered.content.decode()
    assert "unit" in sibling.context["form"].errors
    assert saved.status_code == 302
    assert conference.quotas.get().unit == village_a

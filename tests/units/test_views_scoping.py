"""Every view of units and groups, tried by the sibling commune's officer on commune A's
data: each answers 404 and changes nothing. The same views answer the right personas."""

import pytest
from django.urls import reverse

from thidua.audit.models import AuditEvent
from thidua.units.models import EmulationGroup, GroupMembership, Unit


@pytest.fixture
def targets(commune_a, village_a, province, cluster):
    membership = cluster.members.get(unit=commune_a)
    return {
        "commune": commune_a.pk, "village": village_a.pk, "province": province.pk,
        "group": cluster.pk, "membership": membership.pk,
    }  # fmt: skip


# (url name, which target, form data for POST)
A_VIEWS = [
    ("units:detail", "commune", None),
    ("units:create", "commune", {"name": "Thôn Lạ", "kind": "village"}),
    ("units:edit", "commune", {"name": "Xã Đổi Tên"}),
    ("units:delete", "village", {}),
    ("units:group_create", "province", {"kind": "block", "number": 5, "default_cadence": "year",
                                        "default_min_exemplars": 1}),
    ("units:group_detail", "group", None),
    ("units:group_edit", "group", {"kind": "cluster", "number": 9, "default_cadence": "year",
                                   "default_min_exemplars": 1}),
    ("units:group_delete", "group", {}),
    ("units:member_add", "group", {"unit": "", "cadence": "month"}),
    ("units:member_edit", "membership", {"cadence": "month", "min_exemplars": 9}),
    ("units:member_delete", "membership", {}),
]  # fmt: skip


def _counts():
    return (
        Unit.objects.count(), EmulationGroup.objects.count(), GroupMembership.objects.count(),
        AuditEvent.objects.count(), Unit.objects.filter(name="Xã An Phú").count(),
    )  # fmt: skip


@pytest.mark.parametrize(("name", "target", "data"), A_VIEWS)
def test_sibling_officer_gets_404_on_every_view(client, officer_b, targets, name, target, data):
    client.force_login(officer_b)
    url = reverse(name, args=[targets[target]])
    before = _counts()

    assert client.get(url).status_code == 404
    if data is not None:
        assert client.post(url, data).status_code == 404
    assert _counts() == before


@pytest.mark.parametrize("persona", ["council_member", "leader"])
@pytest.mark.parametrize(("name", "target", "data"), [v for v in A_VIEWS if v[2] is not None])
def test_readers_may_not_change_anything(client, request, persona, targets, name, target, data):
    client.force_login(request.getfixturevalue(persona))
    before = _counts()

    response = client.post(reverse(name, args=[targets[target]]), data)

    assert response.status_code == 403
    assert _counts() == before


@pytest.mark.parametrize("persona", ["officer_a", "province_officer", "council_member", "leader"])
def test_people_of_a_and_above_see_commune_a(client, request, persona, commune_a, village_a):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(reverse("units:detail", args=[commune_a.pk]))

    assert response.status_code == 200
    assert list(response.context["page"].object_list) == [village_a]


def test_anonymous_visitors_are_sent_to_login(client, targets):
    for name, target, _data in A_VIEWS:
        response = client.get(reverse(name, args=[targets[target]]))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_tree_starts_at_the_officers_own_unit(client, officer_b, commune_b):
    client.force_login(officer_b)

    assert client.get(reverse("units:tree"))["Location"] == commune_b.get_absolute_url()


def test_search_page_shows_nothing_of_a_to_the_sibling(client, officer_b, village_a, village_b):
    client.force_login(officer_b)

    response = client.get(reverse("units:search"), {"q": "thon"})

    assert list(response.context["page"].object_list) == [village_b]
    assert "Thôn Một" not in response.content.decode()


def test_group_list_is_empty_for_member_units(client, officer_a, cluster):
    client.force_login(officer_a)

    response = client.get(reverse("units:group_list"))

    assert list(response.context["page"].object_list) == []


def test_audit_and_home_show_nothing_of_a_to_the_sibling(client, officer_b, village_a, village_b):
    client.force_login(officer_b)

    audit = client.get(reverse("audit"))
    home = client.get(reverse("home"))

    assert {e.target_repr for e in audit.context["page"].object_list} == {
        "Thôn Hai",
        "Xã Bình Minh",
    }
    assert "Thôn Một" not in home.content.decode()
    assert dict(home.context["unit_counts"]) == {
        "Xã, phường, đặc khu": 1, "Thôn, tổ dân phố": 1,
    }  # fmt: skip

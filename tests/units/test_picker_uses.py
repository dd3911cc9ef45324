"""The tree picker where officers choose many units: delegate quotas set for every unit
ticked, a cluster's members added at once, units found by name anywhere below the root,
and the root's children ticked by kind or by cluster."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import EmulationGroupFactory, UnitFactory
from thidua.conferences import delegates
from thidua.conferences import services as conference_services
from thidua.conferences.models import UpperQuota
from thidua.units import group_services
from thidua.units.models import GroupMembership, UnitKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def congress(province, province_officer):
    return conference_services.create_conference(
        actor=province_officer, unit=province, kind="congress", period_start=2025, period_end=2030
    )


def test_one_quota_for_every_unit_ticked(client, province_officer, congress, commune_a, commune_b,
                                         village_a):  # fmt: skip
    client.force_login(province_officer)

    response = client.post(reverse("conferences:quotas", args=[congress.pk]),
                           {"unit": [commune_a.pk, commune_b.pk, village_a.pk], "number": "4",
                            "min_women": "2"}, follow=True)  # fmt: skip

    quotas = UpperQuota.objects.filter(conference=congress).order_by("unit__sort_name")
    assert [(q.unit.name, q.number, q.min_women) for q in quotas] == [
        ("Thôn Một", 4, 2), ("Xã An Phú", 4, 2), ("Xã Bình Minh", 4, 2),
    ]  # fmt: skip
    assert "Đã lưu chỉ tiêu 4 đại biểu cho 3 đơn vị." in response.content.decode()


def test_a_quota_refused_for_one_unit_is_set_for_none(client, province_officer, congress,
                                                      commune_a, commune_b):  # fmt: skip
    client.force_login(province_officer)

    response = client.post(reverse("conferences:quotas", args=[congress.pk]),
                           {"unit": [commune_a.pk, commune_b.pk], "number": "2",
                            "min_women": "3"})  # fmt: skip

    assert response.status_code == 200
    assert "Số nữ tối thiểu vượt số đại biểu." in response.content.decode()
    assert not UpperQuota.objects.exists()
    assert re.search(rf'value="{commune_b.pk}" checked', response.content.decode())


def test_a_later_unit_refused_sets_no_quota_for_the_earlier(province_officer, congress,
                                                            commune_a, nation):  # fmt: skip
    """The refusal comes at the second unit, after the first quota was written: all or none."""
    outside = UnitFactory(name="Tỉnh Khác", kind=UnitKind.PROVINCE, parent=nation)

    with pytest.raises(ValidationError, match="Tỉnh Khác không thuộc"):
        delegates.set_quotas(actor=province_officer, conference=congress,
                             units=[commune_a, outside], number=3)  # fmt: skip

    assert not UpperQuota.objects.exists()


def test_a_later_member_refused_adds_none(province_officer, province, commune_a, commune_b):
    group = EmulationGroupFactory(owner=province, number=2, name="Cụm miền núi")
    group_services.add_member(actor=province_officer, group=group, unit=commune_b)

    with pytest.raises(ValidationError, match="Xã Bình Minh đã là thành viên"):
        group_services.add_members(actor=province_officer, group=group,
                                   units=[commune_a, commune_b])  # fmt: skip

    assert [m.unit for m in GroupMembership.objects.filter(group=group)] == [commune_b]


def test_members_are_added_at_once_and_a_member_already_in_refuses_all(
    client, province_officer, province, commune_a, commune_b
):
    group = EmulationGroupFactory(owner=province, number=2, name="Cụm miền núi")
    third = UnitFactory(name="Xã Cao Sơn", kind=UnitKind.COMMUNE, parent=province)
    client.force_login(province_officer)
    url = reverse("units:member_add", args=[group.pk])

    added = client.post(url, {"unit": [commune_a.pk, commune_b.pk]}, follow=True)
    again = client.post(url, {"unit": [third.pk, commune_a.pk]})

    assert sorted(m.unit.name for m in GroupMembership.objects.filter(group=group)) == [
        "Xã An Phú", "Xã Bình Minh",
    ]  # fmt: skip
    assert "Đã thêm Xã An Phú, Xã Bình Minh vào" in added.content.decode()
    assert "Xã An Phú đã là thành viên" in again.content.decode()


def test_a_cluster_takes_no_unit_below_the_owners_children(
    client, province_officer, province, village_a
):
    group = EmulationGroupFactory(owner=province, number=3, name="Cụm thử")
    client.force_login(province_officer)

    response = client.post(reverse("units:member_add", args=[group.pk]), {"unit": [village_a.pk]})

    assert response.status_code == 200
    assert not GroupMembership.objects.filter(group=group).exists()


def test_units_are_found_by_name_anywhere_below(client, province_officer, province, village_a):
    client.force_login(province_officer)
    url = reverse("units:tree_search", args=[province.pk])

    found = client.get(url, {"tim-don-vi": "thon mot", "ten": "unit"}).content.decode()
    children = client.get(url, {"tim-don-vi": "thon mot", "ten": "unit", "con": "1"})

    assert f'name="unit" value="{village_a.pk}"' in found
    assert "Xã An Phú" in found  # the lineage tells two namesakes apart
    assert "Không tìm thấy đơn vị nào tên «thon mot»." in children.content.decode()


def test_a_sibling_officer_cannot_search_another_tree(client, officer_b, commune_a):
    client.force_login(officer_b)

    response = client.get(reverse("units:tree_search", args=[commune_a.pk]), {"tim-don-vi": "x"})

    assert response.status_code == 404


def test_the_picker_ticks_by_kind_and_by_cluster(client, province_officer, congress, cluster,
                                                 commune_a, commune_b, province):  # fmt: skip
    UnitFactory(name="Sở Nội vụ", kind=UnitKind.AGENCY, parent=province)
    client.force_login(province_officer)

    page = client.get(reverse("conferences:quotas", args=[congress.pk])).content.decode()

    assert 'data-tick-kind="commune">Xã, phường, đặc khu (2)</button>' in page
    assert 'data-tick-kind="agency">Cơ quan, sở, ban, ngành (1)</button>' in page
    members = f"{commune_a.pk} {commune_b.pk}"
    assert f'data-tick-units="{members}">Cụm thi đua số 1' in page


def test_members_already_in_are_shown_greyed_and_not_offered(client, province_officer, cluster,
                                                             commune_a, commune_b):  # fmt: skip
    third = UnitFactory(name="Xã Cao Sơn", kind=UnitKind.COMMUNE, parent=cluster.owner)
    client.force_login(province_officer)

    page = client.get(reverse("units:member_add", args=[cluster.pk])).content.decode()
    sent = client.post(reverse("units:member_add", args=[cluster.pk]), {"unit": [commune_a.pk]})

    assert re.search(rf'value="{commune_a.pk}" disabled> Xã An Phú.*\(đã là thành viên\)', page)
    assert re.search(rf'value="{third.pk}">', page)
    assert "Xã An Phú đã là thành viên." in sent.content.decode()
    assert GroupMembership.objects.filter(group=cluster).count() == 2

"""Bad input, races and merger history: none of them may lose data, leak a sibling's
data or end in a 500."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import UnitFactory
from thidua.audit.models import Action, AuditEvent
from thidua.units import group_services, selectors, services
from thidua.units.models import EmulationGroup, Unit, UnitKind
from thidua.units.scope import scope_for

CLOSED = {"valid_to": datetime.date(2025, 7, 1)}


@pytest.fixture
def merger(province, commune_a):
    """Commune A was formed on 01/7/2025 from two communes of a legacy district; a third
    commune of that district went elsewhere."""
    district = UnitFactory(parent=province, name="Huyện Cũ", kind=UnitKind.DISTRICT, **CLOSED)
    old_1 = UnitFactory(parent=district, name="Xã Cũ Một", kind=UnitKind.COMMUNE, **CLOSED)
    old_2 = UnitFactory(parent=district, name="Xã Cũ Hai", kind=UnitKind.COMMUNE, **CLOSED)
    other = UnitFactory(parent=district, name="Xã Cũ Ba", kind=UnitKind.COMMUNE, **CLOSED)
    services.update_unit(actor=None, unit=commune_a, predecessors=[old_1, old_2])
    return {"district": district, "olds": [old_1, old_2], "other": other}


def test_an_officer_sees_the_communes_merged_into_theirs(officer_a, merger):
    visible = set(selectors.visible_units(officer_a))

    assert set(merger["olds"]) <= visible
    assert merger["district"] not in visible
    assert merger["other"] not in visible


def test_the_sibling_officer_sees_none_of_that_history(officer_b, merger):
    visible = set(selectors.visible_units(officer_b))

    assert not visible & {*merger["olds"], merger["district"], merger["other"]}


def test_merger_history_follows_two_generations(officer_a, merger, province):
    older = UnitFactory(parent=province, name="Xã Rất Cũ", kind=UnitKind.COMMUNE,
                        valid_to=datetime.date(2019, 12, 31))  # fmt: skip
    services.update_unit(actor=None, unit=merger["olds"][0], predecessors=[older])
    officer_a._thidua_scope = None

    assert scope_for(officer_a).covers(older.path)


def test_the_edit_form_offers_and_keeps_predecessors(client, officer_a, commune_a, merger):
    client.force_login(officer_a)
    url = reverse("units:edit", args=[commune_a.pk])
    form = client.get(url).context["form"]
    chosen = [unit.pk for unit in form.initial["predecessors"]]
    data = {"name": "Xã An Phú", "kind": "commune", "address": "Thôn Một", "predecessors": chosen}

    response = client.post(url, data)

    assert response.status_code == 302
    assert set(form.fields["predecessors"].queryset) >= set(merger["olds"])
    assert set(commune_a.predecessors.all()) == set(merger["olds"])


def test_a_predecessor_cannot_be_deleted(merger, province_officer):
    with pytest.raises(services.ValidationError):
        services.delete_unit(actor=province_officer, unit=merger["olds"][0])


@pytest.mark.parametrize(
    ("url_name", "target", "data", "field"),
    [
        ("units:create", "commune_a", {"name": "Thôn X", "kind": "village",
                                       "workforce": "9223372036854775808"}, "workforce"),
        ("units:create", "commune_a", {"name": "Thôn X", "kind": "village",
                                       "predecessors": "99999999999999999999999"}, "predecessors"),
        ("units:create", "commune_a", {"name": "Thôn X", "kind": "village",
                                       "email": "a" * 250 + "@x.vn"}, "email"),
        ("units:group_create", "province", {"kind": "cluster", "number": "0",
                                            "default_cadence": "year",
                                            "default_min_exemplars": "1"}, "number"),
        ("units:member_add", "cluster", {"unit": "99999999999999999999999"}, "unit"),
        ("units:member_add", "cluster", {"unit": "", "min_exemplars": "40000"}, "min_exemplars"),
    ],
)  # fmt: skip
def test_out_of_range_input_is_a_form_error(client, request, province_officer, commune_a,
                                            cluster, url_name, target, data, field):  # fmt: skip
    client.force_login(province_officer)
    pk = request.getfixturevalue(target).pk

    response = client.post(reverse(url_name, args=[pk]), data)

    assert response.status_code == 200
    assert field in response.context["form"].errors


@pytest.mark.parametrize("path", ["/api/v1/units?page=9999999999999999999",
                                  "/api/v1/groups?page=4611686018427387904",
                                  "/api/v1/units?page_size=100000"])  # fmt: skip
def test_absurd_api_pages_are_refused_cleanly(client, province_officer, path):
    client.force_login(province_officer)

    assert client.get(path).status_code == 422


def test_nul_characters_in_a_search_do_no_harm(client, province_officer, commune_a):
    client.force_login(province_officer)

    page = client.get(reverse("units:search"), {"q": "an\x00 phu"})
    api = client.get("/api/v1/units", {"q": "\x00"})

    assert list(page.context["page"].object_list) == [commune_a]
    assert api.status_code == 200


def test_editing_a_deleted_group_shows_a_message(client, province_officer, cluster):
    client.force_login(province_officer)
    url = reverse("units:group_edit", args=[cluster.pk])
    data = {
        "kind": "cluster",
        "number": "5",
        "default_cadence": "year",
        "default_min_exemplars": "1",
    }
    group = EmulationGroup.objects.get(pk=cluster.pk)
    group_services.delete_group(actor=province_officer, group=group)

    with pytest.raises(services.ValidationError):
        group_services.update_group(actor=province_officer, group=cluster, number=5)
    assert client.post(url, data).status_code == 404
    assert not EmulationGroup.objects.exists()


def test_updating_a_deleted_unit_does_not_bring_it_back(village_a):
    Unit.objects.filter(pk=village_a.pk).delete()

    with pytest.raises(services.ValidationError):
        services.update_unit(actor=None, unit=village_a, address="Đường Mới")

    assert not Unit.objects.filter(pk=village_a.pk).exists()


def test_deleting_twice_records_once(village_a, cluster, province_officer):
    services.delete_unit(actor=province_officer, unit=village_a)
    services.delete_unit(actor=province_officer, unit=village_a)
    group_services.delete_group(actor=province_officer, group=cluster)
    group_services.delete_group(actor=province_officer, group=cluster)

    deletes = AuditEvent.objects.filter(action=Action.DELETE).values_list("target_type", flat=True)
    assert sorted(deletes) == [
        "units.emulationgroup", "units.groupmembership", "units.groupmembership", "units.unit",
    ]  # fmt: skip


def test_group_management_is_offered_only_where_groups_can_be(client, officer_a, commune_a):
    client.force_login(officer_a)

    response = client.get(commune_a.get_absolute_url())

    assert response.context["can_manage_groups"] is False

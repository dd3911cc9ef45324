"""The tree picker (units.widgets.UnitTree): many units of a subtree chosen by ticking,
branches opened on demand, never a sibling's, nothing ticked lost when a form comes back."""

import pytest
from django.urls import reverse

from thidua.units.models import Unit
from thidua.units.selectors import branch_nodes

pytestmark = pytest.mark.django_db


def _names(nodes):
    return [node["unit"].name for node in nodes]


def test_a_branch_lists_the_units_children_in_force_as_checkboxes(
    client, province_officer, commune_a, village_a
):
    client.force_login(province_officer)

    page = client.get(reverse("units:branch", args=[commune_a.pk]), {"ten": "units"})

    assert page.status_code == 200
    assert f'name="units" value="{village_a.pk}"' in page.content.decode()


def test_a_sibling_officer_cannot_open_a_branch_outside_their_unit(client, officer_b, commune_a):
    client.force_login(officer_b)

    assert client.get(reverse("units:branch", args=[commune_a.pk])).status_code == 404


def test_ticked_units_come_back_with_their_branches_open_in_two_queries(
    django_assert_num_queries, province, commune_a, commune_b, village_a, village_b
):
    with django_assert_num_queries(1):
        closed = branch_nodes(province)
    with django_assert_num_queries(2):
        opened = branch_nodes(province, ticked={village_a.pk, village_b.pk})

    assert all(node["children"] is None for node in closed)
    by_name = {node["unit"].name: node for node in opened}
    assert [n["ticked"] for n in by_name[commune_a.name]["children"]] == [True]
    assert _names(by_name[commune_b.name]["children"]) == [village_b.name]


def test_units_no_longer_in_force_are_not_offered(province, commune_a, commune_b):
    Unit.objects.filter(pk=commune_b.pk).update(valid_to="2025-07-01")

    assert commune_b.name not in _names(branch_nodes(province))

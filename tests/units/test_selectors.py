import pytest

from thidua.units import selectors
from thidua.units.loader import load_official_tree
from thidua.units.models import Unit


def test_search_ignores_diacritics_and_case(officer_a, commune_a, village_a):
    found = selectors.search_units(officer_a, q="THON mot")

    assert list(found) == [village_a]


def test_search_matches_every_word_in_any_order(province_officer, commune_a, commune_b):
    assert list(selectors.search_units(province_officer, q="phu an")) == [commune_a]
    assert list(selectors.search_units(province_officer, q="xa")) == [commune_a, commune_b]


def test_search_finds_by_official_code(province_officer, commune_b):
    assert list(selectors.search_units(province_officer, q="99002")) == [commune_b]


def test_search_never_returns_a_siblings_units(officer_b, commune_a, village_a, village_b):
    assert list(selectors.search_units(officer_b, q="thon")) == [village_b]
    assert list(selectors.search_units(officer_b, q="an phu")) == []


@pytest.mark.django_db
def test_search_finds_both_dai_son_communes_of_the_official_tree(site_admin):
    load_official_tree()

    found = selectors.attach_lineage(selectors.search_units(site_admin, q="dai son"))

    assert sorted((u.name, u.lineage[0]) for u in found) == [
        ("Xã Đại Sơn", "Thành phố Hải Phòng"),
        ("Xã Đại Sơn", "Tỉnh Bắc Ninh"),
    ]


def test_breadcrumb_stops_at_the_users_own_unit(officer_a, village_a, commune_a):
    assert selectors.breadcrumb(officer_a, village_a) == [commune_a]


def test_roles_on_a_unit_apply_to_its_subtree(officer_a, village_a, commune_b):
    visible = selectors.visible_units(officer_a)

    assert set(visible) == {village_a.parent, village_a}
    assert not visible.filter(pk=commune_b.pk).exists()


def test_a_user_without_roles_sees_nothing(db, province):
    from tests.factories import UserFactory

    assert list(selectors.visible_units(UserFactory())) == []


def test_the_site_admin_sees_the_nation(site_admin, commune_a, commune_b):
    assert selectors.visible_units(site_admin).count() == Unit.objects.count()


def test_member_units_do_not_see_their_groups_siblings(officer_a, cluster, commune_a):
    assert list(selectors.visible_groups(officer_a)) == []
    assert [m.group for m in selectors.memberships_of_unit(commune_a)] == [cluster]

import pytest
from django.urls import reverse

from tests.factories import EmulationGroupFactory, UnitFactory
from thidua.units.models import GroupMembership, Unit, UnitKind


def test_officer_adds_a_village_to_their_commune(client, officer_a, commune_a):
    client.force_login(officer_a)

    response = client.post(
        reverse("units:create", args=[commune_a.pk]),
        {"name": "Thôn Đồng Tâm", "kind": "village", "subtype": "thôn", "valid_from": "01/7/2025"},
    )

    village = Unit.objects.get(name="Thôn Đồng Tâm")
    assert response["Location"] == village.get_absolute_url()
    assert (village.parent, village.kind, str(village.valid_from)) == (
        commune_a, UnitKind.VILLAGE, "2025-07-01",
    )  # fmt: skip


def test_a_form_with_an_error_keeps_what_was_typed(client, officer_a, commune_a):
    client.force_login(officer_a)

    response = client.post(
        reverse("units:create", args=[commune_a.pk]),
        {"name": "Thôn Đồng Tâm", "kind": "village", "valid_from": "31/02/2025", "workforce": "12"},
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "Ngày phải viết theo dạng dd/mm/yyyy" in body
    assert 'value="Thôn Đồng Tâm"' in body
    assert 'value="12"' in body
    assert not Unit.objects.filter(name="Thôn Đồng Tâm").exists()


def test_a_service_error_is_shown_on_its_field(client, province_officer, province, commune_a):
    client.force_login(province_officer)

    response = client.post(
        reverse("units:create", args=[province.pk]),
        {"name": "Xã Trùng Mã", "kind": "commune", "code": "99001"},
    )

    assert response.context["form"].errors["code"] == [
        "Mã đơn vị 99001 đã được dùng cho đơn vị khác."
    ]


def test_officer_edits_details_of_an_official_unit_but_not_its_name(client, officer_a, commune_a):
    Unit.objects.filter(pk=commune_a.pk).update(is_official=True)
    client.force_login(officer_a)

    client.post(
        reverse("units:edit", args=[commune_a.pk]),
        {"name": "Tên Khác", "kind": "commune", "workforce": "25", "email": "vhxh@anphu.gov.vn"},
    )

    commune_a.refresh_from_db()
    assert (commune_a.name, commune_a.workforce, commune_a.email) == (
        "Xã An Phú", 25, "vhxh@anphu.gov.vn",
    )  # fmt: skip


def test_officer_cannot_delete_their_own_unit(client, officer_a, commune_a):
    client.force_login(officer_a)

    assert client.post(reverse("units:delete", args=[commune_a.pk])).status_code == 403


def test_officer_deletes_a_unit_below_theirs(client, officer_a, village_a, commune_a):
    client.force_login(officer_a)

    response = client.post(reverse("units:delete", args=[village_a.pk]))

    assert response["Location"] == commune_a.get_absolute_url()
    assert not Unit.objects.filter(pk=village_a.pk).exists()


def test_delete_page_explains_why_a_unit_cannot_go(client, province_officer, commune_a, village_a):
    client.force_login(province_officer)

    response = client.post(reverse("units:delete", args=[commune_a.pk]))

    assert response.context["blockers"] == ["Đơn vị còn đơn vị trực thuộc."]
    assert Unit.objects.filter(pk=commune_a.pk).exists()


def test_children_tabs_filter_by_kind_and_htmx_gets_the_fragment(client, officer_a, commune_a):
    village = UnitFactory(parent=commune_a, name="Thôn Ba", kind=UnitKind.VILLAGE)
    UnitFactory(parent=commune_a, name="Trường Tiểu học", kind=UnitKind.SCHOOL)
    client.force_login(officer_a)
    url = reverse("units:detail", args=[commune_a.pk])

    response = client.get(
        url, {"kind": "village"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="children"
    )

    assert list(response.context["page"].object_list) == [village]
    assert response.content.decode().lstrip().startswith('<div id="children">')


def test_search_htmx_returns_only_the_results(client, officer_a, village_a):
    client.force_login(officer_a)

    response = client.get(reverse("units:search"), {"q": "thon mot"}, HTTP_HX_REQUEST="true")

    body = response.content.decode()
    assert body.lstrip().startswith('<section id="results"')
    assert "Thôn Một" in body


def test_a_bad_page_number_gives_a_page_not_an_error(client, officer_a, village_a):
    client.force_login(officer_a)

    response = client.get(reverse("units:search"), {"q": "thon", "page": "abc"})

    assert response.context["page"].number == 1


def test_province_officer_builds_a_block(client, province_officer, province, agency):
    client.force_login(province_officer)

    response = client.post(
        reverse("units:group_create", args=[province.pk]),
        {"kind": "block", "number": "3", "name": "Khối tổng hợp", "default_cadence": "half_year",
         "default_min_exemplars": "2"},
    )  # fmt: skip
    group = province.owned_groups.get()
    client.post(reverse("units:member_add", args=[group.pk]), {"unit": agency.pk})

    assert response["Location"] == group.get_absolute_url()
    member = GroupMembership.objects.get(group=group)
    assert (member.unit, member.cadence, member.min_exemplars) == (agency, "half_year", 2)


def test_a_taken_group_number_is_refused_on_the_form(client, province_officer, cluster, province):
    client.force_login(province_officer)

    response = client.post(
        reverse("units:group_create", args=[province.pk]),
        {"kind": "cluster", "number": "1", "default_cadence": "year", "default_min_exemplars": "1"},
    )

    assert response.context["form"].errors["number"] == [
        "Cụm thi đua số 1 đã có ở Tỉnh Thử Nghiệm."
    ]


def test_member_edit_and_remove(client, province_officer, cluster, commune_a):
    membership = cluster.members.get(unit=commune_a)
    client.force_login(province_officer)

    client.post(
        reverse("units:member_edit", args=[membership.pk]),
        {"cadence": "month", "min_exemplars": "1", "joined_on": "15/01/2024"},
    )
    membership.refresh_from_db()
    client.post(reverse("units:member_delete", args=[membership.pk]))

    assert (membership.cadence, membership.min_exemplars, str(membership.joined_on)) == (
        "month", 1, "2024-01-15",
    )  # fmt: skip
    assert not GroupMembership.objects.filter(pk=membership.pk).exists()


def test_group_edit_and_delete(client, province_officer, cluster, province):
    client.force_login(province_officer)

    client.post(
        reverse("units:group_edit", args=[cluster.pk]),
        {"kind": "cluster", "number": "4", "name": "Cụm 4", "default_cadence": "year",
         "default_min_exemplars": "1"},
    )  # fmt: skip
    cluster.refresh_from_db()
    response = client.post(reverse("units:group_delete", args=[cluster.pk]))

    assert cluster.display_name == "Cụm thi đua số 4: Cụm 4"
    assert response["Location"] == province.get_absolute_url()
    assert not province.owned_groups.exists()


@pytest.mark.parametrize("item_count", [1, 3])
def test_children_list_queries_do_not_grow(client, officer_a, commune_a, item_count,
                                           django_assert_num_queries):  # fmt: skip
    for n in range(item_count):
        UnitFactory(parent=commune_a, name=f"Thôn {n}", kind=UnitKind.VILLAGE)
    client.force_login(officer_a)
    url = reverse("units:detail", args=[commune_a.pk])

    with django_assert_num_queries(14):
        client.get(url)


@pytest.mark.parametrize("item_count", [1, 3])
def test_search_queries_do_not_grow(client, province_officer, commune_a, item_count,
                                    django_assert_num_queries):  # fmt: skip
    for n in range(item_count):
        UnitFactory(parent=commune_a, name=f"Thôn {n}", kind=UnitKind.VILLAGE)
    client.force_login(province_officer)

    with django_assert_num_queries(7):
        response = client.get(reverse("units:search"), {"q": "thon"})
    assert len(response.context["page"].object_list) == item_count


@pytest.mark.parametrize("item_count", [1, 3])
def test_group_pages_queries_do_not_grow(client, province_officer, province, item_count,
                                         django_assert_num_queries):  # fmt: skip
    from tests.factories import GroupMembershipFactory

    group = EmulationGroupFactory(owner=province, number=1)
    for n in range(item_count):
        unit = UnitFactory(parent=province, name=f"Sở {n}", kind=UnitKind.AGENCY)
        GroupMembershipFactory(group=group, unit=unit)
        EmulationGroupFactory(owner=province, number=10 + n)
    client.force_login(province_officer)

    with django_assert_num_queries(7):
        client.get(reverse("units:group_detail", args=[group.pk]))
    with django_assert_num_queries(6):
        client.get(reverse("units:group_list"))


@pytest.mark.parametrize("item_count", [1, 3])
def test_audit_and_home_queries_do_not_grow(client, officer_a, commune_a, item_count,
                                            django_assert_num_queries):  # fmt: skip
    for n in range(item_count):
        UnitFactory(parent=commune_a, name=f"Thôn {n}", kind=UnitKind.VILLAGE)
    client.force_login(officer_a)

    with django_assert_num_queries(6):
        client.get(reverse("audit"))
    with django_assert_num_queries(22):  # the inbox: one query per section (tests/inbox)
        client.get(reverse("home"))

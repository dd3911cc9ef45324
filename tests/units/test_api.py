import pytest
from django.urls import reverse

from tests.factories import UnitFactory
from thidua.accounts.services import create_api_token


@pytest.fixture
def api(client):
    def get(path, user=None, **params):
        if user is not None:
            client.force_login(user)
        return client.get(f"/api/v1{path}", params)

    return get


A_ENDPOINTS = [
    "/units/{commune}", "/units/{commune}/children", "/units?parent={commune}",
    "/groups/{group}", "/groups?owner={province}",
]  # fmt: skip


@pytest.mark.parametrize("template", A_ENDPOINTS)
def test_sibling_officer_gets_404_from_every_endpoint(api, officer_b, commune_a, province,
                                                      cluster, template):  # fmt: skip
    path = template.format(commune=commune_a.pk, group=cluster.pk, province=province.pk)

    assert api(path, officer_b).status_code == 404


def test_sibling_officer_lists_only_their_own_units(api, officer_b, village_a, village_b):
    names = [u["name"] for u in api("/units", officer_b, q="thon").json()["items"]]

    assert names == ["Thôn Hai"]


def test_unit_list_filters_by_level_kind_parent_and_q(api, province_officer, commune_a,
                                                      commune_b, village_a):  # fmt: skip
    def names(**params):
        return [u["name"] for u in api("/units", province_officer, **params).json()["items"]]

    assert names(level="commune", kind="commune") == ["Xã An Phú", "Xã Bình Minh"]
    assert names(parent=commune_a.pk) == ["Thôn Một"]
    assert names(q="BINH minh") == ["Xã Bình Minh"]
    assert api("/units", province_officer, kind="planet").status_code == 422


def test_unit_detail_and_children(api, officer_a, commune_a, village_a):
    detail = api(f"/units/{commune_a.pk}", officer_a).json()
    children = api(f"/units/{commune_a.pk}/children", officer_a).json()

    assert (detail["name"], detail["code"], detail["kind_label"]) == (
        "Xã An Phú", "99001", "Xã, phường, đặc khu",
    )  # fmt: skip
    assert [c["id"] for c in children["items"]] == [village_a.pk]
    assert children["count"] == 1


def test_group_detail_lists_members_with_their_cadence(api, province_officer, cluster):
    body = api(f"/groups/{cluster.pk}", province_officer).json()

    assert [(m["unit_name"], m["cadence"], m["min_exemplars"]) for m in body["members"]] == [
        ("Xã An Phú", "quarter", 3), ("Xã Bình Minh", "half_year", 2),
    ]  # fmt: skip


def test_anonymous_requests_are_refused(api, commune_a):
    assert api(f"/units/{commune_a.pk}").status_code == 401


def test_bearer_token_works_and_keeps_the_users_scope(client, officer_b, commune_a, commune_b):
    raw = create_api_token(user=officer_b, name="Cổng thông tin")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    own = client.get(f"/api/v1/units/{commune_b.pk}", **headers)
    sibling = client.get(f"/api/v1/units/{commune_a.pk}", **headers)
    wrong = client.get(f"/api/v1/units/{commune_b.pk}", HTTP_AUTHORIZATION="Bearer sai")

    assert (own.status_code, sibling.status_code, wrong.status_code) == (200, 404, 401)
    assert officer_b.api_tokens.get().last_used_at is not None


def test_revoked_tokens_stop_working(client, officer_b, commune_b):
    raw = create_api_token(user=officer_b, name="Tạm")
    client.force_login(officer_b)
    client.post(reverse("token_revoke", args=[officer_b.api_tokens.get().pk]))
    client.logout()

    response = client.get(f"/api/v1/units/{commune_b.pk}", HTTP_AUTHORIZATION=f"Bearer {raw}")

    assert response.status_code == 401


def test_openapi_schema_describes_the_endpoints(client):
    schema = client.get("/api/v1/openapi.json").json()

    expected = {
        "/api/v1/units", "/api/v1/units/{unit_id}", "/api/v1/units/{unit_id}/children",
        "/api/v1/groups", "/api/v1/groups/{group_id}", "/api/v1/me",
    }  # fmt: skip
    assert expected <= set(schema["paths"])


@pytest.mark.parametrize("item_count", [1, 3])
def test_unit_list_queries_do_not_grow(api, client, province_officer, commune_a, item_count,
                                       django_assert_num_queries):  # fmt: skip
    for n in range(item_count):
        UnitFactory(parent=commune_a, name=f"Thôn {n}", kind="village")
    client.force_login(province_officer)

    with django_assert_num_queries(6):
        response = api("/units", q="thon")
    assert response.json()["count"] == item_count

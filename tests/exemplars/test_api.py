import pytest

from thidua.workflow.models import Transition


@pytest.mark.parametrize("path", ["/exemplars/{e}", "/subjects/{s}"])
def test_sibling_officer_gets_404(client, officer_b, exemplar_a, person_a, path):
    client.force_login(officer_b)

    response = client.get("/api/v1" + path.format(e=exemplar_a.pk, s=person_a.pk))

    assert response.status_code == 404


def test_sibling_officer_cannot_move_an_exemplar(client, officer_b, exemplar_a):
    client.force_login(officer_b)

    response = client.post(f"/api/v1/exemplars/{exemplar_a.pk}/transitions",
                           {"action": "nurture"}, content_type="application/json")  # fmt: skip

    assert response.status_code == 404
    assert not Transition.objects.exists()


def test_lists_are_scoped_and_filtered(client, officer_a, officer_b, exemplar_a):
    client.force_login(officer_a)
    own = client.get("/api/v1/exemplars", {"q": "lua huu co", "field": "agriculture"}).json()
    client.force_login(officer_b)
    sibling = client.get("/api/v1/exemplars").json()

    assert [e["id"] for e in own["items"]] == [exemplar_a.pk]
    assert own["items"][0]["subject"]["name"] == "Nguyễn Văn Ân"
    assert sibling == {"items": [], "count": 0, "next": None}


def test_transitions_follow_the_table(client, officer_a, council_member, exemplar_a):
    url = f"/api/v1/exemplars/{exemplar_a.pk}/transitions"
    client.force_login(council_member)
    refused_role = client.post(url, {"action": "nurture"}, content_type="application/json")
    client.force_login(officer_a)

    moved = client.post(url, {"action": "nurture", "reason": "Họp xét"},
                        content_type="application/json")  # fmt: skip
    refused = client.post(url, {"action": "replicate"}, content_type="application/json")

    assert refused_role.status_code == 403
    assert moved.json()["stage"] == "nurturing"
    assert moved.json()["stage_changes"][0]["reason"] == "Họp xét"
    assert refused.status_code == 409
    assert "Không thể «Nhân rộng»" in refused.json()["detail"]

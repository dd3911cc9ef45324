"""The pacts in the API: the same scoping as the pages (a member sees its group's pact,
its own targets and cards, others' cards once the ranking is published; a unit outside
gets 404) and the transitions with their 403 and 409."""

import pytest

from tests.conftest import _person
from tests.factories import UnitFactory
from tests.pacts.test_pacts import CRITERIA, SIGNING, _member, cluster  # noqa: F401
from tests.pacts.test_scoring import SCORES, _scored, pact  # noqa: F401
from thidua.accounts.models import Role
from thidua.pacts import scoring
from thidua.pacts.models import PactTarget
from thidua.units.models import UnitKind

pytestmark = pytest.mark.django_db


def test_a_member_reads_its_pact_and_only_its_own_targets(client, pact, officer_b):  # noqa: F811
    PactTarget.objects.create(
        pact=pact, membership=_member(pact.group, "Xã An Phú"), text="Ba mô hình."
    )  # registered before the signing
    client.force_login(officer_b)

    listed = client.get("/api/v1/pacts").json()
    detail = client.get(f"/api/v1/pacts/{pact.pk}").json()

    assert [p["id"] for p in listed["items"]] == [pact.pk]
    assert listed["items"][0]["head_unit"] == "Xã An Phú"
    assert detail["members"] == ["Xã An Phú", "Xã Bình Minh", "Xã Cẩm Giàng"]
    assert detail["targets"] == []
    assert [c["weight"] for c in detail["criteria"]] == ["2.00", "1.00", "1.50"]


def test_scores_before_and_after_publication(client, pact, officer_b, province_officer):  # noqa: F811
    for name in SCORES:
        _scored(pact, name)
    client.force_login(officer_b)
    before = client.get(f"/api/v1/pacts/{pact.pk}/scores/year").json()
    client.force_login(province_officer)
    published = client.post(f"/api/v1/pacts/{pact.pk}/rankings/year/transitions",
                            {"action": "publish"}, content_type="application/json")  # fmt: skip
    client.force_login(officer_b)
    after = client.get(f"/api/v1/pacts/{pact.pk}/scores/year").json()

    assert [c["unit"] for c in before["cards"]] == ["Xã Bình Minh"]
    assert before["ranking"] == []
    assert published.status_code == 200
    assert len(after["cards"]) == 3
    assert after["ranking"][0]["unit"] == "Xã Bình Minh"


def test_transitions_answer_403_and_409(client, pact, officer_b):  # noqa: F811
    card = scoring.card_of(pact, _member(pact.group, "Xã Bình Minh"), "year")
    client.force_login(officer_b)

    unscored = client.post(f"/api/v1/scorecards/{card.pk}/transitions", {"action": "submit"},
                           content_type="application/json")  # fmt: skip
    publish = client.post(f"/api/v1/pacts/{pact.pk}/rankings/year/transitions",
                          {"action": "publish"}, content_type="application/json")  # fmt: skip
    unknown = client.post(f"/api/v1/scorecards/{card.pk}/transitions", {"action": "xoa"},
                          content_type="application/json")  # fmt: skip

    assert unscored.status_code == 409
    assert "chưa chấm" in unscored.json()["detail"]
    assert publish.status_code == 403
    assert unknown.status_code == 409


def test_a_unit_outside_the_group_gets_404(client, pact, province):  # noqa: F811
    card = _scored(pact, "Xã An Phú")
    outsider = UnitFactory(parent=province, name="Xã Ngoài", kind=UnitKind.COMMUNE)
    client.force_login(_person(outsider, Role.OFFICER, "ngoai_api"))

    assert client.get("/api/v1/pacts").json()["items"] == []
    assert client.get(f"/api/v1/pacts/{pact.pk}").status_code == 404
    assert client.get(f"/api/v1/pacts/{pact.pk}/scores/year").status_code == 404
    assert (
        client.post(
            f"/api/v1/scorecards/{card.pk}/transitions",
            {"action": "return"},
            content_type="application/json",
        ).status_code
        == 404
    )


def test_a_member_votes_through_the_api(client, cluster, officer_b, officer_a):  # noqa: F811
    from thidua.pacts import services as pact_services
    from thidua.workflow.engine import transition

    made = pact_services.open_pact(actor=None, group=cluster, year=2025, rank_by="vote")
    pact_services.save_criteria(actor=None, pact=made, rows=CRITERIA)
    voting = transition(made, "sign", by=None, data=SIGNING)
    _scored(voting, "Xã An Phú", send=False)  # the year-end ranking exists from a first card
    members = {m.unit.name: m.pk for m in voting.group.members.select_related("unit")}
    client.force_login(officer_b)
    url = f"/api/v1/pacts/{voting.pk}/votes"

    own = client.post(url, {"voter_membership_id": members["Xã Bình Minh"],
                            "choice_membership_id": members["Xã An Phú"]},
                      content_type="application/json")  # fmt: skip
    other = client.post(url, {"voter_membership_id": members["Xã An Phú"],
                              "choice_membership_id": members["Xã Bình Minh"]},
                        content_type="application/json")  # fmt: skip
    itself = client.post(url, {"voter_membership_id": members["Xã Bình Minh"],
                               "choice_membership_id": members["Xã Bình Minh"]},
                         content_type="application/json")  # fmt: skip

    assert own.status_code == 200
    assert other.status_code == 403
    assert itself.status_code == 409

"""Nominations, council votes and decisions through the API, scoped like the pages."""

import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.awards.conftest import PDF
from tests.conftest import _person
from thidua.accounts.models import Role
from thidua.awards import council, decisions
from thidua.awards.models import Award, Nomination
from thidua.exemplars import services as exemplar_services

pytestmark = pytest.mark.django_db
JSON = "application/json"


@pytest.fixture
def person(officer_a, commune_a):
    return exemplar_services.create_subject(actor=officer_a, unit=commune_a, kind="individual",
                                            name="Kiều Văn Thành")  # fmt: skip


def _post(client, url, data):
    return client.post(url, json.dumps(data), content_type=JSON)


def test_an_officer_nominates_and_moves_it_a_council_member_may_not_create(
    client, officer_a, council_member, commune_a, person
):
    client.force_login(council_member)
    refused = _post(client, f"/api/v1/units/{commune_a.pk}/nominations",
                    {"subject_id": person.pk, "award": "ldtt", "year": 2025})  # fmt: skip
    client.force_login(officer_a)
    made = _post(client, f"/api/v1/units/{commune_a.pk}/nominations",
                 {"subject_id": person.pk, "award": "ldtt", "year": 2025})  # fmt: skip
    twice = _post(client, f"/api/v1/units/{commune_a.pk}/nominations",
                  {"subject_id": person.pk, "award": "ldtt", "year": 2025})  # fmt: skip
    pk = made.json()["id"]
    sent = _post(client, f"/api/v1/nominations/{pk}/transitions", {"action": "submit"})
    no_reason = _post(client, f"/api/v1/nominations/{pk}/transitions", {"action": "return"})
    waiting = client.get("/api/v1/nominations", {"waiting": True}).json()

    assert refused.status_code == 403
    assert (made.status_code, made.json()["actions"]) == (201, ["submit", "withdraw"])
    assert twice.status_code == 409
    assert sent.json()["state"] == "submitted"
    assert no_reason.status_code == 409
    assert [row["id"] for row in waiting["items"]] == [pk]


def test_members_vote_through_the_api_on_their_own_account(client, officer_a, commune_a, person):
    members = [_person(commune_a, Role.COUNCIL, f"tv{n}") for n in range(2)]
    client.force_login(officer_a)
    made = _post(client, f"/api/v1/units/{commune_a.pk}/nominations",
                 {"subject_id": person.pk, "award": "ldtt", "year": 2025}).json()  # fmt: skip
    for action in ("submit", "receive"):
        _post(client, f"/api/v1/nominations/{made['id']}/transitions", {"action": action})
    meeting = council.open_meeting(actor=officer_a, unit=commune_a,
                                   held_on=datetime.date(2025, 12, 10))  # fmt: skip
    item = meeting.items.get()
    client.force_login(members[0])
    own = _post(client, f"/api/v1/meetings/{meeting.pk}/votes",
                [{"item_id": item.pk, "choice": "for", "member_id": members[1].pk}])  # fmt: skip
    client.force_login(officer_a)
    ballot = [{"item_id": item.pk, "choice": "for", "member_id": members[1].pk}]
    by_secretary = _post(client, f"/api/v1/meetings/{meeting.pk}/votes", ballot)

    assert own.json()["items"][0]["votes_for"] == 1  # recorded as the member's own vote
    assert list(item.votes.values_list("member", flat=True)) == [members[0].pk, members[1].pk]
    assert by_secretary.json()["items"][0]["passing"] is True


def test_decisions_are_read_in_scope_only(client, officer_a, officer_b, commune_a, person):
    nomination = Nomination.objects.create(unit=commune_a, subject=person, year=2025,
                                           award_id=_ldtt(), state="approved", at_unit=commune_a,
                                           deciding_unit=commune_a)  # fmt: skip
    decision = decisions.draft_decision(actor=officer_a, issuer=commune_a, nominations=[nomination])
    client.force_login(officer_a)
    mine = client.get(f"/api/v1/decisions/{decision.pk}")
    client.force_login(officer_b)
    sibling = client.get(f"/api/v1/decisions/{decision.pk}")

    assert mine.json()["lines"][0]["subject_name"] == "Kiều Văn Thành"
    assert sibling.status_code == 404


def _ldtt():
    return Award.objects.get(code="ldtt").pk


def test_the_dossier_over_the_api(client, officer_a, officer_b, council_member, commune_a, person):
    client.force_login(officer_a)
    asked = {"subject_id": person.pk, "award": "bang_khen_tinh", "year": 2025}
    made = _post(client, f"/api/v1/units/{commune_a.pk}/nominations", asked).json()
    url = f"/api/v1/nominations/{made['id']}/files"
    upload = lambda name, content=PDF: SimpleUploadedFile(name, content)  # noqa: E731

    refused = client.post(url, {"kind": "to_trinh", "file": upload("x.pdf", b"MZ" * 100)})
    attached = client.post(url, {"kind": "to_trinh", "file": upload("to-trinh.pdf")})
    detail = client.get(f"/api/v1/nominations/{made['id']}").json()
    client.force_login(council_member)
    reader = client.post(url, {"kind": "khac", "file": upload("khac.pdf")})
    client.force_login(officer_b)
    sibling = client.post(url, {"kind": "khac", "file": upload("khac.pdf")})

    assert made["missing"] == ["to_trinh", "bien_ban", "bao_cao"]
    assert refused.status_code == 409
    assert (attached.status_code, attached.json()["kind"]) == (201, "to_trinh")
    assert [f["name"] for f in detail["files"]] == ["to-trinh.pdf"]
    assert detail["missing"] == ["bien_ban", "bao_cao"]
    assert (reader.status_code, sibling.status_code) == (403, 404)

import pytest

from tests.conferences.conftest import make_delegates
from thidua.conferences import delegates


@pytest.mark.parametrize(
    "path",
    [
        "/conferences/{c}",
        "/conferences/{c}/findings",
        "/conferences/{c}/delegates",
        "/conferences/{c}/quotas",
    ],
)
def test_a_sibling_gets_404(client, conference, officer_b, path):
    client.force_login(officer_b)

    assert client.get("/api/v1" + path.format(c=conference.pk)).status_code == 404


def test_findings_with_what_if_and_adding_a_delegate(client, conference, officer_a, council_member):
    make_delegates(conference, exemplary=105, guest=45, presidium=5)
    client.force_login(officer_a)
    url = f"/api/v1/conferences/{conference.pk}"

    now = client.get(url + "/findings").json()
    what_if = client.get(url + "/findings", {"guest": 1}).json()
    added = client.post(
        url + "/delegates",
        {"full_name": "Hà Văn Lực", "category": "guest"},
        content_type="application/json",
    )
    client.force_login(council_member)
    refused = client.post(
        url + "/delegates", {"full_name": "X", "category": "guest"}, content_type="application/json"
    )

    assert [f for f in now if f["severity"] == "error"] == []
    assert [f["message"] for f in what_if if f["severity"] == "error"] == [
        "Vượt 1 đại biểu so với mức tối đa 150."
    ]
    assert added.json()["status"] == "proposed"
    assert refused.status_code == 403


def test_check_in_by_token(client, conference, officer_a):
    make_delegates(conference, exemplary=1)
    one = conference.delegates.get()
    delegates.move_delegates(actor=None, conference=conference, pks=[one.pk], action="approve")
    conference.status = "approved"
    conference.save()
    client.force_login(officer_a)
    url = f"/api/v1/conferences/{conference.pk}/check-ins"

    first = client.post(url, {"token": one.token}, content_type="application/json")
    again = client.post(url, {"token": one.token}, content_type="application/json")

    assert first.json()["status"] == "attended"
    assert again.status_code == 409


def test_check_in_by_the_printed_short_code(client, conference, officer_a):
    make_delegates(conference, exemplary=1)
    one = conference.delegates.get()
    delegates.move_delegates(actor=None, conference=conference, pks=[one.pk], action="approve")
    conference.status = "approved"
    conference.save()
    client.force_login(officer_a)
    url = f"/api/v1/conferences/{conference.pk}/check-ins"

    done = client.post(url, {"token": one.short_code_display}, content_type="application/json")

    assert done.json()["status"] == "attended"

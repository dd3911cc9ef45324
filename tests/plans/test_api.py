from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.plans.helpers import pdf_upload
from thidua.core.text import fold
from thidua.plans.models import Obligation, Plan, PlanReading

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples" / "plans"
TEXT = b"""UY BAN NHAN DAN TINH THU NGHIEM
So: 12/KH-UBND    Thu Nghiem, ngay 02 thang 3 nam 2026
KE HOACH
To chuc Hoi nghi dien hinh tien tien cac xa nam 2026

- Cac xa gui ke hoach truoc ngay 15/3/2026.
- Hoi nghi cap xa moi toi da 150 dai bieu, dai bieu dien hinh tien tien khoang 70%.
"""


def _own(obligation_owner):
    return Obligation.objects.get(unit=obligation_owner)


@pytest.mark.parametrize("path", ["/plans/{p}", "/plans/{p}/milestones",
                                  "/plans/{p}/obligations", "/obligations/{o}"])  # fmt: skip
def test_outsiders_get_404(client, issued_plan, commune_a, officer_b, path):
    draft = Plan.objects.create(issuer=commune_a, title="Kế hoạch riêng của xã", kind="other")
    client.force_login(officer_b)

    assert client.get("/api/v1" + path.format(p=draft.pk, o=_own(commune_a).pk)).status_code == 404


def test_units_list_only_what_they_owe(client, issued_plan, commune_a, officer_a):
    client.force_login(officer_a)

    plans = client.get("/api/v1/plans").json()["items"]
    owed = client.get(f"/api/v1/plans/{issued_plan.pk}/obligations").json()["items"]

    assert [p["symbol"] for p in plans] == ["12/KH-UBND"]
    assert [(o["unit_name"], o["status"]) for o in owed] == [("Xã An Phú", "overdue")]


def test_deliver_with_a_file_then_the_issuer_decides(client, issued_plan, commune_a, officer_a,
                                                     province_officer, officer_b):  # fmt: skip
    url = f"/api/v1/obligations/{_own(commune_a).pk}"
    client.force_login(officer_b)
    assert client.post(url + "/deliveries", {"files": [pdf_upload()]}).status_code == 404
    client.force_login(officer_a)
    bad = client.post(url + "/deliveries", {"files": [SimpleUploadedFile("a.pdf", b"MZ..")]})
    delivered = client.post(url + "/deliveries", {"note": "Gửi", "files": [pdf_upload()]})
    refused = client.post(url + "/decisions", {"action": "accept"}, content_type="application/json")
    client.force_login(province_officer)
    accepted = client.post(url + "/decisions", {"action": "accept"},
                           content_type="application/json")  # fmt: skip

    assert (bad.status_code, "a.pdf" in bad.json()["detail"]) == (400, True)
    assert delivered.json()["files"] == ["bien-ban.pdf"]
    assert delivered.json()["status"] == "late"  # due 15/03/2026, delivered later
    assert refused.status_code == 403
    assert accepted.json()["state"] == "accepted"


def _read(client, url, content=TEXT, name="kh.txt"):
    """POST a document; the reading job runs when the request commits (immediate backend),
    so the job's URL already answers its outcome."""
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


def test_extraction_answers_a_job_whose_facts_are_the_json_and_saves_nothing(
    client, officer_a, django_capture_on_commit_callbacks
):
    client.force_login(officer_a)

    with django_capture_on_commit_callbacks(execute=True):
        started = _read(client, "/api/v1/plan-documents/extract")
    read = client.get(started.json()["url"]).json()

    assert (started.status_code, started.json()["state"]) == (202, "queued")
    assert (read["state"], read["facts"]["symbol"], read["plan_id"]) == ("done", "12/KH-UBND", None)
    assert (read["facts"]["delegate_caps"], read["facts"]["exemplary_share_pct"]) == ([150], 70)
    assert not Plan.objects.exists()
    assert PlanReading.objects.get().file.name == ""  # the document is not kept


def test_a_draft_from_a_document(
    client, province, province_officer, officer_a, django_capture_on_commit_callbacks
):
    client.force_login(officer_a)
    refused = _read(client, f"/api/v1/units/{province.pk}/plans/drafts")
    client.force_login(province_officer)

    with django_capture_on_commit_callbacks(execute=True):
        started = _read(client, f"/api/v1/units/{province.pk}/plans/drafts")
    reading = client.get(started.json()["url"]).json()
    draft = client.get(f"/api/v1/plans/{reading['plan_id']}").json()
    client.force_login(officer_a)

    assert refused.status_code == 404  # the province is above the commune officer
    assert client.get(started.json()["url"]).status_code == 404  # someone else's reading
    assert (draft["status"], draft["symbol"]) == ("draft", "12/KH-UBND")
    assert fold(draft["document_issuer"]) == "ubnd tinh thu nghiem"  # as read (marks restored)
    assert [m["due_on"] for m in draft["milestones"]] == ["2026-03-15"]
    assert [(r["delegate_cap"], r["exemplary_share_pct"]) for r in draft["rule_sets"]] == [
        (150, 70)
    ]

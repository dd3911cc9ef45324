"""The stricter lifecycle: a checklist by subject kind, recognition only with the required
criteria met, and the recognition (level, occasion, date, decision) recorded in the same
step — on the page, through the API, and when a conference honours the exemplar."""

import datetime

import pytest
from django.urls import reverse

from tests.exemplars.recognition import RECOGNITION, meet_criteria, recognise
from tests.workflow.table import assert_refused
from thidua.audit.models import AuditEvent
from thidua.exemplars import criteria, services
from thidua.exemplars.models import Criterion, CriterionCheck, Recognition
from thidua.workflow.engine import Refused, transition
from thidua.workflow.models import Transition


@pytest.fixture
def nurtured(exemplar_a, officer_a):
    return transition(exemplar_a, "nurture", by=officer_a)


def test_a_household_is_judged_on_the_household_criteria(commune_a, field, officer_a):
    home = services.create_subject(actor=officer_a, unit=commune_a, kind="household",
                                   name="Hộ ông Lê Văn Tám")  # fmt: skip
    exemplar = services.create_exemplar(actor=officer_a, subject=home, title="Nuôi cá lồng",
                                        field=field, year_from=2024)  # fmt: skip

    items = [check.criterion for check in exemplar.checks.order_by("criterion__position")]
    assert {item.scope for item in items} == {"household"}
    assert [item.source for item in items] == ["Nghị định 86/2023/NĐ-CP, Điều 4"] * 3
    assert items[2].text.startswith("Gia đình no ấm, tiến bộ, hạnh phúc, văn minh")


def test_checks_of_another_kind_neither_block_nor_are_lost(client, commune_a, field, officer_a):
    """A household that kept a collective item (migration 0012 keeps the ones an officer
    wrote in) is judged on the household items only; saving its checklist keeps the rest."""
    home = services.create_subject(actor=officer_a, unit=commune_a, kind="household",
                                   name="Hộ ông Lê Văn Tám")  # fmt: skip
    exemplar = services.create_exemplar(actor=officer_a, subject=home, title="Nuôi cá lồng",
                                        field=field, year_from=2024)  # fmt: skip
    collective = Criterion.objects.filter(scope="collective").first()
    kept = CriterionCheck.objects.create(exemplar=exemplar, criterion=collective,
                                         evidence_note="Ghi chép cũ")  # fmt: skip
    exemplar = transition(exemplar, "nurture", by=officer_a)
    meet_criteria(exemplar)
    client.force_login(officer_a)

    page = client.get(exemplar.get_absolute_url()).content.decode()
    client.post(reverse("exemplars:checklist", args=[exemplar.pk]), {})

    assert collective.text not in page
    kept.refresh_from_db()
    assert kept.evidence_note == "Ghi chép cũ"
    assert criteria.unmet_required(exemplar)  # the household items were just unticked
    recognise(exemplar, by=officer_a)
    exemplar.refresh_from_db()
    assert exemplar.stage == "recognised"


def test_recognising_waits_for_every_required_criterion(nurtured, officer_a):
    checks = list(nurtured.checks.order_by("criterion__scope", "criterion__position"))
    meet_criteria(nurtured)
    unticked = {checks[0].pk: (False, ""), checks[-1].pk: (False, "")}
    services.update_checks(actor=officer_a, exemplar=nurtured, answers=unticked)

    refused = assert_refused(nurtured, "nurturing", "recognise", by=officer_a, code="guard")

    assert refused.messages[0].startswith("Chưa đạt 2 tiêu chí bắt buộc: «Gương mẫu, chấp hành")
    assert not Recognition.objects.exists()


def test_an_item_kept_as_guidance_does_not_block(nurtured, officer_a):
    meet_criteria(nurtured)
    guidance = nurtured.checks.first()
    Criterion.objects.filter(pk=guidance.criterion_id).update(required=False)
    services.update_checks(actor=officer_a, exemplar=nurtured, answers={guidance.pk: (False, "")})

    moved = transition(nurtured, "recognise", by=officer_a, data=RECOGNITION)

    assert moved.stage == "recognised"


def test_the_data_answer_overrides_a_tick(nurtured, officer_a, monkeypatch):
    """An item a rule decides from data counts as the data says, whatever was ticked."""
    meet_criteria(nurtured)
    decided = nurtured.checks.first()
    Criterion.objects.filter(pk=decided.criterion_id).update(auto_check="never_met")
    monkeypatch.setitem(criteria.RULES, "never_met", lambda exemplar: False)

    assert [check.pk for check in criteria.unmet_required(nurtured)] == [decided.pk]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({}, ["Chọn cấp công nhận.", "Nhập dịp, hình thức công nhận.",
              "Nhập ngày công nhận (ngày/tháng/năm)."]),
        ({**RECOGNITION, "on": datetime.date(2999, 1, 1)},
         ["Ngày công nhận không được sau hôm nay."]),
    ],
)  # fmt: skip
def test_recognising_needs_the_recognition(nurtured, officer_a, data, expected):
    meet_criteria(nurtured)

    with pytest.raises(Refused) as refused:
        transition(nurtured, "recognise", by=officer_a, data=data)

    assert refused.value.messages == expected
    nurtured.refresh_from_db()
    assert nurtured.stage == "nurturing"


def test_the_recognition_is_recorded_in_the_same_step(nurtured, officer_a):
    meet_criteria(nurtured)

    transition(nurtured, "recognise", by=officer_a, reason="Họp xét", data=RECOGNITION)

    recognition = Recognition.objects.get(exemplar=nurtured)
    row = Transition.objects.get(workflow="exemplar", action="recognise")
    assert (recognition.level, recognition.occasion, recognition.on, recognition.decision) == (
        "commune", "Hội nghị sơ kết phong trào thi đua", datetime.date(2026, 6, 15), "45/QĐ-UBND",
    )  # fmt: skip
    assert row.payload["recognition"]["decision"] == "45/QĐ-UBND"
    assert AuditEvent.objects.filter(target_type="exemplars.recognition", actor=officer_a).exists()


def _post(client, exemplar, **fields):
    values = {f"recognise-{name}": value for name, value in fields.items()}
    return client.post(reverse("exemplars:action", args=[exemplar.pk, "recognise"]), values)


def test_the_page_lists_what_is_missing_and_keeps_what_was_typed(client, officer_a, nurtured):
    client.force_login(officer_a)

    page = client.get(nurtured.get_absolute_url()).content.decode()
    refused = _post(client, nurtured, level="province", occasion="Lễ tuyên dương",
                    on="15/06/2026", decision="12/QĐ-UBND")  # fmt: skip

    assert "Chưa đạt 8 tiêu chí bắt buộc" in page
    assert refused.status_code == 409
    body = refused.content.decode()
    assert "Chưa đạt 8 tiêu chí bắt buộc: «" in body
    assert 'value="Lễ tuyên dương"' in body
    assert 'value="12/QĐ-UBND"' in body
    assert 'value="province" selected' in body


def test_a_recognition_left_blank_is_named_field_by_field(client, officer_a, nurtured):
    meet_criteria(nurtured)
    client.force_login(officer_a)

    refused = _post(client, nurtured, level="", occasion="Lễ tuyên dương", on="", decision="")

    body = refused.content.decode()
    assert refused.status_code == 409
    assert "Chưa công nhận: xem các ô của quyết định công nhận" in body
    assert "Cấp: Trường này là bắt buộc." in body
    assert "Ngày: Trường này là bắt buộc." in body
    assert body.count("Trường này là bắt buộc") == 2  # the level and the date, nothing twice
    assert 'value="Lễ tuyên dương"' in body


def test_a_recognition_dated_after_today_is_named_under_the_date(client, officer_a, nurtured):
    meet_criteria(nurtured)
    client.force_login(officer_a)

    refused = _post(client, nurtured, level="commune", occasion="Lễ tuyên dương",
                    on="01/01/2999", decision="")  # fmt: skip

    body = refused.content.decode()
    assert refused.status_code == 409
    assert "Ngày: Ngày công nhận không được sau hôm nay." in body
    assert 'value="01/01/2999"' in body


def test_the_page_recognises_with_the_decision(client, officer_a, nurtured):
    meet_criteria(nurtured)
    client.force_login(officer_a)

    response = _post(client, nurtured, level="commune", occasion="Hội nghị điển hình",
                     on="20/06/2026", decision="30/QĐ-UBND")  # fmt: skip

    assert response.status_code == 302
    page = client.get(nurtured.get_absolute_url()).content.decode()
    assert "20/06/2026 · Cấp xã · Hội nghị điển hình · Quyết định số 30/QĐ-UBND" in page


def test_a_sibling_officer_cannot_recognise(client, officer_b, nurtured):
    meet_criteria(nurtured)
    client.force_login(officer_b)

    response = _post(client, nurtured, level="commune", occasion="x", on="20/06/2026")

    assert response.status_code == 404
    assert not Recognition.objects.exists()


def test_the_api_recognises_with_the_recognition(client, officer_a, nurtured):
    meet_criteria(nurtured)
    client.force_login(officer_a)
    url = f"/api/v1/exemplars/{nurtured.pk}/transitions"

    bare = client.post(url, {"action": "recognise"}, content_type="application/json")
    done = client.post(url, {"action": "recognise", "recognition": {
        "level": "province", "occasion": "Đại hội thi đua", "on": "2026-06-01",
        "decision": "7/QĐ-UBND"}}, content_type="application/json")  # fmt: skip

    assert bare.status_code == 409
    assert "Chọn cấp công nhận." in bare.json()["detail"]
    assert (done.status_code, done.json()["stage"]) == (200, "recognised")
    assert Recognition.objects.get(exemplar=nurtured).decision == "7/QĐ-UBND"


def test_a_stage_action_by_htmx_reloads_the_whole_page(client, officer_a, exemplar_a):
    """The record forms and the recognitions follow the stage, so the page is reloaded."""
    client.force_login(officer_a)

    response = client.post(reverse("exemplars:action", args=[exemplar_a.pk, "nurture"]),
                           {"reason": "Họp xét"}, HTTP_HX_REQUEST="true")  # fmt: skip

    assert response["HX-Redirect"] == exemplar_a.get_absolute_url()

"""Decisions: drafted from approved nominations at the deciding unit, numbered per issuer and
year (also when two are issued at once), the reward from the base salary on the signing
date, the history written, the nominations closed, the DOCX in the state format."""

import datetime
import io
import threading
from urllib.parse import unquote

import pytest
from django.db import connection
from django.urls import reverse
from docx import Document

from thidua.awards import decisions, nominations
from thidua.awards.decision_docx import decision_docx
from thidua.awards.models import Award, AwardRecord, NominationAction, NominationState
from thidua.exemplars import services as exemplar_services
from thidua.workflow.engine import transition

pytestmark = pytest.mark.django_db
A = NominationAction


def approved(officer, unit, name, code="ldtt", year=2025):
    subject = exemplar_services.create_subject(actor=officer, unit=unit, kind="individual",
                                               name=name)  # fmt: skip
    award = Award.objects.get(code=code)
    nomination = nominations.create_nomination(actor=officer, unit=unit, subject=subject,
                                               award=award, year=year)  # fmt: skip
    for action in (A.SUBMIT, A.RECEIVE, A.APPROVE):
        nomination = transition(nomination, action, by=officer)
    return nomination


def _signed(decision, day=datetime.date(2025, 12, 20)):
    decision.signer_name, decision.signed_on = "Nguyễn Văn Chủ", day
    decision.save()
    return decision


def test_issuing_numbers_writes_history_and_closes_the_nominations(officer_a, commune_a):
    first = approved(officer_a, commune_a, "Đỗ Thị Lan")
    second = approved(officer_a, commune_a, "Vũ Văn Hải")
    decision = _signed(decisions.draft_decision(actor=officer_a, issuer=commune_a,
                                                nominations=[first, second]))  # fmt: skip

    issued = decisions.issue_decision(actor=officer_a, decision=decision)
    next_one = _signed(decisions.draft_decision(actor=officer_a, issuer=commune_a, nominations=[
        approved(officer_a, commune_a, "Hồ Văn Tư")]))  # fmt: skip
    next_one = decisions.issue_decision(actor=officer_a, decision=next_one)

    assert (issued.number, issued.reference, next_one.number) == (1, "01/QĐ-UBND", 2)
    assert [line.amount for line in issued.lines.all()] == [702_000, 702_000]  # 0.3 × 2.340.000
    record = AwardRecord.objects.get(subject=first.subject)
    assert (record.decision_number, record.source, record.year) == ("01/QĐ-UBND", "decision", 2025)
    first.refresh_from_db()
    assert first.state == NominationState.DECIDED


def test_a_decision_needs_approved_nominations_and_a_signer(officer_a, commune_a):
    nomination = approved(officer_a, commune_a, "Đỗ Thị Lan")
    draft = nominations.create_nomination(
        actor=officer_a, unit=commune_a, subject=nomination.subject,
        award=Award.objects.get(code="giay_khen"), year=2025)  # fmt: skip
    with pytest.raises(Exception, match="chưa được"):
        decisions.draft_decision(actor=officer_a, issuer=commune_a, nominations=[draft])
    decision = decisions.draft_decision(actor=officer_a, issuer=commune_a, nominations=[nomination])

    with pytest.raises(Exception, match="người ký"):
        decisions.issue_decision(actor=officer_a, decision=decision)
    with pytest.raises(Exception, match="đã có trong một quyết định"):
        decisions.draft_decision(actor=officer_a, issuer=commune_a, nominations=[nomination])


def test_the_docx_has_the_state_formats_parts(officer_a, commune_a):
    decision = _signed(decisions.draft_decision(actor=officer_a, issuer=commune_a, nominations=[
        approved(officer_a, commune_a, "Đỗ Thị Lan")]))  # fmt: skip
    decision = decisions.issue_decision(actor=officer_a, decision=decision)

    document = Document(io.BytesIO(decision_docx(decision)))
    texts = [p.text for p in document.paragraphs]
    cells = [p.text for table in document.tables for cell in table._cells for p in cell.paragraphs]
    everything = "\n".join(texts + cells)

    parts = [
        "ỦY BAN NHÂN DÂN XÃ AN PHÚ", "Số: 01/QĐ-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "An Phú, ngày 20 tháng 12 năm 2025", "QUYẾT ĐỊNH",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN PHÚ", "Căn cứ Luật Thi đua, khen thưởng", "QUYẾT ĐỊNH:",
        "Điều 1.", "I. Cá nhân", "1. Đỗ Thị Lan, Xã An Phú;", "Điều 2.", "702.000 đồng",
        "Điều 3.", "Nơi nhận:", "- Lưu: VT.", "Nguyễn Văn Chủ",
    ]  # fmt: skip
    for part in parts:
        assert part in everything, part
    assert document.sections[0].page_width.mm == pytest.approx(210, abs=1)


def test_only_the_issuers_officers_issue_and_a_sibling_sees_nothing(
    client, officer_a, officer_b, council_member, commune_a
):
    decision = _signed(decisions.draft_decision(actor=officer_a, issuer=commune_a, nominations=[
        approved(officer_a, commune_a, "Đỗ Thị Lan")]))  # fmt: skip
    client.force_login(officer_b)
    sibling = client.get(reverse("awards:decision", args=[decision.pk]))
    client.force_login(council_member)
    reads = client.get(reverse("awards:decision", args=[decision.pk]))
    refused = client.post(reverse("awards:decision_issue", args=[decision.pk]))
    client.force_login(officer_a)
    issued = client.post(reverse("awards:decision_issue", args=[decision.pk]), follow=True)
    download = client.get(reverse("awards:decision_docx", args=[decision.pk]))

    assert (sibling.status_code, reads.status_code, refused.status_code) == (404, 200, 403)
    assert "Đã ban hành Quyết định số 01/QĐ-UBND" in issued.content.decode()
    assert unquote(download["Content-Disposition"]).startswith(
        "attachment; filename*=utf-8''Quyết định 01-QĐ-UBND - Về việc"
    )


def test_bulk_from_the_list_drafts_a_decision(client, officer_a, commune_a):
    rows = [approved(officer_a, commune_a, name) for name in ("An", "Bình")]
    client.force_login(officer_a)

    response = client.post(reverse("awards:decision_create"), {"chon": [n.pk for n in rows]})

    decision = rows[0].decision_line.decision
    assert response.url == decision.get_absolute_url()
    assert decision.lines.count() == 2


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="row locks need PostgreSQL")
def test_two_decisions_issued_at_once_get_two_numbers(officer_a, commune_a):
    drafts = [_signed(decisions.draft_decision(actor=officer_a, issuer=commune_a, nominations=[
        approved(officer_a, commune_a, f"Người {n}")])) for n in range(2)]  # fmt: skip
    barrier, errors = threading.Barrier(2), []

    def issue(decision):
        try:
            barrier.wait()
            decisions.issue_decision(actor=officer_a, decision=decision)
        except Exception as error:  # noqa: BLE001 -- reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=issue, args=(d,)) for d in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(d.__class__.objects.get(pk=d.pk).number for d in drafts) == [1, 2]


def test_honours_at_a_conference_are_a_decision_linked_to_it(client, officer_a, commune_a):
    from thidua.conferences import services as conference_services

    conference = conference_services.create_conference(
        actor=officer_a, unit=commune_a, period_start=2025, period_end=2030
    )
    decision = decisions.draft_decision(actor=officer_a, issuer=commune_a, nominations=[
        approved(officer_a, commune_a, "Đỗ Thị Lan")])  # fmt: skip
    client.force_login(officer_a)
    form = client.get(reverse("awards:decision", args=[decision.pk])).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    saved = client.post(reverse("awards:decision", args=[decision.pk]),
                        {**data, "signed_on": "20/12/2025", "conference": conference.pk,
                         "signer_name": "Nguyễn Văn Chủ"})  # fmt: skip
    listed = client.get(reverse("awards:decisions"), {"hoi_nghi": conference.pk})
    decision.refresh_from_db()
    text = "\n".join(p.text for p in Document(io.BytesIO(decision_docx(decision))).paragraphs)

    assert saved.status_code == 302, saved.context["form"].errors
    assert decision.conference == conference
    assert [d.pk for d in listed.context["page"]] == [decision.pk]
    assert f"Xét thành tích tuyên dương tại {conference.name};" in text

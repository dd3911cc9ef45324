"""Nominations on the workflow core: routed level by level to the unit whose head may grant
the award, reviewed there, never seen by a sibling; one form per achievement; every
(state, action) pair as declared; bulk from «Ai đủ điều kiện»."""

import datetime

import pytest
from django.urls import reverse

from tests.awards.conftest import complete_dossier
from tests.conftest import _person
from thidua.accounts.models import Role
from thidua.awards import history, nominations
from thidua.awards.models import Award, AwardRecord, Nomination, NominationAction, NominationState
from thidua.awards.workflows import NOMINATION
from thidua.exemplars import services as exemplar_services
from thidua.workflow.engine import Refused, transition

pytestmark = pytest.mark.django_db
S, A = NominationState, NominationAction


@pytest.fixture
def person(officer_a, commune_a):
    return exemplar_services.create_subject(actor=officer_a, unit=commune_a, kind="individual",
                                            name="Lê Thị Mai")  # fmt: skip


@pytest.fixture
def national_officer(nation):
    return _person(nation, Role.OFFICER, "national_officer")


def _nominate(officer, unit, subject, code, year=2025):
    """A draft whose dossier has the files its form requires (tests/awards/test_dossier.py
    tests the requirement itself)."""
    award = Award.objects.get(code=code)
    nomination = nominations.create_nomination(actor=officer, unit=unit, subject=subject,
                                               award=award, year=year)  # fmt: skip
    complete_dossier(nomination)
    return nomination


def test_a_commune_decides_its_own_ldtt(officer_a, commune_a, person):
    nomination = transition(_nominate(officer_a, commune_a, person, "ldtt"), A.SUBMIT,
                            by=officer_a)  # fmt: skip

    assert (nomination.at_unit, nomination.deciding_unit) == (commune_a, commune_a)
    nomination = transition(nomination, A.RECEIVE, by=officer_a)
    nomination = transition(nomination, A.APPROVE, by=officer_a)
    assert nomination.state == S.APPROVED


def test_a_bang_khen_ttg_climbs_through_the_province_to_the_nation(
    officer_a, province_officer, national_officer, commune_a, province, nation, person
):
    nomination = transition(_nominate(officer_a, commune_a, person, "bang_khen_ttg"), A.SUBMIT,
                            by=officer_a)  # fmt: skip
    at_province = nomination.at_unit
    nomination = transition(nomination, A.RECEIVE, by=province_officer)
    with pytest.raises(Refused, match="trình lên"):
        transition(nomination, A.APPROVE, by=province_officer)
    nomination = transition(nomination, A.FORWARD, by=province_officer)
    with pytest.raises(Refused) as commune_tries:
        transition(nomination, A.RECEIVE, by=officer_a)
    nomination = transition(transition(nomination, A.RECEIVE, by=national_officer), A.APPROVE,
                            by=national_officer)  # fmt: skip

    assert (at_province, nomination.deciding_unit) == (province, nation)
    assert commune_tries.value.forbidden
    assert (nomination.state, nomination.at_unit) == (S.APPROVED, nation)


def test_a_return_needs_a_reason_goes_home_and_can_be_sent_again(
    officer_a, province_officer, commune_a, person
):
    nomination = transition(_nominate(officer_a, commune_a, person, "bang_khen_tinh"), A.SUBMIT,
                            by=officer_a)  # fmt: skip
    with pytest.raises(Refused, match="lý do"):
        transition(nomination, A.RETURN, by=province_officer)
    nomination = transition(nomination, A.RETURN, by=province_officer, reason="Thiếu báo cáo")
    returned = (nomination.state, nomination.at_unit, nomination.reason)
    nomination = transition(nomination, A.RESUBMIT, by=officer_a)

    assert returned == (S.RETURNED, None, "Thiếu báo cáo")
    assert nomination.state == S.SUBMITTED


def test_one_form_for_one_achievement(officer_a, commune_a, person):
    _nominate(officer_a, commune_a, person, "ldtt")
    with pytest.raises(Exception, match="đã có đề nghị"):
        _nominate(officer_a, commune_a, person, "ldtt")
    history.record_award(actor=officer_a, record=AwardRecord(
        subject=person, award=Award.objects.get(code="giay_khen"), year=2025))  # fmt: skip
    with pytest.raises(Exception, match="đã được «Giấy khen»"):
        _nominate(officer_a, commune_a, person, "giay_khen")
    with pytest.raises(Exception, match="không xét cho cá nhân"):
        _nominate(officer_a, commune_a, person, "ttldtt")


@pytest.mark.parametrize("state", list(S.values))
def test_every_state_action_pair_is_as_declared(officer_a, commune_a, person, state):
    nomination = _nominate(officer_a, commune_a, person, "ldtt")
    Nomination.objects.filter(pk=nomination.pk).update(state=state, at_unit=commune_a,
                                                       deciding_unit=commune_a)  # fmt: skip
    for action, step in NOMINATION.steps.items():
        nomination.refresh_from_db()
        outcome = _outcome(nomination, action)
        expected = {"moved", "guard"} if state in step.sources else {"state"}
        assert outcome in expected, (state, action, outcome)
        Nomination.objects.filter(pk=nomination.pk).update(state=state, at_unit=commune_a,
                                                           deciding_unit=commune_a)  # fmt: skip


def _outcome(nomination, action) -> str:
    try:
        transition(nomination, action, by=None, reason="vì thử")
    except Refused as error:
        return error.refusal
    return "moved"


def test_a_sibling_sees_no_nomination_and_the_province_sees_its_communes(
    client, officer_a, officer_b, province_officer, commune_a, person
):
    nomination = _nominate(officer_a, commune_a, person, "ldtt")
    url = reverse("awards:nomination", args=[nomination.pk])
    client.force_login(officer_b)
    sibling = client.get(url)
    acted = client.post(reverse("awards:nomination_act", args=[nomination.pk, "submit"]))
    client.force_login(province_officer)
    above = client.get(url)

    assert (sibling.status_code, acted.status_code, above.status_code) == (404, 404, 200)


def test_bulk_from_the_eligible_list_then_send_them_all(client, officer_a, commune_a, person):
    other = exemplar_services.create_subject(actor=officer_a, unit=commune_a, kind="individual",
                                             name="Phạm Văn Nam")  # fmt: skip
    for subject in (person, other):
        history.rate_year(actor=officer_a, subject=subject, year=2025, rating=3)
    client.force_login(officer_a)

    form = {"don_vi": commune_a.pk, "danh_hieu": "ldtt", "nam": "2025"}
    client.post(reverse("awards:nominate"), {**form, "doi_tuong": [person.pk, other.pk]})
    again = client.post(reverse("awards:nominate"), {**form, "doi_tuong": [person.pk]},
                        follow=True)  # fmt: skip
    ids = list(Nomination.objects.values_list("pk", flat=True))
    client.post(reverse("awards:nominations_bulk"), {"action": "submit", "chon": ids})

    assert len(ids) == 2
    assert "đã có đề nghị" in again.content.decode()
    assert set(Nomination.objects.values_list("state", flat=True)) == {S.SUBMITTED}
    inbox = client.get(reverse("awards:nominations"), {"hop": "den"})
    assert len(inbox.context["page"]) == 2


@pytest.mark.parametrize("count", [1, 4])
def test_the_list_costs_the_same_queries_however_many(
    client, officer_a, commune_a, count, django_assert_num_queries
):
    for n in range(count):
        subject = exemplar_services.create_subject(
            actor=officer_a, unit=commune_a, kind="individual", name=f"Người {n}"
        )
        _nominate(officer_a, commune_a, subject, "ldtt")
    client.force_login(officer_a)

    with django_assert_num_queries(6):
        client.get(reverse("awards:nominations"))


def test_each_level_has_its_processing_limit_in_working_days(
    officer_a, province_officer, commune_a, person, time_machine
):
    time_machine.move_to("2025-12-01 09:00 +07:00")  # a Monday
    nomination = transition(_nominate(officer_a, commune_a, person, "bang_khen_ttg"), A.SUBMIT,
                            by=officer_a)  # fmt: skip
    at_province = nomination.due_on
    nomination = transition(nomination, A.RECEIVE, by=province_officer)
    time_machine.move_to("2025-12-05 09:00 +07:00")  # Friday
    nomination = transition(nomination, A.FORWARD, by=province_officer)

    assert at_province == datetime.date(2025, 12, 15)  # ten working days at the province
    assert nomination.due_on == datetime.date(2026, 1, 2)  # twenty at the nation


def test_the_cap_is_enforced_when_sent(officer_a, commune_a):
    people = [exemplar_services.create_subject(actor=officer_a, unit=commune_a,
                                               kind="individual", name=f"Cán bộ {n}")
              for n in range(7)]  # fmt: skip
    for someone in people:  # seven LĐTT in this round: 15 % allows one CSTĐCS
        _nominate(officer_a, commune_a, someone, "ldtt")
    first, second = (_nominate(officer_a, commune_a, p, "cstdcs") for p in people[:2])

    transition(first, A.SUBMIT, by=officer_a)  # a second draft alone does not count
    with pytest.raises(Refused, match="Vượt tỷ lệ tối đa 15 %"):
        transition(second, A.SUBMIT, by=officer_a)


def test_the_level_reviewing_and_the_proposing_unit_are_told_and_see_it_in_their_inbox(
    client, officer_a, province_officer, commune_a, person
):
    from thidua.inbox.models import Notice  # noqa: PLC0415 -- only this test reads notices

    nomination = transition(_nominate(officer_a, commune_a, person, "bang_khen_tinh"), A.SUBMIT,
                            by=officer_a)  # fmt: skip
    arrived = list(Notice.objects.values_list("user__username", "text"))
    client.force_login(province_officer)
    incoming = client.get("/").content.decode()
    transition(nomination, A.RETURN, by=province_officer, reason="Thiếu báo cáo")
    client.force_login(officer_a)
    returned = client.get("/").content.decode()

    award = nomination.award.name
    assert arrived == [("province_officer",
                        f"Xã An Phú đề nghị {award} cho Lê Thị Mai; chờ tiếp nhận.")]  # fmt: skip
    assert "Đề nghị khen thưởng gửi đến" in incoming
    assert "Chờ tiếp nhận" in incoming
    told = Notice.objects.get(user=officer_a).text
    assert told.endswith("bị trả lại để bổ sung: Thiếu báo cáo")
    assert "Đề nghị khen thưởng bị trả lại" in returned
    assert "Lý do: Thiếu báo cáo" in returned

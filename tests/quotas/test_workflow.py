"""The quota submission workflow on the core: every (state, action) pair, who may act (the
member's officers send, the standing body's accept or return), the rules of sending again,
and every decision kept in the ledger, on the pages and in the API."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.workflow.table import assert_moves, assert_refused, pairs
from thidua.core.periods import parse_period
from thidua.exemplars.enums import Stage
from thidua.exemplars.models import Exemplar
from thidua.quotas import services
from thidua.quotas.models import Submission, SubmissionState
from thidua.quotas.workflows import QUOTA
from thidua.workflow.engine import Refused, history, transition
from thidua.workflow.models import Transition

S = SubmissionState
Q1 = parse_period("2025-Q1")
# Who takes each action in the table: the standing body decides, the member sends again.
ACTOR = {"accept": "province_officer", "return": "province_officer", "resubmit": "officer_a"}


@pytest.fixture
def submission(members, commune_a, make_exemplar, province_officer):
    a, _b = members
    return services.submit_exemplar(actor=province_officer, membership=a, period=Q1,
                                    exemplar=make_exemplar(commune_a, "Rau sạch"))  # fmt: skip


def _ledger(submission):
    rows = Transition.objects.filter(workflow="quota", object_id=submission.pk)
    return [(r.action, r.from_state, r.to_state, r.actor, r.reason) for r in rows]


@pytest.mark.parametrize(("state", "action"), pairs(QUOTA, allowed=True))
def test_every_allowed_transition_moves_and_is_recorded(request, submission, state, action):
    moved = assert_moves(submission, state, action, by=request.getfixturevalue(ACTOR[action]))

    row = Transition.objects.filter(workflow="quota", object_id=moved.pk).last()
    assert (row.object_type, row.unit_path) == ("quotas.submission", moved.membership.unit.path)


@pytest.mark.parametrize(("state", "action"), pairs(QUOTA, allowed=False))
def test_every_refused_transition_leaves_no_trace(request, submission, state, action):
    assert_refused(submission, state, action, by=request.getfixturevalue(ACTOR[action]),
                   code="state")  # fmt: skip


@pytest.mark.parametrize("persona", ["officer_b", "council_member", "leader", "officer_a"])
@pytest.mark.parametrize("action", ["accept", "return"])
def test_only_the_standing_body_decides(request, submission, persona, action):
    refused = assert_refused(submission, S.SUBMITTED, action,
                             by=request.getfixturevalue(persona), code="forbidden")  # fmt: skip

    assert refused.status == 403


@pytest.mark.parametrize("persona", ["officer_b", "council_member", "leader"])
def test_a_sibling_officer_and_readers_may_not_send_again(request, submission, persona):
    assert_refused(submission, S.RETURNED, "resubmit", by=request.getfixturevalue(persona),
                   code="forbidden")  # fmt: skip


def test_an_officer_above_the_member_may_send_again(submission, province_officer):
    assert_moves(submission, S.RETURNED, "resubmit", by=province_officer)


def test_a_return_needs_its_reason(submission, province_officer):
    refused = assert_refused(submission, S.SUBMITTED, "return", by=province_officer,
                             code="reason", reason="  ")  # fmt: skip

    assert refused.messages == ["Cần ghi lý do để «Trả lại»."]


def test_a_decision_taken_twice_keeps_both_reasons(submission, officer_a, province_officer):
    transition(submission, "return", by=province_officer, reason="Thiếu minh chứng")
    transition(submission, "resubmit", by=officer_a)
    transition(submission, "return", by=province_officer, reason="Ảnh chụp không rõ")

    submission.refresh_from_db()
    assert _ledger(submission) == [
        ("submit", "", "submitted", province_officer, ""),
        ("return", "submitted", "returned", province_officer, "Thiếu minh chứng"),
        ("resubmit", "returned", "submitted", officer_a, ""),
        ("return", "submitted", "returned", province_officer, "Ảnh chụp không rõ"),
    ]  # fmt: skip
    assert [(c.action_label, c.to_label) for c in history(submission)] == [
        ("Gửi", "Chờ xem xét"), ("Trả lại", "Trả lại"), ("Gửi lại", "Chờ xem xét"),
        ("Trả lại", "Trả lại"),
    ]  # fmt: skip
    assert submission.reason == "Ảnh chụp không rõ"  # the last one, beside it on the page


def test_sending_again_refuses_a_closed_exemplar(submission, officer_a):
    Exemplar.objects.filter(pk=submission.exemplar_id).update(stage=Stage.WITHDRAWN)

    refused = assert_refused(submission, S.RETURNED, "resubmit", by=officer_a, code="guard")

    assert refused.messages == ["Điển hình đã bị đánh giá không đạt hoặc rút."]


def test_sending_again_refuses_a_settled_period(submission, officer_a):
    with time_machine.travel(datetime.datetime(2025, 7, 2, tzinfo=datetime.UTC)):
        refused = assert_refused(submission, S.RETURNED, "resubmit", by=officer_a, code="guard")

    assert refused.messages == ["Chỉ gửi cho Quý III/2025 hoặc Quý II/2025."]


@pytest.mark.parametrize("persona", ["officer_b", "council_member", "leader"])
def test_sending_a_new_one_is_refused_by_the_service_itself(
    request, members, commune_a, make_exemplar, persona
):
    a, _b = members
    exemplar = make_exemplar(commune_a, "Rau sạch")

    with pytest.raises(Refused) as refused:
        services.submit_exemplar(actor=request.getfixturevalue(persona), membership=a,
                                 period=Q1, exemplar=exemplar)  # fmt: skip

    assert refused.value.forbidden
    assert not Submission.objects.exists()


def test_the_page_shows_the_actions_each_one_may_take(
    client, submission, officer_a, province_officer, council_member
):
    page = reverse("quotas:membership", args=[submission.membership_id])
    decide = reverse("quotas:decide", args=[submission.pk, "accept"])
    resend = reverse("quotas:decide", args=[submission.pk, "resubmit"])

    def shown(user):
        client.force_login(user)
        html = client.get(page).content.decode()
        return (decide in html, resend in html)

    assert [shown(u) for u in (province_officer, officer_a, council_member)] == [
        (True, False), (False, False), (False, False),
    ]  # fmt: skip
    transition(submission, "return", by=province_officer, reason="Thiếu minh chứng")
    assert [shown(u) for u in (province_officer, officer_a, council_member)] == [
        (False, True), (False, True), (False, False),
    ]  # fmt: skip


def test_the_submission_page_shows_every_decision(client, submission, officer_a, province_officer):
    client.force_login(province_officer)
    url = reverse("quotas:decide", args=[submission.pk, "return"])
    client.post(url, {"reason": "Thiếu minh chứng"})
    client.force_login(officer_a)
    client.post(reverse("quotas:decide", args=[submission.pk, "resubmit"]),
                {"back": "submission"})  # fmt: skip
    client.force_login(province_officer)
    back = client.post(url, {"reason": "Ảnh chụp không rõ", "back": "submission"})

    html = client.get(reverse("quotas:submission", args=[submission.pk])).content.decode()
    assert back.url == reverse("quotas:submission", args=[submission.pk])
    events = html[html.index('<ol class="events">') :]
    assert events.count("<li>") == 4
    assert "Gửi: Chờ xem xét" in events  # sent: no state before it
    assert events.index("Thiếu minh chứng") < events.index("Gửi lại") < events.index("Ảnh chụp")


def test_a_refusal_of_state_is_a_message_and_of_role_a_403(
    client, submission, officer_a, province_officer
):
    client.force_login(officer_a)
    forbidden = client.post(reverse("quotas:decide", args=[submission.pk, "return"]),
                            {"reason": "Tự trả lại"})  # fmt: skip
    client.force_login(province_officer)
    empty = client.post(reverse("quotas:decide", args=[submission.pk, "return"]), follow=True)

    submission.refresh_from_db()
    assert forbidden.status_code == 403
    assert "Cần ghi lý do để «Trả lại»." in empty.content.decode()
    assert submission.state == S.SUBMITTED
    assert [row[0] for row in _ledger(submission)] == ["submit"]


def test_the_api_moves_a_submission_and_answers_403_and_409(
    client, submission, officer_a, officer_b, province_officer
):
    url = f"/api/v1/submissions/{submission.pk}/transitions"

    def post(user, body):
        client.force_login(user)
        return client.post(url, body, content_type="application/json")

    forbidden = post(officer_a, {"action": "accept"})
    no_reason = post(province_officer, {"action": "return"})
    returned = post(province_officer, {"action": "return", "reason": "Thiếu minh chứng"})
    again = post(province_officer, {"action": "accept"})
    sibling = post(officer_b, {"action": "resubmit"})
    client.force_login(officer_a)
    detail = client.get(f"/api/v1/submissions/{submission.pk}").json()

    assert [r.status_code for r in (forbidden, no_reason, returned, again, sibling)] == [
        403, 409, 200, 409, 404,
    ]  # fmt: skip
    assert (detail["state"], detail["reason"], detail["actions"]) == (
        "returned", "Thiếu minh chứng", ["resubmit"],
    )  # fmt: skip
    assert [(c["action"], c["by_name"], c["reason"]) for c in detail["changes"]] == [
        ("submit", str(province_officer), ""),
        ("return", str(province_officer), "Thiếu minh chứng"),
    ]


def test_the_actions_of_each_row_cost_no_query(
    client, members, commune_a, make_exemplar, province_officer
):
    a, _b = members
    client.force_login(province_officer)
    page = reverse("quotas:membership", args=[a.pk])
    counts = []
    for n in range(3):
        services.submit_exemplar(actor=province_officer, membership=a, period=Q1,
                                 exemplar=make_exemplar(commune_a, f"A{n}"))  # fmt: skip
        client.get(page)
        with CaptureQueriesContext(connection) as queries:
            client.get(page)
        counts.append(len(queries))

    assert len(set(counts)) == 1

"""The plan and obligation workflows on the core: every (state, action) pair, who may act
(refused by `transition` itself, not only by the pages), the history every decision keeps,
and what a delivery records for the statistics."""

import datetime
from types import SimpleNamespace

import pytest
from django.urls import reverse

from tests.plans.helpers import pdf_upload
from tests.workflow.table import assert_moves, assert_refused, pairs, put_in
from thidua.conferences import services as conference_services
from thidua.plans import drafts
from thidua.plans.models import Obligation, ObligationState, Plan, PlanStatus
from thidua.plans.subscribers import deliver_for_conference
from thidua.plans.workflows import OBLIGATION, PLAN
from thidua.workflow.engine import Refused, allowed_actions, history, transition
from thidua.workflow.models import Transition

D = datetime.date
DUE = D(2026, 3, 15)  # the milestone of `issued_plan` (conftest)


@pytest.fixture
def draft(province, commune_a, commune_b):
    plan = Plan.objects.create(issuer=province, symbol="12/KH-UBND", kind="conference",
                               title="Tổ chức Hội nghị điển hình tiên tiến")  # fmt: skip
    drafts.add_milestone(plan=plan, title="Gửi kế hoạch của xã", deliverable="own_plan",
                         due_on=DUE, units=[commune_a, commune_b])  # fmt: skip
    return plan


@pytest.fixture
def owed(issued_plan, commune_a):
    """What commune A owes under the province's issued plan."""
    return Obligation.objects.get(milestone__plan=issued_plan, unit=commune_a)


ON_TIME = D(2026, 3, 10)


def _deliver(obligation, by, on=ON_TIME, **data):
    return transition(obligation, "deliver", by=by,
                      data={"files": [pdf_upload()], "on": on, **data})  # fmt: skip


def _rows(obj, workflow):
    return list(Transition.objects.filter(workflow=workflow, object_id=obj.pk))


# The plan ------------------------------------------------------------------------------


@pytest.mark.parametrize(("status", "action"), pairs(PLAN, allowed=True))
def test_every_allowed_plan_transition_moves_and_is_recorded(draft, province_officer, status,
                                                             action):  # fmt: skip
    assert_moves(draft, status, action, by=province_officer)


@pytest.mark.parametrize(("status", "action"), pairs(PLAN, allowed=False))
def test_every_refused_plan_transition_leaves_no_trace(draft, province_officer, status, action):
    assert_refused(draft, status, action, by=province_officer, code="state")


def test_issuing_creates_the_obligations_inside_the_transition(draft, province_officer):
    plan = transition(draft, "issue", by=province_officer)

    row = Transition.objects.get(workflow="plan", object_id=plan.pk)
    assert (plan.status, plan.issued_on is not None) == (PlanStatus.ISSUED, True)
    assert Obligation.objects.filter(milestone__plan=plan).count() == 2
    assert row.payload == {"obligations": 2, "units": 2}
    assert (row.unit_path, row.actor) == (plan.issuer.path, province_officer)


@pytest.fixture
def commune_plan(commune_a, village_a):
    """A plan of commune A, owed by its village: its sibling's officer is outside it."""
    plan = Plan.objects.create(issuer=commune_a, title="Kế hoạch của xã", kind="other")
    drafts.add_milestone(plan=plan, title="Báo cáo", deliverable="report", due_on=DUE,
                         units=[village_a])  # fmt: skip
    return plan


@pytest.mark.parametrize("persona", ["officer_b", "council_member", "leader"])
@pytest.mark.parametrize(("status", "action"), [("draft", "issue"), ("issued", "close")])
def test_the_plan_workflow_refuses_a_sibling_and_readers(request, commune_plan, persona, status,
                                                         action):  # fmt: skip
    refused = assert_refused(commune_plan, status, action, by=request.getfixturevalue(persona),
                             code="forbidden")  # fmt: skip

    assert refused.status == 403
    assert not Obligation.objects.exists()


def test_the_issuers_officer_and_one_above_issue(commune_plan, officer_a, province_officer):
    assert_moves(commune_plan, "draft", "issue", by=officer_a)
    Obligation.objects.all().delete()
    Transition.objects.all().delete()
    assert_moves(commune_plan, "draft", "issue", by=province_officer)


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("no_milestone", "Kế hoạch chưa có mốc tiến độ nào."),
        ("no_unit", "Chưa mốc nào có đơn vị thực hiện."),
        ("outside", "Xã Bình Minh không thuộc Xã An Phú."),
        ("rules", "Quy định «Cấp thôn»:"),
    ],
)  # fmt: skip
def test_issuing_is_guarded(commune_a, commune_b, officer_a, setup, message):
    plan = Plan.objects.create(issuer=commune_a, title="Kế hoạch của xã", kind="other")
    if setup != "no_milestone":
        units = {"no_unit": [], "outside": [commune_b], "rules": []}[setup]
        drafts.add_milestone(plan=plan, title="X", deliverable="report", due_on=DUE, units=units)
    if setup == "rules":
        from thidua.plans.rules import ConferenceRuleSet  # noqa: PLC0415

        ConferenceRuleSet.objects.create(plan=plan, name="Cấp thôn", window_end=DUE)

    refused = assert_refused(plan, "draft", "issue", by=officer_a, code="guard")

    assert refused.messages[0].startswith(message)
    assert not Obligation.objects.exists()


# The obligation ------------------------------------------------------------------------


def _actor(action, officer_a, province_officer):
    """The owing unit's officer delivers; the issuer's decides."""
    return officer_a if action == "deliver" else province_officer


@pytest.mark.parametrize(("state", "action"), pairs(OBLIGATION, allowed=True))
def test_every_allowed_obligation_transition_moves_and_is_recorded(
    owed, officer_a, province_officer, state, action
):
    by = _actor(action, officer_a, province_officer)
    data = {"files": [pdf_upload()]} if action == "deliver" else None

    moved = assert_moves(owed, state, action, by=by, data=data)

    assert moved.reason == ("Đã họp xét" if action == "return" else "")


@pytest.mark.parametrize(("state", "action"), pairs(OBLIGATION, allowed=False))
def test_every_refused_obligation_transition_leaves_no_trace(
    owed, officer_a, province_officer, state, action
):
    by = _actor(action, officer_a, province_officer)

    assert_refused(owed, state, action, by=by, code="state")


@pytest.mark.parametrize("persona", ["officer_b", "council_member", "leader"])
def test_the_obligation_workflow_refuses_a_sibling_and_readers_delivering(request, owed,
                                                                          persona):  # fmt: skip
    refused = assert_refused(owed, ObligationState.PENDING, "deliver",
                             by=request.getfixturevalue(persona), code="forbidden")  # fmt: skip

    assert refused.status == 403
    assert not owed.files.exists()


@pytest.mark.parametrize("persona", ["officer_a", "officer_b", "council_member", "leader"])
@pytest.mark.parametrize("action", ["accept", "return"])
def test_only_the_issuers_officers_decide(request, owed, persona, action):
    """Not even the owing unit's officer, who may deliver."""
    assert_refused(owed, ObligationState.DELIVERED, action, by=request.getfixturevalue(persona),
                   code="forbidden")  # fmt: skip


def test_the_buttons_follow_the_workflow(owed, officer_a, province_officer, council_member):
    def names(user):
        return [name for name, _step in allowed_actions(user, owed)]

    assert (names(officer_a), names(province_officer), names(council_member)) == (
        ["deliver"], ["deliver"], [],
    )  # fmt: skip
    put_in(owed, ObligationState.DELIVERED)
    assert (names(officer_a), names(province_officer)) == ([], ["accept", "return"])


def test_a_decision_taken_twice_keeps_both_reasons(owed, officer_a, province_officer):
    _deliver(owed, officer_a)
    transition(owed, "return", by=province_officer, reason="Thiếu chữ ký")
    _deliver(owed, officer_a, note="Đã bổ sung chữ ký")
    transition(owed, "return", by=province_officer, reason="Thiếu dấu")
    _deliver(owed, officer_a)
    transition(owed, "accept", by=province_officer)

    rows = history(owed)
    assert [(r.action, r.to_state, r.reason) for r in rows] == [
        ("deliver", "delivered", ""), ("return", "returned", "Thiếu chữ ký"),
        ("deliver", "delivered", ""), ("return", "returned", "Thiếu dấu"),
        ("deliver", "delivered", ""), ("accept", "accepted", ""),
    ]  # fmt: skip
    assert [r.action_label for r in rows[:2]] == ["Nộp", "Trả lại"]
    assert {r.actor for r in rows if r.action == "return"} == {province_officer}
    assert rows[2].payload["note"] == "Đã bổ sung chữ ký"
    owed.refresh_from_db()
    assert (owed.state, owed.reason, owed.files.count()) == ("accepted", "", 3)


def test_returning_needs_a_reason(owed, province_officer):
    refused = assert_refused(owed, ObligationState.DELIVERED, "return", by=province_officer,
                             code="reason", reason=" ")  # fmt: skip

    assert refused.messages == ["Cần ghi lý do để «Trả lại»."]


@pytest.mark.parametrize(("on", "late"), [(DUE, False), (DUE + datetime.timedelta(1), True)])
def test_the_ledger_says_whether_a_delivery_was_late(owed, officer_a, on, late):
    _deliver(owed, officer_a, on=on, note="Bản ký số")

    row = Transition.objects.get(workflow="obligation", action="deliver")
    assert row.payload == {
        "plan": owed.milestone.plan_id, "milestone": owed.milestone_id, "deliverable": "own_plan",
        "due_on": "2026-03-15", "delivered_on": on.isoformat(), "late": late,
        "files": ["bien-ban.pdf"], "note": "Bản ký số", "linked_plan": None,
        "linked_conference": None,
    }  # fmt: skip
    assert (row.unit_path, row.level, row.actor) == (owed.unit.path, owed.unit.level, officer_a)


def test_late_deliveries_in_a_subtree_are_one_count_of_the_ledger(
    owed, issued_plan, commune_b, officer_a, officer_b, province, nation
):
    _deliver(owed, officer_a, on=DUE + datetime.timedelta(3))
    other = Obligation.objects.get(milestone__plan=issued_plan, unit=commune_b)
    _deliver(other, officer_b, on=DUE)
    today = datetime.datetime.now(datetime.UTC)

    def late(path):
        return Transition.objects.filter(
            workflow="obligation", action="deliver", unit_path__startswith=path,
            at__gte=today - datetime.timedelta(days=1), at__lt=today + datetime.timedelta(days=1),
            payload__late=True,
        ).count()  # fmt: skip

    assert (late(province.path), late(owed.unit.path), late(commune_b.path)) == (1, 1, 0)


def test_delivery_guards(owed, issued_plan, commune_a, commune_b, officer_a, province_officer):
    other = Plan.objects.create(issuer=commune_b, title="Của xã khác", kind="other",
                                status="issued")  # fmt: skip
    draft = Plan.objects.create(issuer=commune_a, title="Nháp", kind="other")

    def refusal(**data):
        with pytest.raises(Refused) as refused:
            transition(owed, "deliver", by=officer_a, data=data)
        return refused.value.refusal, refused.value.message_dict

    assert refusal() == ("guard", {
        "files": ["Cần đính kèm tệp hoặc liên kết kế hoạch của đơn vị."]
    })  # fmt: skip
    assert refusal(linked_plan=other)[1] == {
        "linked_plan": ["Kế hoạch liên kết phải của đơn vị thực hiện."]
    }
    assert refusal(linked_plan=draft)[1] == {"linked_plan": ["Kế hoạch liên kết phải đã ban hành."]}
    from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: PLC0415

    code, errors = refusal(files=[SimpleUploadedFile("a.pdf", b"MZ..")])
    assert "a.pdf" in errors["files"][0]
    transition(issued_plan, "close", by=province_officer)
    with pytest.raises(Refused, match="Kế hoạch đã kết thúc; không nhận nộp thêm."):
        _deliver(owed, officer_a)
    assert not _rows(owed, "obligation")


def test_a_closed_plan_takes_no_decision(owed, issued_plan, officer_a, province_officer):
    _deliver(owed, officer_a)
    transition(issued_plan, "close", by=province_officer)

    refused = assert_refused(owed, ObligationState.DELIVERED, "accept", by=province_officer,
                             code="guard")  # fmt: skip

    assert refused.messages == ["Kế hoạch đã kết thúc; không xem xét thêm."]


def test_a_conference_delivers_through_the_obligations_transition(
    issued_plan, owed, commune_a, officer_a
):
    conference = conference_services.create_conference(
        actor=officer_a, unit=commune_a, plan=issued_plan, period_start=2025, period_end=2030,
        form="Hội nghị tuyên dương điển hình tiên tiến",
    )  # fmt: skip
    owed.milestone.deliverable = "conference"
    owed.milestone.save()
    move = SimpleNamespace(obj=conference, by=officer_a, payload={"delivery": {
        "plan": issued_plan.pk, "deliverable": "conference", "on": "2026-03-20",
        "files": ["conferences/dossier/bien-ban.pdf"],
    }})  # fmt: skip

    deliver_for_conference(move)

    owed.refresh_from_db()
    row = Transition.objects.get(workflow="obligation", object_id=owed.pk)
    assert (owed.state, owed.linked_conference, owed.delivered_on) == (
        "delivered", conference, D(2026, 3, 20),
    )  # fmt: skip
    assert (row.actor, row.payload["late"], row.payload["linked_conference"]) == (
        officer_a, True, conference.pk,
    )  # fmt: skip
    assert row.payload["files"] == ["bien-ban.pdf"]


# Pages and API ------------------------------------------------------------------------


def test_the_obligation_page_shows_its_history_and_the_last_return(
    client, owed, officer_a, province_officer
):
    _deliver(owed, officer_a, on=D(2026, 3, 16))
    transition(owed, "return", by=province_officer, reason="Thiếu chữ ký")
    _deliver(owed, officer_a)
    transition(owed, "return", by=province_officer, reason="Thiếu dấu")
    client.force_login(officer_a)

    response = client.get(reverse("plans:obligation", args=[owed.pk]))

    body = response.content.decode()
    assert "Thiếu chữ ký" in body
    assert "Thiếu dấu" in body
    assert "Nộp ngày 16/03/2026 (muộn)" in body
    assert response.context["returned_by"].reason == "Thiếu dấu"
    assert (response.context["can_deliver"], response.context["can_decide"]) == (True, False)


def test_readers_are_refused_by_the_pages_and_the_api(client, owed, officer_a, council_member):
    client.force_login(council_member)
    page = client.get(reverse("plans:obligation", args=[owed.pk]))
    delivered = client.post(reverse("plans:deliver", args=[owed.pk]), {"files": [pdf_upload()]})
    api = client.post(f"/api/v1/obligations/{owed.pk}/deliveries", {"files": [pdf_upload()]})
    _deliver(owed, officer_a)
    decided = client.post(reverse("plans:decide", args=[owed.pk, "accept"]))
    api_decided = client.post(f"/api/v1/obligations/{owed.pk}/decisions", {"action": "accept"},
                              content_type="application/json")  # fmt: skip

    assert (page.context["can_deliver"], page.context["can_decide"]) == (False, False)
    assert (delivered.status_code, api.status_code) == (403, 403)
    assert (decided.status_code, api_decided.status_code) == (403, 403)
    assert [r.actor for r in _rows(owed, "obligation")] == [officer_a]


def test_the_api_answers_409_for_the_state_and_names_the_reason(client, owed, officer_a,
                                                               province_officer):  # fmt: skip
    _deliver(owed, officer_a)
    client.force_login(officer_a)

    again = client.post(f"/api/v1/obligations/{owed.pk}/deliveries", {"files": [pdf_upload()]})
    client.force_login(province_officer)
    no_reason = client.post(f"/api/v1/obligations/{owed.pk}/decisions", {"action": "return"},
                            content_type="application/json")  # fmt: skip

    assert (again.status_code, again.json()["detail"]) == (
        409, "Không thể «Nộp» khi nghĩa vụ đang «Đã nộp, chờ xem xét».",
    )  # fmt: skip
    assert (no_reason.status_code, no_reason.json()["detail"]) == (
        409, "Cần ghi lý do để «Trả lại».",
    )  # fmt: skip


def test_issuing_through_the_api_and_the_page(client, draft, province_officer, officer_a,
                                              council_member):  # fmt: skip
    client.force_login(council_member)
    refused = client.post(f"/api/v1/plans/{draft.pk}/issue")
    page_refused = client.post(reverse("plans:issue", args=[draft.pk]))
    client.force_login(province_officer)
    issued = client.post(f"/api/v1/plans/{draft.pk}/issue")
    again = client.post(f"/api/v1/plans/{draft.pk}/issue")
    detail = client.get(draft.get_absolute_url())

    assert (refused.status_code, page_refused.status_code) == (403, 403)
    assert (issued.status_code, issued.json()["status"]) == (200, "issued")
    assert (again.status_code, again.json()["detail"]) == (
        409, "Không thể «Ban hành» khi kế hoạch đang «Đã ban hành».",
    )  # fmt: skip
    assert detail.context["actions"] == ["close"]
    assert "2 nghĩa vụ cho 2 đơn vị" in detail.content.decode()

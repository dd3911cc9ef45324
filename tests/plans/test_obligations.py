import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from tests.plans.helpers import pdf_upload
from thidua.audit.models import AuditEvent
from thidua.plans import drafts, selectors
from thidua.plans.models import Obligation, Plan
from thidua.workflow.engine import transition
from thidua.workflow.models import Transition

D = datetime.date


@pytest.fixture
def plan(province, commune_a, commune_b):
    plan = Plan.objects.create(issuer=province, symbol="12/KH-UBND", kind="conference",
                               title="Tổ chức Hội nghị điển hình tiên tiến")  # fmt: skip
    drafts.add_milestone(plan=plan, title="Gửi kế hoạch của xã", deliverable="own_plan",
                           due_on=D(2026, 3, 15), units=[commune_a, commune_b])  # fmt: skip
    return plan


@pytest.fixture
def issued(plan, province_officer):
    return transition(plan, "issue", by=province_officer)


def _obligation(unit):
    return Obligation.objects.get(unit=unit)


def test_issuing_creates_one_obligation_per_owing_unit(issued, commune_a, commune_b):
    assert issued.status == "issued"
    assert sorted(o.unit.name for o in Obligation.objects.all()) == ["Xã An Phú", "Xã Bình Minh"]
    issued_row = Transition.objects.get(workflow="plan", object_id=issued.pk)
    assert (issued_row.action, issued_row.payload) == ("issue", {"obligations": 2, "units": 2})
    assert AuditEvent.objects.filter(target_type="plans.plan").latest("pk").changes == {
        "status": ["draft", "issued"]
    }


def test_a_plan_is_issued_once_and_not_without_milestones(issued, province, province_officer):
    empty = Plan.objects.create(issuer=province, title="Trống", kind="other")

    with pytest.raises(ValidationError):
        transition(issued, "issue", by=province_officer)
    with pytest.raises(ValidationError, match="chưa có mốc"):
        transition(empty, "issue", by=province_officer)


def test_owing_units_must_be_inside_the_issuer(commune_a, commune_b, officer_a):
    plan = Plan.objects.create(issuer=commune_a, title="Kế hoạch xã", kind="other")
    drafts.add_milestone(plan=plan, title="X", deliverable="report", due_on=D(2026, 1, 1),
                           units=[commune_b])  # fmt: skip

    with pytest.raises(ValidationError, match="không thuộc"):
        transition(plan, "issue", by=officer_a)
    assert not Obligation.objects.exists()


@pytest.mark.parametrize(
    ("today", "delivered_on", "status"),
    [
        (D(2026, 3, 15), None, "pending"),      # the due day itself is not late
        (D(2026, 3, 16), None, "overdue"),
        (D(2026, 3, 20), D(2026, 3, 15), "on_time"),
        (D(2026, 3, 20), D(2026, 3, 16), "late"),
    ],
)  # fmt: skip
def test_status_around_the_due_date(issued, commune_a, officer_a, today, delivered_on, status):
    if delivered_on:
        transition(
            _obligation(commune_a),
            "deliver",
            by=officer_a,
            data={"files": [pdf_upload()], "on": delivered_on},
        )

    with time_machine.travel(datetime.datetime.combine(today, datetime.time(9), datetime.UTC)):
        row = selectors.with_status(Obligation.objects.filter(unit=commune_a), today).get()

    assert row.status == status


def test_return_needs_a_reason_and_the_unit_delivers_again(issued, commune_a, officer_a,
                                                           province_officer):  # fmt: skip
    obligation = transition(
        _obligation(commune_a),
        "deliver",
        by=officer_a,
        data={"files": [pdf_upload()], "on": D(2026, 3, 1)},
    )

    with pytest.raises(ValidationError):
        transition(obligation, "return", by=province_officer)
    transition(obligation, "return", by=province_officer, reason="Thiếu danh sách đại biểu")
    returned = selectors.with_status(Obligation.objects.filter(pk=obligation.pk), D(2026, 3, 2))
    returned_status = returned.get().status
    again = transition(obligation, "deliver", by=officer_a, data={"on": D(2026, 3, 10)})  # its file
    accepted = transition(again, "accept", by=province_officer)

    assert returned_status == "returned"
    assert (accepted.state, accepted.reason) == ("accepted", "")
    with pytest.raises(ValidationError):
        transition(accepted, "accept", by=province_officer)


def test_delivering_the_own_plan_builds_the_cascade(issued, commune_a, officer_a, village_a):
    own = Plan.objects.create(
        issuer=commune_a, title="Kế hoạch của xã An Phú", kind="conference", status="issued"
    )
    below = Plan.objects.create(issuer=village_a, title="Kế hoạch của thôn", kind="other",
                                implements=own)  # fmt: skip

    transition(
        _obligation(commune_a),
        "deliver",
        by=officer_a,
        data={"linked_plan": own, "on": D(2026, 3, 1)},
    )

    assert [(depth, p.title) for depth, p in selectors.plan_tree(issued)] == [
        (1, "Kế hoạch của xã An Phú"), (2, "Kế hoạch của thôn"),
    ]  # fmt: skip
    assert below.implements == own


def test_a_linked_plan_must_be_the_units_own(issued, commune_a, commune_b, officer_a):
    other = Plan.objects.create(issuer=commune_b, title="Của xã khác", kind="other")

    with pytest.raises(ValidationError):
        transition(_obligation(commune_a), "deliver", by=officer_a, data={"linked_plan": other})


def test_board_counts_every_status_in_one_query(issued, commune_a, officer_a,
                                                django_assert_num_queries):  # fmt: skip
    transition(
        _obligation(commune_a),
        "deliver",
        by=officer_a,
        data={"files": [pdf_upload()], "on": D(2026, 3, 20)},
    )

    with django_assert_num_queries(2):  # the plan's milestone ids, then every status at once
        counts = selectors.board_counts(issued, D(2026, 4, 1))

    assert counts == {"pending": 0, "overdue": 1, "on_time": 0, "late": 1, "returned": 0}


@pytest.mark.parametrize(
    ("accept", "state_label"),
    [(False, "Đã nộp, chờ xem xét"), (True, "Đã chấp nhận")],
    ids=["delivered", "accepted"],
)
def test_delivering_from_a_stale_page_answers_409_with_the_reason(
    client, settings, issued, commune_a, officer_a, province_officer, accept, state_label
):
    from django.urls import reverse

    obligation = transition(
        _obligation(commune_a),
        "deliver",
        by=officer_a,
        data={"files": [pdf_upload()], "on": D(2026, 3, 1)},
    )
    if accept:
        transition(obligation, "accept", by=province_officer)
    client.force_login(officer_a)
    url = reverse("plans:deliver", args=[obligation.pk])

    response = client.post(url, {"note": "Nộp lần hai", "files": [pdf_upload("lan-hai.pdf")]})

    body = response.content.decode()
    assert response.status_code == 409
    assert f"Không thể «Nộp» khi nghĩa vụ đang «{state_label}»." in body
    assert "Các tệp vừa chọn chưa được lưu;" in body
    assert f'action="{url}"' not in body  # no form to deliver into
    obligation.refresh_from_db()
    assert [f.original_name for f in obligation.files.all()] == ["bien-ban.pdf"]
    assert obligation.note == ""
    stored = [p.name for p in (settings.MEDIA_ROOT / "deliveries").rglob("*") if p.is_file()]
    assert len(stored) == 1
    assert not [name for name in stored if name.startswith("lan-hai")]

"""The movement status workflow on the core: every (status, action) pair, who may act (the
officers of the launching unit or above, by `transition` itself), closing early with a
reason, the history on the page and in the API, and the history the audit trail held
before the ledger."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from tests.factories import UnitFactory, UserFactory
from tests.workflow.table import assert_moves, assert_refused, pairs, put_in
from thidua.audit.models import AuditEvent
from thidua.movements import services
from thidua.movements.forms import MovementForm
from thidua.movements.models import MovementStatus
from thidua.movements.workflows import MOVEMENT
from thidua.workflow.engine import Refused, allowed_actions, history, transition
from thidua.workflow.models import Transition

D = datetime.date
S = MovementStatus


def _on(day: datetime.date):
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(9), datetime.UTC))


@pytest.mark.parametrize(("status", "action"), pairs(MOVEMENT, allowed=True))
def test_every_allowed_transition_moves_and_is_recorded(movement_a, officer_a, status, action):
    moved = assert_moves(movement_a, status, action, by=officer_a)

    row = Transition.objects.get(workflow="movement", object_id=moved.pk)
    assert (row.unit_path, row.level) == (movement_a.launched_by.path, "commune")
    event = AuditEvent.objects.filter(target_type="movements.movement").last()
    assert event.changes == {"status": [status, MOVEMENT.steps[action].target]}


@pytest.mark.parametrize(("status", "action"), pairs(MOVEMENT, allowed=False))
def test_every_refused_transition_leaves_no_trace(movement_a, officer_a, status, action):
    assert_refused(movement_a, status, action, by=officer_a, code="state")


def test_a_closed_movement_is_closed_for_good(movement_a, officer_a):
    assert not [action for status, action in pairs(MOVEMENT, allowed=True) if status == S.CLOSED]
    with pytest.raises(Refused, match="Không có thao tác «reopen»"):
        transition(movement_a, "reopen", by=officer_a)


@pytest.mark.parametrize("persona", ["officer_b", "council_member", "leader"])
def test_the_workflow_itself_refuses_a_sibling_officer_and_readers(request, movement_a, persona):
    user = request.getfixturevalue(persona)
    for action in ("review", "close"):
        refused = assert_refused(movement_a, S.ACTIVE, action, by=user, code="forbidden")
        assert refused.status == 403
    assert allowed_actions(user, movement_a) == []


def test_readers_of_a_province_movement_are_refused_too(province_movement, council_member,
                                                       leader, officer_a):  # fmt: skip
    for user in (council_member, leader, officer_a):  # officer_a: a commune below it
        assert_refused(province_movement, S.ACTIVE, "review", by=user, code="forbidden")


def test_an_officer_above_and_the_site_admin_may_move_it(movement_a, province_officer,
                                                         site_admin):  # fmt: skip
    moved = assert_moves(movement_a, S.ACTIVE, "review", by=province_officer)
    assert [name for name, _ in allowed_actions(site_admin, moved)] == ["resume", "close"]


def test_closing_before_the_last_day_needs_a_reason(movement_a, officer_a):
    with _on(D(2025, 6, 1)):
        refused = assert_refused(movement_a, S.ACTIVE, "close", by=officer_a, code="reason",
                                 reason=" ")  # fmt: skip
        moved = assert_moves(movement_a, S.ACTIVE, "close", by=officer_a,
                             reason="Sáp nhập đơn vị hành chính")  # fmt: skip

    assert refused.messages == [
        "Phong trào kéo dài đến ngày 31/12/2025; cần ghi lý do để «Tổng kết» sớm."
    ]
    assert moved.status == S.CLOSED


def test_closing_from_the_last_day_on_needs_no_reason(movement_a, officer_a):
    with _on(D(2025, 12, 31)):
        assert_moves(movement_a, S.REVIEWED, "close", by=officer_a, reason="")


def test_each_review_keeps_its_row(movement_a, officer_a):
    for action, note in [("review", "Sơ kết năm 2024"), ("resume", ""),
                         ("review", "Sơ kết năm 2025"), ("close", "")]:  # fmt: skip
        transition(movement_a, action, by=officer_a, reason=note)

    assert [(c.action_label, c.to_label, c.reason) for c in history(movement_a)] == [
        ("Sơ kết", "Đã sơ kết", "Sơ kết năm 2024"),
        ("Tiếp tục triển khai", "Đang triển khai", ""),
        ("Sơ kết", "Đã sơ kết", "Sơ kết năm 2025"),
        ("Tổng kết", "Đã tổng kết", ""),
    ]  # fmt: skip


def test_the_status_changes_only_through_the_workflow(movement_a, officer_a, commune_a):
    with pytest.raises(TypeError):
        services.update_movement(actor=officer_a, movement=movement_a, status="closed")
    with pytest.raises(TypeError):
        services.launch_movement(actor=officer_a, launched_by=commune_a, name="Đóng sẵn",
                                 starts_on=D(2025, 1, 1), ends_on=D(2025, 2, 1),
                                 status="closed")  # fmt: skip

    movement_a.refresh_from_db()
    assert movement_a.status == S.ACTIVE
    assert "status" not in MovementForm.base_fields


# -- the page ----------------------------------------------------------------------------------


def test_the_page_shows_the_allowed_actions_and_the_history(client, movement_a, officer_a,
                                                            council_member):  # fmt: skip
    client.force_login(officer_a)
    url = reverse("movements:action", args=[movement_a.pk, "review"])

    response = client.post(url, {"reason": "Sơ kết giữa kỳ"}, follow=True)
    page = response.content.decode()
    client.force_login(council_member)
    reader = client.get(movement_a.get_absolute_url())

    assert [m.message for m in response.context["messages"]] == ["Đã sơ kết phong trào."]
    assert [name for name, _ in response.context["actions"]] == ["resume", "close"]
    assert reverse("movements:action", args=[movement_a.pk, "close"]) in page
    assert "Sơ kết giữa kỳ" in page
    assert reader.context["actions"] == []
    assert f"/{movement_a.pk}/chuyen/" not in reader.content.decode()
    assert [c.reason for c in reader.context["changes"]] == ["Sơ kết giữa kỳ"]


def test_the_page_answers_403_to_readers_and_a_message_otherwise(client, movement_a, officer_a,
                                                                council_member):  # fmt: skip
    client.force_login(council_member)
    forbidden = client.post(reverse("movements:action", args=[movement_a.pk, "review"]))
    client.force_login(officer_a)
    put_in(movement_a, S.CLOSED)
    refused = client.post(reverse("movements:action", args=[movement_a.pk, "review"]),
                          follow=True)  # fmt: skip
    too_long = client.post(reverse("movements:action", args=[movement_a.pk, "review"]),
                           {"reason": "x" * 2001}, follow=True)  # fmt: skip

    assert forbidden.status_code == 403
    assert [m.message for m in refused.context["messages"]] == [
        "Không thể «Sơ kết» khi phong trào đang «Đã tổng kết»."
    ]
    assert [m.message for m in too_long.context["messages"]] == ["Lý do dài quá 2000 ký tự."]
    assert not Transition.objects.exists()


def test_a_sibling_officer_gets_404(client, movement_a, officer_b):
    client.force_login(officer_b)

    response = client.post(reverse("movements:action", args=[movement_a.pk, "review"]))

    assert response.status_code == 404
    assert not Transition.objects.exists()


def test_the_page_says_when_closing_needs_a_reason(client, movement_a, officer_a):
    client.force_login(officer_a)

    with _on(D(2025, 6, 1)):
        early = client.get(movement_a.get_absolute_url()).content.decode()
    late = client.get(movement_a.get_absolute_url()).content.decode()

    assert "Bắt buộc khi tổng kết trước ngày 31/12/2025." in early
    assert "Bắt buộc khi tổng kết" not in late


# -- the API -----------------------------------------------------------------------------------


def test_the_api_moves_a_movement_and_answers_its_history(client, movement_a, officer_a):
    client.force_login(officer_a)
    url = f"/api/v1/movements/{movement_a.pk}/transitions"

    moved = client.post(url, {"action": "review", "reason": "Sơ kết"},
                        content_type="application/json")  # fmt: skip
    detail = client.get(f"/api/v1/movements/{movement_a.pk}").json()

    assert moved.status_code == 200
    assert moved.json()["status"] == "reviewed"
    assert detail["actions"] == ["resume", "close"]
    assert [(c["action"], c["from_status"], c["to_status"], c["reason"], c["by_name"])
            for c in detail["status_changes"]] == [
        ("review", "active", "reviewed", "Sơ kết", str(officer_a)),
    ]  # fmt: skip


def test_the_api_answers_403_409_and_404(client, movement_a, officer_a, officer_b, leader):
    url = f"/api/v1/movements/{movement_a.pk}/transitions"
    post = lambda data: client.post(url, data, content_type="application/json")  # noqa: E731

    client.force_login(leader)
    forbidden = post({"action": "review"})
    client.force_login(officer_b)
    outside = post({"action": "review"})
    client.force_login(officer_a)
    put_in(movement_a, S.CLOSED)
    conflict = post({"action": "resume"})

    assert (forbidden.status_code, outside.status_code, conflict.status_code) == (403, 404, 409)
    assert "Không thể «Tiếp tục triển khai»" in conflict.json()["detail"]
    assert not Transition.objects.exists()


# -- the history kept before the ledger ------------------------------------------------------


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_status_changes_in_the_audit_trail_become_ledger_rows():
    # Only the movements app goes back; the audit trail and the ledger stay as they are.
    old = _migrate([("movements", "0002_alter_drive_options_alter_workregistration_options")])
    nation = UnitFactory(name="Trung ương", kind="nation")
    province = UnitFactory(name="Tỉnh Cũ", kind="province", parent=nation, code="98")
    unit = UnitFactory(name="Xã Cũ", kind="commune", parent=province, code="98001")
    user = UserFactory(username="can_bo_cu")
    movement = old.get_model("movements", "Movement").objects.create(
        name="Phong trào cũ", search_name="phong trao cu", launched_by_id=unit.pk,
        starts_on=D(2021, 1, 1), ends_on=D(2025, 12, 31), status="closed",
    )  # fmt: skip
    for changes in ({"status": ["active", "reviewed"]}, {"theme": ["", "Mới"]},
                    {"status": ["reviewed", "active"], "name": ["Cũ", "Phong trào cũ"]},
                    {"status": ["active", "closed"]}):  # fmt: skip
        AuditEvent.objects.create(actor_id=user.pk, actor_name="can_bo_cu", action="update",
                             target_type="movements.movement", target_id=str(movement.pk),
                             target_repr="Phong trào cũ", scope_path=unit.path,
                             changes=changes)  # fmt: skip

    then = _migrate([("movements", "0003_status_history")])
    rows = list(then.get_model("workflow", "Transition").objects.order_by("at", "pk"))
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    assert [(r.action, r.from_state, r.to_state, r.actor_id, r.unit_path, r.level)
            for r in rows] == [
        ("review", "active", "reviewed", user.pk, unit.path, "commune"),
        ("resume", "reviewed", "active", user.pk, unit.path, "commune"),
        ("close", "active", "closed", user.pk, unit.path, "commune"),
    ]  # fmt: skip

"""Obligations' last decider and deliveries move into the ledger before `decided_by_name`
goes: every recorded decision and delivery becomes a ledger row, and going back restores
the column."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import UnitFactory

BEFORE = [("plans", "0004_plan_reading")]
AFTER = [("plans", "0005_history_in_the_ledger")]
D = datetime.date


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _old_obligations(old):
    """One obligation per state the old columns could record."""
    nation = UnitFactory(name="Trung ương", kind="nation")
    province = UnitFactory(name="Tỉnh Thử Nghiệm", kind="province", parent=nation)
    plan = old.get_model("plans", "Plan").objects.create(
        issuer_id=province.pk, title="Kế hoạch", kind="other", status="issued"
    )
    milestone = old.get_model("plans", "Milestone").objects.create(
        plan=plan, title="Gửi kế hoạch", deliverable="own_plan", due_on=D(2026, 3, 15)
    )
    Obligation = old.get_model("plans", "Obligation")
    cases = {
        "pending": {},
        "delivered": {"delivered_on": D(2026, 3, 14), "note": "Đã gửi"},
        "again": {"state": "delivered", "delivered_on": D(2026, 3, 20),
                  "decided_by_name": "Cán bộ tỉnh"},
        "returned": {"delivered_on": D(2026, 3, 16), "decided_by_name": "Cán bộ tỉnh",
                     "reason": "Thiếu chữ ký"},
        "accepted": {"delivered_on": D(2026, 3, 10), "decided_by_name": "Lãnh đạo Ban"},
    }  # fmt: skip
    made = {}
    for name, fields in cases.items():
        unit = UnitFactory(name=f"Xã {name}", kind="commune", parent=province)
        made[name] = Obligation.objects.create(milestone=milestone, unit_id=unit.pk,
                                               **{"state": name, **fields})  # fmt: skip
        made[name].path = unit.path
    old.get_model("plans", "DeliveryFile").objects.create(
        obligation=made["accepted"], file="deliveries/kh.pdf", original_name="kh.pdf"
    )
    return made


@pytest.mark.django_db(transaction=True)
def test_decisions_and_deliveries_become_ledger_rows_and_come_back():
    made = _old_obligations(_migrate(BEFORE))  # only plans goes back; the ledger stays

    new = _migrate(AFTER)
    rows = new.get_model("workflow", "Transition").objects.order_by("object_id", "at", "pk")
    found = {}
    for row in rows:
        found.setdefault(row.object_id, []).append(
            (row.action, row.from_state, row.to_state, row.actor_name, row.reason)
        )
    late = {row.object_id: row.payload["late"] for row in rows.filter(action="deliver")}
    accepted = rows.get(object_id=made["accepted"].pk, action="deliver")
    back = _migrate(BEFORE)
    restored = dict(
        back.get_model("plans", "Obligation").objects.values_list("pk", "decided_by_name")
    )
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    assert made["pending"].pk not in found
    assert found[made["delivered"].pk] == [
        ("deliver", "pending", "delivered", "không rõ", ""),
    ]  # fmt: skip
    assert found[made["again"].pk] == [
        ("return", "delivered", "returned", "Cán bộ tỉnh", ""),
        ("deliver", "returned", "delivered", "không rõ", ""),
    ]  # fmt: skip
    assert found[made["returned"].pk] == [
        ("deliver", "pending", "delivered", "không rõ", ""),
        ("return", "delivered", "returned", "Cán bộ tỉnh", "Thiếu chữ ký"),
    ]  # fmt: skip
    assert found[made["accepted"].pk] == [
        ("deliver", "pending", "delivered", "không rõ", ""),
        ("accept", "delivered", "accepted", "Lãnh đạo Ban", ""),
    ]  # fmt: skip
    assert [late[made[name].pk] for name in ("delivered", "again", "returned", "accepted")] == [
        False, True, True, False,
    ]  # fmt: skip
    assert (accepted.payload["files"], accepted.payload["delivered_on"]) == (
        ["kh.pdf"], "2026-03-10",
    )  # fmt: skip
    assert (accepted.unit_path, accepted.level) == (made["accepted"].path, "commune")
    assert restored == {
        made["pending"].pk: "", made["delivered"].pk: "", made["again"].pk: "Cán bộ tỉnh",
        made["returned"].pk: "Cán bộ tỉnh", made["accepted"].pk: "Lãnh đạo Ban",
    }  # fmt: skip


def _event(target, at, changes, note="", actor_name="Cán bộ tỉnh", target_type=None):
    from thidua.audit.models import AuditEvent  # its table is the same in every state

    event = AuditEvent.objects.create(
        actor_name=actor_name, action="update", target_type=target_type or "plans.obligation",
        target_id=str(target.pk), target_repr=str(target.pk), scope_path="/", changes=changes,
        note=note,
    )  # fmt: skip
    AuditEvent.objects.filter(pk=event.pk).update(at=at)  # `at` is set on creation


@pytest.mark.django_db(transaction=True)
def test_the_audit_trail_gives_every_delivery_and_decision_with_its_own_reason():
    old = _migrate(BEFORE)
    try:
        made = _old_obligations(old)
        again, plan = made["again"], made["again"].milestone.plan
        T = datetime.datetime(2026, 3, 12, 2, tzinfo=datetime.UTC)
        day = datetime.timedelta(days=1)
        _event(plan, T - 9 * day, {"status": ["draft", "issued"]},
               note="5 nghĩa vụ cho các đơn vị", target_type="plans.plan")  # fmt: skip
        _event(again, T, {"state": [None, "delivered"]}, actor_name="Cán bộ xã")
        _event(again, T + day, {"state": ["delivered", "returned"]}, note="Thiếu chữ ký")
        _event(again, T + 3 * day, {"state": [None, "delivered"]}, actor_name="Cán bộ xã")
        _event(again, T + 4 * day, {"state": ["delivered", "returned"]}, note="Thiếu dấu")
        _event(again, T + 8 * day, {"state": [None, "delivered"]}, actor_name="Cán bộ xã")

        new = _migrate(AFTER)
        ledger = new.get_model("workflow", "Transition").objects.order_by("at", "pk")
        rows = [(r.action, r.actor_name, r.reason, r.payload.get("late"))
                for r in ledger.filter(object_id=again.pk, workflow="obligation")]  # fmt: skip
        issued = ledger.get(workflow="plan")
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    assert rows == [
        ("deliver", "Cán bộ xã", "", False), ("return", "Cán bộ tỉnh", "Thiếu chữ ký", None),
        ("deliver", "Cán bộ xã", "", False),  # on 15/3, its due day
        ("return", "Cán bộ tỉnh", "Thiếu dấu", None),
        ("deliver", "Cán bộ xã", "", True),  # on 20/3, as the obligation says
    ]  # fmt: skip
    assert (issued.action, issued.object_id, issued.payload["note"]) == (
        "issue", plan.pk, "5 nghĩa vụ cho các đơn vị",
    )  # fmt: skip

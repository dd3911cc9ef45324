"""Rows already in the ledger get the day their event happened: the day a conference was
held, the day a delivery was made, or else the day they were recorded."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("workflow", "0002_history")]
AFTER = [("workflow", "0003_business_date")]
RECORDED = datetime.datetime(2026, 11, 30, 3, 0, tzinfo=datetime.UTC)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_old_rows_are_dated_by_their_event(conference):
    conference.held_on = datetime.date(2025, 8, 25)
    conference.save()
    old = _migrate(BEFORE)
    try:
        Transition = old.get_model("workflow", "Transition")
        common = {"object_type": "x", "from_state": "a", "to_state": "b", "actor_name": "x",
                  "unit_path": "/1/", "at": RECORDED}  # fmt: skip
        Transition.objects.create(workflow="conference", action="hold", object_id=conference.pk,
                                  **common)  # fmt: skip
        Transition.objects.create(workflow="obligation", action="deliver", object_id=1,
                                  payload={"delivered_on": "2025-09-02"}, **common)  # fmt: skip
        Transition.objects.create(workflow="exemplar", action="nurture", object_id=1, **common)

        new = _migrate(AFTER)
        days = list(new.get_model("workflow", "Transition").objects.order_by("pk").values_list(
            "on", flat=True))  # fmt: skip
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    # Recorded at 03:00 UTC on 30/11, which is 10:00 the same day in Viet Nam.
    assert days[-3:] == [datetime.date(2025, 8, 25), datetime.date(2025, 9, 2),
                         datetime.date(2026, 11, 30)]  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_the_old_histories_move_into_the_ledger(conference, officer_a):
    targets = [("workflow", "0001_ledger"), ("exemplars", "0004_alter_replication_options"),
               ("conferences", "0002_printjob_heartbeat")]  # fmt: skip
    old = _migrate(targets)
    try:
        old.get_model("conferences", "ConferenceChange").objects.create(
            conference_id=conference.pk, action="approve", from_status="draft",
            to_status="approved", by_id=officer_a.pk, by_name="Cán bộ A", reason="Đủ điều kiện",
            findings=[{"severity": "warning", "message": "Thiếu đại biểu nữ"}],
        )  # fmt: skip
        new = _migrate([("workflow", "0002_history")])
        ledger = new.get_model("workflow", "Transition").objects.filter(workflow="conference")
        rows = list(ledger.values_list(
            "workflow", "object_id", "action", "from_state", "to_state", "actor_id",
            "actor_name", "unit_path", "reason", "payload"))  # fmt: skip
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    findings = {"findings": [{"severity": "warning", "message": "Thiếu đại biểu nữ"}]}
    assert rows == [
        ("conference", conference.pk, "approve", "draft", "approved", officer_a.pk, "Cán bộ A",
         conference.unit.path, "Đủ điều kiện", findings),
    ]  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_going_back_puts_the_ledger_rows_into_the_old_histories(conference, officer_a):
    from thidua.workflow.models import Transition

    Transition.objects.create(
        workflow="conference", object_type="conferences.conference", object_id=conference.pk,
        action="approve", from_state="draft", to_state="approved", actor=officer_a,
        actor_name="Cán bộ A", unit_path=conference.unit.path, reason="Đủ",
        payload={"findings": [{"message": "Lưu ý"}]},
    )  # fmt: skip
    targets = [("workflow", "0001_ledger"), ("exemplars", "0004_alter_replication_options"),
               ("conferences", "0002_printjob_heartbeat")]  # fmt: skip
    try:
        old = _migrate(targets)
        kept = list(old.get_model("conferences", "ConferenceChange").objects.values_list(
            "action", "from_status", "to_status", "by_name", "reason", "findings"))  # fmt: skip
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    assert ("approve", "draft", "approved", "Cán bộ A", "Đủ", [{"message": "Lưu ý"}]) in kept

"""The decisions a submission kept in its own columns (the last decider, time and reason)
become ledger rows before the columns go: nothing recorded is lost, and going back puts
them back."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from thidua.quotas.models import Submission
from thidua.workflow.engine import history

BEFORE = [("quotas", "0001_initial")]
AFTER = [("quotas", "0002_history_in_the_ledger")]
T = datetime.datetime(2025, 4, 10, 8, 30, tzinfo=datetime.UTC)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _leaf():
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_every_recorded_decision_moves_into_the_ledger(members, commune_a, make_exemplar):
    a, _b = members
    exemplars = [make_exemplar(commune_a, f"A{n}") for n in range(4)]
    old = _migrate(BEFORE)  # only the quotas app goes back; the others stay as they are
    try:
        OldSubmission = old.get_model("quotas", "Submission")
        made = [
            OldSubmission.objects.create(membership_id=a.pk, period_key="2025-Q1",
                                         exemplar_id=exemplar.pk, **fields)
            for exemplar, fields in zip(exemplars, [
                {"state": "accepted", "decided_by_name": "Nguyễn Văn An", "decided_at": T},
                {"state": "returned", "decided_by_name": "None", "decided_at": T,
                 "reason": "Thiếu minh chứng"},  # the demo's, decided by the system
                {"state": "submitted", "decided_by_name": "Trần Bình", "decided_at": T,
                 "reason": "Ảnh chụp không rõ"},  # returned, then sent again
                {"state": "submitted"},  # never decided
            ], strict=True)
        ]  # fmt: skip

        new = _migrate(AFTER)
        rows = new.get_model("workflow", "Transition").objects.filter(workflow="quota")
        ledger = [(r.object_id, r.action, r.from_state, r.to_state, r.actor_name, r.reason,
                   r.at, r.unit_path, r.payload) for r in rows.order_by("at", "pk")]  # fmt: skip
        migrated, inferred = {"migrated": True}, {"migrated": True, "inferred": True}
        path = commune_a.path
        assert ledger == [
            (made[0].pk, "accept", "submitted", "accepted", "Nguyễn Văn An", "", T, path,
             migrated),
            (made[1].pk, "return", "submitted", "returned", "hệ thống", "Thiếu minh chứng", T,
             path, migrated),
            (made[2].pk, "return", "submitted", "returned", "Trần Bình", "Ảnh chụp không rõ",
             T, path, migrated),
            (made[2].pk, "resubmit", "returned", "submitted", "không rõ", "", T, path,
             inferred),
        ]  # fmt: skip

        back = _migrate(BEFORE)
        restored = back.get_model("quotas", "Submission").objects.order_by("pk")
        assert [(s.decided_by_name, s.decided_at, s.reason) for s in restored] == [
            ("Nguyễn Văn An", T, ""), ("None", T, "Thiếu minh chứng"),
            ("Trần Bình", T, "Ảnh chụp không rõ"), ("", None, ""),
        ]  # fmt: skip
        ledger_then = new.get_model("workflow", "Transition")  # as it is at this point
        assert not ledger_then.objects.filter(workflow="quota")  # its rows went back too
    finally:
        _leaf()

    sent_again = Submission.objects.get(pk=made[2].pk)
    assert [(c.action_label, c.to_label, c.reason) for c in history(sent_again)] == [
        ("Trả lại", "Trả lại", "Ảnh chụp không rõ"), ("Gửi lại", "Chờ xem xét", ""),
    ]  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_the_audit_trail_gives_each_decision_and_resend_with_its_own_reason(
    members, commune_a, make_exemplar
):
    from thidua.audit.models import AuditEvent  # its table is the same in every state

    a, _b = members
    exemplar = make_exemplar(commune_a, "A1")
    old = _migrate(BEFORE)
    try:
        made = old.get_model("quotas", "Submission").objects.create(
            membership_id=a.pk, period_key="2025-Q1", exemplar_id=exemplar.pk,
            state="returned", decided_by_name="Trần Bình", decided_at=T, reason="Thiếu dấu",
        )  # fmt: skip
        steps = [("submitted", "returned", "Thiếu ảnh", "Trần Bình"),
                 ("returned", "submitted", "", "Cán bộ xã"),
                 ("submitted", "returned", "Thiếu dấu", "Trần Bình")]  # fmt: skip
        for hour, (before, after, note, who) in enumerate(steps):
            event = AuditEvent.objects.create(
                actor_name=who, action="update", target_type="quotas.submission",
                target_id=str(made.pk), target_repr="x", scope_path="/",
                changes={"state": [before, after]}, note=note,
            )  # fmt: skip
            AuditEvent.objects.filter(pk=event.pk).update(at=T + datetime.timedelta(hours=hour))

        new = _migrate(AFTER)
        rows = new.get_model("workflow", "Transition").objects.filter(workflow="quota")
        ledger = [(r.action, r.actor_name, r.reason) for r in rows.order_by("at", "pk")]
    finally:
        _leaf()

    assert ledger == [("return", "Trần Bình", "Thiếu ảnh"), ("resubmit", "Cán bộ xã", ""),
                      ("return", "Trần Bình", "Thiếu dấu")]  # fmt: skip

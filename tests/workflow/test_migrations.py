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

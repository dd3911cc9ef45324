"""The jobs' move onto the shared job fields keeps every existing job and its counts; one
left checking or writing by a stopped worker is failed (so that it may be retried)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import UnitFactory, UserFactory

BEFORE = [("imports", "0001_initial")]
AFTER = [("imports", "0002_job_heartbeat")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_import_jobs_keep_their_counts_and_stuck_ones_can_be_retried():
    old = _migrate(BEFORE)  # only the imports app goes back; the others stay as they are
    unit = UnitFactory(name="Trung ương", kind="nation")
    user = UserFactory()
    for state in ("checking", "writing", "done"):
        old.get_model("imports", "ImportJob").objects.create(
            unit_id=unit.pk, user_id=user.pk, original_name=f"{state}.xlsx", state=state,
            total_rows=40, checked_rows=20,
        )  # fmt: skip

    new = _migrate(AFTER)
    jobs = list(new.get_model("imports", "ImportJob").objects.order_by("pk"))
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    assert [(j.state, j.stage, j.done_count, j.total) for j in jobs] == [
        ("failed", "checking", 20, 40), ("failed", "writing", 20, 40), ("done", "", 20, 40),
    ]  # fmt: skip
    assert jobs[0].error.startswith("Tiến trình xử lý đã dừng giữa chừng")

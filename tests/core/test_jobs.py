"""The job core: claimed once, failed with a message on a crash or past its time limit,
reaped when its worker died, retried from the page; the page stops polling on failure."""

import datetime
import subprocess
import sys
import time

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from thidua.core import jobs
from thidua.core.jobs import HOST, JobState, finish, progress, reap_dead_jobs, run_job
from thidua.imports.models import ImportJob
from thidua.plans.models import PlanReading


@pytest.fixture
def job(officer_a):
    return PlanReading.objects.create(user=officer_a, original_name="kh.txt", kind="txt")


def test_a_queued_job_runs_once_even_if_delivered_twice(job):
    calls = []

    def work(running):
        calls.append(running.state)
        finish(running)

    run_job(PlanReading, job.pk, work)
    run_job(PlanReading, job.pk, work)
    job.refresh_from_db()

    assert calls == [JobState.RUNNING]
    assert (job.state, job.attempts, job.worker.split(":")[0]) == ("done", 1, HOST)
    assert job.finished_at is not None


def test_a_crash_fails_the_job_with_a_message(job):
    def work(running):
        raise RuntimeError("boom")

    run_job(PlanReading, job.pk, work)
    job.refresh_from_db()

    assert (job.state, job.error) == ("failed", jobs.CRASHED)


def test_a_job_past_its_time_limit_stops_at_its_next_progress_step(job):
    def work(running):
        progress(running, done_count=1)
        with time_machine.travel(timezone.now() + PlanReading.time_limit * 2):
            progress(running, done_count=2)
        finish(running)

    run_job(PlanReading, job.pk, work)
    job.refresh_from_db()

    assert (job.state, job.done_count) == ("failed", 1)
    assert f"Quá thời gian cho phép ({PlanReading.time_limit.seconds // 60} phút)" in job.error


def _running(job, worker, heartbeat_at=None):
    now = timezone.now()
    type(job).objects.filter(pk=job.pk).update(
        state=JobState.RUNNING, worker=worker, started_at=now, heartbeat_at=heartbeat_at or now
    )


def test_a_killed_workers_job_is_failed_when_the_next_worker_starts(job, officer_a):
    victim = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])  # noqa: S603
    alive = PlanReading.objects.create(user=officer_a, original_name="b.txt", kind="txt")
    _running(job, f"{HOST}:{victim.pid}")
    _running(alive, f"{HOST}:1")  # pid 1 is always alive
    assert reap_dead_jobs() == 0

    victim.kill()
    victim.wait()
    with pytest.raises(CommandError):  # tests run tasks in the request: no worker to start
        call_command("run_worker")
    job.refresh_from_db()
    alive.refresh_from_db()

    assert (job.state, job.error) == ("failed", jobs.DIED)
    assert alive.state == "running"


def test_the_periodic_command_fails_jobs_whose_heartbeat_went_stale(job, officer_a, settings):
    settings.JOB_STALE_SECONDS = 300
    fresh = PlanReading.objects.create(user=officer_a, original_name="b.txt", kind="txt")
    _running(job, "another-host:42", timezone.now() - datetime.timedelta(minutes=6))
    _running(fresh, "another-host:43", timezone.now() - datetime.timedelta(minutes=4))

    call_command("reap_jobs")
    job.refresh_from_db()
    fresh.refresh_from_db()

    assert (job.state, fresh.state) == ("failed", "running")


def test_a_silent_job_whose_process_lives_on_this_machine_is_left_running(job):
    # SQLite holds its heartbeat back during one long write; the process is what counts.
    _running(job, f"{HOST}:1", timezone.now() - datetime.timedelta(hours=1))

    call_command("reap_jobs")
    job.refresh_from_db()

    assert job.state == "running"


@pytest.fixture
def failed_import(officer_a, commune_a):
    from tests.imports.test_import import GOOD, _xlsx

    job = ImportJob.objects.create(unit=commune_a, user=officer_a, file=_xlsx(GOOD),
                                   original_name="danh-sach.xlsx")  # fmt: skip
    # Its worker on another machine went silent an hour ago: the page finds it dead.
    _running(job, "another-host:42", timezone.now() - datetime.timedelta(hours=1))
    return job


def test_the_page_of_a_dead_job_stops_polling_and_a_retry_runs_it(
    client, failed_import, officer_a, officer_b, django_capture_on_commit_callbacks
):
    from thidua.exemplars.models import Criterion, Field
    from thidua.exemplars.reference import load_reference_data

    load_reference_data(Field, Criterion)
    client.force_login(officer_b)
    sibling = client.post(reverse("imports:retry", args=[failed_import.pk]))
    client.force_login(officer_a)
    page = client.get(failed_import.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("imports:retry", args=[failed_import.pk]))
    failed_import.refresh_from_db()

    assert sibling.status_code == 404
    assert "hx-trigger" not in page
    assert jobs.DIED in page
    assert "Thử lại" in page
    assert (failed_import.state, failed_import.attempts, failed_import.created_subjects) == (
        "done", 1, 2,
    )  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_beats_from_a_thread_while_a_long_step_runs(officer_a, settings):
    settings.JOB_HEARTBEAT_SECONDS = 0.05
    job = PlanReading.objects.create(user=officer_a, original_name="kh.txt", kind="txt")
    seen = {}

    def work(running):
        time.sleep(0.5)  # one long step without progress calls
        seen["beat"] = PlanReading.objects.get(pk=running.pk).heartbeat_at
        finish(running)

    run_job(PlanReading, job.pk, work)
    job.refresh_from_db()

    assert seen["beat"] > job.started_at


def test_a_run_that_was_reaped_and_retried_does_not_write_over_the_new_run(job):
    def work(running):
        # Meanwhile: the page found this run dead, and the officer retried the job.
        PlanReading.objects.filter(pk=running.pk).update(state=JobState.QUEUED, worker="")
        finish(running)

    run_job(PlanReading, job.pk, work)
    job.refresh_from_db()

    assert job.state == "queued"


def test_a_job_running_under_no_worker_is_dead(job):
    # Left "running" by a version without workers (or by a hand-edited row).
    PlanReading.objects.filter(pk=job.pk).update(state=JobState.RUNNING)

    assert reap_dead_jobs() == 1

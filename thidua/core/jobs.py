"""Background jobs that a page follows: states, progress, a heartbeat, a time limit, and
recovery when the worker running one dies.

A job row (`Job`, abstract; `ImportJob`, `PrintJob`, `PlanReading` are concrete) is what the
officer's page polls. The task that runs it goes through `run_job`, which claims the row
(queued → running, once, whatever the queue delivers twice), beats a heartbeat from a
thread while the work runs, and records done, invalid or failed. A job whose worker was
killed is found by `reap_dead_jobs` — at worker start-up for this machine's dead processes,
and from the `reap_jobs` command (cron) or the polling page for heartbeats gone stale — and
marked failed with a message; the officer may retry it.
"""

import datetime
import hashlib
import logging
import os
import socket
import threading
import time
from contextlib import contextmanager, suppress
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, connection, models, transaction
from django.db.models import F, Q
from django.utils import timezone

from thidua.core.files import release_files
from thidua.core.logs import log_job

logger = logging.getLogger(__name__)


def _machine() -> str:
    """This machine as a job's worker names it: the host name, and on Linux a digest of
    the boot and the PID namespace, so that a pid is only ever looked up where it means
    the same process (not after a reboot, not from another container of the same pod)."""
    marks = []
    with suppress(OSError):
        marks.append(Path("/proc/sys/kernel/random/boot_id").read_text())
    with suppress(OSError):
        marks.append(os.readlink("/proc/self/ns/pid"))
    digest = hashlib.sha256("".join(marks).encode()).hexdigest()[:8] if marks else ""
    return f"{socket.gethostname()[:50]}/{digest}"


HOST = _machine()
DIED = ("Tiến trình xử lý đã dừng giữa chừng (máy chủ khởi động lại hoặc quá thời gian cho "
        "phép); chưa có gì được ghi. Bấm «Thử lại» để chạy lại.")  # fmt: skip
CRASHED = "Hệ thống gặp lỗi khi xử lý; chưa có gì được ghi. Xin thử lại hoặc báo quản trị viên."


class JobState(models.TextChoices):
    QUEUED = "queued", "Đang chờ"
    RUNNING = "running", "Đang xử lý"
    DONE = "done", "Hoàn tất"
    INVALID = "invalid", "Có lỗi, chưa thực hiện"
    FAILED = "failed", "Lỗi hệ thống, chưa thực hiện"


FINISHED = {JobState.DONE, JobState.INVALID, JobState.FAILED}


class TimeLimitExceeded(Exception):
    """The job ran past its model's `time_limit`; raised at its next progress step."""


class JobLost(Exception):
    """This run no longer owns its job: it was marked dead (and perhaps retried) meanwhile;
    the run stops without writing over what the job shows now."""


class Job(models.Model):
    """Fields every background job shares. `stage` says what a running job is doing
    ("checking", "writing", "layout"); `done_count`/`total` its progress."""

    state = models.CharField(max_length=10, choices=JobState.choices, default=JobState.QUEUED)
    stage = models.CharField(max_length=20, blank=True)
    done_count = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    worker = models.CharField(max_length=80, blank=True)  # host:pid of the running process
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    time_limit = datetime.timedelta(minutes=10)
    over_time_advice = "Hãy thử lại; nếu vẫn quá lâu, xin báo quản trị viên."

    class Meta:
        abstract = True
        indexes = [models.Index(fields=["state"], name="%(app_label)s_%(class)s_state")]

    @property
    def finished(self) -> bool:
        return self.state in FINISHED

    @property
    def percent(self) -> int:
        """The bar's value: the share of `total` done, the same figures as the «n/m» beside
        it; 99 at most until the job is done (its last step may have no finer progress)."""
        if self.state == JobState.DONE:
            return 100
        share = 100 * min(self.done_count, self.total) // self.total if self.total else 0
        return share if self.state == JobState.INVALID else min(99, share)

    def enqueue(self) -> None:
        """Queue the task that runs this job (each model names its own)."""
        raise NotImplementedError


def _set(job: Job, **values) -> None:
    """Save `values` of a run's own job: only while this run still owns it."""
    mine = type(job).objects.filter(
        pk=job.pk, state=JobState.RUNNING, worker=job.worker, attempts=job.attempts
    )
    if not mine.update(**values):
        raise JobLost
    for name, value in values.items():
        setattr(job, name, value)


def progress(job: Job, **values) -> None:
    """Save progress (and a heartbeat); past the time limit the job stops here."""
    now = timezone.now()
    if job.started_at and now - job.started_at > job.time_limit:
        raise TimeLimitExceeded
    _set(job, heartbeat_at=now, **values)


def finish(job: Job, state: str = JobState.DONE, **values) -> None:
    """End a run's own job: done, invalid (the input was refused) or failed."""
    _set(job, state=state, finished_at=timezone.now(), **values)


def drop_input(job: Job) -> None:
    """Forget the upload a job has read, once nothing else needs it (a failed job keeps
    its own, to be retried): deleted from storage after the commit if no other row refers
    to it (a draft plan keeps its document)."""
    name = job.file.name
    if name:
        type(job).objects.filter(pk=job.pk).update(file="")
        job.file = ""
        release_files([name])


def _claim(model, job_id: int) -> Job | None:
    """queued → running, for one worker only; None when the job is gone or taken."""
    now = timezone.now()
    claimed = model.objects.filter(pk=job_id, state=JobState.QUEUED).update(
        state=JobState.RUNNING, started_at=now, heartbeat_at=now, attempts=F("attempts") + 1,
        worker=f"{HOST}:{os.getpid()}", error="", finished_at=None,
    )  # fmt: skip
    return model.objects.filter(pk=job_id).first() if claimed else None


def run_job(model, job_id: int, work) -> None:
    """Run `work(job)` for a queued job: what a task of a job model does. `work` finishes
    the job itself (done or invalid); an exception fails it with a message."""
    job = _claim(model, job_id)
    if job is None:
        logger.warning("%s %s is not queued any more; skipped", model.__name__, job_id)
        return
    started = time.perf_counter()
    try:
        with heartbeat(job):
            work(job)
    except JobLost:
        logger.warning("%s %s was marked dead meanwhile; this run stops", model.__name__, job_id)
    except TimeLimitExceeded:
        _fail(job, f"Quá thời gian cho phép ({_minutes(job)} phút); chưa có gì được ghi. "
                   f"{job.over_time_advice}")  # fmt: skip
    except Exception:
        logger.exception("%s %s failed", model.__name__, job_id)
        _fail(job, CRASHED)
    log_job(job, started=started)


def _fail(job: Job, error: str) -> None:
    with suppress(JobLost):  # marked dead meanwhile: what the job shows now stands
        finish(job, JobState.FAILED, error=error)


def _minutes(job: Job) -> int:
    return int(job.time_limit.total_seconds() // 60)


@contextmanager
def heartbeat(job: Job):
    """Beat `heartbeat_at` from a thread while the body runs, so that a long step (one
    transaction, one PDF layout) does not look like a dead worker. Not when the job runs
    inside an outer transaction (a test's): another connection could not see its row."""
    seconds = settings.JOB_HEARTBEAT_SECONDS
    if not seconds or connection.in_atomic_block:
        yield
        return
    stop = threading.Event()
    thread = threading.Thread(target=_beat, args=(job, seconds, stop), daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=10)


def _beat(job: Job, seconds: float, stop: threading.Event) -> None:
    try:
        while not stop.wait(seconds):
            try:
                type(job).objects.filter(pk=job.pk, state=JobState.RUNNING).update(
                    heartbeat_at=timezone.now()
                )
            except DatabaseError:  # SQLite busy with the job's own long write: next time
                logger.info("heartbeat of %s %s skipped", type(job).__name__, job.pk)
    finally:
        connection.close()  # this thread's own connection (Django's are per thread)


def job_models() -> list[type[Job]]:
    return [model for model in apps.get_models() if issubclass(model, Job)]


def _process_gone(worker: str, *, fresh: bool) -> bool:
    """Whether the process `host:pid` of this machine no longer exists. A `fresh` process
    (a worker starting, the periodic command) runs no job, so a job recorded under its own
    pid belongs to a dead process whose pid was reused."""
    pid = int(worker.rsplit(":", 1)[1])
    if pid == os.getpid():
        return fresh
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        return False
    return False


def _dead_here(running) -> list[int]:
    here = running.filter(worker__startswith=f"{HOST}:").values_list("pk", "worker")
    return [pk for pk, worker in here if _process_gone(worker, fresh=True)]


def stale_since(now) -> datetime.datetime:
    return now - datetime.timedelta(seconds=settings.JOB_STALE_SECONDS)


def reap_dead_jobs(*, now=None) -> int:
    """Mark failed the running jobs whose worker died: on this machine, those whose
    process is gone (exact, whatever a long transaction did to the heartbeat); on other
    machines, those whose heartbeat is older than JOB_STALE_SECONDS; anywhere, those that
    ran past twice their time limit or name no worker at all. Returns how many."""
    now = now or timezone.now()
    count = 0
    for model in job_models():
        running = model.objects.filter(state=JobState.RUNNING)
        elsewhere = ~Q(worker__startswith=f"{HOST}:") & Q(heartbeat_at__lt=stale_since(now))
        dead = elsewhere | Q(started_at__lt=now - 2 * model.time_limit) | Q(worker="")
        dead |= Q(pk__in=_dead_here(running))
        count += running.filter(dead).update(state=JobState.FAILED, error=DIED, finished_at=now)
    if count:
        logger.warning("marked %s dead job(s) failed", count)
    return count


def check_alive(job: Job) -> Job:
    """The job as a polling page should show it: failed if its worker is gone (its
    process, on this machine; its heartbeat, on another)."""
    if job.state != JobState.RUNNING:
        return job
    if not job.worker:
        dead = True
    elif job.worker.startswith(f"{HOST}:"):
        dead = _process_gone(job.worker, fresh=False)
    else:
        dead = job.heartbeat_at is not None and job.heartbeat_at < stale_since(timezone.now())
    running = type(job).objects.filter(pk=job.pk, state=JobState.RUNNING, worker=job.worker)
    if dead and running.update(state=JobState.FAILED, error=DIED, finished_at=timezone.now()):
        job.state, job.error = JobState.FAILED, DIED
    return job


def retry_job(job: Job) -> bool:
    """Queue a failed job again (its input is kept); False if it is not failed."""
    retried = (
        type(job)
        .objects.filter(pk=job.pk, state=JobState.FAILED)
        .update(state=JobState.QUEUED, error="", stage="", done_count=0, finished_at=None)
    )
    if retried:
        job.refresh_from_db()
        transaction.on_commit(job.enqueue)
    return bool(retried)

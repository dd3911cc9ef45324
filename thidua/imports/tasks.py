import logging

from django_tasks import task

from thidua.imports.models import ImportJob, ImportState
from thidua.imports.services import run_job

logger = logging.getLogger(__name__)


@task()
def run_import(*, job_id: int) -> None:
    """Thin wrapper: fetch the job by id and run it; a crash marks the job failed (nothing
    was written, since writing is one transaction)."""
    job = ImportJob.objects.select_related("unit", "user").filter(pk=job_id).first()
    if job is None:
        logger.warning("ImportJob %s vanished before it ran", job_id)
        return
    try:
        run_job(job)
    except Exception:
        logger.exception("ImportJob %s failed", job_id)
        ImportJob.objects.filter(pk=job_id).update(state=ImportState.FAILED)

from django_tasks import task

from thidua.core.jobs import run_job
from thidua.imports import services
from thidua.imports.models import ImportJob


@task()
def run_import(*, job_id: int) -> None:
    """Thin wrapper: the job core claims the job, beats its heartbeat and fails it with a
    message on a crash (nothing was written, since writing is one transaction)."""
    run_job(ImportJob, job_id, services.run_job)

from django_tasks import task

from thidua.core.jobs import run_job
from thidua.exports import services
from thidua.exports.models import ExportJob


@task()
def run_export(*, job_id: int) -> None:
    """Write a long list to a file through the job core (progress, heartbeat, failure)."""
    run_job(ExportJob, job_id, services.run_export)

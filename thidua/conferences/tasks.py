from django_tasks import task

from thidua.conferences import printing
from thidua.conferences.models import PrintJob
from thidua.core.jobs import run_job


@task()
def render_print(*, job_id: int) -> None:
    """Render invitations or badges; the job core fails the job with a message on a crash
    and beats its heartbeat during the layout, which has no finer progress."""
    run_job(PrintJob, job_id, printing.render_job)

import logging

from django_tasks import task

from thidua.conferences.models import PrintJob
from thidua.conferences.printing import render_job

logger = logging.getLogger(__name__)


@task()
def render_print(*, job_id: int) -> None:
    """Render invitations or badges; a crash marks the job failed with a message."""
    job = PrintJob.objects.select_related("conference__unit").filter(pk=job_id).first()
    if job is None:
        return
    try:
        render_job(job)
    except Exception:
        logger.exception("PrintJob %s failed", job_id)
        PrintJob.objects.filter(pk=job_id).update(state="failed", error="Không tạo được tệp PDF.")

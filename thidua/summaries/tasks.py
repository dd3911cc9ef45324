from django_tasks import task

from thidua.core.jobs import run_job
from thidua.summaries.models import SummaryJob


@task()
def write_summary(*, job_id: int) -> None:
    """Write a summary report's Word file, its figures counted as they are now."""
    from thidua.summaries.report_docx import write_job  # noqa: PLC0415

    run_job(SummaryJob, job_id, write_job)
